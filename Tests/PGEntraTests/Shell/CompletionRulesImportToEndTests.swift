import Testing
@testable import PGEntraShell

/// psql's rules from IMPORT FOREIGN SCHEMA's `FROM SERVER` tail to the backslash commands
/// (tab-complete.c, psql 18), and psql_completion's words_after_create fallback, through
/// TabCompleter with the FixedCatalog fake: a psql list answers with its own name.
@Suite struct CompletionRulesImportToEndTests {
    private func offered(_ text: String, variables: [String: String] = [:]) -> [String] {
        FixedCatalog.offered(text, variables: variables)
    }

    private func offeredSet(_ text: String) -> Set<String> { Set(offered(text)) }

    // MARK: IMPORT FOREIGN SCHEMA, INSERT

    @Test func importForeignSchemaGoesOnIntoASchema() {
        #expect(offered("IMPORT FOREIGN SCHEMA s FROM SERVER srv ") == ["INTO"])
        #expect(offered("IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO ").contains("public"))
        #expect(offered("IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO public ") == ["OPTIONS ("])
    }

    @Test func insertOffersWritableRelationsTheirColumnsAndWhatFollows() {
        #expect(offered("INSERT ") == ["INTO"])
        let targets = offeredSet("INSERT INTO ")
        #expect(targets.contains("items") && targets.contains("stock_view") && !targets.contains("items_pkey"))
        #expect(offeredSet("INSERT INTO items (") == ["id", "quantity", "label"])
        #expect(offeredSet("INSERT INTO items ") == ["(", "DEFAULT VALUES", "SELECT", "TABLE", "VALUES", "OVERRIDING"])
        #expect(offeredSet("INSERT INTO items (id, label) ") == ["SELECT", "TABLE", "VALUES", "OVERRIDING"])
        #expect(offeredSet("INSERT INTO items OVERRIDING ") == ["SYSTEM VALUE", "USER VALUE"])
        #expect(offered("INSERT INTO items VALUES ") == ["("])
        #expect(!offered("INSERT INTO items DEFAULT VALUES ").contains("("))
    }

    // MARK: LOCK, MERGE

    @Test func lockOffersTablesThenLockModes() {
        let first = offeredSet("LOCK ")
        #expect(first.contains("items") && first.contains("TABLE") && first.contains("ONLY") && !first.contains("stock_view"))
        #expect(offeredSet("LOCK TABLE items ") == ["IN", "NOWAIT"])
        #expect(offered("LOCK items IN ").contains("SHARE UPDATE EXCLUSIVE MODE"))
        #expect(offeredSet("LOCK ONLY items IN SHARE ") == ["MODE", "ROW EXCLUSIVE MODE", "UPDATE EXCLUSIVE MODE"])
        #expect(offered("LOCK TABLE items IN ACCESS EXCLUSIVE MODE ") == ["NOWAIT"])
    }

    @Test func mergeWalksThroughUsingOnAndItsWhenClauses() {
        #expect(offered("MERGE ") == ["INTO"])
        #expect(offeredSet("MERGE INTO items ") == ["USING", "AS"])
        #expect(offered("MERGE INTO items AS i ") == ["USING"])
        #expect(offered("MERGE INTO items i USING ").contains("orders_id_seq"), "any selectable relation")
        #expect(offeredSet("MERGE INTO items USING orders ") == ["AS", "ON"])
        #expect(offeredSet("MERGE INTO items USING orders ON ") == ["id", "quantity", "label"])
        #expect(offeredSet("MERGE INTO items USING orders ON items.id ") == ["WHEN MATCHED", "WHEN NOT MATCHED"])
        #expect(offeredSet("MERGE INTO items i USING orders o ON i.id = o.id WHEN NOT MATCHED ") == ["BY", "THEN", "AND"])
        #expect(offeredSet("MERGE INTO items USING orders ON x WHEN MATCHED THEN ") == ["UPDATE SET", "DELETE", "DO NOTHING"])
        #expect(offeredSet("MERGE INTO items USING orders ON x WHEN NOT MATCHED BY TARGET THEN ") == ["INSERT", "DO NOTHING"])
    }

    // MARK: NOTIFY to REINDEX

    @Test func notifyOwnerOrderByPrepareAndReassign() {
        #expect(offered("NOTIFY ") == ["query_for_list_of_channels"])
        let owners = offeredSet("ALTER SCHEMA extra OWNER TO ")
        #expect(owners.isSuperset(of: ["app", "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER"]) && !owners.contains("PUBLIC"))
        #expect(offered("SELECT * FROM items ORDER ") == ["BY"])
        #expect(offeredSet("SELECT * FROM items ORDER BY ") == ["id", "quantity", "label"])
        #expect(offered("PREPARE p AS ") == ["DELETE FROM", "INSERT INTO", "SELECT", "UPDATE"], "psql 18's list")
        #expect(offered("REASSIGN ") == ["OWNED BY"])
        #expect(offered("REASSIGN OWNED BY app ") == ["TO"])
    }

