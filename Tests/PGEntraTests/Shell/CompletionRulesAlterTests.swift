import Testing
@testable import PGEntraShell

/// psql 18's DROP and ALTER rules in the rule table (tab-complete.in.c, from `/* DROP */` to
/// ALTER TABLE ... REPLICA IDENTITY USING INDEX), through TabCompleter and the FixedCatalog of
/// TabCompleterTests, which answers a psql list with the list's own name (and its reference
/// object in brackets), so each check sees which list a rule asked for.
@Suite struct CompletionRulesAlterTests {
    private func offered(_ text: String) -> [String] { FixedCatalog.offered(text) }

    // MARK: DROP, ALTER and ALL IN TABLESPACE

    @Test func dropAndAlterOfferWhatPsqlsGeneratorsDo() {
        #expect(offered("DROP OW") == ["OWNED"], "drop_command_generator keeps OWNED")
        #expect(!offered("DROP TEM").contains("TEMP"), "TEMP is THING_NO_DROP")
        #expect(offered("ALTER SYS") == ["SYSTEM"])
        #expect(offered("ALTER DEF") == ["DEFAULT PRIVILEGES"])
        #expect(offered("ALTER LAR") == ["LARGE OBJECT"])
        #expect(offered("ALTER TABLE ").contains("ALL IN TABLESPACE"))
        #expect(offered("ALTER TABLE ").contains("items"))
        #expect(offered("ALTER INDEX ALL IN TABLESPACE pg_default ") == ["OWNED BY", "SET TABLESPACE"])
        #expect(offered("ALTER INDEX ALL IN TABLESPACE pg_default OWNED BY ") == ["\"pg-reader\"", "app", "postgres"])
        #expect(offered("ALTER INDEX ALL IN TABLESPACE pg_default OWNED BY app ") == ["SET TABLESPACE"])
    }

    // MARK: ALTER AGGREGATE, FUNCTION, PROCEDURE, ROUTINE

    @Test func routinesTakeTheirArgumentListThenTheirOptions() {
        #expect(offered("ALTER FUNCTION lower ") == ["("])
        #expect(offered("ALTER FUNCTION lower (") == ["query_for_list_of_arguments[lower]"])
        #expect(offered("ALTER AGGREGATE count (*) ") == ["OWNER TO", "RENAME TO", "SET SCHEMA"])
        let function = offered("ALTER FUNCTION lower (text) ")
        #expect(function.contains("SUPPORT") && function.contains("PARALLEL") && function.contains("EXTERNAL SECURITY"))
        #expect(!offered("ALTER PROCEDURE p () ").contains("PARALLEL"), "Alter_procedure_options has no PARALLEL")
        #expect(offered("ALTER ROUTINE r () PARALLEL ") == ["RESTRICTED", "SAFE", "UNSAFE"])
        #expect(offered("ALTER PROCEDURE p () EXTERNAL SECURITY ") == ["DEFINER", "INVOKER"])
        #expect(offered("ALTER FUNCTION f () RESET ") == ["ALL", "search_path", "work_mem"])
        #expect(offered("ALTER FUNCTION f () SET ") == ["SCHEMA", "search_path", "work_mem"])
    }

    // MARK: ALTER PUBLICATION, SUBSCRIPTION

