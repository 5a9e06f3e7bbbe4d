/// Differential cases for the statement scanner as psql's lexer (psqlscan.l, mainloop.c): string
/// and quote forms, variables, `\;`, standard_conforming_strings as the server reports it line
/// by line, the query buffer and lexer state around inactive `\if` branches (psql 18's
/// save_query_text_state/discard_query_text), and the skipping of a failed COPY FROM STDIN's
/// in-line data (psql 18.6, CVE-2026-6464). Tables are temporary, so the fixtures stay as
/// they are; scripts run with `-a` where what is echoed (or skipped unseen) matters.
extension DifferentialCase {
    static let lexer: [DifferentialCase] = lexerQuotes + lexerConditionals + lexerCopySkips

    static let lexerQuotes: [DifferentialCase] = [
        .init("lexer E strings", ["-a", "-f", "{dir}/e.sql"], files: ["e.sql": #"""
            select E'a\'b\\c;' as e, E'x''y' as doubled, 'p;q' as plain;
            select E'tab\there' as t, e'oct\101' as o;
            select E'open\';
            still open' as multi;
            """#]),
        .init("lexer U& strings and identifiers", ["-a", "-f", "{dir}/u.sql"], files: ["u.sql": #"""
            select U&'d\0061t\+000061' as u1, U&'d!0061t!!' UESCAPE '!' as u2, u&'semi;colon' as u3;
            select U&"d\0061t\0061" from (select 1 as "data") s;
            select U&"d!0061t!0061" UESCAPE '!' from (select 2 as "data") s;
            """#]),
        .init("lexer nested comments", ["-a", "-f", "{dir}/c.sql"], files: ["c.sql": """
            select 1 /* outer /* inner; */ still; */ + 2 as nested;
            select 3 /* open /* two
            levels; */ one; */ as after;
            select 4 -- a dash comment; with a semicolon
            as dashed;
            """]),
        .init("lexer dollar quotes with tags", ["-a", "-f", "{dir}/d.sql"], files: ["d.sql": """
            select $tag$ a $other$ b; $$ c $tag$ as dq, $$x;y$$ as d2, $_1$;$_1$ as d3;
            select $a$ line one;
            line two $a$ as multi;
            prepare lexer_p(int, int) as select $1 + $2 as sum; execute lexer_p(2, 3);
            select 1 as"a$b$" ;
            """]),
        .init("lexer backslash semicolon combines statements", ["-a", "-f", "{dir}/s.sql"], files: ["s.sql": #"""
            select 1 as a \; select 2 as b;
            select 3 as c \;
            select 4 as d;
            select 'x\;y' as q \; select 5 as e \g
            select 6 \: 7;
            """#]),
        .init("lexer variables in quotes forms", ["-a", "-f", "{dir}/v.sql"], files: ["v.sql": #"""
            \set v 'it''s; here'
            \set id 'my col'
            select :'v' as lit, 1 as :"id", :{?v} as def, :{?nosuch} as undef;
            \set n 42
            select :n as n, :n::text as cast;
            select ':n' as a, $$:n$$ as b, 1 as ":n", E':n' as c /* :n */;
            select :'nosuch';
            select :"nosuch";
            select :nosuch;
            """#]),
        .init("lexer standard_conforming_strings off from the next line", ["-a", "-f", "{dir}/o.sql"], files: ["o.sql": #"""
            set standard_conforming_strings = off;
            select 'a\'b' as x, 'c;d' as y;
            select 'back\\slash' as z;
            select 2 as two;
            reset standard_conforming_strings;
            select 'e\' as w;
            """#]),
        .init("lexer standard_conforming_strings off on the same line", ["-a", "-f", "{dir}/o.sql"], files: ["o.sql": #"""
            set standard_conforming_strings = off; select 'a\'b'; select 2;
            select 'c\'d' as ok;
            set standard_conforming_strings = on; select 'e\' as w;
            select 'f\' as v;
            """#]),
        .init("lexer standard_conforming_strings off on stdin", ["-a"], stdin: #"""
            set standard_conforming_strings to off;
            select 'a\'b' as x; select 'c;d' as y;
            """#),
    ]

    static let lexerConditionals: [DifferentialCase] = [
        .init("lexer inactive branch with a paren and a quote", ["-a", "-f", "{dir}/i.sql"], files: ["i.sql": #"""
            \if false
            select ( ;
            \else
            select 1 as one;
            \endif
            select 2 as two;
            \if false
            select 'abc
            \endif
            select 3;
            ' ;
            \endif
            select 4 as four;
            """#]),
        .init("lexer query typed before an inactive branch with a semicolon", ["-a", "-f", "{dir}/q.sql"], files: ["q.sql": #"""
            select 1
            \if false
            select 'x';
            select (
            \endif
            as kept;
            """#]),
        .init("lexer query typed before an inactive branch without a semicolon", ["-a", "-f", "{dir}/q.sql"], files: ["q.sql": #"""
            select 1
            \if false
            + 100
            \endif
            as kept;
            """#]),
        .init("lexer elif and else after a partial query", ["-a", "-f", "{dir}/e.sql"], files: ["e.sql": #"""
            select 1 +
            \if false
            select 5;
            \elif true
             2 as elif;
            \else
             3;
            \endif
            select 10 +
            \if false
            (
            \else
             20 as else;
            \endif
            select 100 as
            \if true
            active
            \else
            ; inactive
            \endif
            ;
            """#]),
        .init("lexer nested branches give back the lexer state", ["-a", "-f", "{dir}/n.sql"], files: ["n.sql": #"""
            \if true
            select 1 as
            \else
            garbage (
            \endif
            x;
            select 2 +
            \if false
              \if true
              ( 5;
              \else
              6;
              \endif
            \elif true
              \if false
              (
              \endif
              3 as y;
            \endif
            create function pg_temp.lexer_f() returns int language sql
            \if true
            begin atomic select 1;
            \else
            begin atomic
            \endif
            end;
            select pg_temp.lexer_f();
            """#]),
        .init("lexer single-line mode sends only complete lines", ["-a", "-f", "{dir}/s.sql"], files: ["s.sql": #"""
            \set SINGLELINE on
            select (1
            + 2) as x
            select $$a
            b$$ as y
            select 'c
            d' as z
            \if false
            select 5
            \endif
            select 6 as w
            """#]),
        .init("lexer inactive branch expands no variables", ["-a", "-f", "{dir}/x.sql"], files: ["x.sql": #"""
            \set open '''x'
            \set paren '('
            \if false
            select :open;
            select :paren :'nosuch' :"nosuch" :{?nosuch}
            \endif
            select 'after' as a;
            """#]),
    ]

    static let lexerCopySkips: [DifferentialCase] = [
        .init("lexer failed copy from stdin skips its data", ["-a", "-f", "{dir}/c.sql"], files: ["c.sql": #"""
            copy nosuch from stdin;
            1
            \! echo pwned
            select 'skipped' as s;
            \.x
            \. 
            \.
            select 'runs' as r;
            """#]),
        .init("lexer failed copy from stdin skips its data on stdin", [], stdin: #"""
            copy nosuch from stdin;
            1
            \! echo pwned
            \.
            select 'runs' as r;
            """#),
        .init("lexer copy after an error on the same line runs", ["-a", "-f", "{dir}/c.sql"], files: ["c.sql": #"""
            create temp table ct(a int);
            select 1/0; copy ct from stdin;
            1
            \.
            copy ct from stdin; select 1/0;
            2
            \.
            select 1/0 \; copy ct from stdin;
            3
            \.
            select sum(a) from ct;
            """#]),
        .init("lexer several copies combined", ["-a", "-f", "{dir}/c.sql"], files: ["c.sql": #"""
            create temp table ct(a int);
            copy nosuch from stdin \; copy ct from stdin \; select 1;
            1
            \.
            2
            \.
            copy ct from stdin \; copy nosuch from stdin;
            3
            \.
            4
            \.
            select sum(a) from ct;
            select 1 as a; copy nosuch from stdin; select 2 as b;
            5
            \.
            """#]),
        .init("lexer failed slash copy skips its data", ["-a", "-f", "{dir}/c.sql"], files: ["c.sql": #"""
            \copy nosuch from stdin
            1
            \! echo pwned
            \.
            select 'runs' as r;
            copy nosuch from stdin \g
            2
            \.
            select 'runs too' as r;
            """#]),
        .init("lexer failed slash copy from pstdin skips stdin", [], stdin: #"""
            \copy nosuch from pstdin
            1
            \! echo pwned
            \.
            select 'runs' as r;
            """#),
        .init("lexer failed copy in -c skips its data on stdin", ["-c", "copy nosuch from stdin", "-f", "-"],
              stdin: "1\n\\! echo pwned\n\\.\nselect 2 as two;\n"),
        .init("lexer -c counts copies up to its first semicolon", ["-c", "copy nosuch from stdin; copy nosuch from stdin;", "-f", "-"],
              stdin: "1\n\\.\n2\n\\.\nselect 3 as three;\n"),
        .init("lexer -c counts copies across backslash semicolons", ["-c", "select 1 \\; copy nosuch from stdin", "-f", "-"],
              stdin: "1\n\\.\nselect 4 as four;\n"),
        .init("lexer -c counts no copy after a semicolon", ["-c", "select 1/0; copy nosuch from stdin", "-f", "-"],
              stdin: "\\echo not skipped\n\\.\n"),
        .init("lexer failed slash copy in -c skips its data on stdin", ["-c", "\\copy nosuch from stdin", "-f", "-"],
              stdin: "1\n\\! echo pwned\n\\.\nselect 5 as five;\n"),
        .init("lexer failed slash copy from pstdin in a file skips nothing", ["-f", "{dir}/p.sql", "-f", "-"],
              stdin: "\\echo not skipped\n\\.\n", files: ["p.sql": "\\copy nosuch from pstdin\n"]),
        .init("lexer failed copy from gexec skips its data", ["-a", "-f", "{dir}/g.sql"], files: ["g.sql": #"""
            select 'copy nosuch from stdin', 'select 1 as "copy x from stdin"' \gexec
            1
            \! echo pwned
            \.
            select 2 as two;
            """#]),
        .init("lexer copy that reads no data skips nothing", ["-a", "-f", "{dir}/c.sql"], files: ["c.sql": #"""
            copy nosuch to stdout;
            \echo a
            copy nosuch from '/nonexistent/lexer';
            \echo b
            select 1/0 as "copy x from stdin";
            \echo c
            \.
            \echo d
            """#]),
        .init("lexer failed copy at the end of a script", ["-a", "-f", "{dir}/c.sql", "-c", "select 'next' as n"], files: ["c.sql": #"""
            copy nosuch from stdin;
            1
            \! echo pwned
            select 1;
            """#]),
        .init("lexer failed copy in an included file", ["-a", "-f", "{dir}/outer.sql"], files: [
            "outer.sql": "copy nosuch from stdin;\n1\n\\.\n\\ir inner.sql\nselect 'outer' as o;\n",
            "inner.sql": "copy nosuch from stdin;\n1\n\\! echo pwned\nselect 'inner' as i;\n",
        ]),
        .init("lexer copy in an inactive branch counts nothing", ["-a", "-f", "{dir}/c.sql"], files: ["c.sql": #"""
            \if false
            copy nosuch from stdin;
            \endif
            select 1 as one;
            1
            \.
            copy nosuch from stdin
            \if false
            \endif
            ;
            2
            \.
            select 'after' as a;
            """#]),
    ]
}
