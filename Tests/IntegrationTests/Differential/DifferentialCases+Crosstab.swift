/// Differential cases for `\crosstabview` (psql 18's crosstabview.c and its handling in
/// common.c): every argument form and refusal, the query buffer, print formats, `-c`,
/// FETCH_COUNT, ON_ERROR_STOP, and PostgreSQL's own regression test for it.
extension DifferentialCase {
    /// src/test/regress/sql/psql_crosstab.sql, as it stands in PostgreSQL.
    static let crosstabRegressionScript = #"""
    --
    -- \crosstabview
    --

    CREATE TABLE ctv_data (v, h, c, i, d) AS
    VALUES
       ('v1','h2','foo', 3, '2015-04-01'::date),
       ('v2','h1','bar', 3, '2015-01-02'),
       ('v1','h0','baz', NULL, '2015-07-12'),
       ('v0','h4','qux', 4, '2015-07-15'),
       ('v0','h4','dbl', -3, '2014-12-15'),
       ('v0',NULL,'qux', 5, '2014-07-15'),
       ('v1','h2','quux',7, '2015-04-04');

    -- make plans more stable
    ANALYZE ctv_data;

    -- running \crosstabview after query uses query in buffer
    SELECT v, EXTRACT(year FROM d), count(*)
     FROM ctv_data
     GROUP BY 1, 2
     ORDER BY 1, 2;
    -- basic usage with 3 columns
     \crosstabview

    -- ordered months in horizontal header, quoted column name
    SELECT v, to_char(d, 'Mon') AS "month name", EXTRACT(month FROM d) AS num,
     count(*) FROM ctv_data  GROUP BY 1,2,3 ORDER BY 1
     \crosstabview v "month name" 4 num

    -- ordered months in vertical header, ordered years in horizontal header
    SELECT EXTRACT(year FROM d) AS year, to_char(d,'Mon') AS """month"" name",
      EXTRACT(month FROM d) AS month,
      format('sum=%s avg=%s', sum(i), avg(i)::numeric(2,1))
      FROM ctv_data
      GROUP BY EXTRACT(year FROM d), to_char(d,'Mon'), EXTRACT(month FROM d)
    ORDER BY month
    \crosstabview """month"" name" year format year

    -- combine contents vertically into the same cell (V/H duplicates)
    SELECT v, h, string_agg(c, E'\n') FROM ctv_data GROUP BY v, h ORDER BY 1,2,3
     \crosstabview 1 2 3

    -- horizontal ASC order from window function
    SELECT v,h, string_agg(c, E'\n') AS c, row_number() OVER(ORDER BY h) AS r
    FROM ctv_data GROUP BY v, h ORDER BY 1,3,2
     \crosstabview v h c r

    -- horizontal DESC order from window function
    SELECT v, h, string_agg(c, E'\n') AS c, row_number() OVER(ORDER BY h DESC) AS r
    FROM ctv_data GROUP BY v, h ORDER BY 1,3,2
     \crosstabview v h c r

    -- horizontal ASC order from window function, NULLs pushed rightmost
    SELECT v,h, string_agg(c, E'\n') AS c, row_number() OVER(ORDER BY h NULLS LAST) AS r
    FROM ctv_data GROUP BY v, h ORDER BY 1,3,2
     \crosstabview v h c r

    -- only null, no column name, 2 columns: error
    SELECT null,null \crosstabview

    -- only null, no column name, 3 columns: works
    SELECT null,null,null \crosstabview

    -- null display
    \pset null '#null#'
    SELECT v,h, string_agg(i::text, E'\n') AS i FROM ctv_data
    GROUP BY v, h ORDER BY h,v
     \crosstabview v h i
    \pset null ''

    -- refer to columns by position
    SELECT v,h,string_agg(i::text, E'\n'), string_agg(c, E'\n')
    FROM ctv_data GROUP BY v, h ORDER BY h,v
     \crosstabview 2 1 4

    -- refer to columns by positions and names mixed
    SELECT v,h, string_agg(i::text, E'\n') AS i, string_agg(c, E'\n') AS c
    FROM ctv_data GROUP BY v, h ORDER BY h,v
     \crosstabview 1 "h" 4

    -- refer to columns by quoted names, check downcasing of unquoted name
    SELECT 1 as "22", 2 as b, 3 as "Foo"
     \crosstabview "22" B "Foo"

    -- error: bad column name
    SELECT v,h,c,i FROM ctv_data
     \crosstabview v h j