    @Test func publicationsAsPsql18DoesWithoutNineteensAllTables() {
        #expect(offered("ALTER PUBLICATION p SET ") == ["(", "TABLE", "TABLES IN SCHEMA"])
        #expect(offered("ALTER PUBLICATION p ADD TABLE ").contains("items"))
        #expect(offered("ALTER PUBLICATION p ADD TABLE items ") == [",", "WHERE ("])
        #expect(offered("ALTER PUBLICATION p ADD TABLE items WHERE ") == ["("])
        #expect(offered("ALTER PUBLICATION p ADD TABLE items WHERE (") == ["id", "label", "quantity"])
        #expect(offered("ALTER PUBLICATION p ADD TABLE items WHERE (id > 1) ") == [","])
        #expect(offered("ALTER PUBLICATION p DROP TABLES IN SCHEMA ")
            == ["CURRENT_SCHEMA", "query_for_list_of_schemas and nspname not like e'pg\\\\_%'"])
        #expect(offered("ALTER PUBLICATION p SET (p") == ["publish", "publish_generated_columns", "publish_via_partition_root"])
    }

    @Test func subscriptionsAsPsql18Does() {
        let actions = offered("ALTER SUBSCRIPTION s ")
        #expect(actions.contains("REFRESH PUBLICATION") && !actions.contains("SERVER") && !actions.contains("REFRESH SEQUENCES"))
        #expect(offered("ALTER SUBSCRIPTION s REFRESH PUBLICATION ") == ["WITH ("])
        #expect(!offered("ALTER SUBSCRIPTION s SET (r").contains("retain_dead_tuples"))
        #expect(offered("ALTER SUBSCRIPTION s SET (t") == ["two_phase"])
        #expect(offered("ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (") == ["COPY_DATA", "REFRESH"], "COMPLETE_WITH cases even these, as psql does")
    }

    // MARK: From ALTER SCHEMA to ALTER DOMAIN

    @Test func listsBelongingToTheNamedObject() {
        #expect(offered("ALTER DATABASE shop RESET ") == ["ALL", "query_for_list_of_database_vars[shop]"])
        #expect(offered("ALTER DATABASE shop SET TABLESPACE ") == ["pg_default"])
        #expect(offered("ALTER EVENT TRIGGER ") == ["query_for_list_of_event_triggers"])
        #expect(offered("ALTER EXTENSION plpgsql UPDATE TO ") == ["query_for_list_of_available_extension_versions[plpgsql]"])
        #expect(offered("ALTER INDEX items_pkey ALTER COLUMN ") == ["query_for_list_of_attribute_numbers[items_pkey]"])
        #expect(offered("ALTER ROLE app RESET ") == ["ALL", "query_for_list_of_user_vars[app]"])
        #expect(offered("ALTER DOMAIN d VALIDATE CONSTRAINT ") == ["query_for_constraint_of_type[d]"])
        #expect(offered("ALTER POLICY ") == ["query_for_list_of_policies"])
        #expect(offered("ALTER POLICY p ON ") == ["extra.", "information_schema.", "public.", "query_for_list_of_tables_for_policy[p]"])
        #expect(offered("ALTER RULE r ON ") == ["extra.", "information_schema.", "public.", "query_for_list_of_tables_for_rule[r]"])
        #expect(offered("ALTER TRIGGER t ON ") == ["extra.", "information_schema.", "public.", "query_for_list_of_tables_for_trigger[t]"])
    }

    @Test func keywordsOfTheOtherAlterStatements() {
        #expect(offered("ALTER EXTENSION e ADD TEXT SEARCH ") == ["CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"])
        #expect(offered("ALTER FOREIGN DATA WRAPPER w NO ") == ["HANDLER", "VALIDATOR"])
        #expect(offered("ALTER INDEX i SET (f").contains("fillfactor ="))
        #expect(offered("ALTER INDEX i RESET (f").contains("fillfactor"))
        let role = offered("ALTER ROLE app ")
        #expect(role.contains("WITH") && !role.contains("IN"), "psql 18 has no ALTER ROLE ... IN DATABASE rules")
        #expect(!offered("ALTER ROLE app WITH ").contains("WITH"))
        #expect(!offered("ALTER USER MAPPING ").contains("BYPASSRLS"), "not after ALTER USER MAPPING")
        #expect(offered("ALTER DEFAULT PRIVILEGES IN SCHEMA s FOR ROLE app ") == ["GRANT", "REVOKE"])
        #expect(offered("ALTER DOMAIN d ADD ") == ["CHECK (", "CONSTRAINT", "NOT NULL"])
        #expect(offered("alter sequence s as ") == ["bigint", "integer", "smallint"], "COMPLETE_WITH_CS")
        #expect(offered("ALTER SYSTEM RESET ") == ["ALL", "query_for_list_of_alter_system_set_vars"])
        #expect(offered("ALTER VIEW stock_view SET ( check_option = ") == ["CASCADED", "LOCAL"])
        #expect(offered("ALTER VIEW stock_view SET ( s") == ["security_barrier", "security_invoker"])
        #expect(offered("ALTER VIEW stock_view RENAME x ") == ["TO"])
        #expect(offered("ALTER MATERIALIZED VIEW ").contains("ALL IN TABLESPACE"))
        #expect(offered("ALTER MATERIALIZED VIEW m SET ACCESS METHOD ") == ["query_for_list_of_table_access_methods"])
        #expect(offered("ALTER POLICY p ON items TO ") == ["\"pg-reader\"", "CURRENT_ROLE", "CURRENT_USER", "PUBLIC", "SESSION_USER", "app", "postgres"])
    }

    // MARK: ALTER TABLE

    @Test func alterTableAsPsql18Does() {
        #expect(offered("ALTER TABLE items ADD ") == ["CHECK", "COLUMN", "CONSTRAINT", "EXCLUDE", "FOREIGN KEY", "PRIMARY KEY", "UNIQUE"])
        #expect(offered("ALTER TABLE items ADD note ") == ["BIGINT", "BOOLEAN", "CHARACTER", "DOUBLE PRECISION", "INTEGER", "REAL", "SMALLINT", "extra.", "information_schema.", "int4", "public.", "text"])
        #expect(offered("ALTER TABLE items ADD UNIQUE ") == ["(", "USING INDEX"])
        #expect(offered("ALTER TABLE items ADD CONSTRAINT c PRIMARY KEY USING INDEX ") == ["query_for_unique_index_of_table[items]"])
        #expect(offered("ALTER TABLE items ENABLE REPLICA TRIGGER ") == ["query_for_trigger_of_table[items]"])
        #expect(offered("ALTER TABLE items DISABLE RULE ") == ["query_for_rule_of_table[items]"])
        #expect(offered("ALTER TABLE items DROP CONSTRAINT ") == ["\"Positive\"", "items_pkey"])
        #expect(offered("ALTER TABLE public.items DROP CONSTRAINT ") == ["\"Positive\"", "items_pkey"])
        #expect(offered("ALTER TABLE extra.items DROP CONSTRAINT ").isEmpty)
        #expect(offered("ALTER TABLE items VALIDATE CONSTRAINT ") == ["query_for_constraint_of_table_not_validated[items]"])
        #expect(offered("ALTER TABLE items ALTER ") == ["COLUMN", "CONSTRAINT", "id", "label", "quantity"])
        #expect(offered("ALTER TABLE items ALTER COLUMN id SET STORAGE ") == ["DEFAULT", "EXTENDED", "EXTERNAL", "MAIN", "PLAIN"])
        #expect(offered("ALTER TABLE items ALTER id ADD GENERATED BY DEFAULT ") == ["AS IDENTITY"])
        #expect(offered("ALTER TABLE items CLUSTER ON ") == ["query_for_index_of_table[items]"])
        #expect(offered("ALTER TABLE items SET ACCESS METHOD ") == ["DEFAULT", "query_for_list_of_table_access_methods"])
        #expect(offered("ALTER TABLE items SET (t").contains("toast.vacuum_truncate"))
        #expect(offered("ALTER TABLE items REPLICA IDENTITY USING INDEX ") == ["query_for_index_of_table[items]"])
    }

    // MARK: The lists

    @Test func everyReferencedListTakesItsObjectAsFirstParameter() {
        for case .named(let list, _) in CompletionRuleTable.alterBodyQueries {
            #expect(list.sql.contains("$1"), "\(list.name)")
        }
        #expect(NamedQuery.constraintOfTable.sql.contains("$2"), "a table's schema narrows the constraints")
        #expect(!NamedQuery.tablesForPolicy.sql.contains("$2"), "psql's tables_for_policy has no refnamespace")
        #expect(NamedQuery.arguments.verbatim && NamedQuery.attributeNumbers.verbatim && NamedQuery.alterSystemSetVars.verbatim)
    }
}
