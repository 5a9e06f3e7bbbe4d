// psql's lists used by the ALTER rules (tab-complete.in.c, psql 18), under psql's names. Simple
// queries lose psql's `... LIKE '%s'` prefix filter (the completer reads a list once and
// filters it itself); a list that belongs to another object takes that object as `$1` and its
// schema (or '') as `$2`, as set_completion_reference splits prevN_wd. Names are returned
// through quote_ident, as psql 15+ requotes the identifiers of a non-verbatim query.

extension NamedQuery {
    /// A psql SchemaQuery with `refname` (a list belonging to another object), written out as
    /// _complete_from_query assembles it for an unqualified word: the selection, the result's
    /// visibility, the reference object by name, and the reference's schema when one was
    /// typed (refnamespace), else its visibility (refviscondition).
    fileprivate static func referenced(
        _ name: String, verbatim: Bool = false, result: String, catalog: String, selection: String? = nil,
        visibility: String? = nil, refname: String, refVisibility: String? = nil, refNamespace: String? = nil
    ) -> NamedQuery {
        var conditions = [selection, visibility].compactMap { $0 } + ["\(refname) = $1"]
        if let refNamespace {
            let visible = refVisibility ?? "true"
            conditions.append("""
                CASE WHEN $2::pg_catalog.text = '' THEN \(visible) \
                ELSE \(refNamespace) = (SELECT nr.oid FROM pg_catalog.pg_namespace nr WHERE nr.nspname = $2::pg_catalog.text) END
                """)
        } else if let refVisibility {
            conditions.append(refVisibility)
        }
        let shown = verbatim ? result : "pg_catalog.quote_ident(\(result))"
        let filter = conditions.map { "(\($0))" }.joined(separator: " AND ")
        return NamedQuery(name, verbatim: verbatim, sql: "SELECT DISTINCT \(shown) FROM \(catalog) WHERE \(filter)")
    }

    // MARK: Simple queries

    /// Query_for_list_of_alter_system_set_vars (COMPLETE_WITH_QUERY_VERBATIM): every GUC but
    /// the internal ones, in lower case.
    static let alterSystemSetVars = NamedQuery(
        "Query_for_list_of_alter_system_set_vars", verbatim: true,
        sql: "SELECT pg_catalog.lower(name) FROM pg_catalog.pg_settings WHERE context != 'internal'")

    /// Query_for_list_of_database_vars: the settings ALTER DATABASE ... SET gave the database
    /// named `$1` (psql matches it with LIKE, as here).
    static let databaseVars = NamedQuery(
        "Query_for_list_of_database_vars",
        sql: """
            SELECT pg_catalog.quote_ident(conf) FROM (\
            SELECT setdatabase, pg_catalog.split_part(pg_catalog.unnest(setconfig),'=',1) conf \
            FROM pg_catalog.pg_db_role_setting) s, pg_catalog.pg_database d \
            WHERE s.setdatabase = d.oid AND d.datname LIKE $1
            """)

    /// Query_for_list_of_user_vars: the settings ALTER ROLE ... SET gave the role named `$1`.
    static let userVars = NamedQuery(
        "Query_for_list_of_user_vars",
        sql: """
            SELECT pg_catalog.quote_ident(conf) FROM (\
            SELECT rolname, pg_catalog.split_part(pg_catalog.unnest(rolconfig),'=',1) conf \
            FROM pg_catalog.pg_roles) s \
            WHERE s.rolname LIKE $1
            """)

    static let eventTriggers = NamedQuery(
        "Query_for_list_of_event_triggers",
        sql: "SELECT pg_catalog.quote_ident(evtname) FROM pg_catalog.pg_event_trigger")

    /// Query_for_list_of_available_extension_versions: the versions of the extension `$1`.
    static let availableExtensionVersions = NamedQuery(
        "Query_for_list_of_available_extension_versions",
        sql: "SELECT pg_catalog.quote_ident(version) FROM pg_catalog.pg_available_extension_versions WHERE name = $1")

    static let tableAccessMethods = NamedQuery(
        "Query_for_list_of_table_access_methods",
        sql: "SELECT pg_catalog.quote_ident(amname) FROM pg_catalog.pg_am WHERE amtype = 't'")

    static let policies = NamedQuery(
        "Query_for_list_of_policies",
        sql: "SELECT pg_catalog.quote_ident(polname) FROM pg_catalog.pg_policy")

    /// psql's ALTER PUBLICATION ... TABLES IN SCHEMA list: Query_for_list_of_schemas with
    /// `" AND nspname NOT LIKE E'pg\\\\_%%'"` appended, so no pg_ schema is offered.
    static let schemasNotPg = NamedQuery(
        "Query_for_list_of_schemas AND nspname NOT LIKE E'pg\\\\_%'",
        sql: "SELECT pg_catalog.quote_ident(nspname) FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE E'pg\\\\_%'")

    // MARK: Schema queries with a reference object

    /// Query_for_list_of_arguments (COMPLETE_WITH_FUNCTION_ARG): the argument lists of the
    /// functions named `$1`, each closed with `)`, verbatim.
    static let arguments = referenced(
        "Query_for_list_of_arguments", verbatim: true, result: "pg_catalog.oidvectortypes(p.proargtypes)||')'",
        catalog: "pg_catalog.pg_proc p", refname: "p.proname",
        refVisibility: "pg_catalog.pg_function_is_visible(p.oid)", refNamespace: "p.pronamespace")

