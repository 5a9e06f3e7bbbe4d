/// Differential cases for the variables that change what psql does (issue 10): AUTOCOMMIT off
/// (SendQuery's BEGIN), ON_ERROR_ROLLBACK (its savepoint), LASTOID, and what every special
/// variable holds after `\set NAME` with no value, `\unset NAME` and a bad value (startup.c's
/// substitute and assign hooks).
extension DifferentialCase {
    static let transactionVariablesScript = #"""
    create temp table ac(a int);
    \set AUTOCOMMIT off
    insert into ac values (1);
    rollback;
    select count(*) from ac;
    insert into ac values (2);
    commit;
    select count(*) from ac;
    commit;
    vacuum ac;
    \echo :AUTOCOMMIT
    \unset AUTOCOMMIT
    \echo :AUTOCOMMIT
    \set AUTOCOMMIT on
    begin;
    \set ON_ERROR_ROLLBACK on
    insert into ac values (3);
    insert into ac values ('x');
    insert into ac values (4);
    savepoint mine;
    insert into ac values ('y');
    rollback to mine;
    select 1/0;
    commit;
    select a from ac order by a;
    \set ON_ERROR_ROLLBACK interactive
    begin;
    insert into ac values (5);
    insert into ac values ('z');
    insert into ac values (6);
    commit;
    select a from ac order by a;
    \set ON_ERROR_ROLLBACK
    \echo :ON_ERROR_ROLLBACK
    \set ON_ERROR_STOP
    \echo :ON_ERROR_STOP
    \set ON_ERROR_STOP off
    \set AUTOCOMMIT off
    \set ON_ERROR_ROLLBACK on
    select 1;
    select 1/0;
    select 2;
    rollback;
    \set AUTOCOMMIT on
    create temp table oids(a int);
    insert into oids values (1);
    \echo :LASTOID
    \set QUIET on
    insert into oids values (2);
    \echo :LASTOID
    \set QUIET off
    begin;
    select 1 as x \gdesc
    \set ON_ERROR_ROLLBACK on
    select 1 \gdesc
    select nosuch \gdesc
    select 5;
    commit;
    """#

    static let specialVariablesScript = #"""
    \set AUTOCOMMIT
    \echo AUTOCOMMIT [:AUTOCOMMIT]
    \unset AUTOCOMMIT
    \echo AUTOCOMMIT [:AUTOCOMMIT]
    \set AUTOCOMMIT nonsense
    \echo AUTOCOMMIT [:AUTOCOMMIT]
    \set ON_ERROR_STOP
    \echo ON_ERROR_STOP [:ON_ERROR_STOP]
    \unset ON_ERROR_STOP
    \echo ON_ERROR_STOP [:ON_ERROR_STOP]
    \set ON_ERROR_STOP nonsense
    \echo ON_ERROR_STOP [:ON_ERROR_STOP]
    \set QUIET
    \echo QUIET [:QUIET]
    \unset QUIET
    \echo QUIET [:QUIET]
    \set QUIET nonsense
    \echo QUIET [:QUIET]
    \set SHOW_ALL_RESULTS
    \echo SHOW_ALL_RESULTS [:SHOW_ALL_RESULTS]
    \unset SHOW_ALL_RESULTS
    \echo SHOW_ALL_RESULTS [:SHOW_ALL_RESULTS]
    \set SHOW_ALL_RESULTS nonsense
    \echo SHOW_ALL_RESULTS [:SHOW_ALL_RESULTS]
    \set SINGLELINE
    \echo SINGLELINE [:SINGLELINE]
    \unset SINGLELINE
    \echo SINGLELINE [:SINGLELINE]
    \set SINGLELINE nonsense
    \echo SINGLELINE [:SINGLELINE]
    \set SINGLESTEP
    \echo SINGLESTEP [:SINGLESTEP]
    \unset SINGLESTEP
    \echo SINGLESTEP [:SINGLESTEP]
    \set SINGLESTEP nonsense
    \echo SINGLESTEP [:SINGLESTEP]
    \set ON_ERROR_ROLLBACK
    \echo ON_ERROR_ROLLBACK [:ON_ERROR_ROLLBACK]
    \unset ON_ERROR_ROLLBACK
    \echo ON_ERROR_ROLLBACK [:ON_ERROR_ROLLBACK]
    \set ON_ERROR_ROLLBACK nonsense
    \echo ON_ERROR_ROLLBACK [:ON_ERROR_ROLLBACK]
    \set ECHO
    \echo ECHO [:ECHO]
    \unset ECHO
    \echo ECHO [:ECHO]
    \set ECHO nonsense
    \echo ECHO [:ECHO]
    \set ECHO_HIDDEN
    \echo ECHO_HIDDEN [:ECHO_HIDDEN]
    \unset ECHO_HIDDEN
    \echo ECHO_HIDDEN [:ECHO_HIDDEN]
    \set ECHO_HIDDEN nonsense
    \echo ECHO_HIDDEN [:ECHO_HIDDEN]
    \set COMP_KEYWORD_CASE
    \echo COMP_KEYWORD_CASE [:COMP_KEYWORD_CASE]
    \unset COMP_KEYWORD_CASE
    \echo COMP_KEYWORD_CASE [:COMP_KEYWORD_CASE]
    \set COMP_KEYWORD_CASE nonsense
    \echo COMP_KEYWORD_CASE [:COMP_KEYWORD_CASE]
    \set HISTCONTROL
    \echo HISTCONTROL [:HISTCONTROL]
    \unset HISTCONTROL
    \echo HISTCONTROL [:HISTCONTROL]
    \set HISTCONTROL nonsense
    \echo HISTCONTROL [:HISTCONTROL]
    \set VERBOSITY
    \echo VERBOSITY [:VERBOSITY]
    \unset VERBOSITY
    \echo VERBOSITY [:VERBOSITY]
    \set VERBOSITY nonsense
    \echo VERBOSITY [:VERBOSITY]
    \set SHOW_CONTEXT
    \echo SHOW_CONTEXT [:SHOW_CONTEXT]
    \unset SHOW_CONTEXT
    \echo SHOW_CONTEXT [:SHOW_CONTEXT]
    \set SHOW_CONTEXT nonsense
    \echo SHOW_CONTEXT [:SHOW_CONTEXT]
    \set FETCH_COUNT
    \echo FETCH_COUNT [:FETCH_COUNT]
    \unset FETCH_COUNT
    \echo FETCH_COUNT [:FETCH_COUNT]
    \set FETCH_COUNT nonsense
    \echo FETCH_COUNT [:FETCH_COUNT]
    \set HISTSIZE
    \echo HISTSIZE [:HISTSIZE]
    \unset HISTSIZE
    \echo HISTSIZE [:HISTSIZE]
    \set HISTSIZE nonsense
    \echo HISTSIZE [:HISTSIZE]
    \set IGNOREEOF
    \echo IGNOREEOF [:IGNOREEOF]
    \unset IGNOREEOF
    \echo IGNOREEOF [:IGNOREEOF]
    \set IGNOREEOF nonsense
    \echo IGNOREEOF [:IGNOREEOF]
    \set WATCH_INTERVAL
    \echo WATCH_INTERVAL [:WATCH_INTERVAL]
    \unset WATCH_INTERVAL
    \echo WATCH_INTERVAL [:WATCH_INTERVAL]
    \set WATCH_INTERVAL nonsense
    \echo WATCH_INTERVAL [:WATCH_INTERVAL]
    \set HIDE_TABLEAM
    \echo HIDE_TABLEAM [:HIDE_TABLEAM]
    \unset HIDE_TABLEAM
    \echo HIDE_TABLEAM [:HIDE_TABLEAM]
    \set HIDE_TABLEAM nonsense
    \echo HIDE_TABLEAM [:HIDE_TABLEAM]
    \set HIDE_TOAST_COMPRESSION
    \echo HIDE_TOAST_COMPRESSION [:HIDE_TOAST_COMPRESSION]
    \unset HIDE_TOAST_COMPRESSION
    \echo HIDE_TOAST_COMPRESSION [:HIDE_TOAST_COMPRESSION]
    \set HIDE_TOAST_COMPRESSION nonsense
    \echo HIDE_TOAST_COMPRESSION [:HIDE_TOAST_COMPRESSION]
    \set PROMPT1
    \echo PROMPT1 [:PROMPT1]
    \unset PROMPT1
    \echo PROMPT1 [:PROMPT1]
    \set PROMPT1 nonsense
    \echo PROMPT1 [:PROMPT1]
    \set PROMPT2
    \echo PROMPT2 [:PROMPT2]
    \unset PROMPT2
    \echo PROMPT2 [:PROMPT2]
    \set PROMPT2 nonsense
    \echo PROMPT2 [:PROMPT2]
    \set PROMPT3
    \echo PROMPT3 [:PROMPT3]
    \unset PROMPT3
    \echo PROMPT3 [:PROMPT3]
    \set PROMPT3 nonsense
    \echo PROMPT3 [:PROMPT3]
    \set HISTFILE
    \echo HISTFILE [:HISTFILE]
    \unset HISTFILE
    \echo HISTFILE [:HISTFILE]
    \set HISTFILE nonsense
    \echo HISTFILE [:HISTFILE]
    \set HIDE_TABLEAM 1
    \echo [:HIDE_TABLEAM]
    \set AUTOCOMMIT of
    \echo [:AUTOCOMMIT]
    select 7 as "AUTOCOMMIT", 8 as "plain" \gset
    \echo [:AUTOCOMMIT] [:plain]
    select 9 as "HIDE_TABLEAM" \gset
    select 9 as "WATCH_INTERVAL" \gset
    select 9 as "PROMPT1" \gset
    """#

    /// SHELL_ERROR and SHELL_EXIT_CODE after `\!`, a backquote, `\o |`, `\g |`, `\w |` and
    /// `\copy ... program` (SetShellResultVariables), with the errors psql prints.
    static let shellResultScript = #"""
    \! nosuchcmd_xyz
    \echo :SHELL_EXIT_CODE
    \! kill -9 $$
    \echo :SHELL_ERROR :SHELL_EXIT_CODE
    \set v `nosuchcmd_q`
    \echo [:v] :SHELL_EXIT_CODE
    \o |cat
    \o
    \echo :SHELL_EXIT_CODE
    \o |exit 5
    \o
    \echo :SHELL_EXIT_CODE
    select 1 \g |cat >/dev/null; exit 6
    \echo :SHELL_EXIT_CODE
    \w |exit 7
    \echo :SHELL_EXIT_CODE
    \copy (select 1) to program 'cat >/dev/null; exit 3'
    \echo :SHELL_ERROR :SHELL_EXIT_CODE
    \copy (select 1) to program 'cat >/dev/null'
    \echo :SHELL_ERROR :SHELL_EXIT_CODE
    """#

    /// The variables psql sets: the connection's, the client's version, the result variables
    /// before and after an error, VERBOSITY, SHOW_CONTEXT, ECHO, ECHO_HIDDEN, SHOW_ALL_RESULTS,
    /// QUIET, SINGLELINE.
    static let setVariablesScript = #"""
    \echo :DBNAME :USER :PORT :ENCODING :SERVER_VERSION_NUM
    \echo :VERSION_NUM
    \echo [:VERSION_NAME]
    \echo [:LAST_ERROR_MESSAGE] [:LAST_ERROR_SQLSTATE]
    select 1/0;
    \echo :ERROR :SQLSTATE :ROW_COUNT [:LAST_ERROR_MESSAGE] :LAST_ERROR_SQLSTATE
    select 1;
    \echo :ERROR :SQLSTATE :ROW_COUNT [:LAST_ERROR_MESSAGE] :LAST_ERROR_SQLSTATE
    \! exit 3
    \echo :SHELL_ERROR :SHELL_EXIT_CODE
    \! true
    \echo :SHELL_ERROR :SHELL_EXIT_CODE
    \set x `exit 4`
    \echo :SHELL_ERROR :SHELL_EXIT_CODE
    \set VERBOSITY terse
    select 1/0;
    \set VERBOSITY verbose
    select 1/0;
    \set VERBOSITY sqlstate
    select 1/0;
    \set VERBOSITY default
    do $$ begin raise notice 'n'; raise exception 'boom'; end $$;
    \set SHOW_CONTEXT always
    do $$ begin raise notice 'n'; raise exception 'boom'; end $$;
    \set SHOW_CONTEXT never
    do $$ begin raise notice 'n'; raise exception 'boom'; end $$;
    \set SHOW_CONTEXT errors
    \set ECHO queries
    select 2;
    \set ECHO errors
    select 1/0;
    \set ECHO all
    select 3;
    \set ECHO none
    \set ECHO_HIDDEN on
    \dn pg_toast
    \set ECHO_HIDDEN noexec
    \dn pg_toast
    \set ECHO_HIDDEN off
    \set SHOW_ALL_RESULTS off
    select 1 \; select 2;
    \set SHOW_ALL_RESULTS on
    \set QUIET on
    create temp table q1(a int);
    \set QUIET off
    \set SINGLELINE on
    select 4
    \set SINGLELINE off
    \echo :HISTSIZE :HISTCONTROL :IGNOREEOF :COMP_KEYWORD_CASE
    """#

    /// ROW_COUNT (and ERROR, SQLSTATE) after each kind of command: DML, MERGE, cursors,
    /// CREATE TABLE AS, `\gset`, `\crosstabview`, `\gexec`, several results, SHOW_ALL_RESULTS
    /// off, `\gdesc` (the description's own rows, or its error), EXECUTE, `\copy`.
    static let rowCountScript = #"""
    create temp table rc(a int);
    \echo :ROW_COUNT
    insert into rc select generate_series(1,5);
    \echo :ROW_COUNT
    update rc set a = a where a < 3;
    \echo :ROW_COUNT
    delete from rc where a = 5;
    \echo :ROW_COUNT
    select * from rc \g /dev/null
    \echo :ROW_COUNT
    merge into rc using (select 1 as x) s on rc.a = s.x when matched then update set a = 1;
    \echo :ROW_COUNT
    begin;
    \echo :ROW_COUNT
    declare c cursor for select * from rc;
    fetch 2 from c;
    \echo :ROW_COUNT
    move 1 in c;
    \echo :ROW_COUNT
    commit;
    \echo :ROW_COUNT
    create temp table rc2 as select * from rc;
    \echo :ROW_COUNT
    select * into temp rc3 from rc;
    \echo :ROW_COUNT
    select 1 \gset
    \echo :ROW_COUNT
    select 1 as a, 2 as b \crosstabview
    \echo :ROW_COUNT
    select 'select 1' \gexec
    \echo :ROW_COUNT
    ;
    \echo :ROW_COUNT
    select 1 \; select 2, 3 union select 4, 5;
    \echo :ROW_COUNT
    \set SHOW_ALL_RESULTS off
    select 1 \; select 2 union select 3;
    \echo :ROW_COUNT
    \set SHOW_ALL_RESULTS on
    values (1),(2),(3) \gdesc
    \echo :ROW_COUNT
    prepare p as select 1;
    execute p;
    \echo :ROW_COUNT
    \copy rc to /dev/null
    \echo :ROW_COUNT
    select nosuch \gdesc
    \echo :ERROR :SQLSTATE :ROW_COUNT :LAST_ERROR_SQLSTATE
    insert into nosuch values (1) \gdesc
    \echo :ERROR :ROW_COUNT
    create temp table z() \gdesc
    \echo :ERROR :ROW_COUNT
    """#

    static let variables: [DifferentialCase] = [
        .init("autocommit and on error rollback", ["-f", "{dir}/t.sql"], files: ["t.sql": transactionVariablesScript]),
        .init("special variables set empty, unset and refused", ["-f", "{dir}/v.sql"],
              files: ["v.sql": specialVariablesScript]),
        .init("row count after each kind of command", ["-f", "{dir}/r.sql"], files: ["r.sql": rowCountScript]),
        .init("shell result variables", ["-f", "{dir}/s.sql"], files: ["s.sql": shellResultScript]),
        .init("variables psql sets", ["-f", "{dir}/v.sql"], files: ["v.sql": setVariablesScript]),
        // psql's command_no_begin: no BEGIN before these with AUTOCOMMIT off.
        .init("autocommit off skips begin", ["-v", "AUTOCOMMIT=off", "-f", "{dir}/n.sql"], files: ["n.sql": """
            /* comment */ -- line
            vacuum;
            create database autocommit_off_db;
            drop database autocommit_off_db;
            discard all;
            prepare transaction 'x';
            cluster;
            create unique index concurrently nothing_here on nosuch (a);
            begin;
            commit;
            select 1;
            vacuum;
            rollback;
            """]),
    ]
}
