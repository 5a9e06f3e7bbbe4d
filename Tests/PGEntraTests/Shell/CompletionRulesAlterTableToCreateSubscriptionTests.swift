import Testing
@testable import PGEntraShell

/// psql's rules from ALTER TABLE ... REPLICA IDENTITY to CREATE SUBSCRIPTION, through the
/// completer and the FixedCatalog fake (which answers a psql list with its own name, and a
/// list with a reference object as `name[reference]`).
@Suite struct CompletionRulesAlterTableToCreateSubscriptionTests {
    private func offered(_ text: String) -> [String] { FixedCatalog.offered(text) }

    @Test func alterTableTailAndAlterTablespace() {
        #expect(offered("ALTER TABLE items REPLICA IDENTITY ") == ["DEFAULT", "FULL", "NOTHING", "USING"])
        #expect(offered("ALTER TABLE items REPLICA IDENTITY USING ") == ["INDEX"])
        #expect(offered("ALTER TABLE items DETACH PARTITION ") == ["query_for_partition_of_table[items]"])
        #expect(offered("ALTER TABLE items DETACH PARTITION p ") == ["CONCURRENTLY", "FINALIZE"])
        #expect(offered("ALTER TABLE items OF ").contains("query_for_list_of_composite_datatypes"))
        #expect(offered("ALTER TABLE items ATTACH PARTITION p ") == ["DEFAULT", "FOR VALUES"])
        #expect(offered("ALTER TABLESPACE ts SET (").contains("RANDOM_PAGE_COST"))
        #expect(offered("ALTER TABLESPACE ts ") == ["OWNER TO", "RENAME TO", "RESET", "SET"])
    }

    @Test func alterTextSearchTypeAndGroup() {
        #expect(offered("ALTER TEXT SEARCH ") == ["CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"])
        #expect(offered("ALTER TEXT SEARCH PARSER p ") == ["RENAME TO", "SET SCHEMA"])
        #expect(offered("ALTER TYPE t RENAME ") == ["ATTRIBUTE", "TO", "VALUE"])
        #expect(offered("ALTER TYPE t RENAME ATTRIBUTE a ") == ["TO"])
        #expect(offered("ALTER TYPE items DROP ATTRIBUTE ") == ["id", "label", "quantity"])
        #expect(offered("ALTER TYPE t SET ") == ["(", "SCHEMA"])
        #expect(offered("ALTER GROUP g ADD ") == ["USER"])
        #expect(offered("ALTER GROUP g ADD USER ").contains("postgres"))
    }

    @Test func analyzeAndItsOptionList() {
        let start = offered("ANALYZE ")
        #expect(start.contains("(") && start.contains("VERBOSE") && start.contains("ONLY") && start.contains("items"))
        #expect(!start.contains("stock_view"), "views are not analyzable")
        #expect(offered("ANALYZE (") == ["BUFFER_USAGE_LIMIT", "SKIP_LOCKED", "VERBOSE"])
        #expect(offered("ANALYZE (VERBOSE, ") == ["BUFFER_USAGE_LIMIT", "SKIP_LOCKED", "VERBOSE"])
        #expect(offered("ANALYZE (VERBOSE ") == ["OFF", "ON"])
        #expect(offered("ANALYZE (VERBOSE) ").contains("ONLY"))
        #expect(offered("ANALYZE items (") == ["id", "label", "quantity"])
    }

    @Test func transactionsCallCloseAndCluster() {
        #expect(offered("COMMIT ") == ["AND", "PREPARED", "TRANSACTION", "WORK"])
        #expect(offered("ROLLBACK AND ") == ["CHAIN"])
        #expect(offered("RELEASE ") == ["SAVEPOINT"])
        #expect(offered("CALL ").contains("query_for_list_of_procedures"))
        #expect(offered("CALL p ") == ["("])
        #expect(offered("CLOSE ") == ["ALL", "query_for_list_of_cursors"])
        #expect(offered("CLUSTER ").contains("VERBOSE"))
        #expect(offered("CLUSTER items ") == ["USING"])
        #expect(offered("CLUSTER VERBOSE items ") == ["USING"])
        #expect(offered("CLUSTER items USING ") == ["query_for_index_of_table[items]"])
        #expect(offered("CLUSTER (") == ["VERBOSE"])
    }

    @Test func psql18sCheckpointTakesNoOptions() {
        // psql 19's `CHECKPOINT (` rule is left out: nothing from the table after CHECKPOINT.
        #expect(!offered("CHECKPOINT ").contains("("))
    }

