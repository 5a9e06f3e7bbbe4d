extension CompletionRuleTable {
    /// tab-complete.c, from ALTER TABLE ... REPLICA IDENTITY USING through ALTER TABLESPACE,
    /// ALTER TEXT SEARCH, ALTER TYPE and ALTER GROUP.
    static let alterTableTailStatements: [CompletionRule] = [
        CompletionRule(
            .matches("ALTER", "TABLE", .any, "REPLICA", "IDENTITY", "USING"),
            offer: .with("INDEX")),
        CompletionRule(
            .matches("ALTER", "TABLE", .any, "REPLICA", "IDENTITY"),
            offer: .with("FULL", "NOTHING", "DEFAULT", "USING")),
        CompletionRule(
            .matches("ALTER", "TABLE", .any, "REPLICA"),
            offer: .with("IDENTITY")),

        // If we have ALTER TABLE <foo> ATTACH PARTITION, provide a list of tables.
        CompletionRule(
            .matches("ALTER", "TABLE", .any, "ATTACH", "PARTITION"),
            offer: .query(.relations(.tables, schema: nil))),
        // Limited completion support for partition bound specification
        CompletionRule(
            .tailMatches("ATTACH", "PARTITION", .any),
            offer: .with("FOR VALUES", "DEFAULT")),
        CompletionRule(
            .tailMatches("FOR", "VALUES"),
            offer: .with("FROM (", "IN (", "WITH (")),

        // If we have ALTER TABLE <foo> DETACH PARTITION, provide a list of partitions of <foo>.
        CompletionRule(
            .matches("ALTER", "TABLE", .any, "DETACH", "PARTITION"),
            offer: .body { c in c.query(.named(.partitionOfTable, reference: c.previous(3))) }),
        CompletionRule(
            .matches("ALTER", "TABLE", .any, "DETACH", "PARTITION", .any),
            offer: .with("CONCURRENTLY", "FINALIZE")),

        // ALTER TABLE <name> OF
        CompletionRule(
            .matches("ALTER", "TABLE", .any, "OF"),
            offer: .query(.schemaList(.compositeDatatypes, schema: nil))),

        // ALTER TABLESPACE <foo> with RENAME TO, OWNER TO, SET, RESET
        CompletionRule(
            .matches("ALTER", "TABLESPACE", .any),
            offer: .with("RENAME TO", "OWNER TO", "SET", "RESET")),
        // ALTER TABLESPACE <foo> SET|RESET
        CompletionRule(
            .matches("ALTER", "TABLESPACE", .any, "SET|RESET"),
            offer: .with("(")),
        // ALTER TABLESPACE <foo> SET|RESET (
        CompletionRule(
            .matches("ALTER", "TABLESPACE", .any, "SET|RESET", "("),
            offer: .with("seq_page_cost", "random_page_cost", "effective_io_concurrency", "maintenance_io_concurrency")),

        // ALTER TEXT SEARCH
        CompletionRule(
            .matches("ALTER", "TEXT", "SEARCH"),
            offer: .with("CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE")),
        CompletionRule(
            .matches("ALTER", "TEXT", "SEARCH", "TEMPLATE|PARSER", .any),
            offer: .with("RENAME TO", "SET SCHEMA")),
        CompletionRule(
            .matches("ALTER", "TEXT", "SEARCH", "DICTIONARY", .any),
            offer: .with("(", "OWNER TO", "RENAME TO", "SET SCHEMA")),
        CompletionRule(
            .matches("ALTER", "TEXT", "SEARCH", "CONFIGURATION", .any),
            offer: .with("ADD MAPPING FOR", "ALTER MAPPING", "DROP MAPPING FOR", "OWNER TO", "RENAME TO", "SET SCHEMA")),

        // complete ALTER TYPE <foo> with actions
        CompletionRule(
            .matches("ALTER", "TYPE", .any),
            offer: .with("ADD ATTRIBUTE", "ADD VALUE", "ALTER ATTRIBUTE", "DROP ATTRIBUTE", "OWNER TO", "RENAME", "SET SCHEMA", "SET (")),
        // complete ALTER TYPE <foo> ADD with actions
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "ADD"),
            offer: .with("ATTRIBUTE", "VALUE")),
        // ALTER TYPE <foo> RENAME
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "RENAME"),
            offer: .with("ATTRIBUTE", "TO", "VALUE")),
        // ALTER TYPE xxx RENAME (ATTRIBUTE|VALUE) yyy
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "RENAME", "ATTRIBUTE|VALUE", .any),
            offer: .with("TO")),
        // ALTER TYPE xxx RENAME ATTRIBUTE yyy TO zzz
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "RENAME", "ATTRIBUTE", .any, "TO", .any),
            offer: .with("CASCADE", "RESTRICT")),

        // If we have ALTER TYPE <sth> ALTER/DROP/RENAME ATTRIBUTE, provide list of attributes
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "ALTER|DROP|RENAME", "ATTRIBUTE"),
            offer: .attributes(of: 3)),
        // complete ALTER TYPE ADD ATTRIBUTE <foo> with list of types
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "ADD", "ATTRIBUTE", .any),
            offer: .query(.schemaList(.datatypes, schema: nil))),
        // complete ALTER TYPE ADD ATTRIBUTE <foo> <footype> with CASCADE/RESTRICT
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "ADD", "ATTRIBUTE", .any, .any),
            offer: .with("CASCADE", "RESTRICT")),
        // complete ALTER TYPE DROP ATTRIBUTE <foo> with CASCADE/RESTRICT
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "DROP", "ATTRIBUTE", .any),
            offer: .with("CASCADE", "RESTRICT")),
        // ALTER TYPE ALTER ATTRIBUTE <foo>
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "ALTER", "ATTRIBUTE", .any),
            offer: .with("TYPE")),
        // ALTER TYPE ALTER ATTRIBUTE <foo> TYPE <footype>
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "ALTER", "ATTRIBUTE", .any, "TYPE", .any),
            offer: .with("CASCADE", "RESTRICT")),
        // complete ALTER TYPE <sth> RENAME VALUE with list of enum values
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "RENAME", "VALUE"),
            offer: .body { c in c.completer.enumLabels(of: c.previous(3)) }),
        // ALTER TYPE <foo> SET
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "SET"),
            offer: .with("(", "SCHEMA")),
        // complete ALTER TYPE <foo> SET ( with settable properties
        CompletionRule(
            .matches("ALTER", "TYPE", .any, "SET", "("),
            offer: .with("ANALYZE", "RECEIVE", "SEND", "STORAGE", "SUBSCRIPT", "TYPMOD_IN", "TYPMOD_OUT")),

        // complete ALTER GROUP <foo>
        CompletionRule(
            .matches("ALTER", "GROUP", .any),
            offer: .with("ADD USER", "DROP USER", "RENAME TO")),
        // complete ALTER GROUP <foo> ADD|DROP with USER
        CompletionRule(
            .matches("ALTER", "GROUP", .any, "ADD|DROP"),
            offer: .with("USER")),
        // complete ALTER GROUP <foo> ADD|DROP USER with a user name
        CompletionRule(
            .matches("ALTER", "GROUP", .any, "ADD|DROP", "USER"),
            offer: .query(.roles)),
    ]

    /// The lists this section's rule bodies ask for.
    static let alterTableTailBodyQueries: [CatalogQuery] = [.named(.partitionOfTable, reference: nil)]
}
