extension CompletionRuleTable {
    /// tab-complete.c, from `/* DEALLOCATE */` through `/* DROP TRANSFORM */`: DEALLOCATE,
    /// DECLARE, DELETE, DISCARD, DO and DROP.
    static let deallocateToDrop: [CompletionRule] = [
        // DEALLOCATE
        CompletionRule(
            .matches("DEALLOCATE"),
            offer: .query(.named(.preparedStatements, reference: nil), "ALL")),

        // DECLARE

        // Complete DECLARE <name> with one of BINARY, ASENSITIVE, INSENSITIVE, SCROLL, NO
        // SCROLL, and CURSOR.
        CompletionRule(
            .matches("DECLARE", .any),
            offer: .with("BINARY", "ASENSITIVE", "INSENSITIVE", "SCROLL", "NO SCROLL", "CURSOR")),
        // Complete DECLARE ... <option> with other options. The PostgreSQL parser allows
        // DECLARE options to be specified in any order. But the tab-completion follows the
        // ordering of them that the SQL standard provides, like the syntax of DECLARE command
        // in the documentation indicates.
        CompletionRule(
            .matches("DECLARE", .anyN, "BINARY"),
            offer: .with("ASENSITIVE", "INSENSITIVE", "SCROLL", "NO SCROLL", "CURSOR")),
        CompletionRule(
            .matches("DECLARE", .anyN, "ASENSITIVE|INSENSITIVE"),
            offer: .with("SCROLL", "NO SCROLL", "CURSOR")),
        CompletionRule(
            .matches("DECLARE", .anyN, "SCROLL"),
            offer: .with("CURSOR")),
        // Complete DECLARE ... [options] NO with SCROLL
        CompletionRule(
            .matches("DECLARE", .anyN, "NO"),
            offer: .with("SCROLL")),
        // Complete DECLARE ... CURSOR with one of WITH HOLD, WITHOUT HOLD, and FOR
        CompletionRule(
            .matches("DECLARE", .anyN, "CURSOR"),
            offer: .with("WITH HOLD", "WITHOUT HOLD", "FOR")),
        // Complete DECLARE ... CURSOR WITH|WITHOUT with HOLD
        CompletionRule(
            .matches("DECLARE", .anyN, "CURSOR", "WITH|WITHOUT"),
            offer: .with("HOLD")),
        // Complete DECLARE ... CURSOR WITH|WITHOUT HOLD with FOR
        CompletionRule(
            .matches("DECLARE", .anyN, "CURSOR", "WITH|WITHOUT", "HOLD"),
            offer: .with("FOR")),

        // DELETE --- can be inside EXPLAIN, RULE, etc
        // Complete DELETE with "FROM"
        CompletionRule(
            .matches("DELETE"),
            offer: .with("FROM")),
        // Complete DELETE FROM with a list of tables
        CompletionRule(
            .tailMatches("DELETE", "FROM"),
            offer: .query(.relations(.updatable, schema: nil))),
        // Complete DELETE FROM <table>
        CompletionRule(
            .tailMatches("DELETE", "FROM", .any),
            offer: .with("USING", "WHERE")),
        // XXX: implement tab completion for DELETE ... USING

        // DISCARD
        CompletionRule(
            .matches("DISCARD"),
            offer: .with("ALL", "PLANS", "SEQUENCES", "TEMP")),

        // DO
        CompletionRule(
            .matches("DO"),
            offer: .with("LANGUAGE")),

        // DROP
        // Complete DROP object with CASCADE / RESTRICT
        CompletionRule(
            .matches("DROP", "COLLATION|CONVERSION|DOMAIN|EXTENSION|LANGUAGE|PUBLICATION|SCHEMA|SEQUENCE|SERVER|SUBSCRIPTION|STATISTICS|TABLE|TYPE|VIEW", .any),
            .matches("DROP", "ACCESS", "METHOD", .any),
            .matches("DROP", "EVENT", "TRIGGER", .any),
            .matches("DROP", "FOREIGN", "DATA", "WRAPPER", .any),
            .matches("DROP", "FOREIGN", "TABLE", .any),
            .matches("DROP", "TEXT", "SEARCH", "CONFIGURATION|DICTIONARY|PARSER|TEMPLATE", .any),
            offer: .with("CASCADE", "RESTRICT")),
        CompletionRule(
            .matches("DROP", "AGGREGATE|FUNCTION|PROCEDURE|ROUTINE", .any, .any),
            when: { RuleContext.endsWith($0.previous(1), ")") },
            offer: .with("CASCADE", "RESTRICT")),

        // help completing some of the variants
        CompletionRule(
            .matches("DROP", "AGGREGATE|FUNCTION|PROCEDURE|ROUTINE", .any),
            offer: .with("(")),
        CompletionRule(
            .matches("DROP", "AGGREGATE|FUNCTION|PROCEDURE|ROUTINE", .any, "("),
            offer: .body { c in c.query(.named(.arguments, reference: c.previous(2))) }),
        CompletionRule(
            .matches("DROP", "FOREIGN"),
            offer: .with("DATA WRAPPER", "TABLE")),
        CompletionRule(
            .matches("DROP", "DATABASE", .any),
            offer: .with("WITH (")),
        CompletionRule(
            .headMatches("DROP", "DATABASE"),
            when: { RuleContext.endsWith($0.previous(1), "(") },
            offer: .with("FORCE")),

        // DROP INDEX
        CompletionRule(
            .matches("DROP", "INDEX"),
            offer: .query(.relations(.indexes, schema: nil), "CONCURRENTLY")),
        CompletionRule(
            .matches("DROP", "INDEX", "CONCURRENTLY"),
            offer: .query(.relations(.indexes, schema: nil))),
        CompletionRule(
            .matches("DROP", "INDEX", .any),
            offer: .with("CASCADE", "RESTRICT")),
        CompletionRule(
            .matches("DROP", "INDEX", "CONCURRENTLY", .any),
            offer: .with("CASCADE", "RESTRICT")),

        // DROP MATERIALIZED VIEW
        CompletionRule(
            .matches("DROP", "MATERIALIZED"),
            offer: .with("VIEW")),
        CompletionRule(
            .matches("DROP", "MATERIALIZED", "VIEW"),
            offer: .query(.relations(.materializedViews, schema: nil))),
        CompletionRule(
            .matches("DROP", "MATERIALIZED", "VIEW", .any),
            offer: .with("CASCADE", "RESTRICT")),

        // DROP OWNED BY
        CompletionRule(
            .matches("DROP", "OWNED"),
            offer: .with("BY")),
        CompletionRule(
            .matches("DROP", "OWNED", "BY"),
            offer: .query(.roles)),
        CompletionRule(
            .matches("DROP", "OWNED", "BY", .any),
            offer: .with("CASCADE", "RESTRICT")),

        // DROP TEXT SEARCH
        CompletionRule(
            .matches("DROP", "TEXT", "SEARCH"),
            offer: .with("CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE")),

        // DROP TRIGGER
        CompletionRule(
            .matches("DROP", "TRIGGER", .any),
            offer: .with("ON")),
        CompletionRule(
            .matches("DROP", "TRIGGER", .any, "ON"),
            offer: .body { c in c.tables(.tablesForTrigger, inSchema: .tablesForTriggerInSchema, reference: c.previous(2)) }),
        CompletionRule(
            .matches("DROP", "TRIGGER", .any, "ON", .any),
            offer: .with("CASCADE", "RESTRICT")),

        // DROP ACCESS METHOD
        CompletionRule(
            .matches("DROP", "ACCESS"),
            offer: .with("METHOD")),
        CompletionRule(
            .matches("DROP", "ACCESS", "METHOD"),
            offer: .query(.named(.accessMethods, reference: nil))),

        // DROP EVENT TRIGGER
        CompletionRule(
            .matches("DROP", "EVENT"),
            offer: .with("TRIGGER")),
        CompletionRule(
            .matches("DROP", "EVENT", "TRIGGER"),
            offer: .query(.named(.eventTriggers, reference: nil))),

        // DROP POLICY <name>
        CompletionRule(
            .matches("DROP", "POLICY"),
            offer: .query(.named(.policies, reference: nil))),
        // DROP POLICY <name> ON
        CompletionRule(
            .matches("DROP", "POLICY", .any),
            offer: .with("ON")),
        // DROP POLICY <name> ON <table>
        CompletionRule(
            .matches("DROP", "POLICY", .any, "ON"),
            offer: .body { c in c.tables(.tablesForPolicy, inSchema: .tablesForPolicyInSchema, reference: c.previous(2)) }),
        CompletionRule(
            .matches("DROP", "POLICY", .any, "ON", .any),
            offer: .with("CASCADE", "RESTRICT")),

        // DROP RULE
        CompletionRule(
            .matches("DROP", "RULE", .any),
            offer: .with("ON")),
        CompletionRule(
            .matches("DROP", "RULE", .any, "ON"),
            offer: .body { c in c.tables(.tablesForRule, inSchema: .tablesForRuleInSchema, reference: c.previous(2)) }),
        CompletionRule(
            .matches("DROP", "RULE", .any, "ON", .any),
            offer: .with("CASCADE", "RESTRICT")),

        // DROP TRANSFORM
        CompletionRule(
            .matches("DROP", "TRANSFORM"),
            offer: .with("FOR")),
        CompletionRule(
            .matches("DROP", "TRANSFORM", "FOR"),
            offer: .query(.schemaList(.datatypes, schema: nil))),
        CompletionRule(
            .matches("DROP", "TRANSFORM", "FOR", .any),
            offer: .with("LANGUAGE")),
        // psql sets prev2_wd as the reference object, but Query_for_list_of_languages does
        // not read it: every language but internal.
        CompletionRule(
            .matches("DROP", "TRANSFORM", "FOR", .any, "LANGUAGE"),
            offer: .query(.named(.languages, reference: nil))),
        CompletionRule(
            .matches("DROP", "TRANSFORM", "FOR", .any, "LANGUAGE", .any),
            offer: .with("CASCADE", "RESTRICT")),
    ]

    /// The lists this file's rule bodies ask for (for `bodyQueries`).
    static let deallocateToDropBodyQueries: [CatalogQuery] = [
        .named(.arguments, reference: "f"),
        .named(.tablesForTrigger, reference: "t"),
        .named(.tablesForPolicy, reference: "p"),
        .named(.tablesForRule, reference: "r"),
    ]
}
