extension CompletionRuleTable {
    /// tab-complete.c's CREATE PUBLICATION, RULE, SCHEMA, SEQUENCE, SERVER, STATISTICS, TABLE,
    /// TABLESPACE, TEXT SEARCH, TRANSFORM and (the first of) SUBSCRIPTION rules, as psql 18
    /// has them. Left out, as PostgreSQL 18 has no such syntax: psql 19's FOR ALL SEQUENCES and
    /// FOR ALL TABLES EXCEPT ( TABLE ... ) in CREATE PUBLICATION (five rules, and the words
    /// ALL SEQUENCES, SEQUENCES and EXCEPT in three more), and CREATE SUBSCRIPTION ... SERVER
    /// (three rules, and the word SERVER after CREATE SUBSCRIPTION <name>).
    static let createPublicationToSubscriptionStatements: [CompletionRule] = [
        // CREATE PUBLICATION
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any),
            offer: .with("FOR TABLE", "FOR TABLES IN SCHEMA", "FOR ALL TABLES", "WITH (")),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR"),
            offer: .with("TABLE", "TABLES IN SCHEMA", "ALL TABLES")),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR", "ALL"),
            offer: .with("TABLES")),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR", "ALL", "TABLES"),
            offer: .with("WITH (")),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR", "TABLES"),
            offer: .with("IN SCHEMA")),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR", "TABLE", .any),
            when: { !RuleContext.endsWith($0.previous(1), ",") },
            offer: .with("WHERE (", "WITH (")),
        // Complete "CREATE PUBLICATION <name> FOR TABLE" with "<table>, ..."
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR", "TABLE"),
            offer: .query(.relations(.tables, schema: nil))),

        // "CREATE PUBLICATION <name> FOR TABLE <name> WHERE (" - complete with table attributes
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, .anyN, "WHERE"),
            offer: .with("(")),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, .anyN, "WHERE", "("),
            offer: .attributes(of: 3)),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, .anyN, "WHERE", "(*)"),
            offer: .with(" WITH (")),

        // Complete "CREATE PUBLICATION <name> FOR TABLES IN SCHEMA <schema>, ..."
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR", "TABLES", "IN", "SCHEMA"),
            offer: .query(.named(.schemasWithoutSystem, reference: nil), "CURRENT_SCHEMA")),
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .any, "FOR", "TABLES", "IN", "SCHEMA", .any),
            when: { !RuleContext.endsWith($0.previous(1), ",") },
            offer: .with("WITH (")),
        // Complete "CREATE PUBLICATION <name> [...] WITH"
        CompletionRule(
            .matches("CREATE", "PUBLICATION", .anyN, "WITH", "("),
            offer: .with("publish", "publish_generated_columns", "publish_via_partition_root")),

        // CREATE RULE
        // Complete "CREATE [ OR REPLACE ] RULE <sth>" with "AS ON"
        CompletionRule(
            .matches("CREATE", "RULE", .any), .matches("CREATE", "OR", "REPLACE", "RULE", .any),
            offer: .with("AS ON")),
        // Complete "CREATE [ OR REPLACE ] RULE <sth> AS" with "ON"
        CompletionRule(
            .matches("CREATE", "RULE", .any, "AS"), .matches("CREATE", "OR", "REPLACE", "RULE", .any, "AS"),
            offer: .with("ON")),

        // Complete "CREATE [ OR REPLACE ] RULE <sth> AS ON" with SELECT|UPDATE|INSERT|DELETE
        CompletionRule(
            .matches("CREATE", "RULE", .any, "AS", "ON"), .matches("CREATE", "OR", "REPLACE", "RULE", .any, "AS", "ON"),
            offer: .with("SELECT", "UPDATE", "INSERT", "DELETE")),
        // Complete "AS ON SELECT|UPDATE|INSERT|DELETE" with a "TO"
        CompletionRule(
            .tailMatches("AS", "ON", "SELECT|UPDATE|INSERT|DELETE"),
            offer: .with("TO")),
        // Complete "AS ON <sth> TO" with a table name
        CompletionRule(
            .tailMatches("AS", "ON", "SELECT|UPDATE|INSERT|DELETE", "TO"),
            offer: .query(.relations(.tables, schema: nil))),

        // CREATE SCHEMA [ <name> ] [ AUTHORIZATION ]
        CompletionRule(
            .matches("CREATE", "SCHEMA"),
            offer: .query(.schemas, "AUTHORIZATION")),
        CompletionRule(
            .matches("CREATE", "SCHEMA", "AUTHORIZATION"), .matches("CREATE", "SCHEMA", .any, "AUTHORIZATION"),
            offer: .query(.roles, "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER")),
        CompletionRule(
            .matches("CREATE", "SCHEMA", "AUTHORIZATION", .any), .matches("CREATE", "SCHEMA", .any, "AUTHORIZATION", .any),
            offer: .with("CREATE", "GRANT")),
        CompletionRule(
            .matches("CREATE", "SCHEMA", .any),
            offer: .with("AUTHORIZATION", "CREATE", "GRANT")),

        // CREATE SEQUENCE --- is allowed inside CREATE SCHEMA, so use TailMatches
        CompletionRule(
            .tailMatches("CREATE", "SEQUENCE", .any), .tailMatches("CREATE", "TEMP|TEMPORARY", "SEQUENCE", .any),
            offer: .with("AS", "INCREMENT BY", "MINVALUE", "MAXVALUE", "NO", "CACHE", "CYCLE", "OWNED BY", "START WITH")),
        CompletionRule(
            .tailMatches("CREATE", "SEQUENCE", .any, "AS"), .tailMatches("CREATE", "TEMP|TEMPORARY", "SEQUENCE", .any, "AS"),
            offer: .withCS("smallint", "integer", "bigint")),
        CompletionRule(
            .tailMatches("CREATE", "SEQUENCE", .any, "NO"), .tailMatches("CREATE", "TEMP|TEMPORARY", "SEQUENCE", .any, "NO"),
            offer: .with("MINVALUE", "MAXVALUE", "CYCLE")),

        // CREATE SERVER <name>
        CompletionRule(
            .matches("CREATE", "SERVER", .any),
            offer: .with("TYPE", "VERSION", "FOREIGN DATA WRAPPER")),

        // CREATE STATISTICS <name>
        CompletionRule(
            .matches("CREATE", "STATISTICS", .any),
            offer: .with("(", "ON")),
        CompletionRule(
            .matches("CREATE", "STATISTICS", .any, "("),
            offer: .with("ndistinct", "dependencies", "mcv")),
        CompletionRule(
            .matches("CREATE", "STATISTICS", .any, "(*)"),
            offer: .with("ON")),
        CompletionRule(
            .matches("CREATE", "STATISTICS", .any, .anyN, "FROM"),
            offer: .query(.relations(.tables, schema: nil))),

        // CREATE TABLE --- is allowed inside CREATE SCHEMA, so use TailMatches
        // Complete "CREATE TEMP/TEMPORARY" with the possible temp objects
        CompletionRule(
            .tailMatches("CREATE", "TEMP|TEMPORARY"),
            offer: .with("SEQUENCE", "TABLE", "VIEW")),
        // Complete "CREATE UNLOGGED" with TABLE or SEQUENCE
        CompletionRule(
            .tailMatches("CREATE", "UNLOGGED"),
            offer: .with("TABLE", "SEQUENCE")),
        // Complete PARTITION BY with RANGE ( or LIST ( or ...
        CompletionRule(
            .tailMatches("PARTITION", "BY"),
            offer: .with("RANGE (", "LIST (", "HASH (")),
        // If we have xxx PARTITION OF, provide a list of partitioned tables
        CompletionRule(
            .tailMatches("PARTITION", "OF"),
            offer: .query(.relations(.partitionedTables, schema: nil))),
        // Limited completion support for partition bound specification
        CompletionRule(
            .tailMatches("PARTITION", "OF", .any),
            offer: .with("FOR VALUES", "DEFAULT")),
        // Complete CREATE TABLE <name> with '(', AS, OF or PARTITION OF
        CompletionRule(
            .tailMatches("CREATE", "TABLE", .any), .tailMatches("CREATE", "TEMP|TEMPORARY|UNLOGGED", "TABLE", .any),
            offer: .with("(", "AS", "OF", "PARTITION OF")),
        // Complete CREATE TABLE <name> OF with list of composite types
        CompletionRule(
            .tailMatches("CREATE", "TABLE", .any, "OF"), .tailMatches("CREATE", "TEMP|TEMPORARY|UNLOGGED", "TABLE", .any, "OF"),
            offer: .query(.schemaList(.compositeDatatypes, schema: nil))),
        // Complete CREATE TABLE <name> [ (...) ] AS with list of keywords
        CompletionRule(
            .tailMatches("CREATE", "TABLE", .any, "AS"),
            .tailMatches("CREATE", "TABLE", .any, "(*)", "AS"),
            .tailMatches("CREATE", "TEMP|TEMPORARY|UNLOGGED", "TABLE", .any, "AS"),
            .tailMatches("CREATE", "TEMP|TEMPORARY|UNLOGGED", "TABLE", .any, "(*)", "AS"),
            offer: .with("EXECUTE", "SELECT", "TABLE", "VALUES", "WITH")),
        // Complete CREATE TABLE name (...) with supported options
        CompletionRule(
            .tailMatches("CREATE", "TABLE", .any, "(*)"),
            offer: .with("AS", "INHERITS (", "PARTITION BY", "USING", "TABLESPACE", "WITH (")),
        CompletionRule(
            .tailMatches("CREATE", "UNLOGGED", "TABLE", .any, "(*)"),
            offer: .with("AS", "INHERITS (", "USING", "TABLESPACE", "WITH (")),
        CompletionRule(
            .tailMatches("CREATE", "TEMP|TEMPORARY", "TABLE", .any, "(*)"),
            offer: .with("AS", "INHERITS (", "ON COMMIT", "PARTITION BY", "USING", "TABLESPACE", "WITH (")),
        // Complete CREATE TABLE (...) USING with table access methods
        CompletionRule(
            .tailMatches("CREATE", "TABLE", .any, "(*)", "USING"),
            .tailMatches("CREATE", "TEMP|TEMPORARY|UNLOGGED", "TABLE", .any, "(*)", "USING"),
            offer: .query(.named(.tableAccessMethods, reference: nil))),
        // Complete CREATE TABLE (...) WITH with storage parameters
        CompletionRule(
            .tailMatches("CREATE", "TABLE", .any, "(*)", "WITH", "("),
            .tailMatches("CREATE", "TEMP|TEMPORARY|UNLOGGED", "TABLE", .any, "(*)", "WITH", "("),
            offer: .list(CompletionRuleTable.tableStorageParameters)),
        // Complete CREATE TABLE ON COMMIT with actions
        CompletionRule(
            .tailMatches("CREATE", "TEMP|TEMPORARY", "TABLE", .any, "(*)", "ON", "COMMIT"),
            offer: .with("DELETE ROWS", "DROP", "PRESERVE ROWS")),

        // CREATE TABLESPACE
        CompletionRule(
            .matches("CREATE", "TABLESPACE", .any),
            offer: .with("OWNER", "LOCATION")),
        // Complete CREATE TABLESPACE name OWNER name with "LOCATION"
        CompletionRule(
            .matches("CREATE", "TABLESPACE", .any, "OWNER", .any),
            offer: .with("LOCATION")),

        // CREATE TEXT SEARCH
        CompletionRule(
            .matches("CREATE", "TEXT", "SEARCH"),
            offer: .with("CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE")),
        CompletionRule(
            .matches("CREATE", "TEXT", "SEARCH", "CONFIGURATION|DICTIONARY|PARSER|TEMPLATE", .any),
            offer: .with("(")),

        // CREATE TRANSFORM
        CompletionRule(
            .matches("CREATE", "TRANSFORM"), .matches("CREATE", "OR", "REPLACE", "TRANSFORM"),
            offer: .with("FOR")),
        CompletionRule(
            .matches("CREATE", "TRANSFORM", "FOR"), .matches("CREATE", "OR", "REPLACE", "TRANSFORM", "FOR"),
            offer: .query(.schemaList(.datatypes, schema: nil))),
        CompletionRule(
            .matches("CREATE", "TRANSFORM", "FOR", .any), .matches("CREATE", "OR", "REPLACE", "TRANSFORM", "FOR", .any),
            offer: .with("LANGUAGE")),
        // psql sets the type as the reference object, but Query_for_list_of_languages does not
        // read it.
        CompletionRule(
            .matches("CREATE", "TRANSFORM", "FOR", .any, "LANGUAGE"),
            .matches("CREATE", "OR", "REPLACE", "TRANSFORM", "FOR", .any, "LANGUAGE"),
            offer: .query(.named(.languages, reference: nil))),

        // CREATE SUBSCRIPTION
        // (psql 19 offers SERVER too, a clause PostgreSQL 18 does not have.)
        CompletionRule(
            .matches("CREATE", "SUBSCRIPTION", .any),
            offer: .with("CONNECTION")),
        CompletionRule(
            .matches("CREATE", "SUBSCRIPTION", .any, "CONNECTION", .any),
            offer: .with("PUBLICATION")),
    ]

}
