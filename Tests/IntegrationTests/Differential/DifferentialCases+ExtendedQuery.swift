/// Differential cases for `\bind`, `\bind_named`, `\parse`, `\close_prepared` and the pipeline
/// commands (psql 18's exec_command_bind and neighbours, common.c ExecQueryAndProcessResults).
/// The scripts port PostgreSQL's own regression tests (src/test/regress/sql/psql.sql's extended
/// query sections and psql_pipeline.sql) as psql 18.6 runs them: `\close` is 18.6's
/// `\close_prepared`, and the COPY parts, which end the connection, are a case of their own.
/// Each script drops what it creates, since every case shares one database.
extension DifferentialCase {
    /// psql.sql's `\parse`, `\bind_named`, `\close_prepared` and `\bind` sections.
    static let bindRegressionScript = #"""
    -- \parse (extended query protocol)
    \parse
    SELECT 1 \parse ''
    SELECT 2 \parse stmt1
    SELECT $1 \parse stmt2
    SELECT $1, $2 \parse stmt3

    -- \bind_named (extended query protocol)
    \bind_named
    \bind_named '' \g
    \bind_named stmt1 \g
    \bind_named stmt2 'foo' \g
    \bind_named stmt3 'foo' 'bar' \g
    -- Repeated calls.  The second call generates an error, cleaning up the
    -- statement name set by the first call.
    \bind_named stmt4
    \bind_named
    \g
    -- Last \bind_named wins
    \bind_named stmt2 'foo' \bind_named stmt3 'foo2' 'bar2' \g
    -- Multiple \g calls mean multiple executions
    \bind_named stmt2 'foo3' \g \bind_named stmt3 'foo4' 'bar4' \g

    -- \close_prepared (extended query protocol)
    \close_prepared
    \close_prepared ''
    \close_prepared stmt2
    \close_prepared stmt2
    SELECT name, statement FROM pg_prepared_statements ORDER BY name;

    -- \bind (extended query protocol)
    SELECT 1 \bind \g
    SELECT $1 \bind 'foo' \g
    SELECT $1, $2 \bind 'foo' 'bar' \g

    -- last \bind wins
    select $1::int as col \bind 'foo' \bind 2 \g
    -- Multiple \g calls mean multiple executions
    select $1::int as col \bind 1 \g \bind 2 \g

    -- errors
    -- parse error
    SELECT foo \bind \g
    -- tcop error
    SELECT 1 \; SELECT 2 \bind \g
    -- bind error
    SELECT $1, $2 \bind 'foo' \g
    -- bind_named error
    \bind_named stmt2 'baz' \g
    \bind_named stmt3 'baz' \g
    """#

    /// Empty buffers, result variables, `\g` options, RETURNING, HTML, QUIET, ECHO, inactive branches, and the pipeline commands outside a pipeline.
    static let bindMoreScript = #"""
    \bind \g
    \parse empty
    \bind_named empty \g
    SELECT $1 \bind 1
    SELECT 1 \bind \g
    \echo :ROW_COUNT :ERROR :SQLSTATE
    SELECT $1::int + 1 \parse stmt1
    \bind_named stmt1 41 \g
    \echo :ROW_COUNT :ERROR :SQLSTATE
    \bind_named nostmt 1 \g
    \echo :ROW_COUNT :ERROR :SQLSTATE :LAST_ERROR_MESSAGE
    SELECT 1/0 \bind \g
    \echo :ROW_COUNT :ERROR :SQLSTATE
    SELECT $1 \bind 1 2 \g
    \close_prepared stmt1 extra
    \close_prepared nostmt
    \bind a \bind_named x y \g
    SELECT 5 \bind \gx
    select 6 as v \bind \gset pre_
    \echo :pre_v
    select $1::int as v \bind 7 \gdesc
    select $1 as v \bind 8 ;
    select $1 as v \bind 9 \g (format=csv)
    create temp table bt(a int) \bind \g
    insert into bt values ($1), ($2) returning a \bind 1 2 \g
    update bt set a = a + $1 \bind 10 \g
    \pset format html
    \parse h
    \close_prepared h
    \pset format aligned
    \set QUIET on
    \parse q
    \set QUIET off
    \set ECHO queries
    select $1 \bind e \g
    \set ECHO none
    \timing on
    \timing off
    \if false
    \bind 1
    \bind_named x 1
    \parse x
    \close_prepared x
    \endif
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    \sendpipeline
    \getresults
    \flush
    \flushrequest
    \syncpipeline
    \endpipeline
    """#

    /// psql_pipeline.sql up to its "Pipeline errors" section, without COPY.
    static let pipelineBasicsScript = #"""
    CREATE TABLE psql_pipeline(a INTEGER PRIMARY KEY, s TEXT);

