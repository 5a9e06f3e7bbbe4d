import Testing
@testable import PGEntraShell

/// psql's rules from CREATE SUBSCRIPTION's `CONNECTION ... PUBLICATION` through IMPORT FOREIGN
/// SCHEMA's `LIMIT TO (...)`, a few checks per statement family, against FixedCatalog (which
/// answers a psql list with the list's own name, so a check sees which list a rule asked for).
@Suite struct CompletionRulesCreateSubscriptionToImportTests {
    private func offered(_ text: String, variables: [String: String] = [:]) -> [String] {
        FixedCatalog.offered(text, variables: variables)
    }

    @Test func createSubscriptionOffersWithAndPostgres18sOptions() {
        #expect(offered("CREATE SUBSCRIPTION s CONNECTION 'c' PUBLICATION p ") == ["WITH ("])
        let options = offered("CREATE SUBSCRIPTION s CONNECTION 'c' PUBLICATION p WITH (")
        #expect(options.contains("BINARY") && options.contains("RUN_AS_OWNER") && options.contains("TWO_PHASE"))
        #expect(!options.contains("RETAIN_DEAD_TUPLES"), "PostgreSQL 19's option")
        #expect(offered("create subscription s connection 'c' publication p with (sl") == ["slot_name"])
    }

    @Test func createTriggerWalksThroughItsClauses() {
        #expect(offered("CREATE TRIGGER t ") == ["AFTER", "BEFORE", "INSTEAD OF"])
        #expect(offered("CREATE OR REPLACE TRIGGER t BEFORE ") == ["DELETE", "INSERT", "TRUNCATE", "UPDATE"])
        #expect(offered("CREATE TRIGGER t INSTEAD OF ") == ["DELETE", "INSERT", "UPDATE"])
        #expect(offered("CREATE TRIGGER t AFTER INSERT ") == ["ON", "OR"])
        let tables = offered("CREATE TRIGGER t AFTER INSERT ON ")
        #expect(tables.contains("items") && !tables.contains("stock_view"))
        #expect(offered("CREATE TRIGGER t INSTEAD OF INSERT ON ").contains("stock_view"))
        #expect(offered("CREATE TRIGGER t AFTER INSERT ON items ")
            == ["DEFERRABLE", "EXECUTE FUNCTION", "FOR", "INITIALLY", "NOT DEFERRABLE", "REFERENCING", "WHEN ("])
        #expect(offered("CREATE TRIGGER t AFTER INSERT ON items REFERENCING ") == ["NEW TABLE", "OLD TABLE"])
        #expect(offered("CREATE TRIGGER t AFTER INSERT ON items REFERENCING NEW TABLE AS n ")
            == ["EXECUTE FUNCTION", "FOR", "OLD TABLE", "WHEN ("])
        #expect(offered("CREATE TRIGGER t AFTER INSERT ON items FOR ") == ["EACH", "ROW", "STATEMENT"])
        #expect(offered("CREATE OR REPLACE TRIGGER t AFTER INSERT ON items FOR EACH ROW ") == ["EXECUTE FUNCTION", "WHEN ("])
        #expect(offered("CREATE TRIGGER t AFTER INSERT ON items EXECUTE ") == ["FUNCTION"])
        #expect(offered("CREATE TRIGGER t AFTER INSERT ON items EXECUTE FUNCTION q") == ["query_for_list_of_functions"])
    }

    @Test func createRoleOffersItsOptionsButNotForUserMapping() {
        let options = offered("CREATE ROLE r ")
        #expect(options.contains("LOGIN") && options.contains("WITH") && options.contains("VALID UNTIL"))
        #expect(!offered("CREATE ROLE r WITH ").contains("WITH"))
        #expect(!offered("CREATE USER MAPPING ").contains("LOGIN"))
        #expect(offered("CREATE GROUP g IN ") == ["GROUP", "ROLE"])
    }

    @Test func createTypeFollowsItsParentheses() {
        #expect(offered("CREATE TYPE t ") == ["(", "AS"])
        #expect(offered("CREATE TYPE t AS ") == ["(", "ENUM", "RANGE"])
        #expect(offered("CREATE TYPE t AS (a ") == ["BIGINT", "BOOLEAN", "CHARACTER", "DOUBLE PRECISION", "INTEGER", "REAL", "SMALLINT", "extra.", "information_schema.", "int4", "public.", "text"])
        #expect(offered("CREATE TYPE t AS (a integer ") == [")", ",", "COLLATE"])
        #expect(offered("CREATE TYPE t AS ENUM ") == ["("])
        #expect(offered("CREATE TYPE t (").contains("INPUT"))
        #expect(offered("CREATE TYPE t (INPUT ") == ["="])
        #expect(offered("CREATE TYPE t AS RANGE (").contains("SUBTYPE_DIFF"))
    }

    @Test func createViewAndMaterializedViewOfferTheirOptions() {
        #expect(offered("CREATE VIEW v ") == ["AS", "WITH"])
        #expect(offered("CREATE OR REPLACE VIEW v AS ") == ["SELECT"])
        #expect(offered("CREATE VIEW v WITH (") == ["CHECK_OPTION", "SECURITY_BARRIER", "SECURITY_INVOKER"])
        #expect(offered("CREATE VIEW v WITH (check_option = ") == ["CASCADED", "LOCAL"])
        #expect(offered("CREATE VIEW v WITH (check_option=").isEmpty, "get_previous_words keeps `=` with the word before it")
        #expect(offered("CREATE VIEW v WITH (security_barrier) ") == ["AS"])
        #expect(offered("CREATE MATERIALIZED ") == ["VIEW"])
        #expect(offered("CREATE MATERIALIZED VIEW m ") == ["AS", "USING"])
        #expect(offered("CREATE MATERIALIZED VIEW m USING ") == ["query_for_list_of_table_access_methods"])
        #expect(offered("CREATE MATERIALIZED VIEW m USING heap AS ") == ["SELECT"])
    }

    @Test func createEventTriggerOffersEventsAndFunctions() {
        #expect(offered("CREATE EVENT ") == ["TRIGGER"])
        #expect(offered("CREATE EVENT TRIGGER e ON ").contains("DDL_COMMAND_START"))
        #expect(offered("CREATE EVENT TRIGGER e ON ddl_command_start ") == ["EXECUTE FUNCTION", "WHEN TAG IN ("])
        #expect(offered("CREATE EVENT TRIGGER e ON sql_drop WHEN TAG IN ('DROP TABLE') ") == ["EXECUTE FUNCTION"])
        #expect(offered("CREATE EVENT TRIGGER e ON sql_drop EXECUTE FUNCTION q") == ["query_for_list_of_functions"])
    }

    @Test func deallocateDeclareDeleteDiscardDo() {
        #expect(offered("DEALLOCATE ") == ["ALL", "query_for_list_of_prepared_statements"])
        #expect(offered("DECLARE c ") == ["ASENSITIVE", "BINARY", "CURSOR", "INSENSITIVE", "NO SCROLL", "SCROLL"])
        #expect(offered("DECLARE c BINARY INSENSITIVE ") == ["CURSOR", "NO SCROLL", "SCROLL"])
        #expect(offered("DECLARE c NO ") == ["SCROLL"])
        #expect(offered("DECLARE c CURSOR ") == ["FOR", "WITH HOLD", "WITHOUT HOLD"])
        #expect(offered("DECLARE c CURSOR WITHOUT HOLD ") == ["FOR"])
        #expect(offered("DELETE ") == ["FROM"])
        #expect(offered("DELETE FROM items ") == ["USING", "WHERE"])
        #expect(offered("DELETE FROM items USING ").isEmpty, "psql 18: XXX: implement tab completion for DELETE ... USING")
        #expect(offered("DISCARD ") == ["ALL", "PLANS", "SEQUENCES", "TEMP"])
        #expect(offered("DO ") == ["LANGUAGE"])
    }

    @Test func dropOffersCascadeNamesAndTheObjectsTheyBelongTo() {
        #expect(offered("DROP DOMAIN d ") == ["CASCADE", "RESTRICT"])
        #expect(offered("DROP TEXT SEARCH PARSER p ") == ["CASCADE", "RESTRICT"])
        #expect(offered("DROP FUNCTION f ") == ["("])
        #expect(offered("DROP FUNCTION f(") == ["query_for_list_of_arguments[f]"])
        #expect(offered("DROP FUNCTION f(integer) ") == ["CASCADE", "RESTRICT"])
        #expect(offered("DROP FOREIGN ") == ["DATA WRAPPER", "TABLE"])
        #expect(offered("DROP DATABASE shop ") == ["WITH ("])
        #expect(offered("DROP DATABASE shop WITH (") == ["FORCE"])
        #expect(offered("DROP INDEX ").contains("CONCURRENTLY"))
        #expect(offered("DROP INDEX CONCURRENTLY ").contains("items_pkey"))
        #expect(offered("DROP INDEX CONCURRENTLY items_pkey ") == ["CASCADE", "RESTRICT"])
        #expect(offered("DROP MATERIALIZED ") == ["VIEW"])
        #expect(offered("DROP OWNED BY ") == ["\"pg-reader\"", "app", "postgres"])
        #expect(offered("DROP TEXT SEARCH ") == ["CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"])
        #expect(offered("DROP TRIGGER t ") == ["ON"])
        #expect(offered("DROP TRIGGER t ON ") == ["extra.", "information_schema.", "public.", "query_for_list_of_tables_for_trigger[t]"])
        #expect(offered("DROP ACCESS METHOD ") == ["query_for_list_of_access_methods"])
        #expect(offered("DROP EVENT TRIGGER ") == ["query_for_list_of_event_triggers"])
        #expect(offered("DROP POLICY ") == ["query_for_list_of_policies"])
        #expect(offered("DROP POLICY p ON ") == ["extra.", "information_schema.", "public.", "query_for_list_of_tables_for_policy[p]"])
        #expect(offered("DROP RULE r ON ") == ["extra.", "information_schema.", "public.", "query_for_list_of_tables_for_rule[r]"])
        #expect(offered("DROP TRANSFORM FOR ") == ["BIGINT", "BOOLEAN", "CHARACTER", "DOUBLE PRECISION", "INTEGER", "REAL", "SMALLINT", "extra.", "information_schema.", "int4", "public.", "text"])
        #expect(offered("DROP TRANSFORM FOR integer LANGUAGE ") == ["query_for_list_of_languages"])
        #expect(offered("DROP TRANSFORM FOR integer LANGUAGE plpgsql ") == ["CASCADE", "RESTRICT"])
    }

    @Test func executeExplainFetch() {
        #expect(offered("EXECUTE ") == ["query_for_list_of_prepared_statements"])
        #expect(offered("EXPLAIN ").contains("ANALYZE"))
        let options = offered("EXPLAIN (")
        #expect(options.contains("GENERIC_PLAN") && options.contains("SERIALIZE") && !options.contains("IO"))
        #expect(offered("EXPLAIN (VERBOSE, ").contains("MEMORY"))
        #expect(offered("EXPLAIN (ANALYZE ") == ["OFF", "ON"])
        #expect(offered("EXPLAIN (SERIALIZE ") == ["BINARY", "NONE", "TEXT"])
        #expect(offered("EXPLAIN (FORMAT ") == ["JSON", "TEXT", "XML", "YAML"])
        #expect(offered("EXPLAIN (ANALYZE) ") == ["DECLARE", "DELETE FROM", "EXECUTE", "INSERT INTO", "MERGE INTO", "SELECT", "UPDATE"])
        #expect(offered("EXPLAIN ANALYZE ").contains("VERBOSE"))
        let fetch = offered("FETCH ")
        #expect(fetch.contains("ABSOLUTE") && fetch.contains("query_for_list_of_cursors"))
        #expect(offered("MOVE FORWARD ") == ["ALL", "FROM", "IN", "query_for_list_of_cursors"])
        #expect(offered("FETCH FORWARD 5 ") == ["FROM", "IN", "query_for_list_of_cursors"])
        #expect(offered("FETCH NEXT ") == ["FROM", "IN", "query_for_list_of_cursors"])
        #expect(offered("FETCH NEXT FROM ") == ["query_for_list_of_cursors"])
    }

    @Test func foreignDataWrapperTableAndServerNames() {
        #expect(offered("DROP FOREIGN DATA WRAPPER ") == ["query_for_list_of_fdws"])
        #expect(offered("CREATE SERVER s FOREIGN DATA WRAPPER ") == ["query_for_list_of_fdws"])
        #expect(offered("CREATE SERVER s FOREIGN DATA WRAPPER w ") == ["OPTIONS"])
        #expect(!offered("DROP FOREIGN TABLE ").contains("items"), "foreign tables only")
        #expect(offered("GRANT USAGE ON FOREIGN SERVER ") == ["query_for_list_of_servers"])
    }

    @Test func grantAndRevokeOfferPrivilegesRolesAndObjects() {
        let grant = offered("GRANT ")
        #expect(grant.contains("SELECT") && grant.contains("ALTER SYSTEM") && grant.contains("app") && !grant.contains("GRANT OPTION FOR"))
        #expect(offered("REVOKE ").contains("INHERIT OPTION FOR"))
        #expect(offered("REVOKE GRANT OPTION FOR ").contains("MAINTAIN"))
        #expect(offered("REVOKE ADMIN OPTION FOR ") == ["\"pg-reader\"", "app", "postgres"])
        #expect(offered("ALTER DEFAULT PRIVILEGES GRANT ") == [
            "ALL", "CREATE", "DELETE", "EXECUTE", "INSERT", "MAINTAIN", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE", "USAGE",
        ])
        #expect(offered("ALTER DEFAULT PRIVILEGES REVOKE ").contains("GRANT OPTION FOR"))
        #expect(offered("GRANT ALTER ") == ["SYSTEM"])
        #expect(offered("REVOKE SET ") == ["ON PARAMETER", "OPTION FOR"])
        #expect(offered("GRANT SET ") == ["ON PARAMETER"])
        #expect(offered("GRANT SET ON PARAMETER ") == ["query_for_list_of_alter_system_set_vars"])
        #expect(offered("GRANT SET ON PARAMETER work_mem ") == ["TO"])
        #expect(offered("REVOKE ALTER SYSTEM ON PARAMETER work_mem ") == ["FROM"])
        #expect(offered("GRANT SELECT ") == ["ON"])
        #expect(offered("GRANT app ") == ["TO"])
        #expect(offered("REVOKE app ") == ["FROM"])
        let on = offered("GRANT SELECT ON ")
        #expect(on.contains("ALL TABLES IN SCHEMA") && on.contains("items") && on.contains("orders_id_seq") && on.contains("LARGE OBJECT"))
        #expect(offered("ALTER DEFAULT PRIVILEGES GRANT SELECT ON ")
            == ["FUNCTIONS", "LARGE OBJECTS", "PROCEDURES", "ROUTINES", "SCHEMAS", "SEQUENCES", "TABLES", "TYPES"])
        #expect(offered("GRANT SELECT ON ALL ")
            == ["FUNCTIONS IN SCHEMA", "PROCEDURES IN SCHEMA", "ROUTINES IN SCHEMA", "SEQUENCES IN SCHEMA", "TABLES IN SCHEMA"])
    }

    @Test func grantOnAKindOffersItsObjectsThenToOrFrom() {
        #expect(offered("GRANT CONNECT ON DATABASE ") == ["postgres", "shop", "template1"])
        #expect(offered("GRANT USAGE ON DOMAIN ") == ["extra.", "information_schema.", "public.", "query_for_list_of_domains"])
        #expect(offered("GRANT EXECUTE ON FUNCTION q") == ["query_for_list_of_functions"], "functions, not routines")
        #expect(offered("GRANT USAGE ON FOREIGN ") == ["DATA WRAPPER", "SERVER"])
        #expect(offered("GRANT USAGE ON LANGUAGE ") == ["query_for_list_of_languages"])
        #expect(offered("GRANT SELECT ON LARGE ") == ["TO"], "psql 18 takes LARGE for an object's name (19 offers OBJECT)")
        #expect(offered("GRANT EXECUTE ON PROCEDURE ").contains("query_for_list_of_procedures"))
        #expect(offered("GRANT EXECUTE ON ROUTINE ").contains("query_for_list_of_routines"))
        #expect(offered("GRANT USAGE ON SCHEMA ") == ["extra", "information_schema", "pg_catalog", "public"])
        #expect(offered("GRANT USAGE ON SEQUENCE ").contains("orders_id_seq"))
        #expect(offered("GRANT SELECT ON TABLE ").contains("stock_view"))
        #expect(offered("GRANT CREATE ON TABLESPACE ") == ["pg_default"])
        #expect(offered("GRANT USAGE ON TYPE ") == ["BIGINT", "BOOLEAN", "CHARACTER", "DOUBLE PRECISION", "INTEGER", "REAL", "SMALLINT", "extra.", "information_schema.", "int4", "public.", "text"])
        #expect(offered("GRANT SELECT ON items ") == ["TO"])
        #expect(offered("REVOKE SELECT ON items ") == ["FROM"])
        #expect(offered("GRANT SELECT ON TABLE items ") == ["TO"])
        #expect(offered("REVOKE SELECT ON TABLE items ") == ["FROM"])
        #expect(offered("GRANT SELECT ON ALL TABLES IN SCHEMA public ") == ["TO"])
        #expect(offered("REVOKE USAGE ON FOREIGN DATA WRAPPER w ") == ["FROM"])
        #expect(offered("GRANT USAGE ON FOREIGN SERVER s ") == ["TO"])
        #expect(offered("REVOKE SELECT ON LARGE OBJECT 42 ").isEmpty, "psql 18 has no LARGE OBJECT rule")
    }

    @Test func grantToOffersRolesThenGrantOptions() {
        #expect(offered("GRANT SELECT ON items TO ")
            == ["\"pg-reader\"", "CURRENT_ROLE", "CURRENT_USER", "PUBLIC", "SESSION_USER", "app", "postgres"])
        #expect(offered("GRANT SELECT ON items TO app ") == ["GRANTED BY", "WITH ADMIN", "WITH GRANT OPTION", "WITH INHERIT", "WITH SET"])
        #expect(offered("GRANT app TO postgres WITH ") == ["ADMIN", "GRANT OPTION", "INHERIT", "SET"])
        #expect(offered("GRANT app TO postgres WITH ADMIN ") == ["FALSE", "OPTION", "TRUE"])
        #expect(offered("GRANT app TO postgres WITH ADMIN OPTION ") == ["GRANTED BY"])
        #expect(offered("GRANT app TO postgres WITH ADMIN OPTION GRANTED BY ").contains("CURRENT_USER"))
        #expect(offered("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ").contains("PUBLIC"))
        #expect(offered("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app ") == ["WITH GRANT OPTION"])
    }

    @Test func groupByAndImportForeignSchema() {
        #expect(offered("SELECT a FROM items GROUP ") == ["BY"])
        #expect(offered("IMPORT ") == ["FOREIGN SCHEMA"])
        #expect(offered("IMPORT FOREIGN ") == ["SCHEMA"])
        #expect(offered("IMPORT FOREIGN SCHEMA s ") == ["EXCEPT (", "FROM SERVER", "LIMIT TO ("])
        #expect(offered("IMPORT FOREIGN SCHEMA s LIMIT TO (a, b) ") == ["FROM SERVER"])
        #expect(offered("IMPORT FOREIGN SCHEMA s EXCEPT (a) ") == ["FROM SERVER"])
    }
}
