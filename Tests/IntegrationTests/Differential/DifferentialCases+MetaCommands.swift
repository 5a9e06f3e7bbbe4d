/// Differential cases for the meta-commands beyond printing (psql-compat.md §8): conditionals,
/// timing, output redirection, \gset/\gexec/\gdesc, \connect, \copy and the shell commands.
extension DifferentialCase {
    static let conditionalScript = """
    \\set flag true
    \\if :flag
    select 'yes' as branch;
    \\elif false
    select 'no';
    \\else
    select 'else';
    \\endif
    \\if false
    select 'skipped';
    \\echo skipped `echo never run`
    \\o /nonexistent/never
    \\nosuch
    \\if true
    select 'nested skipped';
    \\endif
    \\elif maybe
    select 'elif maybe';
    \\elif 1
    select 'elif one' as branch;
    \\else
    \\echo not here
    \\endif
    \\if yes
    \\else
    \\else
    \\endif
    \\elif x
    \\else
    \\endif
    \\if
    select 'empty expression';
    \\endif
    \\if off select 'same line';
    \\endif
    select 'done' as d;
    """
    static let partialBufferScript = """
    select 'kept'
    \\if false
    , 'dropped'
    \\endif
    as k;
    """
    static let timingScript = """
    \\timing on
    select 1 as one;
    selec;
    \\timing
    select 2 as two;
    \\timing bogus
    \\timing off
    select 3 as three;
    """
    static let outputScript = """
    select 1 as before;
    \\o :out
    select 2 as into_file;
    \\qecho qecho to file
    \\echo echo to stdout
    create temp table o (i int);
    \\o
    select 3 as after;
    \\o |cat
    select 4 as piped;
    \\o
    select 5 as back;
    \\o /nonexistent/dir/x
    select 6 as still_stdout;
    """
    static let gsetScript = """
    select 1 as a, null as b, 'x y' as c \\gset
    \\echo :a :b :c
    \\set b set
    select 2 as a, null as b \\gset p_
    \\echo :p_a :p_b :b
    select 1 as a where false \\gset
    select g as a from generate_series(1, 2) g \\gset
    select 1 as "bad name" \\gset
    select 'on' as "QUIET", 7 as ok \\gset
    \\echo :ok
    create temp table gs (i int) \\gset
    select 8 as again
    \\gset
    \\gset
    \\echo :again
    select 1/0 as boom \\gset
    """
    static let gexecScript = """
    select 'select ' || g || ' as n' from generate_series(1, 2) g \\gexec
    select 'create temp table gx (i int)', null, 'insert into gx values (1), (2)' \\gexec
    select 'selec', 'select count(*) from gx' \\gexec
    select 1 where false \\gexec
    select 'select 9 as inner_query' \\gexec
    \\g
    """
    static let gdescScript = """
    select 1 as a, 'x'::varchar(10) as b, now() as "When", null as n \\gdesc
    create temp table gd (i int) \\gdesc
    select nosuch \\gdesc
    select * from items order by id \\gdesc
    select 'after' as a;
    """
    static let connectScript = """
    \\c postgres
    select current_database();
    \\connect - - localhost
    \\c difftest - 127.0.0.1
    \\c -reuse-previous=bogus
    \\c "dbname=postgres" someone
    \\set ci 'dbname=postgres host=' :HOST ' port=' :PORT ' user=' :USER
    \\c :ci
    select current_database(), :'DBNAME' as var;
    \\c -reuse-previous=on dbname=difftest
    \\c nosuchdb
    select 'not reached';
    """
    static let copyScript = """
    \\cd :d
    create temp table c (id int, name text);
    \\copy c from stdin
    1\tone
    2\ttwo
    \\.
    \\copy c from stdin with (format csv)
    3,"th,ree"
    \\.
    \\copy c to 'c.out'
    \\copy c (id, name) from c.out
    select * from c order by id, name;
    \\copy (select count(*) from c) to stdout
    \\copy c to stdout with csv header
    \\copy public.items (id, name) to stdout where false
    \\copy c from nosuch.txt
    \\copy
    \\copy c sideways
    \\copy c from stdin
    x\tbad
    \\.
    select 'end' as e;
    """
    static let environmentScript = """
    \\setenv PGENTRA_DIFF_T hello
    \\getenv v PGENTRA_DIFF_T
    \\echo :v
    \\setenv PGENTRA_DIFF_T
    \\getenv w PGENTRA_DIFF_T
    \\echo :w
    \\setenv A=B x
    \\setenv
    \\getenv onlyone
    \\! echo from shell; echo "to stderr" >&2
    \\encoding
    \\encoding LATIN1
    \\echo :ENCODING
    \\encoding nosuch
    \\encoding UTF8
    \\cd /nonexistent/dir
    \\cd :d
    select 42 as answer
    \\w w.sql
    \\r
    \\i w.sql
    \\w
    """
    static let promptScript = """
    \\prompt 'Name: ' who
    \\echo hello :who
    \\prompt plain
    \\echo :plain
    \\prompt 'More: ' none
    \\prompt
    """