    -- Single query
    \startpipeline
    SELECT $1 \bind 'val1' \sendpipeline
    \endpipeline

    -- Multiple queries
    \startpipeline
    SELECT $1 \bind 'val1' \sendpipeline
    SELECT $1, $2 \bind 'val2' 'val3' \sendpipeline
    SELECT $1, $2 \bind 'val2' 'val3' \sendpipeline
    \endpipeline

    -- Test \flush
    \startpipeline
    \flush
    SELECT $1 \bind 'val1' \sendpipeline
    \flush
    SELECT $1, $2 \bind 'val2' 'val3' \sendpipeline
    SELECT $1, $2 \bind 'val2' 'val3' \sendpipeline
    \endpipeline

    -- Send multiple syncs
    \startpipeline
    \echo :PIPELINE_COMMAND_COUNT
    \echo :PIPELINE_SYNC_COUNT
    \echo :PIPELINE_RESULT_COUNT
    SELECT $1 \bind 'val1' \sendpipeline
    \syncpipeline
    \syncpipeline
    SELECT $1, $2 \bind 'val2' 'val3' \sendpipeline
    \syncpipeline
    SELECT $1, $2 \bind 'val4' 'val5' \sendpipeline
    \echo :PIPELINE_COMMAND_COUNT
    \echo :PIPELINE_SYNC_COUNT
    \echo :PIPELINE_RESULT_COUNT
    \endpipeline

    -- \startpipeline should not have any effect if already in a pipeline.
    \startpipeline
    \startpipeline
    SELECT $1 \bind 'val1' \sendpipeline
    \endpipeline

    -- Convert an implicit transaction block to an explicit transaction block.
    \startpipeline
    INSERT INTO psql_pipeline VALUES ($1) \bind 1 \sendpipeline
    BEGIN \bind \sendpipeline
    INSERT INTO psql_pipeline VALUES ($1) \bind 2 \sendpipeline
    ROLLBACK \bind \sendpipeline
    \endpipeline

    -- Multiple explicit transactions
    \startpipeline
    BEGIN \bind \sendpipeline
    INSERT INTO psql_pipeline VALUES ($1) \bind 1 \sendpipeline
    ROLLBACK \bind \sendpipeline
    BEGIN \bind \sendpipeline
    INSERT INTO psql_pipeline VALUES ($1) \bind 1 \sendpipeline
    COMMIT \bind \sendpipeline
    \endpipeline

    -- Use \parse and \bind_named
    \startpipeline
    SELECT $1 \parse ''
    SELECT $1, $2 \parse ''
    SELECT $2 \parse pipeline_1
    \bind_named '' 1 2 \sendpipeline
    \bind_named pipeline_1 2 \sendpipeline
    \endpipeline

    -- \getresults displays all results preceding a \flushrequest.
    \startpipeline
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    \flushrequest
    \getresults
    \endpipeline

    -- \getresults displays all results preceding a \syncpipeline.
    \startpipeline
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    \syncpipeline
    \getresults
    \endpipeline

    -- \getresults immediately returns if there is no result to fetch.
    \startpipeline
    \getresults
    SELECT $1 \bind 2 \sendpipeline
    \getresults
    \flushrequest
    \endpipeline
    \getresults

