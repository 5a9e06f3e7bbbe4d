/// The differential suite's inputs (psql-compat.md §11): every output format, data type, error
/// kind and script option pgentra exec takes over from psql.
extension DifferentialCase {
    static let multiLine = "select 1 as id, E'line1\\nline2 longer' as txt, 'z' as c"
    static let fruits = "select id, name, price, note from items where id <= 2 order by id"
    static let awkward = "select 1 as id, 'a,b' as comma, 'say \"hi\"' as quote, E'two\\nlines' as nl, null as nothing, '' as empty"
    static let htmlText = "select '<b>' as tag, 'a & b' as amp, '\"q\"' as quote, '' as empty, null as n, E'x\\ny' as nl, '  lead' as sp"

    static let errorScript = """
    select 1 as first;
    selec 2;
    select * from nosuch;
    select 'after errors' as last;
    """
    static let noticeScript = """
    do $$ begin raise notice 'hello %', 42; raise warning 'careful'; end $$;
    select 1 as after;
    do $$ begin raise exception 'custom failure' using detail = 'some detail', hint = 'some hint'; end $$;
    """
    static let tagScript = """
    create temp table t (id int primary key, v text);
    insert into t values (1, 'a'), (2, 'b');
    update t set v = 'c' where id = 1;
    delete from t where id = 2;
    select * from t;
    begin;
    savepoint s;
    rollback to s;
    commit;
    drop table t;
    """
    static let metaScript = """
    \\echo plain echo
    \\echo -n no newline
    \\echo
    \\qecho to the query output
    \\set greeting 'hello world'
    select :'greeting' as g, :"greeting" as "q";
    \\set n 41
    select :n + 1 as answer;
    \\pset border 2
    \\pset null '(null)'
    select null::int as nothing;
    \\x
    select 1 as a, 2 as b;
    \\x off
    \\a
    select 1 as a, 2 as b;
    \\t on
    select 3 as c;
    """
    static let psetScript = """
    \\pset format csv
    \\pset border 0
    \\pset expanded auto
    \\pset title 'My title'
    \\pset title
    \\pset footer
    \\pset tuples_only on
    \\pset nosuch 1
    \\pset format nonsense
    \\pset fieldsep ';'
    \\pset recordsep_zero
    \\pset
    """
    static let transactionScript = """
    create temp table tx (id int);
    insert into tx values (1);
    insert into tx values ('not a number');
    select count(*) from tx;
    """