    static let messagesToFileScript = """
    \\o :out
    \\pset border 2
    \\echo echo line
    \\qecho qecho line
    select 1 as in_file;
    \\p
    \\r
    \\errverbose
    \\conninfo
    \\x
    select 2 as b;
    \\o
    """
    static let sendOptionsScript = """
    select 1 as a, 2 as b \\g (format=unaligned tuples_only)
    select 2 as still_aligned;
    select 3 as c \\gx (border=0)
    select 4 as d \\g (
    select 5 as e \\g (nosuch=1)
    select 6 as f \\g (format=csv) |cat
    select 7 as g \\g :out
    select 8 as h;
    \\g (footer=off)
    \\gx
    """

    /// psql 18's command names in a branch that does not run: the ones it knows (even those
    /// pgentra does not run yet) pass silently, the rest are invalid.
    static let inactiveNamesScript = """
    \\if false
    \\bind_named x
    \\zz
    \\z+
    \\zx
    \\zSx
    \\lxx
    \\lx
    \\l+x
    \\listx
    \\startpipeline
    \\restrict k
    \\unrestrict k
    \\flush
    \\close_prepared a
    \\dnosuch
    \\lo_nosuch
    \\nosuch
    \\endif
    \\echo done
    """

    static let metaCommands: [DifferentialCase] = [
        .init("list databases", ["-l"]),
        .init("list databases ignores -c", ["-l", "-c", "select 1 as never"]),
        .init("list databases in csv", ["-l", "--csv"]),
        .init("if elif else", ["-f", "{dir}/if.sql"], files: ["if.sql": conditionalScript]),
        .init("if elif else on stdin", [], stdin: conditionalScript),
        .init("inactive branch knows psql 18's names", ["-f", "{dir}/n.sql"], files: ["n.sql": inactiveNamesScript]),
        .init("inactive branch drops its query text", ["-f", "{dir}/p.sql"], files: ["p.sql": partialBufferScript]),
        .init("unclosed if", ["-f", "{dir}/open.sql"], files: ["open.sql": "\\if true\nselect 1 as a;\n"]),
        .init("unclosed if stops", ["-v", "ON_ERROR_STOP=1", "-f", "{dir}/open.sql"], files: ["open.sql": "\\if false\nselect 1 as a\n"]),
        .init("unclosed if on stdin", [], stdin: "\\if true\n\\if false\nselect 1;\n\\endif\n"),
        .init("endif without if stops", ["-v", "ON_ERROR_STOP=1", "-f", "{dir}/e.sql"], files: ["e.sql": "\\endif\nselect 1 as a;\n"]),
        .init("if in exec", ["-f", "{dir}/if.sql"], mode: .exec, files: ["if.sql": "\\if 0\nselect 1;\n\\else\nselect 2 as two;\n\\endif\n"]),
        .init("timing", ["-f", "{dir}/t.sql"], files: ["t.sql": timingScript], masksTiming: true),
        .init("timing quiet", ["-q", "-c", "\\timing on", "-c", "select 1 as a"], masksTiming: true),
        .init("output redirection", ["-v", "out={out}", "-f", "{dir}/o.sql"], files: ["o.sql": outputScript], writesOutputFile: true),
        // pgentra's \conninfo adds the signed-in identity and the token's lifetime after psql's rows.
        .init("output redirection of messages", ["-v", "out={out}", "-f", "{dir}/m.sql"], files: ["m.sql": messagesToFileScript], writesOutputFile: true,
              pgentraOnlyRows: ["Signed in as", "Token"]),
        .init("g with options and targets", ["-v", "out={out}", "-f", "{dir}/g.sql"], files: ["g.sql": sendOptionsScript], writesOutputFile: true),
        .init("gset", ["-f", "{dir}/gset.sql"], files: ["gset.sql": gsetScript]),
        .init("gset on stdin", [], stdin: gsetScript),
        .init("gexec", ["-f", "{dir}/gexec.sql"], files: ["gexec.sql": gexecScript]),
        .init("gexec stops", ["-v", "ON_ERROR_STOP=1", "-f", "{dir}/gexec.sql"], files: ["gexec.sql": gexecScript]),
        .init("gdesc", ["-f", "{dir}/gdesc.sql"], files: ["gdesc.sql": gdescScript]),
        .init("connect", ["-f", "{dir}/c.sql"], files: ["c.sql": connectScript]),
        .init("connect on stdin", [], stdin: connectScript),
        .init("connect in exec", ["-f", "{dir}/c.sql"], mode: .exec, files: ["c.sql": "\\c postgres\nselect current_database();\n\\c nosuchdb\nselect 1;\n"]),
        .init("copy", ["-v", "d={dir}", "-f", "{dir}/copy.sql"], files: ["copy.sql": copyScript]),
        .init("copy program", [], stdin: "create temp table cp (i int);\n\\copy cp from program 'seq 3'\n\\copy cp to program 'sort -r'\n\\copy cp from program\nselect sum(i) from cp;\n"),
        .init("if in -c", ["-c", "\\if false", "-c", "\\echo shown", "-c", "select 1 as a"]),
        .init("copy from stdin in -c", ["-c", "\\copy (select 1 as a) to stdout with csv header"]),
        .init("shell and environment", ["-v", "d={dir}", "-f", "{dir}/env.sql"], files: ["env.sql": environmentScript]),
        .init("prompt on stdin", [], stdin: "\\prompt 'Name: ' who\nalice\n\\echo hello :who\n\\prompt last\n"),
        .init("prompt in -c", ["-c", "\\prompt 'Say: ' said", "-c", "\\echo [:said]"]),
        .init("prompt", ["-f", "{dir}/prompt.sql"], stdin: "alice\nbob\n", files: ["prompt.sql": promptScript]),
        .init("echo all skips empty lines and g with nothing sends nothing", ["-a", "-f", "{dir}/r.sql"], files: ["r.sql": returningScript]),
        .init("g in -c sends nothing", ["-e", "-c", "select 1 as a", "-c", "\\g", "-c", "\\gx"]),
        .init("lexer errors and warnings are reported", ["-f", "{dir}/l.sql"], files: ["l.sql": lexerDiagnosticsScript]),
        .init("lexer errors and warnings are reported on stdin", [], stdin: lexerDiagnosticsScript),
        .init("lexer errors in -c", ["-c", "\\echo a \"bc"]),
        .init("gdesc and gexec in -c arm the next query", ["-c", "\\gdesc", "-c", "select 1 as a", "-c", "\\gexec", "-c", "select 'select 2 as b'"]),
    ]

