extension CompletionRuleTable {
    /// tab-complete.c, from SECURITY LABEL through SET CONSTRAINTS and SET SESSION.
    static let securityLabelToSet: [CompletionRule] = [
        // SECURITY LABEL
        CompletionRule(.matches("SECURITY"), offer: .with("LABEL")),
        CompletionRule(.matches("SECURITY", "LABEL"), offer: .with("ON", "FOR")),
        CompletionRule(.matches("SECURITY", "LABEL", "FOR", .any), offer: .with("ON")),
        CompletionRule(
            .matches("SECURITY", "LABEL", "ON"), .matches("SECURITY", "LABEL", "FOR", .any, "ON"),
            offer: .with(
                "TABLE", "COLUMN", "AGGREGATE", "DATABASE", "DOMAIN", "EVENT TRIGGER", "FOREIGN TABLE", "FUNCTION",
                "LARGE OBJECT", "MATERIALIZED VIEW", "LANGUAGE", "PUBLICATION", "PROCEDURE", "ROLE", "ROUTINE", "SCHEMA",
                "SEQUENCE", "SUBSCRIPTION", "TABLESPACE", "TYPE", "VIEW")),
        CompletionRule(.matches("SECURITY", "LABEL", "ON", .any, .any), offer: .with("IS")),

        // SELECT
        // naah . . .

        // SET, RESET, SHOW
        // Complete with a variable name
        CompletionRule(
            .tailMatches("SET|RESET"),
            when: { !$0.tailMatches("UPDATE", .any, "SET") && !$0.tailMatches("ALTER", "DATABASE|USER|ROLE", .any, "RESET") },
            offer: .query(.settings(settable: true), "CONSTRAINTS", "TRANSACTION", "SESSION", "ROLE", "TABLESPACE", "ALL")),
        CompletionRule(.matches("SHOW"), offer: .query(.settings(settable: false), "SESSION AUTHORIZATION", "ALL")),
        CompletionRule(.matches("SHOW", "SESSION"), offer: .with("AUTHORIZATION")),
        // Complete "SET TRANSACTION"
        CompletionRule(
            .matches("SET", "TRANSACTION"), offer: .with("SNAPSHOT", "ISOLATION LEVEL", "READ", "DEFERRABLE", "NOT DEFERRABLE")),
        CompletionRule(
            .matches("BEGIN|START", "TRANSACTION"),
            .matches("BEGIN", "WORK"),
            .matches("BEGIN"),
            .matches("SET", "SESSION", "CHARACTERISTICS", "AS", "TRANSACTION"),
            offer: .with("ISOLATION LEVEL", "READ", "DEFERRABLE", "NOT DEFERRABLE")),
        CompletionRule(
            .matches("SET|BEGIN|START", "TRANSACTION|WORK", "NOT"),
            .matches("BEGIN", "NOT"),
            .matches("SET", "SESSION", "CHARACTERISTICS", "AS", "TRANSACTION", "NOT"),
            offer: .with("DEFERRABLE")),
        CompletionRule(
            .matches("SET|BEGIN|START", "TRANSACTION|WORK", "ISOLATION"),
            .matches("BEGIN", "ISOLATION"),
            .matches("SET", "SESSION", "CHARACTERISTICS", "AS", "TRANSACTION", "ISOLATION"),
            offer: .with("LEVEL")),
        CompletionRule(
            .matches("SET|BEGIN|START", "TRANSACTION|WORK", "ISOLATION", "LEVEL"),
            .matches("BEGIN", "ISOLATION", "LEVEL"),
            .matches("SET", "SESSION", "CHARACTERISTICS", "AS", "TRANSACTION", "ISOLATION", "LEVEL"),
            offer: .with("READ", "REPEATABLE READ", "SERIALIZABLE")),
        CompletionRule(
            .matches("SET|BEGIN|START", "TRANSACTION|WORK", "ISOLATION", "LEVEL", "READ"),
            .matches("BEGIN", "ISOLATION", "LEVEL", "READ"),
            .matches("SET", "SESSION", "CHARACTERISTICS", "AS", "TRANSACTION", "ISOLATION", "LEVEL", "READ"),
            offer: .with("UNCOMMITTED", "COMMITTED")),
        CompletionRule(
            .matches("SET|BEGIN|START", "TRANSACTION|WORK", "ISOLATION", "LEVEL", "REPEATABLE"),
            .matches("BEGIN", "ISOLATION", "LEVEL", "REPEATABLE"),
            .matches("SET", "SESSION", "CHARACTERISTICS", "AS", "TRANSACTION", "ISOLATION", "LEVEL", "REPEATABLE"),
            offer: .with("READ")),
        CompletionRule(
            .matches("SET|BEGIN|START", "TRANSACTION|WORK", "READ"),
            .matches("BEGIN", "READ"),
            .matches("SET", "SESSION", "CHARACTERISTICS", "AS", "TRANSACTION", "READ"),
            offer: .with("ONLY", "WRITE")),
        // SET CONSTRAINTS
        CompletionRule(.matches("SET", "CONSTRAINTS"), offer: .query(.schemaList(.constraintsWithSchema, schema: nil), "ALL")),
        // Complete SET CONSTRAINTS <foo> with DEFERRED|IMMEDIATE
        CompletionRule(.matches("SET", "CONSTRAINTS", .any), offer: .with("DEFERRED", "IMMEDIATE")),
        // Complete SET ROLE
        CompletionRule(.matches("SET", "ROLE"), offer: .query(.roles)),
        // Complete SET SESSION with AUTHORIZATION or CHARACTERISTICS...
        CompletionRule(.matches("SET", "SESSION"), offer: .with("AUTHORIZATION", "CHARACTERISTICS AS TRANSACTION")),
        // Complete SET SESSION AUTHORIZATION with username
        CompletionRule(.matches("SET", "SESSION", "AUTHORIZATION"), offer: .query(.roles, "DEFAULT")),
        // Complete RESET SESSION with AUTHORIZATION
        CompletionRule(.matches("RESET", "SESSION"), offer: .with("AUTHORIZATION")),
        // Complete SET <var> with "TO"
        CompletionRule(.matches("SET", .any), offer: .with("TO")),
        // Complete ALTER DATABASE|FUNCTION|PROCEDURE|ROLE|ROUTINE|USER ... SET <name>
        CompletionRule(
            .matches("ALTER", "DATABASE|FUNCTION|PROCEDURE|ROLE|ROUTINE|USER", .anyN, "SET", .word("!SCHEMA")),
            offer: .with("FROM CURRENT", "TO")),
        // Suggest possible variable values in SET variable TO|=, along with the preceding
        // ALTER syntaxes.
        CompletionRule(
            .tailMatches("SET", .any, "TO|="), when: { !$0.tailMatches("UPDATE", .any, "SET", .any, "TO|=") },
            offer: .body { c in
                // psql's special cases (DateStyle, search_path, TimeZone), then get_guctype's
                // generic, type-based support. If we don't recognize the GUC name, offer
                // nothing: most likely this isn't a GUC-setting command at all.
                c.completer.settingValues(c.previous(2), word: c.text)
            }),
    ]

