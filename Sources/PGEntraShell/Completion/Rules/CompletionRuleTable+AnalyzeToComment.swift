extension CompletionRuleTable {
    /// tab-complete.c's ANALYZE, BEGIN, END/ABORT, COMMIT, RELEASE, ROLLBACK, CALL, CLOSE,
    /// CLUSTER and COMMENT rules. psql 19's two CHECKPOINT rules (`CHECKPOINT (` and its
    /// options MODE and FLUSH_UNLOGGED) are left out: psql 18's CHECKPOINT takes no options.
    static let analyzeToCommentStatements: [CompletionRule] = [
        // ANALYZE [ ( option [, ...] ) ] [ [ ONLY ] table_and_columns [, ...] ]
        // ANALYZE [ VERBOSE ] [ [ ONLY ] table_and_columns [, ...] ]
        CompletionRule(
            .matches("ANALYZE"),
            offer: .query(.relations(.analyzables, schema: nil), "(", "VERBOSE", "ONLY")),
        CompletionRule(
            .matches("ANALYZE", "VERBOSE"),
            offer: .query(.relations(.analyzables, schema: nil), "ONLY")),
        // This fires if we're in an unfinished parenthesized option list. get_previous_words
        // treats a completed parenthesized option list as one word, so the above test is
        // correct.
        CompletionRule(
            .headMatches("ANALYZE", "(*"),
            when: { !$0.headMatches("ANALYZE", "(*)") },
            offer: .body { c in
                if RuleContext.endsWith(c.previous(1), "(") || RuleContext.endsWith(c.previous(1), ",") {
                    return c.with("VERBOSE", "SKIP_LOCKED", "BUFFER_USAGE_LIMIT")
                }
                if c.tailMatches("VERBOSE|SKIP_LOCKED") { return c.with("ON", "OFF") }
                return nil
            }),
        CompletionRule(
            .matches("ANALYZE", "(*)"),
            offer: .query(.relations(.analyzables, schema: nil), "ONLY")),
        // "ANALYZE (" should be caught above, so assume we want columns
        CompletionRule(
            .matches("ANALYZE", .anyN, "("),
            offer: .attributes(of: 2)),
        CompletionRule(
            .headMatches("ANALYZE"),
            offer: .query(.relations(.analyzables, schema: nil))),

        // BEGIN
        CompletionRule(
            .matches("BEGIN"),
            offer: .with("WORK", "TRANSACTION", "ISOLATION LEVEL", "READ", "DEFERRABLE", "NOT DEFERRABLE")),
        // END, ABORT
        CompletionRule(
            .matches("END|ABORT"),
            offer: .with("AND", "WORK", "TRANSACTION")),
        // COMMIT
        CompletionRule(
            .matches("COMMIT"),
            offer: .with("AND", "WORK", "TRANSACTION", "PREPARED")),
        // RELEASE SAVEPOINT
        CompletionRule(
            .matches("RELEASE"),
            offer: .with("SAVEPOINT")),
        // ROLLBACK
        CompletionRule(
            .matches("ROLLBACK"),
            offer: .with("AND", "WORK", "TRANSACTION", "TO SAVEPOINT", "PREPARED")),
        CompletionRule(
            .matches("ABORT|END|COMMIT|ROLLBACK", "AND"),
            offer: .with("CHAIN")),
        // CALL
        CompletionRule(
            .matches("CALL"),
            offer: .query(.schemaList(.procedures, schema: nil))),
        CompletionRule(
            .matches("CALL", .any),
            offer: .with("(")),
        // CLOSE
        CompletionRule(
            .matches("CLOSE"),
            offer: .query(.named(.cursors, reference: nil), "ALL")),
        // CLUSTER
        CompletionRule(
            .matches("CLUSTER"),
            offer: .query(.relations(.clusterables, schema: nil), "VERBOSE")),
        CompletionRule(
            .matches("CLUSTER", "VERBOSE"), .matches("CLUSTER", "(*)"),
            offer: .query(.relations(.clusterables, schema: nil))),
        // If we have CLUSTER <sth>, then add "USING"
        CompletionRule(
            .matches("CLUSTER", .word("!VERBOSE|ON|(|(*)")),
            offer: .with("USING")),
        // If we have CLUSTER VERBOSE <sth>, then add "USING"
        CompletionRule(
            .matches("CLUSTER", "VERBOSE|(*)", .any),
            offer: .with("USING")),
        // If we have CLUSTER <sth> USING, then add the index as well
        CompletionRule(
            .matches("CLUSTER", .any, "USING"), .matches("CLUSTER", "VERBOSE|(*)", .any, "USING"),
            offer: .body { c in c.query(.named(.indexOfTable, reference: c.previous(2))) }),
        // This fires if we're in an unfinished parenthesized option list. get_previous_words
        // treats a completed parenthesized option list as one word, so the above test is
        // correct.
        CompletionRule(
            .headMatches("CLUSTER", "(*"),
            when: { !$0.headMatches("CLUSTER", "(*)") },
            offer: .body { c in
                if RuleContext.endsWith(c.previous(1), "(") || RuleContext.endsWith(c.previous(1), ",") {
                    return c.with("VERBOSE")
                }
                return nil
            }),

        // COMMENT
        CompletionRule(
            .matches("COMMENT"),
            offer: .with("ON")),
        CompletionRule(
            .matches("COMMENT", "ON"),
            offer: .with(
                "ACCESS METHOD", "AGGREGATE", "CAST", "COLLATION", "COLUMN", "CONSTRAINT", "CONVERSION", "DATABASE",
                "DOMAIN", "EXTENSION", "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "FUNCTION", "INDEX",
                "LANGUAGE", "LARGE OBJECT", "MATERIALIZED VIEW", "OPERATOR", "POLICY", "PROCEDURE", "PROCEDURAL LANGUAGE",
                "PUBLICATION", "ROLE", "ROUTINE", "RULE", "SCHEMA", "SEQUENCE", "SERVER", "STATISTICS", "SUBSCRIPTION",
                "TABLE", "TABLESPACE", "TEXT SEARCH", "TRANSFORM FOR", "TRIGGER", "TYPE", "VIEW")),
        CompletionRule(
            .matches("COMMENT", "ON", "ACCESS", "METHOD"),
            offer: .query(.named(.accessMethods, reference: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "CONSTRAINT"),
            offer: .query(.named(.allTableConstraints, reference: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "CONSTRAINT", .any),
            offer: .with("ON")),
        CompletionRule(
            .matches("COMMENT", "ON", "CONSTRAINT", .any, "ON"),
            offer: .body { c in
                c.tables(.tablesForConstraint, inSchema: .tablesForConstraintInSchema, reference: c.previous(2), plus: ["DOMAIN"])
            }),
        CompletionRule(
            .matches("COMMENT", "ON", "CONSTRAINT", .any, "ON", "DOMAIN"),
            offer: .query(.schemaList(.domains, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "EVENT", "TRIGGER"),
            offer: .query(.named(.eventTriggers, reference: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "FOREIGN"),
            offer: .with("DATA WRAPPER", "TABLE")),
        CompletionRule(
            .matches("COMMENT", "ON", "FOREIGN", "TABLE"),
            offer: .query(.relations(.foreignTables, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "MATERIALIZED", "VIEW"),
            offer: .query(.relations(.materializedViews, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "POLICY"),
            offer: .query(.named(.policies, reference: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "POLICY", .any),
            offer: .with("ON")),
        CompletionRule(
            .matches("COMMENT", "ON", "POLICY", .any, "ON"),
            offer: .body { c in c.tables(.tablesForPolicy, inSchema: .tablesForPolicyInSchema, reference: c.previous(2)) }),
        CompletionRule(
            .matches("COMMENT", "ON", "PROCEDURAL", "LANGUAGE"),
            offer: .query(.named(.languages, reference: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "RULE", .any),
            offer: .with("ON")),
        CompletionRule(
            .matches("COMMENT", "ON", "RULE", .any, "ON"),
            offer: .body { c in c.tables(.tablesForRule, inSchema: .tablesForRuleInSchema, reference: c.previous(2)) }),
        CompletionRule(
            .matches("COMMENT", "ON", "TEXT", "SEARCH"),
            offer: .with("CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE")),
        CompletionRule(
            .matches("COMMENT", "ON", "TEXT", "SEARCH", "CONFIGURATION"),
            offer: .query(.schemaList(.tsConfigurations, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "TEXT", "SEARCH", "DICTIONARY"),
            offer: .query(.schemaList(.tsDictionaries, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "TEXT", "SEARCH", "PARSER"),
            offer: .query(.schemaList(.tsParsers, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "TEXT", "SEARCH", "TEMPLATE"),
            offer: .query(.schemaList(.tsTemplates, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "TRANSFORM", "FOR"),
            offer: .query(.schemaList(.datatypes, schema: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "TRANSFORM", "FOR", .any),
            offer: .with("LANGUAGE")),
        // psql sets the type as the reference object, but Query_for_list_of_languages does not
        // read it.
        CompletionRule(
            .matches("COMMENT", "ON", "TRANSFORM", "FOR", .any, "LANGUAGE"),
            offer: .query(.named(.languages, reference: nil))),
        CompletionRule(
            .matches("COMMENT", "ON", "TRIGGER", .any),
            offer: .with("ON")),
        CompletionRule(
            .matches("COMMENT", "ON", "TRIGGER", .any, "ON"),
            offer: .body { c in c.tables(.tablesForTrigger, inSchema: .tablesForTriggerInSchema, reference: c.previous(2)) }),
        CompletionRule(
            .matches("COMMENT", "ON", .any, .word("!IS")),
            .matches("COMMENT", "ON", .any, .any, .word("!IS")),
            .matches("COMMENT", "ON", .any, .any, .any, .word("!IS")),
            .matches("COMMENT", "ON", .any, .any, .any, .any, .word("!IS")),
            offer: .with("IS")),
    ]

    /// The lists this section's rule bodies ask for.
    static let analyzeToCommentBodyQueries: [CatalogQuery] = [
        .named(.indexOfTable, reference: nil),
        .named(.tablesForConstraint, reference: nil), .named(.tablesForConstraintInSchema, reference: nil),
        .named(.tablesForPolicy, reference: nil), .named(.tablesForPolicyInSchema, reference: nil),
        .named(.tablesForRule, reference: nil), .named(.tablesForRuleInSchema, reference: nil),
        .named(.tablesForTrigger, reference: nil), .named(.tablesForTriggerInSchema, reference: nil),
    ]
}