    -- \getresults only fetches results preceding a \flushrequest.
    \startpipeline
    SELECT $1 \bind 2 \sendpipeline
    \flushrequest
    SELECT $1 \bind 2 \sendpipeline
    \getresults
    \endpipeline

    -- \getresults only fetches results preceding a \syncpipeline.
    \startpipeline
    SELECT $1 \bind 2 \sendpipeline
    \syncpipeline
    SELECT $1 \bind 2 \sendpipeline
    \getresults
    \endpipeline

    -- Use pipeline with chunked results for both \getresults and \endpipeline.
    \startpipeline
    \set FETCH_COUNT 10
    SELECT $1 \bind 2 \sendpipeline
    \flushrequest
    \getresults
    SELECT $1 \bind 2 \sendpipeline
    \endpipeline
    \unset FETCH_COUNT

    -- \getresults with specific number of requested results.
    \startpipeline
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    SELECT $1 \bind 3 \sendpipeline
    \echo :PIPELINE_SYNC_COUNT
    \syncpipeline
    \echo :PIPELINE_SYNC_COUNT
    \echo :PIPELINE_RESULT_COUNT
    \getresults 1
    \echo :PIPELINE_RESULT_COUNT
    SELECT $1 \bind 4 \sendpipeline
    \getresults 3
    \echo :PIPELINE_RESULT_COUNT
    \endpipeline

    -- \syncpipeline count as one command to fetch for \getresults.
    \startpipeline
    \syncpipeline
    \syncpipeline
    SELECT $1 \bind 1 \sendpipeline
    \flushrequest
    \getresults 2
    \getresults 1
    \endpipeline

    -- \getresults 0 should get all the results.
    \startpipeline
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    SELECT $1 \bind 3 \sendpipeline
    \syncpipeline
    \getresults 0
    \endpipeline
    DROP TABLE psql_pipeline;
    """#

    /// psql_pipeline.sql's "Pipeline errors" section.
    static let pipelineErrorsScript = #"""
    CREATE TABLE psql_pipeline2(a INTEGER PRIMARY KEY, s TEXT);
    -- \endpipeline outside of pipeline should fail
    \endpipeline

    -- Query using simple protocol inside a pipeline
    \startpipeline
    SELECT 1;
    SELECT $1 \bind 'val1' \sendpipeline
    \endpipeline

    -- After an aborted pipeline, commands after a \syncpipeline should be
    -- displayed.
    \startpipeline
    SELECT $1 \bind \sendpipeline
    \syncpipeline
    SELECT $1 \bind 1 \sendpipeline
    \endpipeline

    -- For an incorrect number of parameters, the pipeline is aborted and
    -- the following queries will not be executed.
    \startpipeline
    SELECT \bind 'val1' \sendpipeline
    SELECT $1 \bind 'val1' \sendpipeline
    \endpipeline

    -- An explicit transaction with an error needs to be rollbacked after
    -- the pipeline.
    \startpipeline
    BEGIN \bind \sendpipeline
    INSERT INTO psql_pipeline2 VALUES ($1) \bind 1 \sendpipeline
    ROLLBACK \bind \sendpipeline
    \endpipeline
    ROLLBACK;

    -- \watch sends a simple query, something not allowed within a pipeline.
    \startpipeline
    SELECT \bind \sendpipeline
    \watch 1
    \endpipeline

    -- \gdesc should fail as synchronous commands are not allowed in a pipeline,
    -- and the pipeline should still be usable.
    \startpipeline
    SELECT $1 \bind 1 \gdesc
    SELECT $1 \bind 1 \sendpipeline
    \endpipeline

    -- \gset is not allowed in a pipeline, pipeline should still be usable.
    \startpipeline
    SELECT $1 as i, $2 as j \parse ''
    SELECT $1 as k, $2 as l \parse 'second'
    \bind_named '' 1 2 \gset
    \bind_named second 1 2 \gset pref02_ \echo :pref02_i :pref02_j
    \bind_named '' 1 2 \sendpipeline
    \endpipeline