    /// tab-complete.c, from START TRANSACTION through `AT TIME ZONE`, the last SQL rules.
    static let startToAt: [CompletionRule] = [
        // START TRANSACTION
        CompletionRule(.matches("START"), offer: .with("TRANSACTION")),

        // TABLE, but not TABLE embedded in other commands
        CompletionRule(.matches("TABLE"), offer: .query(.relations(.selectable, schema: nil))),

        // TABLESAMPLE
        CompletionRule(.tailMatches("TABLESAMPLE"), offer: .query(.named(.tablesampleMethods, reference: nil))),
        CompletionRule(.tailMatches("TABLESAMPLE", .any), offer: .with("(")),

        // TRUNCATE
        CompletionRule(.matches("TRUNCATE"), offer: .query(.relations(.truncatables, schema: nil), "TABLE", "ONLY")),
        CompletionRule(.matches("TRUNCATE", "TABLE"), offer: .query(.relations(.truncatables, schema: nil), "ONLY")),
        CompletionRule(.matches("TRUNCATE", .anyN, "ONLY"), offer: .query(.relations(.truncatables, schema: nil))),
        CompletionRule(
            .matches("TRUNCATE", .any),
            .matches("TRUNCATE", "TABLE|ONLY", .any),
            .matches("TRUNCATE", "TABLE", "ONLY", .any),
            offer: .with("RESTART IDENTITY", "CONTINUE IDENTITY", "CASCADE", "RESTRICT")),
        CompletionRule(.matches("TRUNCATE", .anyN, "IDENTITY"), offer: .with("CASCADE", "RESTRICT")),

        // UNLISTEN
        CompletionRule(.matches("UNLISTEN"), offer: .query(.named(.channels, reference: nil), "*")),

        // UPDATE --- can be inside EXPLAIN, RULE, etc
        // If prev. word is UPDATE suggest a list of tables
        CompletionRule(.tailMatches("UPDATE"), offer: .query(.relations(.updatable, schema: nil))),
        // Complete UPDATE <table> with "SET"
        CompletionRule(.tailMatches("UPDATE", .any), offer: .with("SET")),
        // Complete UPDATE <table> SET with list of attributes
        CompletionRule(.tailMatches("UPDATE", .any, "SET"), offer: .attributes(of: 2)),
        // UPDATE <table> SET <attr> =
        CompletionRule(.tailMatches("UPDATE", .any, "SET", .word("!*=")), offer: .with("=")),

        // USER MAPPING
        CompletionRule(.matches("ALTER|CREATE|DROP", "USER", "MAPPING"), offer: .with("FOR")),
        CompletionRule(
            .matches("CREATE", "USER", "MAPPING", "FOR"),
            offer: .query(.roles, "CURRENT_ROLE", "CURRENT_USER", "PUBLIC", "USER")),
        CompletionRule(.matches("ALTER|DROP", "USER", "MAPPING", "FOR"), offer: .query(.named(.userMappings, reference: nil))),
        CompletionRule(.matches("CREATE|ALTER|DROP", "USER", "MAPPING", "FOR", .any), offer: .with("SERVER")),
        CompletionRule(.matches("CREATE|ALTER", "USER", "MAPPING", "FOR", .any, "SERVER", .any), offer: .with("OPTIONS")),

        // VACUUM [ ( option [, ...] ) ] [ [ ONLY ] table_and_columns [, ...] ]
        // VACUUM [ FULL ] [ FREEZE ] [ VERBOSE ] [ ANALYZE ] [ [ ONLY ] table_and_columns [, ...] ]
        CompletionRule(
            .matches("VACUUM"),
            offer: .query(.relations(.indexables, schema: nil), "(", "FULL", "FREEZE", "VERBOSE", "ANALYZE", "ONLY")),
        CompletionRule(
            .headMatches("VACUUM", "(*"), when: { !$0.headMatches("VACUUM", "(*)") },
            offer: .body { c in
                // This fires if we're in an unfinished parenthesized option list.
                // get_previous_words treats a completed parenthesized option list as one word,
                // so the above test is correct.
                if RuleContext.endsWith(c.previous(1), "(") || RuleContext.endsWith(c.previous(1), ",") {
                    return c.with(
                        "FULL", "FREEZE", "ANALYZE", "VERBOSE", "DISABLE_PAGE_SKIPPING", "SKIP_LOCKED", "INDEX_CLEANUP",
                        "PROCESS_MAIN", "PROCESS_TOAST", "TRUNCATE", "PARALLEL", "SKIP_DATABASE_STATS",
                        "ONLY_DATABASE_STATS", "BUFFER_USAGE_LIMIT")
                } else if c.tailMatches(
                    "FULL|FREEZE|ANALYZE|VERBOSE|DISABLE_PAGE_SKIPPING|SKIP_LOCKED|PROCESS_MAIN|PROCESS_TOAST|TRUNCATE|SKIP_DATABASE_STATS|ONLY_DATABASE_STATS")
                {
                    return c.with("ON", "OFF")
                } else if c.tailMatches("INDEX_CLEANUP") {
                    return c.with("AUTO", "ON", "OFF")
                }
                return nil
            }),
        CompletionRule(.matches("VACUUM", "(*)"), offer: .query(.relations(.indexables, schema: nil), "ONLY")),
        CompletionRule(
            .matches("VACUUM", "FULL"),
            offer: .query(.relations(.indexables, schema: nil), "FREEZE", "VERBOSE", "ANALYZE", "ONLY")),
        CompletionRule(
            .matches("VACUUM", .anyN, "FREEZE"), offer: .query(.relations(.indexables, schema: nil), "VERBOSE", "ANALYZE", "ONLY")),
        CompletionRule(.matches("VACUUM", .anyN, "VERBOSE"), offer: .query(.relations(.indexables, schema: nil), "ANALYZE", "ONLY")),
        CompletionRule(.matches("VACUUM", .anyN, "ANALYZE"), offer: .query(.relations(.indexables, schema: nil), "ONLY")),
        // "VACUUM (" should be caught above, so assume we want columns
        CompletionRule(.matches("VACUUM", .anyN, "("), offer: .attributes(of: 2)),
        CompletionRule(.headMatches("VACUUM"), offer: .query(.relations(.indexables, schema: nil))),

        // WAIT FOR LSN: PostgreSQL 19's; psql 18 has none of its six rules, so they are left out.

        // WITH [RECURSIVE]
        // Only match when WITH is the first word, as WITH may appear in many other contexts.
        CompletionRule(.matches("WITH"), offer: .with("RECURSIVE")),

        // WHERE
        // Simple case of the word before the where being the table name
        CompletionRule(.tailMatches(.any, "WHERE"), offer: .attributes(of: 2)),

        // ... FROM ...
        // TODO: also include SRF ?
        CompletionRule(
            .tailMatches("FROM"), when: { !$0.matches("COPY|\\copy", .any, "FROM") },
            offer: .query(.relations(.selectable, schema: nil))),

        // ... JOIN ...
        CompletionRule(.tailMatches("JOIN"), offer: .query(.relations(.selectable, schema: nil), "LATERAL")),
        CompletionRule(
            .tailMatches("JOIN", .any), when: { !$0.tailMatches("CROSS|NATURAL", "JOIN", .any) }, offer: .with("ON", "USING (")),
        CompletionRule(
            .tailMatches("JOIN", .any, .any),
            when: { !$0.tailMatches("CROSS|NATURAL", "JOIN", .any, .any) && !$0.tailMatches("ON|USING") },
            offer: .with("ON", "USING (")),
        CompletionRule(
            .tailMatches("JOIN", "LATERAL", .any, .any),
            when: { !$0.tailMatches("CROSS|NATURAL", "JOIN", "LATERAL", .any, .any) && !$0.tailMatches("ON|USING") },
            offer: .with("ON", "USING (")),
        CompletionRule(
            .tailMatches("JOIN", .any, "USING"),
            .tailMatches("JOIN", .any, .any, "USING"),
            .tailMatches("JOIN", "LATERAL", .any, .any, "USING"),
            offer: .with("(")),
        CompletionRule(.tailMatches("JOIN", .any, "USING", "("), offer: .attributes(of: 3)),
        CompletionRule(.tailMatches("JOIN", .any, .any, "USING", "("), offer: .attributes(of: 4)),

        // ... AT [ LOCAL | TIME ZONE ] ...
        CompletionRule(.tailMatches("AT"), offer: .with("LOCAL", "TIME ZONE")),
        CompletionRule(.tailMatches("AT", "TIME", "ZONE"), offer: .body { c in c.completer.timeZones(word: c.text) }),
    ]
}
