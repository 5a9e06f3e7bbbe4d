extension CompletionRuleTable {
    /// tab-complete.c, from IMPORT FOREIGN SCHEMA's `FROM SERVER` rules through MERGE: the
    /// statements that can sit inside EXPLAIN or a rule (INSERT, MERGE) match on the tail.
    static let importToMerge: [CompletionRule] = [
        CompletionRule(.tailMatches("FROM", "SERVER", .any), offer: .with("INTO")),
        CompletionRule(.tailMatches("FROM", "SERVER", .any, "INTO"), offer: .query(.schemas)),
        CompletionRule(.tailMatches("FROM", "SERVER", .any, "INTO", .any), offer: .with("OPTIONS (")),

        // INSERT --- can be inside EXPLAIN, RULE, etc
        // Complete NOT MATCHED THEN INSERT
        CompletionRule(.tailMatches("NOT", "MATCHED", "THEN", "INSERT"), offer: .with("VALUES", "(")),
        // Complete INSERT with "INTO"
        CompletionRule(.tailMatches("INSERT"), offer: .with("INTO")),
        // Complete INSERT INTO with table names
        CompletionRule(.tailMatches("INSERT", "INTO"), offer: .query(.relations(.updatable, schema: nil))),
        // Complete "INSERT INTO <table> (" with attribute names
        CompletionRule(.tailMatches("INSERT", "INTO", .any, "("), offer: .attributes(of: 2)),
        // Complete INSERT INTO <table> with "(" or "VALUES" or "SELECT" or "TABLE" or
        // "DEFAULT VALUES" or "OVERRIDING"
        CompletionRule(
            .tailMatches("INSERT", "INTO", .any),
            offer: .with("(", "DEFAULT VALUES", "SELECT", "TABLE", "VALUES", "OVERRIDING")),
        // Complete INSERT INTO <table> (attribs) with "VALUES" or "SELECT" or "TABLE" or
        // "OVERRIDING"
        CompletionRule(
            .tailMatches("INSERT", "INTO", .any, .any), when: { RuleContext.endsWith($0.previous(1), ")") },
            offer: .with("SELECT", "TABLE", "VALUES", "OVERRIDING")),
        // Complete OVERRIDING
        CompletionRule(.tailMatches("OVERRIDING"), offer: .with("SYSTEM VALUE", "USER VALUE")),
        // Complete after OVERRIDING clause
        CompletionRule(.tailMatches("OVERRIDING", .any, "VALUE"), offer: .with("SELECT", "TABLE", "VALUES")),
        // Insert an open parenthesis after "VALUES"
        CompletionRule(.tailMatches("VALUES"), when: { !$0.tailMatches("DEFAULT", "VALUES") }, offer: .with("(")),

        // LOCK
        // Complete LOCK [TABLE] [ONLY] with a list of tables
        CompletionRule(.matches("LOCK"), offer: .query(.relations(.tables, schema: nil), "TABLE", "ONLY")),
        CompletionRule(.matches("LOCK", "TABLE"), offer: .query(.relations(.tables, schema: nil), "ONLY")),
        CompletionRule(.matches("LOCK", "TABLE", "ONLY"), .matches("LOCK", "ONLY"), offer: .query(.relations(.tables, schema: nil))),
        // For the following, handle the case of a single table only for now

        // Complete LOCK [TABLE] [ONLY] <table> with IN or NOWAIT
        CompletionRule(
            .matches("LOCK", .word("!TABLE|ONLY")),
            .matches("LOCK", "TABLE", .word("!ONLY")),
            .matches("LOCK", "ONLY", .any),
            .matches("LOCK", "TABLE", "ONLY", .any),
            offer: .with("IN", "NOWAIT")),
        // Complete LOCK [TABLE] [ONLY] <table> IN with a lock mode
        CompletionRule(
            .matches("LOCK", .anyN, "IN"),
            offer: .with(
                "ACCESS SHARE MODE", "ROW SHARE MODE", "ROW EXCLUSIVE MODE", "SHARE UPDATE EXCLUSIVE MODE", "SHARE MODE",
                "SHARE ROW EXCLUSIVE MODE", "EXCLUSIVE MODE", "ACCESS EXCLUSIVE MODE")),
        // Complete LOCK [TABLE][ONLY] <table> IN ACCESS|ROW with rest of lock mode
        CompletionRule(.matches("LOCK", .anyN, "IN", "ACCESS|ROW"), offer: .with("EXCLUSIVE MODE", "SHARE MODE")),
        // Complete LOCK [TABLE] [ONLY] <table> IN SHARE with rest of lock mode
        CompletionRule(.matches("LOCK", .anyN, "IN", "SHARE"), offer: .with("MODE", "ROW EXCLUSIVE MODE", "UPDATE EXCLUSIVE MODE")),
        // Complete LOCK [TABLE] [ONLY] <table> [IN lockmode MODE] with "NOWAIT"
        CompletionRule(.matches("LOCK", .anyN, "MODE"), offer: .with("NOWAIT")),

        // MERGE --- can be inside EXPLAIN
        CompletionRule(.tailMatches("MERGE"), offer: .with("INTO")),
        CompletionRule(.tailMatches("MERGE", "INTO"), offer: .query(.relations(.mergeTargets, schema: nil))),
        // Complete MERGE INTO <table> [[AS] <alias>] with USING
        CompletionRule(.tailMatches("MERGE", "INTO", .any), offer: .with("USING", "AS")),
        CompletionRule(
            .tailMatches("MERGE", "INTO", .any, "AS", .any),
            .tailMatches("MERGE", "INTO", .any, .word("!USING|AS")),
            offer: .with("USING")),
        // Complete MERGE INTO ... USING with a list of relations supporting SELECT
        CompletionRule(
            .tailMatches("MERGE", "INTO", .any, "USING"),
            .tailMatches("MERGE", "INTO", .any, "AS", .any, "USING"),
            .tailMatches("MERGE", "INTO", .any, .any, "USING"),
            offer: .query(.relations(.selectable, schema: nil))),
        // Complete MERGE INTO <table> [[AS] <alias>] USING <relations> [[AS] alias] with ON
        CompletionRule(
            .tailMatches("MERGE", "INTO", .any, "USING", .any),
            .tailMatches("MERGE", "INTO", .any, "AS", .any, "USING", .any),
            .tailMatches("MERGE", "INTO", .any, .any, "USING", .any),
            offer: .with("AS", "ON")),
        CompletionRule(
            .tailMatches("MERGE", "INTO", .any, "USING", .any, "AS", .any),
            .tailMatches("MERGE", "INTO", .any, "AS", .any, "USING", .any, "AS", .any),
            .tailMatches("MERGE", "INTO", .any, .any, "USING", .any, "AS", .any),
            .tailMatches("MERGE", "INTO", .any, "USING", .any, .word("!ON|AS")),
            .tailMatches("MERGE", "INTO", .any, "AS", .any, "USING", .any, .word("!ON|AS")),
            .tailMatches("MERGE", "INTO", .any, .any, "USING", .any, .word("!ON|AS")),
            offer: .with("ON")),
        // Complete MERGE INTO ... ON with target table attributes
        CompletionRule(.tailMatches("INTO", .any, "USING", .any, "ON"), offer: .attributes(of: 4)),
        CompletionRule(.tailMatches("INTO", .any, "AS", .any, "USING", .any, "AS", .any, "ON"), offer: .attributes(of: 8)),
        CompletionRule(.tailMatches("INTO", .any, .any, "USING", .any, .any, "ON"), offer: .attributes(of: 6)),
        // Complete ... USING <relation> [[AS] alias] ON join condition (consisting of one or
        // three words typically used) with WHEN [NOT] MATCHED
        CompletionRule(
            .tailMatches("USING", .any, "ON", .any),
            .tailMatches("USING", .any, "AS", .any, "ON", .any),
            .tailMatches("USING", .any, .any, "ON", .any),
            .tailMatches("USING", .any, "ON", .any, .word("!WHEN"), .word("!WHEN")),
            .tailMatches("USING", .any, "AS", .any, "ON", .any, .word("!WHEN"), .word("!WHEN")),
            .tailMatches("USING", .any, .any, "ON", .any, .word("!WHEN"), .word("!WHEN")),
            offer: .with("WHEN MATCHED", "WHEN NOT MATCHED")),
        CompletionRule(
            .tailMatches("USING", .any, "ON", .any, "WHEN"),
            .tailMatches("USING", .any, "AS", .any, "ON", .any, "WHEN"),
            .tailMatches("USING", .any, .any, "ON", .any, "WHEN"),
            .tailMatches("USING", .any, "ON", .any, .any, .any, "WHEN"),
            .tailMatches("USING", .any, "AS", .any, "ON", .any, .any, .any, "WHEN"),
            .tailMatches("USING", .any, .any, "ON", .any, .any, .any, "WHEN"),
            offer: .with("MATCHED", "NOT MATCHED")),
        // Complete ... WHEN MATCHED and WHEN NOT MATCHED BY SOURCE|TARGET with THEN/AND
        CompletionRule(
            .tailMatches("WHEN", "MATCHED"),
            .tailMatches("WHEN", "NOT", "MATCHED", "BY", "SOURCE|TARGET"),
            offer: .with("THEN", "AND")),
        // Complete ... WHEN NOT MATCHED with BY/THEN/AND
        CompletionRule(.tailMatches("WHEN", "NOT", "MATCHED"), offer: .with("BY", "THEN", "AND")),
        // Complete ... WHEN NOT MATCHED BY with SOURCE/TARGET
        CompletionRule(.tailMatches("WHEN", "NOT", "MATCHED", "BY"), offer: .with("SOURCE", "TARGET")),
        // Complete ... WHEN MATCHED THEN and WHEN NOT MATCHED BY SOURCE THEN with UPDATE
        // SET/DELETE/DO NOTHING
        CompletionRule(
            .tailMatches("WHEN", "MATCHED", "THEN"),
            .tailMatches("WHEN", "NOT", "MATCHED", "BY", "SOURCE", "THEN"),
            offer: .with("UPDATE SET", "DELETE", "DO NOTHING")),
        // Complete ... WHEN NOT MATCHED [BY TARGET] THEN with INSERT/DO NOTHING
        CompletionRule(
            .tailMatches("WHEN", "NOT", "MATCHED", "THEN"),
            .tailMatches("WHEN", "NOT", "MATCHED", "BY", "TARGET", "THEN"),
            offer: .with("INSERT", "DO NOTHING")),
    ]

    /// tab-complete.c, from NOTIFY through REINDEX.
    static let notifyToReindex: [CompletionRule] = [
        // NOTIFY --- can be inside EXPLAIN, RULE, etc
        CompletionRule(.tailMatches("NOTIFY"), offer: .query(.named(.channels, reference: nil))),

        // OPTIONS
        CompletionRule(.tailMatches("OPTIONS"), offer: .with("(")),

        // OWNER TO  - complete with available roles
        CompletionRule(.tailMatches("OWNER", "TO"), offer: .query(.roles, "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER")),

        // ORDER BY
        CompletionRule(.tailMatches("FROM", .any, "ORDER"), offer: .with("BY")),
        CompletionRule(.tailMatches("FROM", .any, "ORDER", "BY"), offer: .attributes(of: 3)),

        // PREPARE xx AS
        CompletionRule(
            .matches("PREPARE", .any, "AS"),
            offer: .with("SELECT", "UPDATE", "INSERT INTO", "DELETE FROM")),

        // PREPARE TRANSACTION is missing on purpose. It's intended for transaction managers,
        // not for manual use in interactive sessions.

        // REASSIGN OWNED BY xxx TO yyy
        CompletionRule(.matches("REASSIGN"), offer: .with("OWNED BY")),
        CompletionRule(.matches("REASSIGN", "OWNED"), offer: .with("BY")),
        CompletionRule(.matches("REASSIGN", "OWNED", "BY"), offer: .query(.roles)),
        CompletionRule(.matches("REASSIGN", "OWNED", "BY", .any), offer: .with("TO")),
        CompletionRule(.matches("REASSIGN", "OWNED", "BY", .any, "TO"), offer: .query(.roles)),

        // REFRESH MATERIALIZED VIEW
        CompletionRule(.matches("REFRESH"), offer: .with("MATERIALIZED VIEW")),
        CompletionRule(.matches("REFRESH", "MATERIALIZED"), offer: .with("VIEW")),
        CompletionRule(
            .matches("REFRESH", "MATERIALIZED", "VIEW"), offer: .query(.relations(.materializedViews, schema: nil), "CONCURRENTLY")),
        CompletionRule(
            .matches("REFRESH", "MATERIALIZED", "VIEW", "CONCURRENTLY"), offer: .query(.relations(.materializedViews, schema: nil))),
        CompletionRule(.matches("REFRESH", "MATERIALIZED", "VIEW", .any), offer: .with("WITH")),
        CompletionRule(.matches("REFRESH", "MATERIALIZED", "VIEW", "CONCURRENTLY", .any), offer: .with("WITH")),
        CompletionRule(.matches("REFRESH", "MATERIALIZED", "VIEW", .any, "WITH"), offer: .with("NO DATA", "DATA")),
        CompletionRule(.matches("REFRESH", "MATERIALIZED", "VIEW", "CONCURRENTLY", .any, "WITH"), offer: .with("NO DATA", "DATA")),
        CompletionRule(.matches("REFRESH", "MATERIALIZED", "VIEW", .any, "WITH", "NO"), offer: .with("DATA")),
        CompletionRule(.matches("REFRESH", "MATERIALIZED", "VIEW", "CONCURRENTLY", .any, "WITH", "NO"), offer: .with("DATA")),

        // REINDEX
        CompletionRule(
            .matches("REINDEX"), .matches("REINDEX", "(*)"),
            offer: .with("TABLE", "INDEX", "SYSTEM", "SCHEMA", "DATABASE")),
        CompletionRule(
            .matches("REINDEX", "TABLE"), .matches("REINDEX", "(*)", "TABLE"),
            offer: .query(.relations(.indexables, schema: nil), "CONCURRENTLY")),
        CompletionRule(
            .matches("REINDEX", "INDEX"), .matches("REINDEX", "(*)", "INDEX"),
            offer: .query(.relations(.indexes, schema: nil), "CONCURRENTLY")),
        CompletionRule(
            .matches("REINDEX", "SCHEMA"), .matches("REINDEX", "(*)", "SCHEMA"),
            offer: .query(.schemas, "CONCURRENTLY")),
        CompletionRule(
            .matches("REINDEX", "SYSTEM|DATABASE"), .matches("REINDEX", "(*)", "SYSTEM|DATABASE"),
            offer: .query(.databases, "CONCURRENTLY")),
        CompletionRule(
            .matches("REINDEX", "TABLE", "CONCURRENTLY"), .matches("REINDEX", "(*)", "TABLE", "CONCURRENTLY"),
            offer: .query(.relations(.indexables, schema: nil))),
        CompletionRule(
            .matches("REINDEX", "INDEX", "CONCURRENTLY"), .matches("REINDEX", "(*)", "INDEX", "CONCURRENTLY"),
            offer: .query(.relations(.indexes, schema: nil))),
        CompletionRule(
            .matches("REINDEX", "SCHEMA", "CONCURRENTLY"), .matches("REINDEX", "(*)", "SCHEMA", "CONCURRENTLY"),
            offer: .query(.schemas)),
        CompletionRule(
            .matches("REINDEX", "SYSTEM|DATABASE", "CONCURRENTLY"), .matches("REINDEX", "(*)", "SYSTEM|DATABASE", "CONCURRENTLY"),
            offer: .query(.databases)),
        CompletionRule(
            .headMatches("REINDEX", "(*"), when: { !$0.headMatches("REINDEX", "(*)") },
            offer: .body { c in
                // This fires if we're in an unfinished parenthesized option list.
                // get_previous_words treats a completed parenthesized option list as one word,
                // so the above test is correct.
                if RuleContext.endsWith(c.previous(1), "(") || RuleContext.endsWith(c.previous(1), ",") {
                    return c.with("CONCURRENTLY", "TABLESPACE", "VERBOSE")
                } else if c.tailMatches("TABLESPACE") {
                    return c.query(.tablespaces)
                }
                return nil
            }),

        // REPACK: PostgreSQL 19's; psql 18 has none of its seven rules (nor the generic
        // `... <sth> USING INDEX` rule among them), so they are left out.
    ]
}
