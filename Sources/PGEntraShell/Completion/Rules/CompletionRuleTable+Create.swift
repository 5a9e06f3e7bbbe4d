extension CompletionRuleTable {
    /// tab-complete.c, from `/* CREATE */` on.
    static let create: [CompletionRule] = [
        // complete with something you can create (psql 18 also after GRANT CREATE, which 19
        // leaves to the GRANT/REVOKE rules)
        CompletionRule(
            .tailMatches("CREATE"),
            offer: .body { c in
                // only some object types can be created as part of CREATE SCHEMA
                if c.headMatches("CREATE", "SCHEMA") {
                    return c.with("TABLE", "VIEW", "INDEX", "SEQUENCE", "TRIGGER", "UNIQUE", "UNLOGGED")
                }
                // create_command_generator: words_after_create without its THING_NO_CREATE entries.
                let creatable = CompletionVocabulary.objectKinds.filter { $0 != "ROUTINE" }
                return c.with(creatable + ["OR REPLACE", "TEMP", "TEMPORARY", "UNIQUE", "UNLOGGED"])
            }),
        // complete with something you can create or replace
        CompletionRule(
            .tailMatches("CREATE", "OR", "REPLACE"),
            offer: .with("FUNCTION", "PROCEDURE", "LANGUAGE", "RULE", "VIEW", "AGGREGATE", "TRANSFORM", "TRIGGER")),
    ]

    /// tab-complete.c, `/* DROP, ... */` and the first `/* ALTER */` rules, up to ALTER ...
    /// ALL IN TABLESPACE (the rules before the ALTER statements' own).
    static let dropAndAlter: [CompletionRule] = [
        // DROP, but not DROP embedded in other commands
        // complete with something you can drop (drop_command_generator: words_after_create
        // without THING_NO_DROP, so OWNED is offered and TEMP, UNIQUE, OR REPLACE are not)
        CompletionRule(.matches("DROP"), offer: .list(CompletionVocabulary.objectKinds + ["OWNED"])),

        // ALTER TABLE
        CompletionRule(.matches("ALTER", "TABLE"), offer: .query(.relations(.tables, schema: nil), "ALL IN TABLESPACE")),

        // ALTER something (alter_command_generator: words_after_create without
        // THING_NO_ALTER, so DEFAULT PRIVILEGES, LARGE OBJECT and SYSTEM are offered and
        // ACCESS METHOD and TRANSFORM are not)
        CompletionRule(.matches("ALTER"), offer: .list(CompletionRuleTable.alterCommandWords)),
        // ALTER TABLE,INDEX,MATERIALIZED VIEW ALL IN TABLESPACE xxx
        CompletionRule(.tailMatches("ALL", "IN", "TABLESPACE", .any), offer: .with("SET TABLESPACE", "OWNED BY")),
        // ALTER TABLE,INDEX,MATERIALIZED VIEW ALL IN TABLESPACE xxx OWNED BY
        CompletionRule(.tailMatches("ALL", "IN", "TABLESPACE", .any, "OWNED", "BY"), offer: .query(.roles)),
        // ALTER TABLE,INDEX,MATERIALIZED VIEW ALL IN TABLESPACE xxx OWNED BY xxx
        CompletionRule(.tailMatches("ALL", "IN", "TABLESPACE", .any, "OWNED", "BY", .any), offer: .with("SET TABLESPACE")),
    ]

    /// What alter_command_generator offers after ALTER: psql's words_after_create but those
    /// flagged THING_NO_ALTER, in psql's (alphabetical) order.
    static let alterCommandWords: [String] =
        (CompletionVocabulary.objectKinds.filter { $0 != "ACCESS METHOD" && $0 != "TRANSFORM" }
            + ["DEFAULT PRIVILEGES", "LARGE OBJECT", "SYSTEM"]).sorted()
}