    static let all: [DifferentialCase] = [
        // Aligned output (§6.2)
        .init("int and text", ["-c", "select 1 as a, 'hello'::text as b"]),
        .init("empty result", ["-c", "select 1 as a where false"]),
        .init("empty result tuples only", ["-t", "-c", "select 1 as a where false"]),
        .init("empty result unaligned tuples only", ["-At", "-c", "select 1 as a where false"]),
        .init("null", ["-c", "select null::int as n, 'a' as t"]),
        .init("null display", ["-P", "null=(null)", "-c", "select null::int as n, 'a' as t"]),
        .init("multi-line border 0", ["-P", "border=0", "-c", multiLine]),
        .init("multi-line border 1", ["-c", multiLine]),
        .init("multi-line border 2", ["-P", "border=2", "-c", multiLine]),
        .init("fixture rows", ["-c", fruits]),
        .init("fixture rows border 0", ["-P", "border=0", "-c", fruits]),
        .init("fixture rows border 2 tuples only", ["-t", "-P", "border=2", "-c", fruits]),
        .init("zero columns", ["-c", "select;"]),
        .init("zero columns tuples only border 2", ["-t", "-P", "border=2", "-c", "select;"]),
        .init("title", ["-P", "title=Fruit list", "-c", fruits]),
        .init("footer off", ["-P", "footer=off", "-c", fruits]),
        .init("unicode border 2", ["-P", "linestyle=unicode", "-P", "border=2", "-c", multiLine]),
        .init("unicode double", ["-P", "linestyle=unicode", "-P", "unicode_border_linestyle=double", "-P", "border=2", "-c", fruits]),
        .init("wrapped", ["-P", "format=wrapped", "-P", "columns=30", "-c", "select 1 as id, repeat('abcdefghij ', 8) as long_text"]),
        .init("expanded auto narrow", ["-P", "expanded=auto", "-P", "columns=30", "-c", fruits]),
        .init("expanded auto wide", ["-P", "expanded=auto", "-P", "columns=200", "-c", fruits]),
        .init("wide characters", ["-c", "select '日本語' as cjk, E'a\\tb' as tab, E'x\\ry' as cr, E'q\\x01z' as ctl, 'é' as accent"]),
        .init("emoji", ["-c", "select '🎉' as party, 'a🎉b' as mixed, '👩‍💻' as zwj"]),
        .init("all fixture items", ["-c", "select * from items order by id"]),
        .init("alignment by type", ["-c", "select * from kinds order by i"]),
        .init("long values", ["-c", "select repeat('x', 300) as long, 1 as n"]),
        // Expanded (§6.3)
        .init("expanded multi-line", ["-x", "-c", multiLine]),
        .init("expanded border 0", ["-x", "-P", "border=0", "-c", multiLine]),
        .init("expanded border 2", ["-x", "-P", "border=2", "-c", multiLine]),
        .init("expanded tuples only", ["-x", "-t", "-c", fruits]),
        .init("expanded long name", ["-x", "-c", "select 1 as a_very_long_column_name_here, 2 as b"]),
        .init("expanded empty", ["-x", "-c", "select 1 as a where false"]),
        .init("expanded fixture", ["-x", "-c", "select * from items order by id"]),
        .init("expanded header width", ["-x", "-f", "{dir}/xh.sql"], files: ["xh.sql": """
            \\pset xheader_width column
            select 1 as a, 'a longer value' as b;
            \\pset xheader_width 10
            select 1 as a, 'a longer value' as b;
            \\pset xheader_width page
            \\pset columns 12
            select 1 as a, 'a longer value' as b;
            \\pset border 2
            select 1 as a, 'a longer value' as b;
            \\pset xheader_width
            """]),
        // Unaligned (§6.4)
        .init("unaligned", ["-A", "-c", fruits]),
        .init("unaligned tuples only", ["-A", "-t", "-c", fruits]),
        .init("unaligned separators", ["-A", "-t", "-F", ";", "-R", "#", "-c", fruits]),
        .init("unaligned zero separators", ["-A", "-z", "-0", "-c", fruits]),
        .init("unaligned expanded", ["-A", "-x", "-c", fruits]),
        .init("unaligned multi-line", ["-A", "-c", multiLine]),
        // CSV (§6.5)
        .init("csv awkward values", ["--csv", "-c", awkward]),
        .init("csv semicolon", ["--csv", "-P", "csv_fieldsep=;", "-c", awkward]),
        .init("csv tuples only", ["--csv", "-t", "-c", fruits]),
        .init("csv expanded", ["--csv", "-x", "-c", fruits]),
        .init("csv fixture", ["--csv", "-c", "select * from items order by id"]),
        // HTML (§6.6)
        .init("html", ["-H", "-c", htmlText]),
        .init("html expanded", ["-H", "-x", "-c", htmlText]),
        .init("html command tag", ["-H", "-c", "create temp table h (i int)"]),
        // Data types
        .init("numbers", ["-c", "select 1::int2 as s, 2::int8 as b, 3.14159::numeric(10,3) as n, 1.5::float4 as r, 'NaN'::float8 as nan, 'Infinity'::float8 as inf, -0.0::float8 as negzero, 12.3::money as m"]),
        .init("dates and times", ["-c", "select '2024-02-29'::date as d, '13:45:06.5'::time as t, '2024-02-29 13:45:06+00'::timestamptz as tz, '2024-02-29 13:45'::timestamp as ts, '1 day 2 hours'::interval as i"]),
        .init("json and jsonb", ["-c", "select '{\"a\": [1, 2], \"b\": null}'::json as j, '{\"b\": 1, \"a\": \"x\"}'::jsonb as jb"]),
        .init("bytea", ["-c", "select '\\x00ff10'::bytea as hex, 'abc'::bytea as text"]),
        .init("arrays", ["-c", "select array[1,2,3] as ints, array['a b', null, 'c\"d'] as texts, '{}'::int[] as empty"]),
        .init("booleans", ["-c", "select true as t, false as f, null::bool as n"]),
        .init("uuid inet range", ["-c", "select '11111111-2222-3333-4444-555555555555'::uuid as u, '10.0.0.1/24'::inet as ip, int4range(1, 10) as r"]),
        // Errors and messages (§7)
        .init("syntax error", ["-c", "selec 1"]),
        .init("undefined table", ["-c", "select * from nosuch"]),
        .init("operator does not exist", ["-c", "select * from items where name = 1"]),
        .init("division by zero", ["-c", "select 1/0"]),
        .init("foreign key violation", ["-c", "insert into orders (item_id, qty) values (999, 1)"]),
        .init("check violation", ["-c", "create temp table c (q int check (q > 0)); insert into c values (0)"]),
        .init("unique violation", ["-c", "insert into items (id, name) values (1, 'dup')"]),
        .init("verbosity verbose", ["-v", "VERBOSITY=verbose", "-f", "{dir}/op.sql"], files: ["op.sql": "select * from items where name = 1;\n"]),
        .init("verbosity terse", ["-v", "VERBOSITY=terse", "-f", "{dir}/op.sql"], files: ["op.sql": "select * from items where name = 1;\n"]),
        .init("verbosity sqlstate", ["-v", "VERBOSITY=sqlstate", "-f", "{dir}/op.sql"], files: ["op.sql": "select * from items where name = 1;\n"]),
        .init("notices and warnings", ["-f", "{dir}/notice.sql"], files: ["notice.sql": noticeScript]),
        .init("unterminated quote in -c", ["-c", "select 'abc"]),
        .init("unknown database", ["-c", "select 1"], mode: .exec, overrides: ["-d", "nosuchdb"]),
        .init("server down", ["-c", "select 1"], mode: .exec, overrides: ["-p", "9"]),
        .init("bad connection string", ["-c", "select 1"], overrides: ["-d", "nokey=1"]),
        // Scripts and exit statuses (§3, §10)
        .init("error-laden script", ["-f", "{dir}/errors.sql"], files: ["errors.sql": errorScript]),
        .init("error-laden script stops", ["-v", "ON_ERROR_STOP=1", "-f", "{dir}/errors.sql"], files: ["errors.sql": errorScript]),
        .init("error-laden script on stdin", [], stdin: errorScript),
        .init("error-laden script as -f -", ["-f", "-"], stdin: errorScript),
        .init("exec script stops at the first error", ["-f", "{dir}/errors.sql"], mode: .exec, files: ["errors.sql": errorScript]),
        .init("exec stdin", [], mode: .exec, stdin: "select 1 as a;\nselect 2 as b;\n"),
        .init("last -c fails", ["-v", "ON_ERROR_STOP=1", "-c", "select 1", "-c", "selec"]),
        .init("failing -c then success", ["-c", "selec", "-c", "select 2"]),
        .init("exec -c list", ["-At", "-c", "select 1", "-c", "select 2"], mode: .exec),
        .init("multi-statement -c", ["-c", "select 1 as a; select 2 as b"]),
        .init("multi-statement -c with error", ["-c", "select 1 as a; selec; select 3"]),
        .init("show all results off", ["-v", "SHOW_ALL_RESULTS=off", "-c", "select 1 as a; select 2 as b"]),
        .init("backslash semicolon", [], stdin: "select 1 as a \\; select 2 as b;\n"),
        .init("variables", ["-v", "v=it's", "-v", "n=5", "-v", "col=my col", "-f", "{dir}/vars.sql"], files: ["vars.sql": "select :'v' as literal, :n + 1 as sum, 1 as :\"col\", ':v' as quoted, :unknown_var;\n"]),
        .init("bad variable name", ["-v", "bad name=1", "-c", "select 1"]),
        .init("unset variable", ["-v", "x", "-c", "select 1"]),
        .init("single transaction rolls back", ["-1", "-v", "ON_ERROR_STOP=1", "-f", "{dir}/tx.sql"], files: ["tx.sql": transactionScript]),
        .init("single transaction without stop", ["-1", "-f", "{dir}/tx.sql"], files: ["tx.sql": transactionScript]),
        .init("command tags", ["-f", "{dir}/tags.sql"], files: ["tags.sql": tagScript]),
        .init("quiet", ["-q", "-f", "{dir}/tags.sql"], files: ["tags.sql": tagScript]),
        .init("echo queries", ["-e", "-f", "{dir}/errors.sql"], files: ["errors.sql": errorScript]),
        .init("echo all", ["-a", "-f", "{dir}/errors.sql"], files: ["errors.sql": errorScript]),
        .init("echo errors", ["-b", "-f", "{dir}/errors.sql"], files: ["errors.sql": errorScript]),
        .init("meta-commands", ["-f", "{dir}/meta.sql"], files: ["meta.sql": metaScript]),
        .init("pset messages", ["-f", "{dir}/pset.sql"], files: ["pset.sql": psetScript]),
        .init("echo from -c", ["-c", "\\echo a \\echo b"]),
        .init("unknown meta-command", ["-f", "{dir}/unknown.sql"], files: ["unknown.sql": "select 1;\n\\nosuch\nselect 2;\n"]),
        .init("unknown meta-command -c", ["-c", "\\nosuch"]),
        .init("extra arguments in a script", ["-f", "{dir}/extra.sql"], files: ["extra.sql": "\\echo a\n\\r x\nselect 1 as one;\n\\q extra\n"]),
        .init("extra arguments on stdin", [], stdin: "\\r x\n\\q extra\n"),
        .init("unknown pset name", ["-P", "nosuch=1", "-c", "select 1"]),
        .init("bad pset value", ["-P", "format=nonsense", "-c", "select 1"]),
        .init("missing -f file", ["-f", "/nonexistent/file.sql"]),
        .init("include", ["-f", "{dir}/outer.sql"], files: ["outer.sql": "select 'outer' as o;\n\\ir inner.sql\nselect 'back' as b;\n", "inner.sql": "select 'inner' as i;\nselec;\n"]),
        .init("gx and g", [], stdin: "select 1 as a, 2 as b \\gx\nselect 3 as c\n\\g\n"),
        .init("unterminated statement at end", [], stdin: "select 1 as a;\nselect 2 as b\n"),
        .init("unterminated quote at end", [], stdin: "select 'never closed\n"),
        .init("copy to stdout", ["-c", "copy (select * from items order by id) to stdout"]),
        .init("copy csv header", ["-c", "copy (select id, name from items order by id) to stdout with (format csv, header)"]),
        .init("single line mode", ["-S"], stdin: "select 1 as a\nselect 2 as b\n"),
        .init("dollar quotes and comments", [], stdin: "-- leading comment\nselect $$a;b$$ as d, /* block; */ 'c' as c; -- trailing\nselect $tag$ x $$ y $tag$ as t;\n"),
        .init("create function body", [], stdin: "create temp table ft (i int);\ncreate function pg_temp.f() returns int language sql begin atomic select 1; end;\nselect pg_temp.f();\n"),
        .init("output file", ["-o", "{out}", "-c", fruits], writesOutputFile: true),
        .init("log file", ["-L", "{out}", "-c", fruits], writesOutputFile: true),
        .init("fetch count", ["-v", "FETCH_COUNT=2", "-c", "select * from items order by id"]),
        .init("fetch count unaligned", ["-A", "-v", "FETCH_COUNT=3", "-c", "select * from items order by id"]),
        .init("error verbose", [], stdin: "select 1/0;\n\\errverbose\n"),
        // Describe commands (§8.2)
        .init("describe list", ["-c", "\\d"]),
        .init("describe tables", ["-c", "\\dt"]),
        .init("describe tables verbose", ["-c", "\\dt+"]),
        .init("describe tables and indexes", ["-c", "\\dti"]),
        .init("describe indexes verbose", ["-c", "\\di+"]),
        .init("describe views", ["-c", "\\dv"]),
        .init("describe sequences", ["-c", "\\ds"]),
        .init("describe materialized views", ["-c", "\\dm"]),
        .init("describe foreign tables none", ["-c", "\\dE"]),
        .init("describe foreign tables none quiet", ["-q", "-c", "\\dE"]),
        .init("describe tables in schema", ["-c", "\\dt extra.*"]),
        .init("describe tables pattern", ["-c", "\\dt it*"]),
        .init("describe tables pattern question mark", ["-c", "\\dt ?tems"]),
        .init("describe tables upper case folds", ["-c", "\\dt ITEMS"]),
        .init("describe tables quoted", ["-c", "\\dt \"ITEMS\""]),
        .init("describe tables db qualified", ["-c", "\\dt difftest.public.items"]),
        .init("describe tables other db", ["-c", "\\dt otherdb.public.items"]),
        .init("describe tables too many dots", ["-c", "\\dt a.b.c.d"]),
        .init("describe tables system pattern", ["-c", "\\dtS pg_class"]),
        .init("describe tables nosuch", ["-c", "\\dt nosuch"]),
        .init("describe tables nosuch quiet", ["-q", "-c", "\\dt nosuch"]),
        .init("describe tables echo hidden", ["-E", "-c", "\\dt"]),
        .init("describe tables extra argument", ["-c", "\\dt items x"]),
        .init("describe table", ["-c", "\\d items"]),
        .init("describe table with checks and foreign keys", ["-c", "\\d orders"]),
        .init("describe table verbose", ["-c", "\\d+ items"]),
        .init("describe table in schema", ["-c", "\\d extra.things"]),
        .init("describe table in schema verbose", ["-c", "\\d+ extra.things"]),
        .init("describe child table", ["-c", "\\d extra.child_things"]),
        .init("describe table with domain column", ["-c", "\\d kinds"]),
        .init("describe view", ["-c", "\\d v_items"]),
        .init("describe view verbose", ["-c", "\\d+ v_items"]),
        .init("describe materialized view verbose", ["-c", "\\d+ mv_items"]),
        .init("describe sequence", ["-c", "\\d myseq"]),
        .init("describe owned sequence", ["-c", "\\d items_id_seq"]),
        .init("describe identity sequence", ["-c", "\\d orders_id_seq"]),
        .init("describe index", ["-c", "\\d items_name_idx"]),
        .init("describe primary key index", ["-c", "\\d items_pkey"]),
        .init("describe partial unique index", ["-c", "\\d extra.things_label_lower"]),
        .init("describe index verbose", ["-c", "\\d+ items_name_idx"]),
        .init("describe several", ["-c", "\\d i*"]),
        .init("describe nosuch", ["-c", "\\d nosuch"]),
        .init("describe nosuch quiet", ["-q", "-c", "\\d nosuch"]),
        .init("describe nosuch in script", ["-f", "{dir}/d.sql"], files: ["d.sql": "\\d nosuch\n\\dt nosuch\nselect 1;\n"]),
        .init("describe schemas", ["-c", "\\dn"]),
        .init("describe schemas verbose", ["-c", "\\dn+"]),
        .init("describe schemas pattern", ["-c", "\\dn ext*"]),
        .init("describe roles", ["-c", "\\du"]),
        .init("describe roles dg", ["-c", "\\dg postgres"]),
        .init("describe databases", ["-c", "\\l"]),
        .init("describe databases pattern", ["-c", "\\l difftest"]),
        .init("describe functions", ["-c", "\\df"]),
        .init("describe functions normal", ["-c", "\\dfn add*"]),
        .init("describe functions aggregates", ["-c", "\\dfa"]),
        .init("describe functions verbose", ["-c", "\\df+ add_one"]),
        .init("describe functions system", ["-c", "\\dfS int4pl"]),
        .init("describe extensions", ["-c", "\\dx"]),
        .init("describe extension contents", ["-c", "\\dx+"]),
        .init("describe extension nosuch", ["-c", "\\dx+ nosuch"]),
        .init("describe extension nosuch quiet", ["-q", "-c", "\\dx+ nosuch"]),
        .init("describe tablespaces", ["-c", "\\db"]),
        .init("describe types", ["-c", "\\dT"]),
        .init("describe types verbose", ["-c", "\\dT+"]),
        .init("describe types pattern", ["-c", "\\dT pos*"]),
        .init("describe with null display", ["-P", "null=(null)", "-c", "\\dT"]),
        .init("describe unaligned", ["-A", "-c", "\\dt"]),
        .init("describe table unaligned", ["-A", "-c", "\\d items"]),
        .init("describe views verbose", ["-c", "\\dv+"]),
        .init("describe materialized views verbose", ["-c", "\\dm+"]),
        .init("describe sequences verbose", ["-c", "\\ds+"]),
        .init("describe system list pattern", ["-c", "\\dS pg_class*"]),
        .init("describe list verbose", ["-c", "\\d+"]),
        .init("describe roles verbose", ["-c", "\\du+"]),
        .init("describe schemas pattern verbose", ["-c", "\\dn+ public"]),
        .init("describe schemas qualified", ["-c", "\\dn difftest.extra"]),
        .init("describe table foreign keys verbose", ["-c", "\\d+ orders"]),
        .init("describe child table verbose", ["-c", "\\d+ extra.child_things"]),
        .init("describe table expanded", ["-x", "-c", "\\d items"]),
        .init("describe tables expanded", ["-x", "-c", "\\dt"]),
        .init("describe sequence expanded", ["-x", "-c", "\\d myseq"]),
        .init("describe table with triggers policies statistics", ["-c", "\\d extra.audit"]),
        .init("describe table with options verbose", ["-c", "\\d+ extra.audit"]),
        .init("describe trigger functions", ["-c", "\\dft extra.*"]),
        .init("describe roles expanded", ["-x", "-c", "\\du"]),
        .init("describe table html", ["-H", "-c", "\\d orders"]),
        .init("describe types one verbose", ["-c", "\\dT+ posint"]),
        .init("describe escaped pattern", ["-c", "\\dt \"Foo$\".b?*"]),
        .init("describe regex pattern", ["-c", "\\dt (items|orders)"]),
        .init("describe table echo hidden", ["-E", "-c", "\\d items"]),
        .init("describe view echo hidden", ["-E", "-c", "\\d+ v_items"]),
        .init("describe roles echo hidden", ["-E", "-c", "\\du"]),
        .init("describe functions trigger", ["-c", "\\dft"]),
        .init("describe functions procedures and windows", ["-E", "-c", "\\dfpw"]),
        .init("describe unknown subcommand", ["-c", "\\dz"]),
        .init("describe nosuch stops script", ["-v", "ON_ERROR_STOP=1", "-f", "{dir}/d.sql"], files: ["d.sql": "\\d nosuch\nselect 1;\n"]),
        .init("describe tablespaces pattern", ["-c", "\\db pg_def*"]),
        .init("describe extensions pattern", ["-c", "\\dx plpgsql"]),
        .init("describe databases echo hidden", ["-E", "-c", "\\l nosuch"]),
        .init("describe indexes", ["-c", "\\di"]),
        .init("describe tables public", ["-c", "\\dt public.*"]),
        .init("describe system relation", ["-c", "\\dS pg_class"]),
        .init("describe functions by argument types", ["-E", "-c", "\\df add_one int"]),
        .init("describe functions no argument", ["-c", "\\df+ add_one -"]),
        .init("describe functions two argument types", ["-c", "\\df add_one bigint int"]),
        .init("describe types alias", ["-E", "-c", "\\dT int"]),
        .init("describe types array", ["-E", "-c", "\\dT float8[]"]),
        .init("describe partitioned table", ["-E", "-c", "\\d extra.parts"]),
        .init("describe partitioned table verbose", ["-c", "\\d+ extra.parts"]),
        .init("describe partition", ["-c", "\\d extra.parts_1"]),
        .init("describe default partition verbose", ["-E", "-c", "\\d+ extra.parts_rest"]),
        .init("describe partitioned index", ["-c", "\\d extra.parts_k"]),
        .init("describe partitioned index verbose", ["-c", "\\d+ extra.parts_k"]),
        // psql 18's listTables: a title and a "Did not find" message for the one kind asked for
        .init("describe indexes nosuch", ["-c", "\\di nosuch"]),
        .init("describe views nosuch", ["-c", "\\dv nosuch"]),
        .init("describe materialized views nosuch", ["-c", "\\dm nosuch"]),
        .init("describe sequences nosuch", ["-c", "\\ds nosuch"]),
        .init("describe foreign tables nosuch", ["-c", "\\dE nosuch"]),
        .init("describe mixed kinds nosuch", ["-c", "\\dtv nosuch"]),
        .init("describe tables none quiet", ["-q", "-c", "\\dt nosuch.*"]),
        .init("describe tables hide table access method", ["-v", "HIDE_TABLEAM=on", "-c", "\\dt+"]),
        .init("describe tables system verbose", ["-c", "\\dtS+ pg_class"]),
        // psql 18's describeOneTableDetails footers
        .init("describe table echo hidden verbose", ["-E", "-c", "\\d+ extra.audit"]),
        .init("describe partition verbose echo hidden", ["-E", "-c", "\\d+ extra.parts_1"]),
        .init("describe partitioned table echo hidden", ["-E", "-c", "\\d+ extra.parts"]),
        .init("describe toast table", ["-c", "\\d+ pg_toast.pg_toast_1255"]),
        .init("describe index echo hidden", ["-E", "-c", "\\d+ extra.things_label_lower"]),
        .init("describe table hide compression", ["-v", "HIDE_TOAST_COMPRESSION=on", "-c", "\\d+ items"]),
        .init("describe foreign tables", ["-c", "\\dE"]),
        .init("describe foreign tables verbose", ["-c", "\\dE+"]),
        .init("describe foreign table", ["-c", "\\d extra.remote"]),
        .init("describe foreign table verbose echo hidden", ["-E", "-c", "\\d+ extra.remote"]),
        .init("describe table in tablespace", ["-c", "\\d spaced"]),
        .init("describe table in tablespace verbose", ["-c", "\\d+ spaced"]),
        .init("describe index in tablespace", ["-E", "-c", "\\d spaced_t"]),
        .init("describe primary key in tablespace", ["-c", "\\d spaced_pkey"]),
        .init("describe virtual generated columns", ["-c", "\\d extra.virtual_cols"], minimumServerVersion: 180000),
        .init("describe virtual generated columns verbose", ["-E", "-c", "\\d+ extra.virtual_cols"], minimumServerVersion: 180000),
        // psql 18's catalog listings (listAllDbs, describeRoleGrants, listDbRoleSettings, ...)
        .init("describe role grants", ["-c", "\\drg"]),
        .init("describe role grants echo hidden", ["-E", "-c", "\\drg"]),
        .init("describe role grants system pattern", ["-c", "\\drgS diff_*"]),
        .init("describe functions verbose all", ["-c", "\\df+"]),
        .init("describe functions verbose system", ["-c", "\\dfS+ int4pl"]),
        .init("describe databases verbose", ["-c", "\\l+ difftest"]),
        .init("describe databases echo hidden verbose", ["-E", "-c", "\\l+ difftest"]),
        .init("describe extensions echo hidden", ["-E", "-c", "\\dx"]),
        .init("describe tablespaces verbose", ["-c", "\\db+ extra*"]),
        .init("describe schemas pattern echo hidden", ["-E", "-c", "\\dn extra"]),
        .init("describe role settings", ["-c", "\\drds"]),
        .init("describe role settings patterns", ["-c", "\\drds nosuch difftest"]),
        .init("describe role settings quiet", ["-q", "-c", "\\drds nosuch"]),
        .init("describe roles expanded suffix", ["-c", "\\dux+"]),
        .init("describe databases expanded suffix", ["-c", "\\lx difftest"]),
        .init("describe functions bad letter", ["-c", "\\dfaz"]),
    ]
}
