extension CompletionRuleTable {
    /// tab-complete.c's CREATE ACCESS METHOD, COLLATION, DATABASE, DOMAIN, EXTENSION, FOREIGN,
    /// INDEX, OR REPLACE and POLICY rules.
    static let createAccessMethodToPolicyStatements: [CompletionRule] = [
        // CREATE ACCESS METHOD
        // Complete "CREATE ACCESS METHOD <name>"
        CompletionRule(
            .matches("CREATE", "ACCESS", "METHOD", .any),
            offer: .with("TYPE")),
        // Complete "CREATE ACCESS METHOD <name> TYPE"
        CompletionRule(
            .matches("CREATE", "ACCESS", "METHOD", .any, "TYPE"),
            offer: .with("INDEX", "TABLE")),
        // Complete "CREATE ACCESS METHOD <name> TYPE <type>"
        CompletionRule(
            .matches("CREATE", "ACCESS", "METHOD", .any, "TYPE", .any),
            offer: .with("HANDLER")),

        // CREATE COLLATION
        CompletionRule(
            .matches("CREATE", "COLLATION", .any),
            offer: .with("(", "FROM")),
        CompletionRule(
            .matches("CREATE", "COLLATION", .any, "FROM"),
            offer: .query(.schemaList(.collations, schema: nil))),
        CompletionRule(
            .headMatches("CREATE", "COLLATION", .any, "(*"),
            offer: .body { c in
                if c.tailMatches("(|*,") {
                    return c.with("LOCALE =", "LC_COLLATE =", "LC_CTYPE =", "PROVIDER =", "DETERMINISTIC =")
                }
                if c.tailMatches("PROVIDER", "=") { return c.with("libc", "icu") }
                if c.tailMatches("DETERMINISTIC", "=") { return c.with("true", "false") }
                return nil
            }),

        // CREATE DATABASE
        CompletionRule(
            .matches("CREATE", "DATABASE", .any),
            offer: .with(
                "OWNER", "TEMPLATE", "ENCODING", "TABLESPACE", "IS_TEMPLATE", "STRATEGY", "ALLOW_CONNECTIONS",
                "CONNECTION LIMIT", "LC_COLLATE", "LC_CTYPE", "LOCALE", "OID", "LOCALE_PROVIDER", "ICU_LOCALE")),
        CompletionRule(
            .matches("CREATE", "DATABASE", .any, "TEMPLATE"),
            offer: .query(.named(.templateDatabases, reference: nil))),
        CompletionRule(
            .matches("CREATE", "DATABASE", .any, "STRATEGY"),
            offer: .with("WAL_LOG", "FILE_COPY")),

        // CREATE DOMAIN
        CompletionRule(
            .matches("CREATE", "DOMAIN", .any),
            offer: .with("AS")),
        CompletionRule(
            .matches("CREATE", "DOMAIN", .any, "AS"),
            offer: .query(.schemaList(.datatypes, schema: nil))),
        CompletionRule(
            .matches("CREATE", "DOMAIN", .any, "AS", .any),
            offer: .with("COLLATE", "DEFAULT", "CONSTRAINT", "NOT NULL", "NULL", "CHECK (")),
        CompletionRule(
            .matches("CREATE", "DOMAIN", .any, "COLLATE"),
            offer: .query(.schemaList(.collations, schema: nil))),

        // CREATE EXTENSION
        // Complete with available extensions rather than installed ones.
        CompletionRule(
            .matches("CREATE", "EXTENSION"),
            offer: .query(.named(.availableExtensions, reference: nil))),
        // CREATE EXTENSION <name>
        CompletionRule(
            .matches("CREATE", "EXTENSION", .any),
            offer: .with("WITH SCHEMA", "CASCADE", "VERSION")),
        // CREATE EXTENSION <name> VERSION
        CompletionRule(
            .matches("CREATE", "EXTENSION", .any, "VERSION"),
            offer: .body { c in c.query(.named(.availableExtensionVersions, reference: c.previous(2))) }),

        // CREATE FOREIGN
        CompletionRule(
            .matches("CREATE", "FOREIGN"),
            offer: .with("DATA WRAPPER", "TABLE")),

        // CREATE FOREIGN DATA WRAPPER
        // (psql 19 offers CONNECTION too, a clause PostgreSQL 18 does not have.)
        CompletionRule(
            .matches("CREATE", "FOREIGN", "DATA", "WRAPPER", .any),
            offer: .with("HANDLER", "OPTIONS", "VALIDATOR")),

        // CREATE FOREIGN TABLE
        CompletionRule(
            .matches("CREATE", "FOREIGN", "TABLE", .any),
            offer: .with("(", "PARTITION OF")),

        // CREATE INDEX --- is allowed inside CREATE SCHEMA, so use TailMatches
        // First off we complete CREATE UNIQUE with "INDEX"
        CompletionRule(
            .tailMatches("CREATE", "UNIQUE"),
            offer: .with("INDEX")),

        // If we have CREATE|UNIQUE INDEX, then add "ON", "CONCURRENTLY", and existing indexes
        CompletionRule(
            .tailMatches("CREATE|UNIQUE", "INDEX"),
            offer: .query(.relations(.indexes, schema: nil), "ON", "CONCURRENTLY")),

        // Complete ... INDEX|CONCURRENTLY [<name>] ON with a list of relations that indexes can
        // be created on
        CompletionRule(
            .tailMatches("INDEX|CONCURRENTLY", .any, "ON"), .tailMatches("INDEX|CONCURRENTLY", "ON"),
            offer: .query(.relations(.indexables, schema: nil))),

        // Complete CREATE|UNIQUE INDEX CONCURRENTLY with "ON" and existing indexes
        CompletionRule(
            .tailMatches("CREATE|UNIQUE", "INDEX", "CONCURRENTLY"),
            offer: .query(.relations(.indexes, schema: nil), "ON")),
        // Complete CREATE|UNIQUE INDEX [CONCURRENTLY] <sth> with "ON"
        CompletionRule(
            .tailMatches("CREATE|UNIQUE", "INDEX", .any), .tailMatches("CREATE|UNIQUE", "INDEX", "CONCURRENTLY", .any),
            offer: .with("ON")),

        // Complete INDEX <name> ON <table> with a list of table columns (which should really be
        // in parens)
        CompletionRule(
            .tailMatches("INDEX", .any, "ON", .any), .tailMatches("INDEX|CONCURRENTLY", "ON", .any),
            offer: .with("(", "USING")),
        CompletionRule(
            .tailMatches("INDEX", .any, "ON", .any, "("), .tailMatches("INDEX|CONCURRENTLY", "ON", .any, "("),
            offer: .attributes(of: 2)),
        // same if you put in USING
        CompletionRule(
            .tailMatches("ON", .any, "USING", .any, "("),
            offer: .attributes(of: 4)),
        // Complete USING with an index method
        CompletionRule(
            .tailMatches("INDEX", .any, .any, "ON", .any, "USING"),
            .tailMatches("INDEX", .any, "ON", .any, "USING"),
            .tailMatches("INDEX", "ON", .any, "USING"),
            offer: .query(.named(.indexAccessMethods, reference: nil))),
        CompletionRule(
            .tailMatches("ON", .any, "USING", .any),
            when: { !$0.tailMatches("POLICY", .any, .any, .any, .any, .any) && !$0.tailMatches("FOR", .any, .any, .any) },
            offer: .with("(")),

        // CREATE OR REPLACE
        CompletionRule(
            .matches("CREATE", "OR"),
            offer: .with("REPLACE")),

        // CREATE POLICY
        // Complete "CREATE POLICY <name> ON"
        CompletionRule(
            .matches("CREATE", "POLICY", .any),
            offer: .with("ON")),
        // Complete "CREATE POLICY <name> ON <table>"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON"),
            offer: .query(.relations(.tables, schema: nil))),
        // Complete "CREATE POLICY <name> ON <table> AS|FOR|TO|USING|WITH CHECK"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any),
            offer: .with("AS", "FOR", "TO", "USING (", "WITH CHECK (")),
        // CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS"),
            offer: .with("PERMISSIVE", "RESTRICTIVE")),

        // CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE FOR|TO|USING|WITH CHECK
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS", .any),
            offer: .with("FOR", "TO", "USING", "WITH CHECK")),
        // CREATE POLICY <name> ON <table> FOR ALL|SELECT|INSERT|UPDATE|DELETE
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "FOR"),
            offer: .with("ALL", "SELECT", "INSERT", "UPDATE", "DELETE")),
        // Complete "CREATE POLICY <name> ON <table> FOR INSERT TO|WITH CHECK"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "FOR", "INSERT"),
            offer: .with("TO", "WITH CHECK (")),
        // Complete "CREATE POLICY <name> ON <table> FOR SELECT|DELETE TO|USING"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "FOR", "SELECT|DELETE"),
            offer: .with("TO", "USING (")),
        // CREATE POLICY <name> ON <table> FOR ALL|UPDATE TO|USING|WITH CHECK
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "FOR", "ALL|UPDATE"),
            offer: .with("TO", "USING (", "WITH CHECK (")),
        // Complete "CREATE POLICY <name> ON <table> TO <role>"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "TO"),
            offer: .query(.roles, "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER", "PUBLIC")),
        // Complete "CREATE POLICY <name> ON <table> USING ("
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "USING"),
            offer: .with("(")),

        // CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE FOR
        // ALL|SELECT|INSERT|UPDATE|DELETE
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS", .any, "FOR"),
            offer: .with("ALL", "SELECT", "INSERT", "UPDATE", "DELETE")),

        // Complete "CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE FOR INSERT
        // TO|WITH CHECK"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS", .any, "FOR", "INSERT"),
            offer: .with("TO", "WITH CHECK (")),

        // Complete "CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE FOR SELECT|DELETE
        // TO|USING"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS", .any, "FOR", "SELECT|DELETE"),
            offer: .with("TO", "USING (")),

        // CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE FOR ALL|UPDATE
        // TO|USING|WITH CHECK
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS", .any, "FOR", "ALL|UPDATE"),
            offer: .with("TO", "USING (", "WITH CHECK (")),

        // Complete "CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE TO <role>"
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS", .any, "TO"),
            offer: .query(.roles, "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER", "PUBLIC")),

        // Complete "CREATE POLICY <name> ON <table> AS PERMISSIVE|RESTRICTIVE USING ("
        CompletionRule(
            .matches("CREATE", "POLICY", .any, "ON", .any, "AS", .any, "USING"),
            offer: .with("(")),
    ]

    /// The lists this section's rule bodies ask for.
    static let createAccessMethodToPolicyBodyQueries: [CatalogQuery] = [
        .named(.availableExtensionVersions, reference: nil),
    ]
}
