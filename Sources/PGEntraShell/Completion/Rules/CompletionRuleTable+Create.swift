extension CompletionRuleTable {
    /// tab-complete.c, from `/* CREATE */` on.
    static let create: [CompletionRule] = [
        // Complete with something you can create. If CREATE is a privilege name, leave it to the
        // GRANT/REVOKE rules below.
        CompletionRule(
            .tailMatches("CREATE"),
            when: { !$0.tailMatches("GRANT|REVOKE", "CREATE") && !$0.tailMatches("REVOKE", "GRANT", "OPTION", "FOR", "CREATE") },
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
}