    @Test func refreshAndReindex() {
        #expect(offered("REFRESH ") == ["MATERIALIZED VIEW"])
        #expect(offered("REFRESH MATERIALIZED VIEW ").contains("CONCURRENTLY"))
        #expect(offered("REFRESH MATERIALIZED VIEW CONCURRENTLY mv WITH NO ") == ["DATA"])
        #expect(offeredSet("REINDEX ") == ["TABLE", "INDEX", "SYSTEM", "SCHEMA", "DATABASE"])
        #expect(offeredSet("REINDEX (VERBOSE) ") == ["TABLE", "INDEX", "SYSTEM", "SCHEMA", "DATABASE"])
        let indexes = offeredSet("REINDEX INDEX ")
        #expect(indexes.contains("items_pkey") && indexes.contains("CONCURRENTLY") && !indexes.contains("items"))
        #expect(offered("REINDEX DATABASE CONCURRENTLY ").contains("shop"))
        #expect(offeredSet("REINDEX (") == ["CONCURRENTLY", "TABLESPACE", "VERBOSE"])
        #expect(offered("REINDEX (TABLESPACE ") == ["pg_default"])
    }

    // MARK: SECURITY LABEL, SET, RESET, SHOW

    @Test func securityLabel() {
        #expect(offeredSet("SECURITY LABEL ") == ["ON", "FOR"])
        #expect(offered("SECURITY LABEL FOR selinux ON ").contains("EVENT TRIGGER"))
        #expect(offered("SECURITY LABEL ON TABLE items ") == ["IS"])
    }

    @Test func setResetAndShow() {
        let names = offeredSet("SET ")
        #expect(names.isSuperset(of: ["search_path", "work_mem", "CONSTRAINTS", "TRANSACTION", "SESSION", "ROLE", "ALL"]))
        #expect(!names.contains("server_version"), "SET offers only settings a user can set")
        #expect(offered("SHOW ").contains("server_version") && offered("SHOW ").contains("SESSION AUTHORIZATION"))
        #expect(offered("SET work_mem ") == ["TO"])
        #expect(offered("SET DateStyle TO ").contains("ISO"))
        #expect(offeredSet("SET search_path TO ").isSuperset(of: ["public", "DEFAULT"]))
        // FixedCatalog's get_guctype answers neither enum nor bool: only DEFAULT.
        #expect(offered("SET work_mem TO ") == ["DEFAULT"])
        #expect(offered("UPDATE items SET ") != ["CONSTRAINTS"], "UPDATE ... SET is not the SET command")
        #expect(offeredSet("BEGIN ISOLATION LEVEL ") == ["READ", "REPEATABLE READ", "SERIALIZABLE"])
        #expect(offeredSet("START TRANSACTION READ ") == ["ONLY", "WRITE"])
        #expect(offeredSet("SET CONSTRAINTS ").isSuperset(of: ["query_for_list_of_constraints_with_schema", "ALL"]))
        #expect(offeredSet("SET SESSION ") == ["AUTHORIZATION", "CHARACTERISTICS AS TRANSACTION"])
        #expect(offeredSet("ALTER ROLE app SET work_mem ") == ["FROM CURRENT", "TO"])
    }

    // MARK: START to AT

    @Test func truncateUpdateUserMappingAndTablesample() {
        #expect(offered("START ") == ["TRANSACTION"])
        let truncatables = offeredSet("TRUNCATE ")
        #expect(truncatables.isSuperset(of: ["items", "TABLE", "ONLY"]) && !truncatables.contains("stock_view"))
        #expect(offeredSet("TRUNCATE items RESTART IDENTITY ") == ["CASCADE", "RESTRICT"])
        #expect(offeredSet("UNLISTEN ") == ["query_for_list_of_channels", "*"])
        #expect(offeredSet("UPDATE items SET ") == ["id", "quantity", "label"])
        #expect(offered("UPDATE items SET label ") == ["="])
        #expect(offered("CREATE USER MAPPING FOR ").contains("PUBLIC"))
        #expect(offered("DROP USER MAPPING FOR ") == ["query_for_list_of_user_mappings"])
        #expect(offered("SELECT * FROM items TABLESAMPLE ") == ["query_for_list_of_tablesample_methods"])
    }

