// psql's lists (tab-complete.c's Query_for_list_of_... strings and SchemaQuery structs) that
// the rules from CREATE SUBSCRIPTION through IMPORT FOREIGN SCHEMA ask for, transcribed
// without psql's `LIKE '%s'` prefix filter and LIMIT (pgentra reads a list whole, caches it
// and filters it itself). Each runs on servers 15 to 18 as written.

extension NamedQuery {
    /// Query_for_list_of_prepared_statements (DEALLOCATE, EXECUTE).
    static let preparedStatements = NamedQuery(
        "Query_for_list_of_prepared_statements",
        sql: "SELECT pg_catalog.quote_ident(name) FROM pg_catalog.pg_prepared_statements")

    /// Query_for_list_of_cursors (FETCH, MOVE).
    static let cursors = NamedQuery(
        "Query_for_list_of_cursors",
        sql: "SELECT pg_catalog.quote_ident(name) FROM pg_catalog.pg_cursors")

    /// Query_for_list_of_languages: every language but `internal`.
    static let languages = NamedQuery(
        "Query_for_list_of_languages",
        sql: "SELECT pg_catalog.quote_ident(lanname) FROM pg_catalog.pg_language WHERE lanname != 'internal'")

    /// Query_for_list_of_fdws: foreign-data wrappers.
    static let fdws = NamedQuery(
        "Query_for_list_of_fdws",
        sql: "SELECT pg_catalog.quote_ident(fdwname) FROM pg_catalog.pg_foreign_data_wrapper")

    /// Query_for_list_of_servers: foreign servers.
    static let servers = NamedQuery(
        "Query_for_list_of_servers",
        sql: "SELECT pg_catalog.quote_ident(srvname) FROM pg_catalog.pg_foreign_server")

    /// Query_for_list_of_access_methods: every access method, index and table.
    static let accessMethods = NamedQuery(
        "Query_for_list_of_access_methods",
        sql: "SELECT pg_catalog.quote_ident(amname) FROM pg_catalog.pg_am")

    /// Query_for_list_of_table_access_methods: psql's `amtype = AMTYPE_TABLE`, 't'.
    static let tableAccessMethods = NamedQuery(
        "Query_for_list_of_table_access_methods",
        sql: "SELECT pg_catalog.quote_ident(amname) FROM pg_catalog.pg_am WHERE amtype = 't'")

    /// Query_for_list_of_event_triggers.
    static let eventTriggers = NamedQuery(
        "Query_for_list_of_event_triggers",
        sql: "SELECT pg_catalog.quote_ident(evtname) FROM pg_catalog.pg_event_trigger")

    /// Query_for_list_of_policies: policy names of every table.
    static let policies = NamedQuery(
        "Query_for_list_of_policies",
        sql: "SELECT pg_catalog.quote_ident(polname) FROM pg_catalog.pg_policy")

    /// Query_for_list_of_alter_system_set_vars (COMPLETE_WITH_QUERY_VERBATIM): the names of
    /// the settings that are not `internal`, in lower case.
    static let alterSystemSetVars = NamedQuery(
        "Query_for_list_of_alter_system_set_vars", verbatim: true,
        sql: "SELECT pg_catalog.lower(name) FROM pg_catalog.pg_settings WHERE context != 'internal'")

    /// Query_for_list_of_tables_for_trigger, a SchemaQuery whose refname is the trigger's
    /// name ($1): the visible tables that have a trigger of that name. psql's refname query
    /// also offers schema names to qualify with; this list has the visible tables only.
    static let tablesForTrigger = NamedQuery(
        "Query_for_list_of_tables_for_trigger",
        sql: """
            SELECT DISTINCT pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c, pg_catalog.pg_trigger t \
            WHERE c.oid = t.tgrelid AND t.tgname = $1 AND pg_catalog.pg_table_is_visible(c.oid)
            """)

    /// Query_for_list_of_tables_for_policy: the visible tables with a policy named $1 (as
    /// tablesForTrigger).
    static let tablesForPolicy = NamedQuery(
        "Query_for_list_of_tables_for_policy",
        sql: """
            SELECT DISTINCT pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c, pg_catalog.pg_policy p \
            WHERE c.oid = p.polrelid AND p.polname = $1 AND pg_catalog.pg_table_is_visible(c.oid)
            """)

    /// Query_for_list_of_tables_for_rule: the visible tables with a rule named $1 (as
    /// tablesForTrigger).
    static let tablesForRule = NamedQuery(
        "Query_for_list_of_tables_for_rule",
        sql: """
            SELECT DISTINCT pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c, pg_catalog.pg_rewrite r \
            WHERE c.oid = r.ev_class AND r.rulename = $1 AND pg_catalog.pg_table_is_visible(c.oid)
            """)

    /// Query_for_list_of_arguments, what COMPLETE_WITH_FUNCTION_ARG offers (verbatim): the
    /// argument type lists, closed with `)`, of the functions named $1, those visible when
    /// no schema was typed ($2 = ''), else those of schema $2 (psql's refviscondition and
    /// refnamespace).
    static let arguments = NamedQuery(
        "Query_for_list_of_arguments", verbatim: true,
        sql: """
            SELECT pg_catalog.oidvectortypes(p.proargtypes)||')' FROM pg_catalog.pg_proc p \
            WHERE p.proname = $1::pg_catalog.name AND CASE WHEN $2::pg_catalog.text = '' \
            THEN pg_catalog.pg_function_is_visible(p.oid) \
            ELSE p.pronamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = $2::pg_catalog.name) END
            """)
}

extension SchemaList {
    /// Query_for_list_of_domains.
    static let domains = SchemaList(
        name: "Query_for_list_of_domains", catalog: "pg_catalog.pg_type t", selection: "t.typtype = 'd'",
        visibility: "pg_catalog.pg_type_is_visible(t.oid)", namespace: "t.typnamespace", result: "t.typname")

    /// Query_for_list_of_procedures, psql's branch for servers 11 and later.
    static let procedures = SchemaList(
        name: "Query_for_list_of_procedures", catalog: "pg_catalog.pg_proc p", selection: "p.prokind = 'p'",
        visibility: "pg_catalog.pg_function_is_visible(p.oid)", namespace: "p.pronamespace", result: "p.proname")

    /// Query_for_list_of_routines: functions, aggregates and procedures alike.
    static let routines = SchemaList(
        name: "Query_for_list_of_routines", catalog: "pg_catalog.pg_proc p",
        visibility: "pg_catalog.pg_function_is_visible(p.oid)", namespace: "p.pronamespace", result: "p.proname")
}
