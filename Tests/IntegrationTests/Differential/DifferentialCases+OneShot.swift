/// Differential cases for what `\g`, `\gx`, `\gset`, `\gexec`, `\gdesc` and `\crosstabview` leave
/// for the next query (psql's gfname, gsavepopt, g_expanded and the result flags): a `-c`
/// meta-command arms them for the next `-c`, and `\g FILE` opens its file only when rows arrive
/// (SetupGOutput), while command tags stay on the query output.
extension DifferentialCase {
    static let gFileScript = #"""
    \cd :dir
    create temp table q(a int);
    insert into q values (1) \g none.txt
    \! test -e none.txt && echo created || echo not created
    insert into q values (2) returning a \g rows.txt
    \! cat rows.txt
    insert into q values (3) returning a \g (format=html) rows.txt
    \! cat rows.txt
    insert into q values (4) \g missing/x.txt
    \echo :ERROR
    select * from q order by a \g missing/y.txt
    \echo :ERROR :SQLSTATE :ROW_COUNT
    select count(*) from q;
    copy (select * from q order by a) to stdout \g copy.txt
    \! cat copy.txt
    \set FETCH_COUNT 1
    select * from q order by a \g chunks.txt
    \! cat chunks.txt
    select * from q order by a \g missing/z.txt
    \unset FETCH_COUNT
    \o o.txt
    select 1 as inner_o \g g.txt
    create temp table r()
    \g g2.txt
    \o
    \! cat o.txt
    \! cat g.txt
    """#

    static let oneShot: [DifferentialCase] = [
        .init("g options kept for the next -c", ["-c", "\\g (format=csv)", "-c", "select 1 as a", "-c", "select 2 as b"]),
        .init("gx kept for the next -c", ["-c", "\\gx", "-c", "select 1 as a, 2 as b", "-c", "\\g"]),
        .init("gx then g options", ["-c", "\\gx", "-c", "\\g (format=unaligned)", "-c", "select 1 as a, 2 as b"]),
        .init("g file kept for the next -c", ["-c", "\\g {out}", "-c", "select 7 as seven", "-c", "select 8 as eight"],
              writesOutputFile: true),
        .init("g bad option then query", ["-c", "\\g (format=nope)", "-c", "select 1 as a"]),
        .init("gset wins over crosstabview", ["-c", "\\gset", "-c", "\\crosstabview", "-c", "select 1 as a, 2 b, 3 c",
              "-c", "\\echo :a :b :c"]),
        .init("crosstabview then gset", ["-c", "\\crosstabview", "-c", "\\gset", "-c", "select 1 as a, 2 b, 3 c",
              "-c", "\\echo :a"]),
        .init("gset wins over gexec", ["-c", "\\gexec", "-c", "\\gset", "-c", "select 'select 5' as a", "-c", "\\echo :a"]),
        .init("gdesc result goes to gset", ["-c", "\\gdesc", "-c", "\\gset", "-c", "select 1 as a",
              "-c", "\\echo :Column :Type"]),
        .init("gdesc result goes to crosstabview", ["-c", "\\gdesc", "-c", "\\crosstabview", "-c", "select 1 as a, 2 b"]),
        .init("gdesc result goes to gexec", ["-c", "\\gdesc", "-c", "\\gexec", "-c", "select 1 as a"]),
        .init("g file opened when rows arrive", ["-v", "dir={dir}", "-f", "{dir}/g.sql"], files: ["g.sql": gFileScript]),
    ]
}
