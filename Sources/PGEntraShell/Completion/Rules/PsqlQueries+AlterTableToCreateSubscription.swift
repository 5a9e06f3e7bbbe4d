/// psql's lists (tab-complete.c) that the rules from ALTER TABLE ... REPLICA IDENTITY to CREATE
/// SUBSCRIPTION ask for, transcribed from psql's definitions: its simple queries without the
/// `LIKE '%s'` prefix filter (the completer filters itself), the reference object of
/// set_completion_reference as `$1` (and its schema, or '', as `$2`). Each works on servers 15
/// to 18: the versioned ones are psql's branch for 11 and later.
extension NamedQuery {


    /// Query_for_list_of_tables_for_constraint: tables with a constraint named `$1`. psql's
    /// SchemaQuery has no refnamespace, so the constraint's schema is not asked for; the
    /// tables are the visible ones (the `schema.` form is `tablesForConstraintInSchema`).
    static let tablesForConstraint = NamedQuery("Query_for_list_of_tables_for_constraint", sql: """
        SELECT DISTINCT pg_catalog.quote_ident(c.relname) \
        FROM pg_catalog.pg_class c, pg_catalog.pg_constraint con \
        WHERE c.oid=con.conrelid and c.relkind IN ('r', 'p') \
        AND con.conname = $1 AND pg_catalog.pg_table_is_visible(c.oid)
        """)

    /// The same tables in schema `$2` (psql's namespace clause for a `schema.` word).
    static let tablesForConstraintInSchema = NamedQuery("Query_for_list_of_tables_for_constraint", sql: """
        SELECT DISTINCT pg_catalog.quote_ident(c.relname) \
        FROM pg_catalog.pg_class c, pg_catalog.pg_constraint con, pg_catalog.pg_namespace n \
        WHERE c.oid=con.conrelid and c.relkind IN ('r', 'p') \
        AND con.conname = $1 AND c.relnamespace = n.oid AND n.nspname = $2
        """)





    static let indexAccessMethods = NamedQuery("Query_for_list_of_index_access_methods", sql: """
        SELECT pg_catalog.quote_ident(amname) FROM pg_catalog.pg_am WHERE amtype = 'i'
        """)

    static let accessMethods = NamedQuery("Query_for_list_of_access_methods", sql: """
        SELECT pg_catalog.quote_ident(amname) FROM pg_catalog.pg_am
        """)

    static let cursors = NamedQuery("Query_for_list_of_cursors", sql: """
        SELECT pg_catalog.quote_ident(name) FROM pg_catalog.pg_cursors
        """)

    static let allTableConstraints = NamedQuery("Query_for_all_table_constraints", sql: """
        SELECT pg_catalog.quote_ident(conname) FROM pg_catalog.pg_constraint c WHERE c.conrelid <> 0
        """)



    static let languages = NamedQuery("Query_for_list_of_languages", sql: """
        SELECT pg_catalog.quote_ident(lanname) FROM pg_catalog.pg_language WHERE lanname != 'internal'
        """)

    static let templateDatabases = NamedQuery("Query_for_list_of_template_databases", sql: """
        SELECT pg_catalog.quote_ident(d.datname) FROM pg_catalog.pg_database d \
        WHERE (d.datistemplate OR pg_catalog.pg_has_role(d.datdba, 'USAGE'))
        """)

    static let availableExtensions = NamedQuery("Query_for_list_of_available_extensions", sql: """
        SELECT pg_catalog.quote_ident(name) FROM pg_catalog.pg_available_extensions \
        WHERE installed_version IS NULL
        """)


    /// Query_for_list_of_schemas with the clause CREATE PUBLICATION ... TABLES IN SCHEMA adds:
    /// no system schemas (`pg_...`).
    static let schemasWithoutSystem = NamedQuery("Query_for_list_of_schemas", sql: """
        SELECT pg_catalog.quote_ident(nspname) FROM pg_catalog.pg_namespace \
        WHERE nspname NOT LIKE E'pg\\\\_%'
        """)
}

extension SchemaList {

    /// Query_for_list_of_datatypes: neither table row types nor array types, with
    /// Keywords_for_list_of_datatypes, the SQL names whose type names differ (bigint is int8).
    static let datatypes = SchemaList(
        name: "Query_for_list_of_datatypes", catalog: "pg_catalog.pg_type t",
        selection: "(t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid)) AND t.typname !~ '^_'",
        visibility: "pg_catalog.pg_type_is_visible(t.oid)", namespace: "t.typnamespace", result: "t.typname",
        keywords: ["bigint", "boolean", "character", "double precision", "integer", "real", "smallint"])

    static let domains = SchemaList(
        name: "Query_for_list_of_domains", catalog: "pg_catalog.pg_type t", selection: "t.typtype = 'd'",
        visibility: "pg_catalog.pg_type_is_visible(t.oid)", namespace: "t.typnamespace", result: "t.typname")

