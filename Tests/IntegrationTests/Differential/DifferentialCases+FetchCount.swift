/// Differential cases for FETCH_COUNT on the simple query protocol: psql 17+ reads any result
/// in chunks (PQsetChunkedRowsMode) instead of psql 15's cursor for SELECTs, so every format
/// prints chunk by chunk (common.c ExecQueryAndProcessResults), and ROW_COUNT after COPY.
extension DifferentialCase {
    /// Each chunk has its own widths; the closing piece (border 2's bottom rule) the header's.
    /// `\x auto` is always expanded for chunks on stdout, per chunk for `\o FILE`.
    static let chunkFormatsScript = #"""
    \set FETCH_COUNT 2
    create temp table fc(a int, b text);
    insert into fc values (1,'one'),(2,'two'),(3,'three') returning *;
    \echo :ROW_COUNT
    select * from fc order by a;
    \echo :ROW_COUNT :ERROR :SQLSTATE
    \pset border 2
    select * from fc order by a;
    \x auto
    select * from fc order by a;
    \o :out
    select * from fc order by a;
    \o
    \x off
    \pset border 1
    update fc set a = a returning a;
    select 1/0 from fc;
    select a, 1/(a-3) from fc order by a;
    \echo :ROW_COUNT :ERROR :SQLSTATE
    values (1),(2);
    \pset format csv
    select * from fc order by a;
    """#

    /// Every format, SHOW_ALL_RESULTS, several results in one string, `\gset`, `\gx`, `\g FILE`,
    /// a transaction, COPY and non-SELECT statements, each with FETCH_COUNT set.
    static let chunkEverywhereScript = #"""
    \set FETCH_COUNT 3
    create temp table fc as select g a, repeat('x', g) b from generate_series(1,7) g;
    begin;
    select * from fc order by a;
    commit;
    select a, 1/(a-5) from fc order by a;
    \echo :ERROR :ROW_COUNT
    select 1 \; select * from fc order by a \; select 2;
    \set SHOW_ALL_RESULTS off
    select 1 \; select * from fc order by a;
    \set SHOW_ALL_RESULTS on
    \pset format unaligned
    select * from fc order by a;
    \pset format html
    select * from fc order by a;
    \pset format latex
    select * from fc order by a;
    \pset format latex-longtable
    select * from fc order by a;
    \pset format troff-ms
    select * from fc order by a;
    \pset format asciidoc
    select * from fc order by a;
    \x on
    select * from fc order by a;
    \pset format unaligned
    select * from fc order by a;
    \pset format wrapped
    \pset columns 8
    select * from fc order by a;
    \x auto
    select * from fc order by a;
    \pset format aligned
    \pset columns 0
    \x off
    \pset title hello
    select * from fc order by a;
    \pset title
    \pset tuples_only on
    select * from fc order by a;
    \pset tuples_only off
    copy (select * from fc order by a) to stdout;
    \echo :ROW_COUNT
    select * from fc where a = 2 \gset
    \echo :a :b
    select * from fc order by a limit 2 \gx
    select a from fc order by a \g :out
    explain (costs off) select * from fc;
    show work_mem;
    select a, b from fc order by a \crosstabview
    """#

    static let fetchCount: [DifferentialCase] = [
        .init("fetch count chunk formats", ["-v", "out={out}", "-f", "{dir}/f.sql"], files: ["f.sql": chunkFormatsScript],
              writesOutputFile: true),
        .init("fetch count everywhere", ["-v", "out={out}", "-f", "{dir}/f.sql"], files: ["f.sql": chunkEverywhereScript],
              writesOutputFile: true),
        .init("fetch count expanded border 2", ["-v", "FETCH_COUNT=2", "-P", "expanded=on", "-P", "border=2",
              "-c", "select * from items order by id"]),
        .init("fetch count with -c several", ["-v", "FETCH_COUNT=1", "-c", "select 1 as a union all select 22",
              "-c", "select 'x' as x \\; select 3 as c"]),
        // psql 18 leaves ROW_COUNT at 0 after COPY TO STDOUT, and counts the rows COPY FROM reads.
        .init("row count after copy", ["-f", "{dir}/c.sql"], files: ["c.sql": """
            create temp table rc as select g a from generate_series(1,7) g;
            copy rc to stdout;
            \\echo :ROW_COUNT
            copy rc from stdin;
            8
            9
            \\.
            \\echo :ROW_COUNT
            \\copy rc to stdout
            \\echo :ROW_COUNT
            \\copy rc from stdin
            10
            \\.
            \\echo :ROW_COUNT
            copy (select 1) to stdout \\; select 5;
            \\echo :ROW_COUNT
            """]),
        // HandleCopyResult hides COPY's tag only where the data went: `pstdout` is stdout, which
        // is the query output unless -o or \o took it elsewhere; then the tag goes there.
        .init("copy to pstdout beside -o and \\o", ["-o", "{out}", "-f", "{dir}/p.sql"], files: ["p.sql": """
            \\copy (select 1 as a) to pstdout
            \\copy (select 2 as a) to stdout
            \\o
            \\copy (select 3 as a) to pstdout
            \\o /dev/null
            \\copy (select 4 as a) to pstdout
            \\o
            """], writesOutputFile: true),
    ]
}
