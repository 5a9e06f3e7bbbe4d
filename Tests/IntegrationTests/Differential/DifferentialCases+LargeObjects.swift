/// Differential cases for `\lo_import`, `\lo_export`, `\lo_unlink`, `\lo_list` and `\dl`
/// (psql's large_obj.c). Oids differ between the two programs' runs, so what prints one is run
/// quietly and the object is found again by its comment.
extension DifferentialCase {
    static let largeObjectScript = """
    \\set QUIET on
    \\lo_import :file 'a ''quoted'' comment'
    \\set QUIET off
    select description from pg_catalog.pg_description d join pg_catalog.pg_largeobject_metadata m on m.oid = d.objoid;
    select :LASTOID > 0 as has_oid;
    \\lo_export :LASTOID :out
    \\set QUIET on
    \\lo_unlink :LASTOID
    \\set QUIET off
    \\lo_unlink 1
    \\lo_export 1 :out
    \\lo_unlink
    \\lo_unlink abc
    \\lo_export 1
    \\lo_import
    \\lo_import /nonexistent/file
    begin;
    select 1/0;
    \\lo_import :file
    rollback;
    \\dl
    \\dl+ ignored_pattern
    \\lo_list
    \\lo_list+
    \\dlx
    \\lo_list+x
    \\pset format html
    \\lo_list
    """

    static let largeObjects: [DifferentialCase] = [
        .init("large objects", ["-v", "file={dir}/data.txt", "-v", "out={out}", "-f", "{dir}/lo.sql"],
              files: ["lo.sql": largeObjectScript, "data.txt": "large object data\n"], writesOutputFile: true),
        .init("large objects echo hidden", ["-E", "-c", "\\lo_unlink 1", "-c", "\\dl+"]),
        .init("large objects stop on error", ["-c", "\\lo_unlink 1"], mode: .exec),
    ]
}