    /// psql's versioned list: its branch for servers 11 and later.
    static let procedures = SchemaList(
        name: "Query_for_list_of_procedures", catalog: "pg_catalog.pg_proc p", selection: "p.prokind = 'p'",
        visibility: "pg_catalog.pg_function_is_visible(p.oid)", namespace: "p.pronamespace", result: "p.proname")

    static let collations = SchemaList(
        name: "Query_for_list_of_collations", catalog: "pg_catalog.pg_collation c",
        selection: "c.collencoding IN (-1, pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding()))",
        visibility: "pg_catalog.pg_collation_is_visible(c.oid)", namespace: "c.collnamespace", result: "c.collname")

    static let tsConfigurations = SchemaList(
        name: "Query_for_list_of_ts_configurations", catalog: "pg_catalog.pg_ts_config c",
        visibility: "pg_catalog.pg_ts_config_is_visible(c.oid)", namespace: "c.cfgnamespace", result: "c.cfgname")

    static let tsDictionaries = SchemaList(
        name: "Query_for_list_of_ts_dictionaries", catalog: "pg_catalog.pg_ts_dict d",
        visibility: "pg_catalog.pg_ts_dict_is_visible(d.oid)", namespace: "d.dictnamespace", result: "d.dictname")

    static let tsParsers = SchemaList(
        name: "Query_for_list_of_ts_parsers", catalog: "pg_catalog.pg_ts_parser p",
        visibility: "pg_catalog.pg_ts_parser_is_visible(p.oid)", namespace: "p.prsnamespace", result: "p.prsname")

    static let tsTemplates = SchemaList(
        name: "Query_for_list_of_ts_templates", catalog: "pg_catalog.pg_ts_template t",
        visibility: "pg_catalog.pg_ts_template_is_visible(t.oid)", namespace: "t.tmplnamespace", result: "t.tmplname")
}

extension RelationKinds {
    /// Query_for_list_of_analyzables (and Query_for_list_of_tables_for_copy, psql's alias for
    /// it): tables, partitioned tables, materialized views, foreign tables.
    static let analyzables = RelationKinds(letters: "rpmf")
    /// Query_for_list_of_clusterables and Query_for_list_of_indexables (psql's two lists are the
    /// same kinds): tables, partitioned tables, materialized views.
    static let clusterables = RelationKinds(letters: "rpm")
    static let indexables = RelationKinds(letters: "rpm")
    /// Query_for_list_of_partitioned_tables.
    static let partitionedTables = RelationKinds(letters: "p")
}

extension NamedQuery {
    /// Query_for_list_of_tables_for_policy's tables in schema `$2` (for a `schema.` word).
    static let tablesForPolicyInSchema = NamedQuery("Query_for_list_of_tables_for_policy", sql: """
        SELECT DISTINCT pg_catalog.quote_ident(c.relname) \
        FROM pg_catalog.pg_class c, pg_catalog.pg_policy p, pg_catalog.pg_namespace n \
        WHERE c.oid=p.polrelid AND p.polname = $1 AND c.relnamespace = n.oid AND n.nspname = $2
        """)

    /// Query_for_list_of_tables_for_rule's tables in schema `$2`.
    static let tablesForRuleInSchema = NamedQuery("Query_for_list_of_tables_for_rule", sql: """
        SELECT DISTINCT pg_catalog.quote_ident(c.relname) \
        FROM pg_catalog.pg_class c, pg_catalog.pg_rewrite r, pg_catalog.pg_namespace n \
        WHERE c.oid=r.ev_class AND r.rulename = $1 AND c.relnamespace = n.oid AND n.nspname = $2
        """)

    /// Query_for_list_of_tables_for_trigger's tables in schema `$2`.
    static let tablesForTriggerInSchema = NamedQuery("Query_for_list_of_tables_for_trigger", sql: """
        SELECT DISTINCT pg_catalog.quote_ident(c.relname) \
        FROM pg_catalog.pg_class c, pg_catalog.pg_trigger t, pg_catalog.pg_namespace n \
        WHERE c.oid=t.tgrelid AND t.tgname = $1 AND c.relnamespace = n.oid AND n.nspname = $2
        """)
}

extension RuleContext {
    /// A psql SchemaQuery with a refname but no refnamespace (the tables that have a
    /// constraint, policy, rule or trigger named `reference`), completed as TabCompleter's
    /// `qualified` completes any schema query: with `schema.` typed, the tables of that schema
    /// (`inSchema`, which reads the schema as `$2`), otherwise the visible ones (`visible`) and
    /// the schema names to go on from. psql's test "complete qualified name from object
    /// reference" (COMMENT ON CONSTRAINT c ON public.) needs the first.
    func tables(_ visible: NamedQuery, inSchema: NamedQuery, reference: String, plus: [String] = []) -> CompletionCandidates {
        // The reference travels as `schema.name`, which the catalog splits into `$2` and `$1`.
        completer.qualified(text) { schema in
            schema.map { .named(inSchema, reference: $0 + "." + reference) } ?? .named(visible, reference: reference)
        } + CompletionCandidates(keywords: plus)
    }
}