    @Test func vacuumOptionsTablesAndColumns() {
        #expect(offeredSet("VACUUM ").isSuperset(of: ["items", "(", "FULL", "FREEZE", "VERBOSE", "ANALYZE", "ONLY"]))
        #expect(offered("VACUUM (").contains("BUFFER_USAGE_LIMIT"))
        #expect(offeredSet("VACUUM (INDEX_CLEANUP ") == ["AUTO", "ON", "OFF"])
        #expect(offeredSet("VACUUM (SKIP_LOCKED ") == ["ON", "OFF"])
        #expect(offeredSet("VACUUM FULL FREEZE ").isSuperset(of: ["VERBOSE", "ANALYZE", "ONLY", "items"]))
        #expect(offeredSet("VACUUM items (") == ["id", "quantity", "label"])
    }

    @Test func withWhereFromAndJoin() {
        #expect(offered("WITH ") == ["RECURSIVE"])
        #expect(offeredSet("DELETE FROM items WHERE ") == ["id", "quantity", "label"])
        #expect(offered("SELECT * FROM ").contains("stock_view"))
        #expect(offered("SELECT * FROM items JOIN ").contains("LATERAL"))
        #expect(offeredSet("SELECT * FROM items JOIN orders ") == ["ON", "USING ("])
        #expect(offeredSet("SELECT * FROM items JOIN orders o ") == ["ON", "USING ("])
        #expect(offeredSet("SELECT * FROM items JOIN orders USING (") == ["id", "item_id", "placed"])
        #expect(offeredSet("SELECT now() AT ") == ["LOCAL", "TIME ZONE"])
    }

    // MARK: Backslash commands

    @Test func describeCommandsAskForPsqlsLists() {
        #expect(offered("\\dt ").contains("items"))
        #expect(offered("\\dD ").contains("query_for_list_of_domains"))
        #expect(offered("\\dFd ").contains("query_for_list_of_ts_dictionaries"))
        #expect(offered("\\dF+ ").contains("query_for_list_of_ts_configurations"))
        #expect(offered("\\df ").contains("query_for_list_of_functions"))
        #expect(offered("\\df lower i") == ["information_schema.", "int4", "integer"], "\\df's further words are argument types")
        #expect(offered("\\da ").contains("query_for_list_of_aggregates"))
        #expect(offered("\\dA ") == ["query_for_list_of_access_methods"])
        #expect(offered("\\dAo btree ").contains("query_for_list_of_operator_families"))
        #expect(offered("\\dRs ") == ["query_for_list_of_subscriptions"])
        #expect(offered("\\dy ") == ["query_for_list_of_event_triggers"])
        #expect(offered("\\dX ").contains("query_for_list_of_statistics"))
        #expect(offered("\\des ") == ["query_for_list_of_servers"])
        #expect(offered("\\encoding ") == ["query_for_list_of_encodings"])
        #expect(offered("\\sf ").contains("query_for_list_of_routines"))
        #expect(offeredSet("\\d ").isSuperset(of: ["items", "items_pkey", "stock_view", "orders_id_seq"]))
        #expect(offered("\\l ").contains("shop"))
        #expect(offered("\\password ").contains("app"))
    }

    @Test func helpPsetSetAndQuestionMark() {
        #expect(offeredSet("\\? ") == ["commands", "options", "variables"])
        #expect(offered("\\h ").contains("IMPORT FOREIGN SCHEMA"))
        let drops = offeredSet("\\h DROP ")
        #expect(drops.contains("OWNED") && drops.contains("USER MAPPING FOR") && !drops.contains("TEMP") && !drops.contains("SYSTEM"))
        let alters = offeredSet("\\h ALTER ")
        #expect(alters.contains("DEFAULT PRIVILEGES") && alters.contains("SYSTEM") && !alters.contains("ACCESS METHOD"))
        #expect(offeredSet("\\h CREATE TEXT SEARCH ") == ["CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"])
        let options = offeredSet("\\pset ")
        #expect(options.contains("xheader_width") && !options.contains("display_true"), "psql 18's options")
        #expect(offered("\\pset format ").contains("latex-longtable"))
        #expect(offeredSet("\\set ECHO ") == ["errors", "queries", "all", "none"])
        #expect(offered("\\set VERBOSITY t") == ["terse"])
    }

    // MARK: words_after_create

    @Test func theFallbackListsExistingThingsAfterTheirKind() {
        #expect(offered("DROP DOMAIN ").contains("query_for_list_of_domains"))
        #expect(offered("DROP TEXT SEARCH PARSER ").contains("query_for_list_of_ts_parsers"))
        #expect(offeredSet("DROP USER ").isSuperset(of: ["app", "MAPPING FOR"]))
    }

    @Test func theTableStillSpellsItsPatternsAsPsql() {
        let spelled = CompletionRuleTable.backslashCommands.flatMap(\.patterns).map(\.psqlSpelling)
        #expect(spelled.contains(#"TailMatchesCS("\\dFd*")"#))
        #expect(spelled.contains(#"TailMatchesCS("\\h|\\help", MatchAny, MatchAny)"#))
    }
}