    @Test func comment() {
        #expect(offered("COMMENT ") == ["ON"])
        #expect(offered("COMMENT ON ").contains("TRANSFORM FOR"))
        #expect(offered("COMMENT ON CONSTRAINT ") == ["\"Positive\"", "items_pkey", "things_pkey"])
        let tables = offered("COMMENT ON CONSTRAINT items_pkey ON ")
        #expect(tables.contains("DOMAIN") && tables.contains("items") && tables.contains("public."))
        #expect(offered("COMMENT ON CONSTRAINT things_pkey ON extra.") == ["extra.things"])
        #expect(offered("COMMENT ON CONSTRAINT things_pkey ON public.").isEmpty)
        #expect(offered("COMMENT ON POLICY p ON ").contains("query_for_list_of_tables_for_policy[p]"))
        #expect(offered("COMMENT ON TEXT SEARCH PARSER ").contains("query_for_list_of_ts_parsers"))
        #expect(offered("COMMENT ON TRANSFORM FOR int LANGUAGE ") == ["query_for_list_of_languages"])
        #expect(offered("COMMENT ON TABLE items ") == ["IS"])
        #expect(offered("COMMENT ON TABLE items IS ") == [])
    }

    @Test func copyAndItsOptions() {
        #expect(offered("COPY (") == ["DELETE FROM", "INSERT INTO", "MERGE INTO", "SELECT", "TABLE", "UPDATE", "VALUES", "WITH"])
        #expect(offered("COPY items ") == ["FROM", "TO"])
        #expect(offered("COPY items TO 'f' ") == ["WITH ("])
        #expect(offered("COPY items FROM 'f' ") == ["WHERE", "WITH ("])
        #expect(offered("COPY items FROM PROGRAM 'cat' ").isEmpty, "psql 18 has no PROGRAM rules")
        #expect(offered("COPY items FROM PROGRAM 'cat f' ").isEmpty, "get_previous_words splits a string at its spaces")
        #expect(offered("COPY items TO 'f' WITH (") == ["DELIMITER", "ENCODING", "ESCAPE", "FORCE_QUOTE", "FORMAT", "HEADER", "NULL", "QUOTE"])
        #expect(offered("COPY items FROM 'f' WITH (FORMAT ") == ["BINARY", "CSV", "TEXT"], "no json before PostgreSQL 19")
        #expect(offered("COPY items FROM 'f' WITH (FORMAT c") == ["csv"])
        #expect(offered("COPY items FROM 'f' WITH (ON_ERROR ") == ["IGNORE", "STOP"])
        #expect(offered("COPY items FROM 'f' WITH (FORMAT csv) ") == ["WHERE"])
        #expect(offered("\\copy items FROM 'f' ") == ["WHERE", "WITH ("])
    }

    @Test func createAccessMethodToForeign() {
        #expect(offered("CREATE ACCESS METHOD m TYPE ") == ["INDEX", "TABLE"])
        #expect(offered("CREATE COLLATION c (") == ["DETERMINISTIC =", "LC_COLLATE =", "LC_CTYPE =", "LOCALE =", "PROVIDER ="])
        #expect(offered("CREATE COLLATION c (PROVIDER = ") == ["ICU", "LIBC"])
        #expect(offered("CREATE COLLATION c FROM ").contains("query_for_list_of_collations"))
        #expect(offered("CREATE DATABASE d TEMPLATE ") == ["query_for_list_of_template_databases"])
        #expect(offered("CREATE DATABASE d STRATEGY ") == ["FILE_COPY", "WAL_LOG"])
        #expect(offered("CREATE DOMAIN d ") == ["AS"])
        #expect(offered("CREATE EXTENSION ") == ["query_for_list_of_available_extensions"])
        #expect(offered("CREATE EXTENSION e VERSION ") == ["query_for_list_of_available_extension_versions[e]"])
        #expect(offered("CREATE FOREIGN DATA WRAPPER w ") == ["HANDLER", "OPTIONS", "VALIDATOR"])
    }

    @Test func createIndex() {
        let afterIndex = offered("CREATE INDEX ")
        #expect(afterIndex.contains("ON") && afterIndex.contains("CONCURRENTLY") && afterIndex.contains("items_pkey"))
        #expect(offered("CREATE INDEX i ") == ["ON"])
        #expect(offered("CREATE INDEX i ON ").contains("items"))
        #expect(offered("CREATE INDEX i ON items ") == ["(", "USING"])
        #expect(offered("CREATE INDEX i ON items (") == ["id", "label", "quantity"])
        #expect(offered("CREATE INDEX i ON items USING ") == ["query_for_list_of_index_access_methods"])
        #expect(offered("CREATE INDEX i ON items USING gin (") == ["id", "label", "quantity"])
        #expect(offered("CREATE INDEX i ON items USING gin ") == ["("])
    }