    -- \g and \gx are not allowed, pipeline should still be usable.
    \startpipeline
    SELECT $1 \bind 1 \g
    SELECT $1 \bind 1 \g (format=unaligned tuples_only=on)
    SELECT $1 \bind 1 \gx
    SELECT $1 \bind 1 \gx (format=unaligned tuples_only=on)
    \reset
    SELECT $1 \bind 1 \sendpipeline
    \endpipeline

    -- \g and \gx warnings should be emitted in an aborted pipeline, with
    -- pipeline still usable.
    \startpipeline
    SELECT $1 \bind \sendpipeline
    \flushrequest
    \getresults
    SELECT $1 \bind 1 \g
    SELECT $1 \bind 1 \gx
    \endpipeline

    -- \sendpipeline is not allowed outside of a pipeline
    \sendpipeline
    SELECT $1 \bind 1 \sendpipeline
    \reset

    -- \sendpipeline is not allowed if not preceded by \bind or \bind_named
    \startpipeline
    \sendpipeline
    SELECT 1 \sendpipeline
    \endpipeline

    -- \gexec is not allowed, pipeline should still be usable.
    \startpipeline
    SELECT 'INSERT INTO psql_pipeline2(a) SELECT generate_series(1, 10)' \parse 'insert_stmt'
    \bind_named insert_stmt \gexec
    \bind_named insert_stmt \sendpipeline
    SELECT COUNT(*) FROM psql_pipeline2 \bind \sendpipeline
    \endpipeline

    -- After an error, pipeline is aborted and requires \syncpipeline to be
    -- reusable.
    \startpipeline
    SELECT $1 \bind \sendpipeline
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \parse a
    \bind_named a 1 \sendpipeline
    \close_prepared a
    \flushrequest
    \getresults
    -- Pipeline is aborted.
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \parse a
    \bind_named a 1 \sendpipeline
    \close_prepared a
    -- Sync allows pipeline to recover.
    \syncpipeline
    \getresults
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \parse a
    \bind_named a 1 \sendpipeline
    \close_prepared a
    \flushrequest
    \getresults
    \endpipeline

    -- In an aborted pipeline, \getresults 1 aborts commands one at a time.
    \startpipeline
    SELECT $1 \bind \sendpipeline
    SELECT $1 \bind 1 \sendpipeline
    SELECT $1 \parse a
    \bind_named a 1 \sendpipeline
    \syncpipeline
    \getresults 1
    \getresults 1
    \getresults 1
    \getresults 1
    \getresults 1
    \endpipeline

    -- Test chunked results with an aborted pipeline.
    \startpipeline
    \set FETCH_COUNT 10
    SELECT $1 \bind \sendpipeline
    \flushrequest
    \getresults
    SELECT $1 \bind \sendpipeline
    \endpipeline
    \unset FETCH_COUNT

    -- \getresults returns an error when an incorrect number is provided.
    \startpipeline
    \getresults -1
    \endpipeline

    -- \getresults when there is no result should not impact the next
    -- query executed.
    \getresults 1
    select 1;

    -- Error messages accumulate and are repeated.
    \startpipeline
    SELECT 1 \bind \sendpipeline
    SELECT 1;
    SELECT 1;
    \endpipeline
    DROP TABLE psql_pipeline2;
    """#

    /// psql_pipeline.sql's "Pipelines and transaction blocks" section.
    static let pipelineTransactionsScript = #"""
    CREATE TABLE psql_pipeline3(a INTEGER PRIMARY KEY, s TEXT);
    \startpipeline
    SET LOCAL statement_timeout='1h' \bind \sendpipeline
    SHOW statement_timeout \bind \sendpipeline
    \syncpipeline
    SHOW statement_timeout \bind \sendpipeline
    SET LOCAL statement_timeout='2h' \bind \sendpipeline
    SHOW statement_timeout \bind \sendpipeline
    \endpipeline

    -- REINDEX CONCURRENTLY fails if not the first command in a pipeline.
    \startpipeline
    SELECT $1 \bind 1 \sendpipeline
    REINDEX TABLE CONCURRENTLY psql_pipeline3 \bind \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    \endpipeline

