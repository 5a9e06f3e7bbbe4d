/// Differential cases for `\sf`, `\sv` and `\copyright` (psql's exec_command_sf_sv and
/// print_copyright).
extension DifferentialCase {
    static let objectSourceScript = """
    \\sf add_one(int)
    \\sf+ add_one(bigint)
    \\sf extra.body_std
    \\sf+ extra.body_std
    \\sv v_items
    \\sv+ extra."Checked View"
    \\sv mv_items
    \\sv nosuch
    \\sf nosuch
    \\sf add_one
    \\sf add_one(
    \\sf
    \\sv
    \\o :out
    \\sf add_one(int)
    \\o
    \\echo after
    """

    static let objectSources: [DifferentialCase] = [
        .init("show function and view sources", ["-v", "out={out}", "-f", "{dir}/source.sql"],
              files: ["source.sql": objectSourceScript], writesOutputFile: true),
        .init("show function source echo hidden", ["-E", "-c", "\\sf+ add_one(int)"]),
        .init("show view source stops on error", ["-c", "\\sv nosuch"]),
        .init("show function source without a name", ["-c", "\\sf"]),
        // exec_command_sf_sv reads the name with semicolon = true: trailing `;`s and blanks go.
        .init("show sources with trailing semicolons", ["-f", "{dir}/semicolons.sql"], files: ["semicolons.sql": """
            \\sf add_one(int);
            \\sf+ add_one(bigint) ; ;
            \\sv v_items;
            \\sf ;
            \\sv  ; ;
            \\sf add_one(int;)
            \\h select;
            """]),
        .init("copyright", ["-c", "\\copyright"]),
        .init("copyright ignores output redirection", ["-c", "\\o {out}", "-c", "\\copyright"], writesOutputFile: true),
    ]
}
