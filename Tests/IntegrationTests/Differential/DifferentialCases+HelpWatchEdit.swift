/// Differential cases for `\h`, `\watch` and `\e`/`\ef` (psql-compat.md §8): the
/// parts whose output holds no pgentra-specific text (`\?` names pgentra, so it is not here).
extension DifferentialCase {
    /// Fails on the third run (1/(3-3)), which ends `\watch`; the first runs show the title.
    static let watchScript = """
    create temp sequence s;
    select 1/(3-nextval('s'))::int as x \\watch 0.1
    \\pset title Counting
    select setval('s', 1);
    select nextval('s') as n, 1/(3-currval('s'))::int as x \\watch 0.1
    \\pset title
    select setval('s', 1);
    select nextval('s') as n, 1/(3-currval('s'))::int as x \\watch junk
    select 'after' as state;
    """
    /// psql 18's `\watch` arguments, their errors, WATCH_INTERVAL, and the result variables a
    /// watch leaves alone (each run goes at once: interval 0, a count or min_rows ends it).
    static let watchOptionsScript = """
    select 1 as a \\watch c=2 i=0
    \\echo :ROW_COUNT
    select 2 as b \\watch m=2 0
    select 3 \\watch i=1 2
    select 4 \\watch c=0
    select 5 \\watch x=1
    select 6 \\watch c=1x
    select 7 \\watch m=1 min_rows=2
    select 8 \\watch -1
    \\set WATCH_INTERVAL junk
    \\set WATCH_INTERVAL 2000000
    \\set WATCH_INTERVAL 0
    select 9 as c \\watch count=1
    \\echo :WATCH_INTERVAL
    select 1/0 \\watch c=2
    \\echo :ERROR
    """
    /// EDITOR (set with `\setenv`, as psql reads it when `\e` runs) is a script that turns 1
    /// into 42 in the file it is given, so each edit changes the buffer.
    static let editorScript = "#!/bin/sh\nfor f; do :; done\nsed -i 's/1/42/' \"$f\"\n"
    static let editScript = """
    \\set ed 'sh ' :d '/ed.sh'
    \\setenv EDITOR :ed
    select 1 as x
    \\e
    \\echo after the edit
    ;
    \\e
    \\p
    select 11 as a; select 2 as b \\e
    \\p
    ;
    \\e 0
    \\e 3
    \\setenv PSQL_EDITOR_LINENUMBER_ARG '--line='
    \\e 3
    ;
    \\e /nonexistent/file.sql
    \\setenv EDITOR false
    select 1 \\e
    \\p
    ;
    create function f1(i int) returns int language sql as 'select i + 1';
    \\setenv EDITOR :ed
    \\ef f1
    \\p
    \\r
    \\ef nosuchf
    \\ef f1 0
    \\setenv EDITOR true
    \\ef f1
    \\ef
    \\p
    drop function f1(int);
    """

    /// `\ev` as `\ef` for views: the editor turns 1 into 42 in the view's definition, which then
    /// runs (CREATE OR REPLACE VIEW keeps the view's columns), and the skeleton without a name.
    static let editViewScript = """
    \\set ed 'sh ' :d '/ed.sh'
    \\setenv EDITOR :ed
    create view eva as select 1 as one;
    \\ev eva
    \\p
    ;
    select * from eva;
    \\ev mv_items
    \\ev nosuchview
    \\ev eva 0
    \\setenv EDITOR true
    \\ev eva
    \\ev
    \\p
    \\r
    drop view eva;
    """

    static let helpWatchEdit: [DifferentialCase] = [
        .init("h", ["-c", "\\h"]),
        .init("h select", ["-c", "\\h select"]),
        .init("h alter table", ["-c", "\\h alter table"]),
        .init("h create lists every CREATE", ["-c", "\\h create"]),
        .init("h unknown", ["-c", "\\h nosuch"]),
        .init("h in a script", [], stdin: "\\h DROP TABLE;;\n\\help alter   table\n\\h *\n\\h \"select\"\nselect 1 \\h values\n;\n"),
        .init("watch stops at an error", ["-f", "{dir}/w.sql"], files: ["w.sql": watchScript], masksDates: true),
        .init("watch options", ["-e", "-f", "{dir}/w.sql"], files: ["w.sql": watchOptionsScript], masksDates: true),
        .init("watch in -c has no query buffer", ["-c", "select 1", "-c", "\\watch 0.1"]),
        .init("edit and edit function", ["-v", "d={dir}", "-e", "-f", "{dir}/e.sql"],
              files: ["e.sql": editScript, "ed.sh": editorScript]),
        .init("edit in -c has no query buffer", ["-c", "\\e", "-c", "\\ef"]),
        .init("edit view", ["-v", "d={dir}", "-e", "-f", "{dir}/ev.sql"], files: ["ev.sql": editViewScript, "ed.sh": editorScript]),
        .init("edit view in -c has no query buffer", ["-c", "\\ev v_items"]),
    ]
}