    -- REINDEX CONCURRENTLY works if it is the first command in a pipeline.
    \startpipeline
    REINDEX TABLE CONCURRENTLY psql_pipeline3 \bind \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    \endpipeline

    -- Subtransactions are not allowed in a pipeline.
    \startpipeline
    SAVEPOINT a \bind \sendpipeline
    SELECT $1 \bind 1 \sendpipeline
    ROLLBACK TO SAVEPOINT a \bind \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    \endpipeline

    -- LOCK fails as the first command in a pipeline, as not seen in an
    -- implicit transaction block.
    \startpipeline
    LOCK psql_pipeline3 \bind \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    \endpipeline

    -- LOCK succeeds as it is not the first command in a pipeline,
    -- seen in an implicit transaction block.
    \startpipeline
    SELECT $1 \bind 1 \sendpipeline
    LOCK psql_pipeline3 \bind \sendpipeline
    SELECT $1 \bind 2 \sendpipeline
    \endpipeline

    -- VACUUM works as the first command in a pipeline.
    \startpipeline
    VACUUM psql_pipeline3 \bind \sendpipeline
    \endpipeline

    -- VACUUM fails when not the first command in a pipeline.
    \startpipeline
    SELECT 1 \bind \sendpipeline
    VACUUM psql_pipeline3 \bind \sendpipeline
    \endpipeline