    @Test func createPolicy() {
        #expect(offered("CREATE POLICY p ") == ["ON"])
        #expect(offered("CREATE POLICY p ON items ") == ["AS", "FOR", "TO", "USING (", "WITH CHECK ("])
        #expect(offered("CREATE POLICY p ON items AS ") == ["PERMISSIVE", "RESTRICTIVE"])
        #expect(offered("CREATE POLICY p ON items FOR SELECT ") == ["TO", "USING ("])
        let roles = offered("CREATE POLICY p ON items TO ")
        #expect(roles.contains("PUBLIC") && roles.contains("CURRENT_ROLE") && roles.contains("postgres"))
        #expect(offered("CREATE POLICY p ON items AS PERMISSIVE USING ") == ["("])
    }

    @Test func createPublicationAsPsql18HasIt() {
        #expect(offered("CREATE PUBLICATION p ") == ["FOR ALL TABLES", "FOR TABLE", "FOR TABLES IN SCHEMA", "WITH ("])
        #expect(offered("CREATE PUBLICATION p FOR ALL ") == ["TABLES"])
        #expect(offered("CREATE PUBLICATION p FOR ALL TABLES ") == ["WITH ("])
        #expect(offered("CREATE PUBLICATION p FOR TABLE items ") == ["WHERE (", "WITH ("])
        #expect(offered("CREATE PUBLICATION p FOR TABLE items WHERE (") == ["id", "label", "quantity"])
        #expect(offered("CREATE PUBLICATION p FOR TABLES IN SCHEMA ") == ["CURRENT_SCHEMA", "query_for_list_of_schemas"])
        #expect(offered("CREATE PUBLICATION p WITH (") == ["PUBLISH", "PUBLISH_GENERATED_COLUMNS", "PUBLISH_VIA_PARTITION_ROOT"])
    }

    @Test func createRuleSchemaSequenceStatistics() {
        #expect(offered("CREATE RULE r ") == ["AS ON"])
        #expect(offered("CREATE OR REPLACE RULE r AS ON ") == ["DELETE", "INSERT", "SELECT", "UPDATE"])
        #expect(offered("CREATE RULE r AS ON INSERT ") == ["TO"])
        #expect(offered("CREATE SCHEMA AUTHORIZATION ").contains("SESSION_USER"))
        #expect(offered("CREATE SCHEMA s ") == ["AUTHORIZATION", "CREATE", "GRANT"])
        #expect(offered("CREATE SEQUENCE s AS ") == ["bigint", "integer", "smallint"])
        #expect(offered("CREATE SEQUENCE s NO ") == ["CYCLE", "MAXVALUE", "MINVALUE"])
        #expect(offered("CREATE STATISTICS s (") == ["DEPENDENCIES", "MCV", "NDISTINCT"])
        #expect(offered("CREATE STATISTICS s ON a, b FROM ").contains("items"))
    }

    @Test func createTable() {
        #expect(offered("CREATE TEMP ") == ["SEQUENCE", "TABLE", "VIEW"])
        #expect(offered("CREATE TABLE t ") == ["(", "AS", "OF", "PARTITION OF"])
        #expect(offered("CREATE TABLE t (a int) ") == ["AS", "INHERITS (", "PARTITION BY", "TABLESPACE", "USING", "WITH ("])
        #expect(offered("CREATE TEMP TABLE t (a int) ON COMMIT ") == ["DELETE ROWS", "DROP", "PRESERVE ROWS"])
        #expect(offered("CREATE TABLE t (a int) USING ") == ["query_for_list_of_table_access_methods"])
        let parameters = offered("CREATE TABLE t (a int) WITH (")
        #expect(parameters.contains("FILLFACTOR") && !parameters.contains("LOG_AUTOANALYZE_MIN_DURATION"), "an empty word takes upper case")
        #expect(offered("CREATE TABLE t PARTITION BY ") == ["HASH (", "LIST (", "RANGE ("])
        #expect(offered("CREATE TABLE t PARTITION OF p ") == ["DEFAULT", "FOR VALUES"])
    }

    @Test func createTablespaceTextSearchTransformSubscription() {
        #expect(offered("CREATE TABLESPACE ts OWNER o ") == ["LOCATION"])
        #expect(offered("CREATE TEXT SEARCH DICTIONARY d ") == ["("])
        #expect(offered("CREATE OR REPLACE TRANSFORM ") == ["FOR"])
        #expect(offered("CREATE TRANSFORM FOR int LANGUAGE ") == ["query_for_list_of_languages"])
        #expect(offered("CREATE SUBSCRIPTION s ") == ["CONNECTION"], "no SERVER before PostgreSQL 19")
        #expect(offered("CREATE SUBSCRIPTION s CONNECTION 'c' ") == ["PUBLICATION"])
    }
}
