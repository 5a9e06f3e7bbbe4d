/// The lists psql's rules from IMPORT FOREIGN SCHEMA's tail to the backslash commands use
/// (tab-complete.c's Query_for_list_of_... definitions, psql 18), beyond those CatalogQuery
/// already has. Simple queries lose psql's `LIKE '%s'` prefix filter (pgentra reads a list
/// once and filters it itself) and return names through quote_ident, as psql requotes them.
extension NamedQuery {
    /// Query_for_list_of_channels: the channels this session LISTENs on (NOTIFY, UNLISTEN).
    static let channels = NamedQuery("Query_for_list_of_channels", sql: """
        SELECT pg_catalog.quote_ident(channel) FROM pg_catalog.pg_listening_channels() AS channel
        """)

    /// Query_for_list_of_tablesample_methods: functions returning tsm_handler.
    static let tablesampleMethods = NamedQuery("Query_for_list_of_tablesample_methods", sql: """
        SELECT pg_catalog.quote_ident(proname) FROM pg_catalog.pg_proc \
        WHERE prorettype = 'pg_catalog.tsm_handler'::pg_catalog.regtype \
        AND proargtypes[0] = 'pg_catalog.internal'::pg_catalog.regtype
        """)

    static let userMappings = NamedQuery("Query_for_list_of_user_mappings", sql: """
        SELECT pg_catalog.quote_ident(usename) FROM pg_catalog.pg_user_mappings
        """)





    /// Query_for_list_of_subscriptions: those of the current database only.
    static let subscriptions = NamedQuery("Query_for_list_of_subscriptions", sql: """
        SELECT pg_catalog.quote_ident(s.subname) FROM pg_catalog.pg_subscription s, pg_catalog.pg_database d \
        WHERE d.datname = pg_catalog.current_database() AND s.subdbid = d.oid
        """)


    /// Query_for_list_of_encodings, offered verbatim (psql's COMPLETE_WITH_QUERY_VERBATIM).
    static let encodings = NamedQuery("Query_for_list_of_encodings", verbatim: true, sql: """
        SELECT DISTINCT pg_catalog.pg_encoding_to_char(conforencoding) FROM pg_catalog.pg_conversion
        """)

    // words_after_create's simple queries (psql_completion's fallback).

    static let conversions = NamedQuery("words_after_create CONVERSION", sql: """
        SELECT pg_catalog.quote_ident(conname) FROM pg_catalog.pg_conversion
        """)

    static let rules = NamedQuery("words_after_create RULE", sql: """
        SELECT pg_catalog.quote_ident(rulename) FROM pg_catalog.pg_rules
        """)

    static let triggers = NamedQuery("words_after_create TRIGGER", sql: """
        SELECT pg_catalog.quote_ident(tgname) FROM pg_catalog.pg_trigger WHERE NOT tgisinternal
        """)
}

extension SchemaList {
    /// Query_for_list_of_aggregates, the branch for servers 11 and later.
    static let aggregates = SchemaList(
        name: "Query_for_list_of_aggregates", catalog: "pg_catalog.pg_proc p", selection: "p.prokind = 'a'",
        visibility: "pg_catalog.pg_function_is_visible(p.oid)", namespace: "p.pronamespace", result: "p.proname")

    /// Query_for_list_of_functions (11 and later): aggregates too, procedures not.
    static let functions = SchemaList(
        name: "Query_for_list_of_functions", catalog: "pg_catalog.pg_proc p", selection: "p.prokind != 'p'",
        visibility: "pg_catalog.pg_function_is_visible(p.oid)", namespace: "p.pronamespace", result: "p.proname")




    static let operatorFamilies = SchemaList(
        name: "Query_for_list_of_operator_families", catalog: "pg_catalog.pg_opfamily c", selection: nil,
        visibility: "pg_catalog.pg_opfamily_is_visible(c.oid)", namespace: "c.opfnamespace", result: "c.opfname")





    static let statistics = SchemaList(
        name: "Query_for_list_of_statistics", catalog: "pg_catalog.pg_statistic_ext s", selection: nil,
        visibility: "pg_catalog.pg_statistics_obj_is_visible(s.oid)", namespace: "s.stxnamespace", result: "s.stxname")


    /// Query_for_list_of_constraints_with_schema (SET CONSTRAINTS): no visibility condition,
    /// so every table constraint is offered unqualified as well.
    static let constraintsWithSchema = SchemaList(
        name: "Query_for_list_of_constraints_with_schema", catalog: "pg_catalog.pg_constraint c", selection: "c.conrelid <> 0",
        visibility: nil, namespace: "c.connamespace", result: "c.conname")
}

/// psql's pg_class schema queries in this range, as the relation kinds they select.
extension RelationKinds {
    /// Query_for_list_of_mergetargets: tables, views, partitioned tables.
    static let mergeTargets = RelationKinds(letters: "rvp")
    /// Query_for_list_of_truncatables: tables, foreign tables, partitioned tables.
    static let truncatables = RelationKinds(letters: "rfp")
    static let partitionedIndexes = RelationKinds(letters: "I")
    static let partitionedRelations = RelationKinds(letters: "pI")
}