    /// Unterminated quotes in arguments (also extra and inactive ones) and a recursive variable.
    static let lexerDiagnosticsScript = """
    select 1 a,2 b,3 c \\crosstabview c "abc
    select 1 a,2 b,3 c \\crosstabview c 'b
    select 1 a, 2 b, 3 c \\crosstabview c b \\\\ select 5 as x;
    \\echo a "abc
    \\set x 'abc
    \\gset 'p
    \\g 'x
    \\if false
    \\echo "abc
    \\endif
    \\echo a b 'c
    \\set y ':y'
    \\echo :y
    \\crosstabview 1 2 3 4 'x
    select 1
    \\p
    \\set x ':x'
    select :x;
    \\echo :x
    """

    /// RETURNING's status line after rows, `\gset` and SHOW_ALL_RESULTS off; empty lines in -a.
    static let returningScript = """

    \\g
    create temp table r(a int);

    insert into r values (1) returning a \\gset
    \\echo :a
    update r set a = 2 returning a \\; select 5 as b \\gset
    \\echo :a :b
    \\set SHOW_ALL_RESULTS off
    select 7 as a \\; delete from r returning a \\gset
    \\echo :a
    \\set SHOW_ALL_RESULTS on
    select 8 as c \\; delete from r returning a;
    select $$a

    b$$;
    \\pset format html
    insert into r values (3) returning a;
    """
}