    -- VACUUM works after a \syncpipeline.
    \startpipeline
    SELECT 1 \bind \sendpipeline
    \syncpipeline
    VACUUM psql_pipeline3 \bind \sendpipeline
    \endpipeline
    DROP TABLE psql_pipeline3;
    """#

    /// The PIPELINE_* variables, commands refused in a pipeline, errors, and a pipeline left open at the end.
    static let pipelineVariablesScript = #"""
    \startpipeline
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    SELECT 1;
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    SELECT $1 \bind 2 \sendpipeline
    SELECT $1 \bind 3 \g
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    \syncpipeline
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    SELECT 4 \bind \sendpipeline
    \flushrequest
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    \getresults 1
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    \flush
    \startpipeline
    \gset
    \gx
    \gexec
    select 1 \watch 1
    \p
    SELECT 5 \bind \gdesc
    \getresults abc
    \getresults 2 3
    \endpipeline
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    \startpipeline
    SELECT 1 \bind \sendpipeline
    SELECT 1/0 \bind \sendpipeline
    SELECT 3 \bind \sendpipeline
    \syncpipeline
    SELECT 4 \bind \sendpipeline
    \endpipeline
    \echo :ERROR :SQLSTATE :ROW_COUNT
    \startpipeline
    SELECT 1/0 \bind \sendpipeline
    SELECT 2 \bind \sendpipeline
    \flushrequest
    \getresults 1
    \echo :ERROR :SQLSTATE :ROW_COUNT :PIPELINE_RESULT_COUNT
    \getresults
    \echo :ERROR :SQLSTATE :ROW_COUNT
    \endpipeline
    \startpipeline
    SELECT 8 \bind \sendpipeline
    """#

    /// COPY in a pipeline: psql 18 drops the connection (status 2).
    static let pipelineCopyScript = #"""
    CREATE TEMP TABLE pc(a int);
    \startpipeline
    SELECT $1 \bind 'val1' \sendpipeline
    COPY pc FROM STDIN \bind \sendpipeline
    \endpipeline
    2
    \.
    \echo after
    """#

    /// `\flush` counts as failed in psql 18.6 (PQflush's 0 taken as false): ON_ERROR_STOP stops there.
    static let pipelineFlushStopScript = #"""
    \startpipeline
    \flush
    select 1 \bind \sendpipeline
    select 1/0;
    select 2;
    \endpipeline
    \echo after
    """#

    /// An error read at `\endpipeline` does not stop the script (a sync resets success); `\getresults` with nothing pending does.
    static let pipelineErrorStopScript = #"""
    \startpipeline
    SELECT 1 \bind \sendpipeline
    SELECT 1/0 \bind \sendpipeline
    SELECT 3 \bind \sendpipeline
    \syncpipeline
    SELECT 4 \bind \sendpipeline
    \endpipeline
    \echo :ERROR :SQLSTATE :ROW_COUNT
    \startpipeline
    \getresults
    \getresults -1
    \getresults abc
    SELECT 5 \bind \sendpipeline
    \getresults
    \flushrequest
    \getresults abc
    \getresults 0
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    SELECT 6;
    SELECT 7;
    \flushrequest
    \getresults 1
    \endpipeline
    \echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT
    \startpipeline
    SELECT 8 \bind \sendpipeline
    """#

    /// `\close_prepared` emulated: names that need quoting, a failed transaction (where a
    /// Close works and DEALLOCATE does not), the unnamed statement, and an unknown name in an
    /// open transaction (which a Close leaves as it was).
    static let bindCloseScript = #"""
    SELECT 1 \parse 'a "b'
    \close_prepared 'a "b'
    \bind_named 'a "b' \g
    SELECT 2 \parse s2
    begin;
    select 1/0;
    \close_prepared s2
    \close_prepared nosuch
    \echo :ERROR :ROW_COUNT
    \parse s3
    rollback;
    \bind_named s2 \g
    SELECT 1 \parse ''
    \close_prepared ''
    \bind_named '' \g
    begin;
    \close_prepared nosuch
    select 1;
    commit;
    """#

    /// FETCH_COUNT with the extended protocol: psql 18's chunks (per-chunk widths, no tag after
    /// a chunked RETURNING, the full chunks before an error shown without a footer).
    static let bindChunksScript = #"""
    \set FETCH_COUNT 2
    select g from generate_series(1,4) g \bind \g
    select g from generate_series(1,0) g \bind \g
    select 10/(3-g) from generate_series(1,5) g \bind \g
    \x on
    select g, 'x' as y from generate_series(1,3) g \bind \g
    \x off
    \pset format unaligned
    select g from generate_series(1,3) g \bind \g
    \pset format aligned
    \startpipeline
    select (10^g)::int from generate_series(0,4) g \bind \sendpipeline
    select 1 \bind \sendpipeline
    \endpipeline
    insert into pg_temp.nothing values (1) \bind \g
    create temp table ft(a int) \bind \g
    insert into ft select generate_series(1,3) returning a \bind \g
    \echo :ROW_COUNT
    \pset title T
    select g from generate_series(1,3) g \bind \g
    \set FETCH_COUNT 2
    \pset border 2
    select 10/(3-g) from generate_series(1,5) g \bind \g
    \pset format unaligned
    select 10/(3-g) from generate_series(1,5) g \bind \g
    \pset format csv
    select 10/(4-g) from generate_series(1,5) g \bind \g
    \pset format aligned
    \x
    select 10/(4-g) from generate_series(1,5) g \bind \g
    """#

    static let extendedQuery: [DifferentialCase] = [
        // psql 18.6 keeps a \bind mode after \watch, even after a \watch that refused its options.
        .init("bind mode outlives watch", ["-f", "{dir}/w.sql"], files: ["w.sql": """
            SELECT $1 AS p \\bind 1 \\watch c=1
            SELECT 2 AS two;
            SELECT $1 AS p \\bind 1 \\watch c=x
            SELECT 3 AS three;
            SELECT 4 AS four;
            """], masksDates: true),
        // A describe command in a pipeline: PQexec refuses, and libpq's reason is shown.
        .init("pipeline refuses a describe command", ["-f", "{dir}/d.sql"], files: ["d.sql": """
            \\startpipeline
            \\dt
            SELECT 1 AS one \\bind \\sendpipeline
            \\endpipeline
            SELECT 2 AS two;
            """]),
        .init("bind fetch count chunks", ["-f", "{dir}/chunks.sql"], files: ["chunks.sql": bindChunksScript]),
        .init("bind close", ["-f", "{dir}/close.sql"], files: ["close.sql": bindCloseScript]),
        // In a pipeline, a Close of an unknown name aborts nothing; names that need quoting.
        .init("bind close in a pipeline", ["-f", "{dir}/close.sql"], files: ["close.sql": #"""
            \startpipeline
            SELECT $1 \parse s1
            SELECT 9 \parse 'odd $pgentra$ name'
            \close_prepared nosuch
            SELECT 1 \bind \sendpipeline
            \close_prepared s1
            \close_prepared 'odd $pgentra$ name'
            \endpipeline
            select name from pg_prepared_statements;
            \startpipeline
            SELECT 3 \parse s3
            \bind_named s3 \sendpipeline
            \close_prepared s3
            \bind_named s3 \sendpipeline
            \endpipeline
            select name from pg_prepared_statements;
            """#]),
        // libpq's own limit on parameters, and a large argument list read without trouble.
        .init("bind too many parameters", ["-f", "{dir}/many.sql"],
              files: ["many.sql": "select 1 \\bind" + String(repeating: " x", count: 70_000) + " \\g\nselect 2 \\bind \\g\n"]),
        .init("bind regression", ["-f", "{dir}/bind.sql"], files: ["bind.sql": bindRegressionScript]),
        .init("bind more", ["-f", "{dir}/more.sql"], files: ["more.sql": bindMoreScript]),
        .init("bind single commands", ["-c", "\\bind 5", "-c", "select $1", "-c", "\\bind_named", "-c", "\\parse"]),
        .init("bind single parse", ["-c", "select 1", "-c", "\\parse x", "-c", "select 2", "-c", "\\bind_named x", "-c", "\\g"]),
        .init("bind stop on error", ["-v", "ON_ERROR_STOP=1", "-c", "\\close_prepared"]),
        .init("pipeline regression basics", ["-f", "{dir}/pipeline.sql"], files: ["pipeline.sql": pipelineBasicsScript]),
        .init("pipeline regression errors", ["-f", "{dir}/pipeline.sql"], files: ["pipeline.sql": pipelineErrorsScript]),
        .init("pipeline regression transactions", ["-f", "{dir}/pipeline.sql"], files: ["pipeline.sql": pipelineTransactionsScript]),
        .init("pipeline variables and refusals", ["-f", "{dir}/pipeline.sql"], files: ["pipeline.sql": pipelineVariablesScript]),
        .init("pipeline copy", ["-f", "{dir}/pipeline.sql"], files: ["pipeline.sql": pipelineCopyScript]),
        .init("pipeline flush stops", ["-v", "ON_ERROR_STOP=1", "-f", "{dir}/pipeline.sql"], files: ["pipeline.sql": pipelineFlushStopScript]),
        .init("pipeline errors stop", ["-v", "ON_ERROR_STOP=1", "-f", "{dir}/pipeline.sql"], files: ["pipeline.sql": pipelineErrorStopScript]),
        .init("pipeline single commands", ["-v", "ON_ERROR_STOP=1", "-c", "\\startpipeline", "-c", "\\flush", "-c", "select 1"]),
        .init("pipeline single start", ["-c", "\\startpipeline", "-c", "select 1", "-c", "\\echo :PIPELINE_SYNC_COUNT", "-c", "\\getresults -1"]),
        .init("pipeline variables set after a query", [
            "-c", "\\set PIPELINE_SYNC_COUNT 5", "-c", "\\echo :PIPELINE_SYNC_COUNT", "-c", "select 1",
            "-c", "\\echo :PIPELINE_SYNC_COUNT :PIPELINE_COMMAND_COUNT :PIPELINE_RESULT_COUNT"]),
        .init("pipeline from stdin", ["-f", "-"], stdin: pipelineVariablesScript),
        // Only each command's (or read's) last result is shown; a sync read last shows nothing.
        .init("pipeline show last results only", ["-v", "SHOW_ALL_RESULTS=off", "-f", "{dir}/pipeline.sql"],
              files: ["pipeline.sql": pipelineErrorsScript]),
        .init("bind show last results only", ["-v", "SHOW_ALL_RESULTS=off", "-f", "{dir}/more.sql"],
              files: ["more.sql": bindMoreScript]),
    ]
}
