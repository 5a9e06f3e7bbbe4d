/// Differential cases for what `-a`, `-e`, `-b` and `-q` echo, and the `psql:FILE:LINE:` prefix of
/// errors inside `\i`, `\ir`, `\gexec` and `\watch` (issue 10): SendQuery's `STATEMENT:` line comes
/// once per failed query string, after every result, with the line COPY data reached, and never
/// for `\watch`.
extension DifferentialCase {
    static let echoScript = #"""
    -- comment line
    select 1 as a;

      select 2
      as b;
    \i :dir/inner.sql
    \ir inner.sql
    select 'select 1/0' \gexec
    select 'select 3 as c' union all select 'select 4/0' \gexec
    select 1/0 \watch c=1
    \echo done
    select 5 \; select 6/0 \; select 7;
    /* block
    comment */ select 8;
    \set v 1
    select :v;
    create temp table echo_copy(a int);
    copy echo_copy from stdin;
    1
    x
    \.
    select 9/0;
    """#

    static let echoInner = """
        select 'inner';
        select 1/0;
        \\echo from inner

        """

    static let echo: [DifferentialCase] = ["-a", "-e", "-b", "-q", "-a -b", "-e -b", "-a -e"].map { options in
        .init("echo \(options)", options.split(separator: " ").map(String.init) + ["-v", "dir={dir}", "-f", "{dir}/main.sql"],
              files: ["main.sql": echoScript, "inner.sql": echoInner])
    } + [
        // SINGLESTEP: each query shown between psql's banners; `x` cancels it; the reply is read
        // as fgets(buf, 3, stdin) reads it, so `xyz` cancels one query and `z` answers the next.
        .init("single step", ["-s", "-f", "{dir}/s.sql"], stdin: "\nxyz\n\n\n\n",
              files: ["s.sql": "select 1;\n\\echo hi\nselect 2;\nselect 3;\nselect 'select 4' \\gexec\n"]),
        .init("single step with the script on stdin", ["-s"], stdin: "select 1;\n\nselect 2;\nx\nselect 3;\n\n"),
        // A query cancelled with `x` counts as failed: ON_ERROR_STOP ends the script.
        .init("single step cancelled under on error stop", ["-s", "-v", "ON_ERROR_STOP=1", "-f", "{dir}/s.sql"],
              stdin: "x\n\n", files: ["s.sql": "select 1;\nselect 2;\n"]),
        // fgets(buf, 3) takes `xy`; the `z` left on that line starts the script's next statement.
        .init("single step with a long reply on stdin", ["-s"], stdin: "select 1;\nxyz\nselect 2;\n\nselect 3;\n\n"),
        .init("echo errors in a transaction with on error rollback", ["-b", "-v", "ON_ERROR_ROLLBACK=on", "-c", "begin",
              "-c", "select 1/0", "-c", "select 2", "-c", "commit"]),
    ]
}