    -- error: need to quote name
    SELECT 1 as "22", 2 as b, 3 as "Foo"
     \crosstabview 1 2 Foo

    -- error: need to not quote name
    SELECT 1 as "22", 2 as b, 3 as "Foo"
     \crosstabview 1 "B" "Foo"

    -- error: bad column number
    SELECT v,h,i,c FROM ctv_data
     \crosstabview 2 1 5

    -- error: same H and V columns
    SELECT v,h,i,c FROM ctv_data
     \crosstabview 2 h 4

    -- error: too many columns
    SELECT a,a,1 FROM generate_series(1,3000) AS a
     \crosstabview

    -- error: only one column
    SELECT 1 \crosstabview

    DROP TABLE ctv_data;

    -- check error reporting (bug #14476)
    CREATE TABLE ctv_data (x int, y int, v text);

    INSERT INTO ctv_data SELECT 1, x, '*' || x FROM generate_series(1,10) x;
    SELECT * FROM ctv_data \crosstabview

    INSERT INTO ctv_data VALUES (1, 10, '*'); -- duplicate data to cause error
    SELECT * FROM ctv_data \crosstabview

    DROP TABLE ctv_data;
    """#

    /// Each argument form: numbers (as atoi reads them), names (quoted, folded), the sort
    /// column, and every refusal.
    static let crosstabFormsScript = #"""
    select * from (values ('v2','h1',1),('v1','h0',2),('v2','h0',3),(null,'h1',4),('v1',null,null)) t(v,h,d) \crosstabview
    \crosstabview h v
    \crosstabview 2 1 3
    \crosstabview d h v
    select * from (values (1,'b',1),(1,'a',2),(1,'b',3)) t(v,h,d) \crosstabview
    select * from (values (null,'b',1),(null,'b',2)) t(v,h,d) \crosstabview
    select * from (values ('x',null,1),('x',null,2)) t(v,h,d) \crosstabview
    select 1 a,2 b,3 c \crosstabview 4294967297 3
    select 1 a,2 b,3 c \crosstabview 9999999999999999999 3
    select 1 a,2 b,3 c \crosstabview 2147483648 3
    select 1 a,2 b,3 c \crosstabview 0 3
    select 1 a,2 b,3 c \crosstabview 00 3
    select 1 a,2 b,3 c \crosstabview 03 1
    select 1 a,2 b,3 c \crosstabview '' 3
    select 1 a,2 b,3 c \crosstabview '3' 2
    select 1 a,2 b,3 c \crosstabview "3" 2
    select 1 a,2 b,3 c \crosstabview c b;
    select 1 a,2 b,3 c \crosstabview c b ;
    select 1 a,2 b,3 c \crosstabview c;b
    select 1 a,2 b,3 c \crosstabview c 'b;'
    select 1 a,2 b,3 c \crosstabview c b a 1 extra words
    select 1 a,2 b,3 c, 4 a \crosstabview a b c
    select 1 a,2 b,3 c, 4 a \crosstabview c b
    select 1 a,2 b,3 c, 4 a \crosstabview c b 1 x
    select 1 a,2 b,3 c, 4 a \crosstabview c b 1 a
    select 1 a,2 b,3 c \crosstabview 1 1
    select 1 a,2 b,3 c \crosstabview 1 a
    select 1 a,2 b,3 c \crosstabview a A 5
    select 1 a,2 "A",3 c \crosstabview a "A"
    select 1 a,2 "A""b",3 c \crosstabview a "A"""b
    select 1 a,2 "Ab",3 c \crosstabview a "A"B
    select 1 "É",2 "é",3 c \crosstabview É é
    \set col h
    select * from (values (1,'b',1),(2,'a',2),(3,'b',3)) t(v,h,d) \crosstabview v :col `echo d`
    select * from (values (1,'b',1,'2'),(1,'a',2,'1'),(1,'c',3,'x'),(1,'d',4,null),(1,'e',5,'-'),(1,'f',6,''),(1,'g',7,'-1')) t(v,h,d,s) \crosstabview v h d s
    select * from (values (1,'b',1,'2147483647'),(1,'a',2,'-2'),(1,'c',3,'0'),(1,'d',4,'-2147483648'),(1,'e',5,'4294967296'),(1,'f',6,'99999999999999999999')) t(v,h,d,s) \crosstabview v h d s
    select * from (values (1,'b',1,null),(1,'a',2,'5'),(2,'b',3,'1'),(2,'a',4,'2')) t(v,h,d,s) \crosstabview v h d s
    select * from (values (1,'b',1,' 5'),(1,'a',2,'+5'),(2,'c',3,'--1'),(2,'d',4,'1.5'),(2,'e',5,'0x10')) t(v,h,d,s) \crosstabview v h d s
    select * from (values (1,'b',1,3),(1,'a',2,2),(1,'c',3,1)) t(v,h,d,s) \crosstabview v h d h
    select * from (values (1,'B',1),(1,'a',2),(1,'_',3),(2,'é',3),(2,'e',1),(2,'Z',5)) t(v,h,d) \crosstabview v h d h
    select * from (values (1,'b',1,3),(1,'a',2,2),(1,'c',3,1)) t(v,h,d,s) \crosstabview v h v s
    select * from (values (1,'b',1,3),(1,'a',2,2),(1,'c',3,1)) t(v,h,d,s) \crosstabview v h h s
    select * from (values (1,'b',1::numeric,3),(1,'a',2,2),(1,'c',3,1)) t(v,h,d,s) \crosstabview s h v
    select * from (values (true,'b',1::oid,3),(false,'a',2,2)) t(v,h,d,s) \crosstabview v h d
    select * from (values (1::int2,'b',1::float4,3),(2,'a',2,2)) t(v,h,d,s) \crosstabview v h d
    select g % 3 as v, 'h' || g % 4 as h, g as d from generate_series(1, 12) g \crosstabview
    select 'multi' || E'\nline' as v, 'wide header' as h, 'x' as d \crosstabview
    """#

    /// `\pset` settings: null display, numericlocale (never applied), every format, expanded.
    static let crosstabFormatsScript = #"""
    \pset null '(nul)'
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3),('a',null,4)) t(v,h,d) \crosstabview
    select * from (values (null,'b',1),(null,'b',2)) t(v,h,d) \crosstabview
    \pset numericlocale on
    select * from (values ('a','x',12345678),('b','y',2)) t(v,h,d) \crosstabview
    select * from (values ('a','x',12345678),('b','y',2)) t(v,h,d);
    \pset numericlocale off
    \pset format unaligned
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \pset format csv
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \pset format html
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \pset format wrapped
    \pset columns 20
    select * from (values ('a','x','a long text value'),('b','y','another one')) t(v,h,d) \crosstabview
    \pset format asciidoc
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \pset format aligned
    \pset linestyle unicode
    \pset border 2
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \pset linestyle ascii
    \pset border 1
    \x on
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \x auto
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \x off
    \pset title 'My title'
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \pset footer off
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    \t on
    select * from (values ('a','x',1.5),('b','y',null),(null,'x',3)) t(v,h,d) \crosstabview
    """#

    /// The previous query, several results, a command's result, FETCH_COUNT, SHOW_ALL_RESULTS,
    /// RETURNING's status line, an inactive branch.
    static let crosstabBufferScript = #"""
    select 1;
    \crosstabview
    select 1 as a, 2 as b, 3 as c \crosstabview
    \crosstabview c b
    create temp table t(a int, b int, c int);
    \crosstabview
    insert into t values (1,2,3) returning *
    \crosstabview
    \crosstabview 1 2 3 4 5
    ;\crosstabview
    \crosstabview a b c d
    \p
    select 1,2,3 \; select 5 \crosstabview
    select 1,2,3 \; select 4,5,6 \crosstabview
    select 1,2,3 \; select 1/0 \crosstabview
    select 1,2,3 \; create temp table u() \crosstabview
    \set SHOW_ALL_RESULTS off
    select 1,2,3 \; select 5 \crosstabview
    select 5 \; select 1,2,3 \crosstabview
    select 1 as a \; select 2 as b \gset
    \echo :a :b
    \set SHOW_ALL_RESULTS on
    \set FETCH_COUNT 1
    select * from (values (1,'b',1),(2,'a',2),(3,'b',3)) t(v,h,d) \crosstabview
    \unset FETCH_COUNT
    create temp table ins(a int, b text, c int);
    insert into ins values (1,'x',2),(3,'y',4) returning * \crosstabview
    insert into ins values (1,'x',2),(1,'x',4) returning * \crosstabview
    \if false
    \crosstabview a b c
    select 'skipped' \crosstabview
    \endif
    \r
    \crosstabview 3 2 1
    """#

    static let crosstab: [DifferentialCase] = [
        .init("crosstab regression test", ["-a", "-q", "-f", "{dir}/psql_crosstab.sql"], files: ["psql_crosstab.sql": crosstabRegressionScript]),
        .init("crosstab regression test on stdin", ["-a", "-q"], stdin: crosstabRegressionScript),
        .init("crosstab forms", ["-f", "{dir}/forms.sql"], files: ["forms.sql": crosstabFormsScript]),
        .init("crosstab forms on stdin", [], stdin: crosstabFormsScript),
        .init("crosstab formats", ["-f", "{dir}/formats.sql"], files: ["formats.sql": crosstabFormatsScript]),
        .init("crosstab query buffer", ["-f", "{dir}/buffer.sql"], files: ["buffer.sql": crosstabBufferScript]),
        .init("crosstab stops on error", ["-f", "{dir}/stop.sql"], files: ["stop.sql": #"""
    select 1,2,3 \crosstabview
    \set ON_ERROR_STOP on
    select 1,2 \crosstabview
    select 'not reached';
    """#]),
        .init("crosstab in exec", ["-f", "{dir}/x.sql"], mode: .exec, files: ["x.sql": #"""
    select 1,2,3 \crosstabview
    select 1,2 \crosstabview
    select 'not reached';
    """#]),
        .init("crosstab to an output file", ["-v", "out={out}", "-f", "{dir}/o.sql"], files: ["o.sql": #"""
    \o :out
    select * from (values ('a','x',1),('b','y',2)) t(v,h,d) \crosstabview
    select 1,2 \crosstabview
    \o
    select * from (values ('a','x',1),('b','y',2)) t(v,h,d) \crosstabview h v
    """#], writesOutputFile: true),
        .init("crosstab in the log", ["-L", "{out}", "-f", "{dir}/l.sql"], files: ["l.sql": #"""
    \x on
    select * from (values ('a','x',1),('b','y',2)) t(v,h,d) \crosstabview
    """#], writesOutputFile: true),
        .init("crosstab, gset and gexec refusals set the error variables", ["-f", "{dir}/v.sql"], files: ["v.sql": #"""
    select 1/0;
    \echo :ERROR :ROW_COUNT :SQLSTATE [:LAST_ERROR_SQLSTATE] [:LAST_ERROR_MESSAGE]
    select 1 as a where false \gset
    \echo :ERROR :ROW_COUNT [:SQLSTATE] [:LAST_ERROR_SQLSTATE] [:LAST_ERROR_MESSAGE]
    select 1 as a \gset
    \echo :ERROR :ROW_COUNT [:SQLSTATE] [:LAST_ERROR_SQLSTATE] [:LAST_ERROR_MESSAGE]
    select 1, 2 \crosstabview
    \echo :ERROR :ROW_COUNT [:SQLSTATE] [:LAST_ERROR_SQLSTATE] [:LAST_ERROR_MESSAGE]
    select 1/0 \; select 1,2,3 \crosstabview
    \echo :ERROR :ROW_COUNT [:SQLSTATE] [:LAST_ERROR_SQLSTATE] [:LAST_ERROR_MESSAGE]
    select 'select 1/0' \gexec
    \echo :ERROR :ROW_COUNT [:SQLSTATE] [:LAST_ERROR_SQLSTATE] [:LAST_ERROR_MESSAGE]
    select 'select 1' \gexec
    \echo :ERROR :ROW_COUNT [:SQLSTATE] [:LAST_ERROR_SQLSTATE] [:LAST_ERROR_MESSAGE]
    """#]),
        .init("crosstab of no rows", ["-f", "{dir}/none.sql"], files: ["none.sql": #"""
    select 1 a,2 b,3 c where false \crosstabview
    select 1 a,2 b,3 c where false \crosstabview a b x
    \x on
    select 1 a,2 b,3 c where false \crosstabview
    \x off
    \pset format csv
    select 1 a,2 b,3 c where false \crosstabview
    \pset format html
    select 1 a,2 b,3 c where false \crosstabview
    \pset format unaligned
    \pset tuples_only on
    select 1 a,2 b,3 c where false \crosstabview
    select 1 a,2 b,3 c \crosstabview
    """#]),
        .init("crosstab with -c", ["-c", #"\crosstabview"#, "-c", "select 1 as a, 2 as b, 3 as c", "-c", #"\crosstabview"#]),
        .init("crosstab with -c before the query", ["-c", #"\crosstabview 3 2"#, "-c", "select 1,2,3 ; select 4,5,6", "-c", "select 7,8,9"]),
        .init("crosstab with -c failing", ["-c", #"\crosstabview 4"#, "-c", "select 1,2,3", "-c", "select 4,5"]),
    ]
}