    /// Query_for_list_of_attribute_numbers (COMPLETE_WITH_SCHEMA_QUERY_VERBATIM): the column
    /// numbers of the index `$1`.
    static let attributeNumbers = referenced(
        "Query_for_list_of_attribute_numbers", verbatim: true, result: "a.attnum::pg_catalog.text",
        catalog: "pg_catalog.pg_attribute a, pg_catalog.pg_class c",
        selection: "c.oid = a.attrelid and a.attnum > 0 and not a.attisdropped", refname: "c.relname",
        refVisibility: "pg_catalog.pg_table_is_visible(c.oid)", refNamespace: "c.relnamespace")

    static let constraintOfTable = referenced(
        "Query_for_constraint_of_table", result: "con.conname",
        catalog: "pg_catalog.pg_constraint con, pg_catalog.pg_class c1", selection: "con.conrelid=c1.oid",
        refname: "c1.relname", refVisibility: "pg_catalog.pg_table_is_visible(c1.oid)", refNamespace: "c1.relnamespace")

    static let constraintOfTableNotValidated = referenced(
        "Query_for_constraint_of_table_not_validated", result: "con.conname",
        catalog: "pg_catalog.pg_constraint con, pg_catalog.pg_class c1",
        selection: "con.conrelid=c1.oid and not con.convalidated",
        refname: "c1.relname", refVisibility: "pg_catalog.pg_table_is_visible(c1.oid)", refNamespace: "c1.relnamespace")

    static let constraintOfType = referenced(
        "Query_for_constraint_of_type", result: "con.conname",
        catalog: "pg_catalog.pg_constraint con, pg_catalog.pg_type t", selection: "con.contypid=t.oid",
        refname: "t.typname", refVisibility: "pg_catalog.pg_type_is_visible(t.oid)", refNamespace: "t.typnamespace")

    static let indexOfTable = referenced(
        "Query_for_index_of_table", result: "c2.relname",
        catalog: "pg_catalog.pg_class c1, pg_catalog.pg_class c2, pg_catalog.pg_index i",
        selection: "c1.oid=i.indrelid and i.indexrelid=c2.oid",
        refname: "c1.relname", refVisibility: "pg_catalog.pg_table_is_visible(c1.oid)", refNamespace: "c1.relnamespace")

    static let uniqueIndexOfTable = referenced(
        "Query_for_unique_index_of_table", result: "c2.relname",
        catalog: "pg_catalog.pg_class c1, pg_catalog.pg_class c2, pg_catalog.pg_index i",
        selection: "c1.oid=i.indrelid and i.indexrelid=c2.oid and i.indisunique",
        refname: "c1.relname", refVisibility: "pg_catalog.pg_table_is_visible(c1.oid)", refNamespace: "c1.relnamespace")

    /// Query_for_partition_of_table: the partitions of `$1` that are visible (psql also
    /// completes them schema-qualified, which this list does not).
    static let partitionOfTable = referenced(
        "Query_for_partition_of_table", result: "c2.relname",
        catalog: "pg_catalog.pg_class c1, pg_catalog.pg_class c2, pg_catalog.pg_inherits i",
        selection: "c1.oid=i.inhparent and i.inhrelid=c2.oid and c2.relispartition",
        visibility: "pg_catalog.pg_table_is_visible(c2.oid)",
        refname: "c1.relname", refVisibility: "pg_catalog.pg_table_is_visible(c1.oid)", refNamespace: "c1.relnamespace")

    static let ruleOfTable = referenced(
        "Query_for_rule_of_table", result: "r.rulename",
        catalog: "pg_catalog.pg_rewrite r, pg_catalog.pg_class c1", selection: "r.ev_class=c1.oid",
        refname: "c1.relname", refVisibility: "pg_catalog.pg_table_is_visible(c1.oid)", refNamespace: "c1.relnamespace")

    static let triggerOfTable = referenced(
        "Query_for_trigger_of_table", result: "t.tgname",
        catalog: "pg_catalog.pg_trigger t, pg_catalog.pg_class c1", selection: "t.tgrelid=c1.oid and not t.tgisinternal",
        refname: "c1.relname", refVisibility: "pg_catalog.pg_table_is_visible(c1.oid)", refNamespace: "c1.relnamespace")

    /// Query_for_list_of_tables_for_policy: the visible tables that have a policy named `$1`
    /// (psql also completes them schema-qualified, which this list does not).
    static let tablesForPolicy = referenced(
        "Query_for_list_of_tables_for_policy", result: "c.relname",
        catalog: "pg_catalog.pg_class c, pg_catalog.pg_policy p", selection: "c.oid=p.polrelid",
        visibility: "pg_catalog.pg_table_is_visible(c.oid)", refname: "p.polname")

    static let tablesForRule = referenced(
        "Query_for_list_of_tables_for_rule", result: "c.relname",
        catalog: "pg_catalog.pg_class c, pg_catalog.pg_rewrite r", selection: "c.oid=r.ev_class",
        visibility: "pg_catalog.pg_table_is_visible(c.oid)", refname: "r.rulename")

    static let tablesForTrigger = referenced(
        "Query_for_list_of_tables_for_trigger", result: "c.relname",
        catalog: "pg_catalog.pg_class c, pg_catalog.pg_trigger t", selection: "c.oid=t.tgrelid",
        visibility: "pg_catalog.pg_table_is_visible(c.oid)", refname: "t.tgname")
}

extension SchemaList {
    /// Query_for_list_of_composite_datatypes: only composite types, no array types.
    static let compositeDatatypes = SchemaList(
        name: "Query_for_list_of_composite_datatypes", catalog: "pg_catalog.pg_type t",
        selection: "(SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) AND t.typname !~ '^_'",
        visibility: "pg_catalog.pg_type_is_visible(t.oid)", namespace: "t.typnamespace", result: "t.typname")
}
