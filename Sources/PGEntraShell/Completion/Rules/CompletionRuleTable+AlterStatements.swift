// psql 18's ALTER rules (tab-complete.in.c, match_previous_words), from ALTER AGGREGATE,
// FUNCTION, PROCEDURE, ROUTINE <name> to ALTER TRIGGER <name> ON <name>, in psql's order and
// with psql's comments. Where psql's development branch (19) differs, psql 18.6 is followed:
// its rules and its lists (the 19-only ones are left out, and a test holds the patterns to
// psql 18's: CompletionRuleTablePsql18Tests).

extension CompletionRuleTable {
    /// ALTER PROCEDURE options (psql's Alter_procedure_options).
    static let alterProcedureOptions: [String] = [
        "DEPENDS ON EXTENSION", "EXTERNAL SECURITY", "NO DEPENDS ON EXTENSION",
        "OWNER TO", "RENAME TO", "RESET", "SECURITY", "SET",
    ]
    /// ALTER ROUTINE options (psql's Alter_routine_options).
    static let alterRoutineOptions: [String] = alterProcedureOptions + [
        "COST", "IMMUTABLE", "LEAKPROOF", "NOT LEAKPROOF", "PARALLEL", "ROWS", "STABLE", "VOLATILE",
    ]
    /// ALTER FUNCTION options (psql's Alter_function_options).
    static let alterFunctionOptions: [String] = alterRoutineOptions + [
        "CALLED ON NULL INPUT", "RETURNS NULL ON NULL INPUT", "STRICT", "SUPPORT",
    ]
    /// psql's Keywords_for_list_of_grant_roles.
    static let grantRoleKeywords: [String] = ["CURRENT_ROLE", "CURRENT_USER", "SESSION_USER", "PUBLIC"]
    /// Optional parameters for CREATE VIEW and ALTER VIEW (psql's view_optional_parameters).
    static let viewOptionalParameters: [String] = ["check_option", "security_barrier", "security_invoker"]

    /// COMPLETE_WITH_FUNCTION_ARG(prev2_wd) after `(`, or the options once the argument list
    /// is closed: the body psql gives ALTER AGGREGATE, FUNCTION, PROCEDURE and ROUTINE.
    static func functionArguments(orAfterClosing options: [String]) -> CompletionOffer {
        .body { c in
            if RuleContext.endsWith(c.previous(1), ")") { return c.with(options) }
            return c.query(.named(.arguments, reference: c.previous(2)))
        }
    }

    /// set_completion_reference(prevN_wd) and a list that belongs to that object.
    static func referenced(_ list: NamedQuery, previous n: Int, _ plus: String...) -> CompletionOffer {
        .body { c in c.query(.named(list, reference: c.previous(n)), plus: plus) }
    }

    /// The lists the ALTER rules use only inside their bodies.
    static let alterBodyQueries: [CatalogQuery] = [
        .named(.arguments, reference: nil), .named(.databaseVars, reference: nil), .named(.userVars, reference: nil),
        .named(.availableExtensionVersions, reference: nil), .named(.attributeNumbers, reference: nil),
        .named(.constraintOfType, reference: nil), .named(.tablesForPolicy, reference: nil),
        .named(.tablesForRule, reference: nil), .named(.tablesForTrigger, reference: nil),
        .named(.uniqueIndexOfTable, reference: nil), .named(.ruleOfTable, reference: nil),
        .named(.triggerOfTable, reference: nil), .named(.constraintOfTable, reference: nil),
        .named(.constraintOfTableNotValidated, reference: nil), .named(.indexOfTable, reference: nil),
        .named(.partitionOfTable, reference: nil),
    ]

    /// From ALTER AGGREGATE,FUNCTION,PROCEDURE,ROUTINE <name> to ALTER DOMAIN <sth> SET.
    static let alterRoutinesToDomain: [CompletionRule] = [
        // ALTER AGGREGATE,FUNCTION,PROCEDURE,ROUTINE <name>
        CompletionRule(.matches("ALTER", "AGGREGATE|FUNCTION|PROCEDURE|ROUTINE", .any), offer: .with("(")),
        // ALTER AGGREGATE <name> (...)
        CompletionRule(.matches("ALTER", "AGGREGATE", .any, .any),
                       offer: functionArguments(orAfterClosing: ["OWNER TO", "RENAME TO", "SET SCHEMA"])),
        // ALTER FUNCTION <name> (...)
        CompletionRule(.matches("ALTER", "FUNCTION", .any, .any), offer: functionArguments(orAfterClosing: alterFunctionOptions)),
        // ALTER PROCEDURE <name> (...)
        CompletionRule(.matches("ALTER", "PROCEDURE", .any, .any), offer: functionArguments(orAfterClosing: alterProcedureOptions)),
        // ALTER ROUTINE <name> (...)
        CompletionRule(.matches("ALTER", "ROUTINE", .any, .any), offer: functionArguments(orAfterClosing: alterRoutineOptions)),
        // ALTER FUNCTION|ROUTINE <name> (...) PARALLEL
        CompletionRule(.matches("ALTER", "FUNCTION|ROUTINE", .any, .any, "PARALLEL"), offer: .with("RESTRICTED", "SAFE", "UNSAFE")),
        // ALTER FUNCTION|PROCEDURE|ROUTINE <name> (...) [EXTERNAL] SECURITY
        CompletionRule(.matches("ALTER", "FUNCTION|PROCEDURE|ROUTINE", .any, .any, "SECURITY"),
                       .matches("ALTER", "FUNCTION|PROCEDURE|ROUTINE", .any, .any, "EXTERNAL", "SECURITY"),
                       offer: .with("DEFINER", "INVOKER")),
        // ALTER FUNCTION|PROCEDURE|ROUTINE <name> (...) RESET
        CompletionRule(.matches("ALTER", "FUNCTION|PROCEDURE|ROUTINE", .any, .any, "RESET"),
                       offer: .query(.settings(settable: true), "ALL")),
        // ALTER FUNCTION|PROCEDURE|ROUTINE <name> (...) SET
        CompletionRule(.matches("ALTER", "FUNCTION|PROCEDURE|ROUTINE", .any, .any, "SET"),
                       offer: .query(.settings(settable: true), "SCHEMA")),

        // ALTER PUBLICATION <name>
        CompletionRule(.matches("ALTER", "PUBLICATION", .any), offer: .with("ADD", "DROP", "OWNER TO", "RENAME TO", "SET")),
        // ALTER PUBLICATION <name> ADD
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, "ADD"), offer: .with("TABLES IN SCHEMA", "TABLE")),
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, "ADD|SET", "TABLE"), offer: .query(.relations(.tables, schema: nil))),
        CompletionRule(.headMatches("ALTER", "PUBLICATION", .any, "ADD|SET", "TABLE"),
                       when: { RuleContext.endsWith($0.previous(1), ",") },
                       offer: .query(.relations(.tables, schema: nil))),

        // "ALTER PUBLICATION <name> SET TABLE <name> WHERE (" - complete with
        // table attributes
        //
        // "ALTER PUBLICATION <name> ADD TABLE <name> WHERE (" - complete with
        // table attributes
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, .anyN, "WHERE"), offer: .with("(")),
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, .anyN, "WHERE", "("), offer: .attributes(of: 3)),
        CompletionRule(.headMatches("ALTER", "PUBLICATION", .any, "ADD|SET", "TABLE"),
                       when: { !$0.tailMatches("WHERE", "(*)") },
                       offer: .with(",", "WHERE (")),
        CompletionRule(.headMatches("ALTER", "PUBLICATION", .any, "ADD|SET", "TABLE"), offer: .with(",")),
        // ALTER PUBLICATION <name> DROP
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, "DROP"), offer: .with("TABLES IN SCHEMA", "TABLE")),
        // ALTER PUBLICATION <name> SET (psql 18's list: SET ALL TABLES, SET ALL SEQUENCES and
        // the EXCEPT rules that follow this one in psql 19 are not in 18's grammar)
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, "SET"), offer: .with("(", "TABLES IN SCHEMA", "TABLE")),
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, "ADD|DROP|SET", "TABLES", "IN", "SCHEMA"),
                       offer: .query(.named(.schemasNotPg, reference: nil), "CURRENT_SCHEMA")),
        // ALTER PUBLICATION <name> SET (
        CompletionRule(.matches("ALTER", "PUBLICATION", .any, .anyN, "SET", "("),
                       offer: .with("publish", "publish_generated_columns", "publish_via_partition_root")),
        // ALTER SUBSCRIPTION <name> (psql 18's list: no SERVER, no REFRESH SEQUENCES)
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any),
                       offer: .with("CONNECTION", "ENABLE", "DISABLE", "OWNER TO", "RENAME TO", "REFRESH PUBLICATION",
                                    "SET", "SKIP (", "ADD PUBLICATION", "DROP PUBLICATION")),
        // ALTER SUBSCRIPTION <name> REFRESH PUBLICATION
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, .anyN, "REFRESH", "PUBLICATION"), offer: .with("WITH (")),
        // ALTER SUBSCRIPTION <name> REFRESH PUBLICATION WITH (
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, .anyN, "REFRESH", "PUBLICATION", "WITH", "("),
                       offer: .with("copy_data")),
        // ALTER SUBSCRIPTION <name> SET
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, "SET"), offer: .with("(", "PUBLICATION")),
        // ALTER SUBSCRIPTION <name> SET ( (psql 18's list)
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, .anyN, "SET", "("),
                       offer: .with("binary", "disable_on_error", "failover", "origin", "password_required", "run_as_owner",
                                    "slot_name", "streaming", "synchronous_commit", "two_phase")),
        // ALTER SUBSCRIPTION <name> SKIP (
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, .anyN, "SKIP", "("), offer: .with("lsn")),
        // ALTER SUBSCRIPTION <name> SET PUBLICATION
        // complete with nothing here as this refers to remote publications
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, .anyN, "SET", "PUBLICATION"), offer: .with()),
        // ALTER SUBSCRIPTION <name> ADD|DROP|SET PUBLICATION <name>
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, .anyN, "ADD|DROP|SET", "PUBLICATION", .any), offer: .with("WITH (")),
        // ALTER SUBSCRIPTION <name> ADD|DROP|SET PUBLICATION <name> WITH (
        CompletionRule(.matches("ALTER", "SUBSCRIPTION", .any, .anyN, "ADD|DROP|SET", "PUBLICATION", .any, "WITH", "("),
                       offer: .with("copy_data", "refresh")),

        // ALTER SCHEMA <name>
        CompletionRule(.matches("ALTER", "SCHEMA", .any), offer: .with("OWNER TO", "RENAME TO")),

        // ALTER COLLATION <name>
        CompletionRule(.matches("ALTER", "COLLATION", .any), offer: .with("OWNER TO", "REFRESH VERSION", "RENAME TO", "SET SCHEMA")),

        // ALTER CONVERSION <name>
        CompletionRule(.matches("ALTER", "CONVERSION", .any), offer: .with("OWNER TO", "RENAME TO", "SET SCHEMA")),

        // ALTER DATABASE <name>
        CompletionRule(.matches("ALTER", "DATABASE", .any),
                       offer: .with("RESET", "SET", "OWNER TO", "REFRESH COLLATION VERSION", "RENAME TO",
                                    "IS_TEMPLATE", "ALLOW_CONNECTIONS", "CONNECTION LIMIT")),

        // ALTER DATABASE <name> RESET
        CompletionRule(.matches("ALTER", "DATABASE", .any, "RESET"), offer: referenced(.databaseVars, previous: 2, "ALL")),

        // ALTER DATABASE <name> SET TABLESPACE
        CompletionRule(.matches("ALTER", "DATABASE", .any, "SET", "TABLESPACE"), offer: .query(.tablespaces)),

        // ALTER EVENT TRIGGER
        CompletionRule(.matches("ALTER", "EVENT", "TRIGGER"), offer: .query(.named(.eventTriggers, reference: nil))),

        // ALTER EVENT TRIGGER <name>
        CompletionRule(.matches("ALTER", "EVENT", "TRIGGER", .any), offer: .with("DISABLE", "ENABLE", "OWNER TO", "RENAME TO")),

        // ALTER EVENT TRIGGER <name> ENABLE
        CompletionRule(.matches("ALTER", "EVENT", "TRIGGER", .any, "ENABLE"), offer: .with("REPLICA", "ALWAYS")),

        // ALTER EXTENSION <name>
        CompletionRule(.matches("ALTER", "EXTENSION", .any), offer: .with("ADD", "DROP", "UPDATE", "SET SCHEMA")),

        // ALTER EXTENSION <name> ADD|DROP
        CompletionRule(.matches("ALTER", "EXTENSION", .any, "ADD|DROP"),
                       offer: .with("ACCESS METHOD", "AGGREGATE", "CAST", "COLLATION", "CONVERSION", "DOMAIN", "EVENT TRIGGER",
                                    "FOREIGN", "FUNCTION", "MATERIALIZED VIEW", "OPERATOR", "LANGUAGE", "PROCEDURE", "ROUTINE",
                                    "SCHEMA", "SEQUENCE", "SERVER", "TABLE", "TEXT SEARCH", "TRANSFORM FOR", "TYPE", "VIEW")),

        // ALTER EXTENSION <name> ADD|DROP FOREIGN
        CompletionRule(.matches("ALTER", "EXTENSION", .any, "ADD|DROP", "FOREIGN"), offer: .with("DATA WRAPPER", "TABLE")),

        // ALTER EXTENSION <name> ADD|DROP OPERATOR
        CompletionRule(.matches("ALTER", "EXTENSION", .any, "ADD|DROP", "OPERATOR"), offer: .with("CLASS", "FAMILY")),

        // ALTER EXTENSION <name> ADD|DROP TEXT SEARCH
        CompletionRule(.matches("ALTER", "EXTENSION", .any, "ADD|DROP", "TEXT", "SEARCH"),
                       offer: .with("CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE")),

        // ALTER EXTENSION <name> UPDATE
        CompletionRule(.matches("ALTER", "EXTENSION", .any, "UPDATE"), offer: .with("TO")),

        // ALTER EXTENSION <name> UPDATE TO
        CompletionRule(.matches("ALTER", "EXTENSION", .any, "UPDATE", "TO"), offer: referenced(.availableExtensionVersions, previous: 3)),

        // ALTER FOREIGN
        CompletionRule(.matches("ALTER", "FOREIGN"), offer: .with("DATA WRAPPER", "TABLE")),

        // ALTER FOREIGN DATA WRAPPER <name> (psql 18's list: CONNECTION is 19's)
        CompletionRule(.matches("ALTER", "FOREIGN", "DATA", "WRAPPER", .any),
                       offer: .with("HANDLER", "VALIDATOR", "NO", "OPTIONS", "OWNER TO", "RENAME TO")),
        CompletionRule(.matches("ALTER", "FOREIGN", "DATA", "WRAPPER", .any, "NO"), offer: .with("HANDLER", "VALIDATOR")),

        // ALTER FOREIGN TABLE <name>
        CompletionRule(.matches("ALTER", "FOREIGN", "TABLE", .any),
                       offer: .with("ADD", "ALTER", "DISABLE TRIGGER", "DROP", "ENABLE", "INHERIT", "NO INHERIT", "OPTIONS",
                                    "OWNER TO", "RENAME", "SET", "VALIDATE CONSTRAINT")),

        // ALTER INDEX
        CompletionRule(.matches("ALTER", "INDEX"), offer: .query(.relations(.indexes, schema: nil), "ALL IN TABLESPACE")),
        // ALTER INDEX <name>
        CompletionRule(.matches("ALTER", "INDEX", .any),
                       offer: .with("ALTER COLUMN", "OWNER TO", "RENAME TO", "SET", "RESET", "ATTACH PARTITION",
                                    "DEPENDS ON EXTENSION", "NO DEPENDS ON EXTENSION")),
        CompletionRule(.matches("ALTER", "INDEX", .any, "ATTACH"), offer: .with("PARTITION")),
        CompletionRule(.matches("ALTER", "INDEX", .any, "ATTACH", "PARTITION"), offer: .query(.relations(.indexes, schema: nil))),
        // ALTER INDEX <name> ALTER
        CompletionRule(.matches("ALTER", "INDEX", .any, "ALTER"), offer: .with("COLUMN")),
        // ALTER INDEX <name> ALTER COLUMN
        CompletionRule(.matches("ALTER", "INDEX", .any, "ALTER", "COLUMN"), offer: referenced(.attributeNumbers, previous: 3)),
        // ALTER INDEX <name> ALTER COLUMN <colnum>
        CompletionRule(.matches("ALTER", "INDEX", .any, "ALTER", "COLUMN", .any), offer: .with("SET STATISTICS")),
        // ALTER INDEX <name> ALTER COLUMN <colnum> SET
        CompletionRule(.matches("ALTER", "INDEX", .any, "ALTER", "COLUMN", .any, "SET"), offer: .with("STATISTICS")),
        // ALTER INDEX <name> ALTER COLUMN <colnum> SET STATISTICS
        // Enforce no completion here, as an integer has to be specified
        CompletionRule(.matches("ALTER", "INDEX", .any, "ALTER", "COLUMN", .any, "SET", "STATISTICS"), offer: .with()),
        // ALTER INDEX <name> SET
        CompletionRule(.matches("ALTER", "INDEX", .any, "SET"), offer: .with("(", "TABLESPACE")),
        // ALTER INDEX <name> RESET
        CompletionRule(.matches("ALTER", "INDEX", .any, "RESET"), offer: .with("(")),
        // ALTER INDEX <foo> SET|RESET (
        CompletionRule(.matches("ALTER", "INDEX", .any, "RESET", "("),
                       offer: .with("fillfactor",
                                    "deduplicate_items", // BTREE
                                    "fastupdate", "gin_pending_list_limit", // GIN
                                    "buffering", // GiST
                                    "pages_per_range", "autosummarize")), // BRIN
        CompletionRule(.matches("ALTER", "INDEX", .any, "SET", "("),
                       offer: .with("fillfactor =",
                                    "deduplicate_items =", // BTREE
                                    "fastupdate =", "gin_pending_list_limit =", // GIN
                                    "buffering =", // GiST
                                    "pages_per_range =", "autosummarize =")), // BRIN
        CompletionRule(.matches("ALTER", "INDEX", .any, "NO", "DEPENDS"), offer: .with("ON EXTENSION")),
        CompletionRule(.matches("ALTER", "INDEX", .any, "DEPENDS"), offer: .with("ON EXTENSION")),

        // ALTER LANGUAGE <name>
        CompletionRule(.matches("ALTER", "LANGUAGE", .any), offer: .with("OWNER TO", "RENAME TO")),

        // ALTER LARGE OBJECT <oid>
        CompletionRule(.matches("ALTER", "LARGE", "OBJECT", .any), offer: .with("OWNER TO")),

        // ALTER MATERIALIZED VIEW
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW"),
                       offer: .query(.relations(.materializedViews, schema: nil), "ALL IN TABLESPACE")),

        // ALTER USER,ROLE <name> (psql 18's list: no IN, and none of 19's ALTER ROLE ... IN
        // DATABASE rules)
        CompletionRule(.matches("ALTER", "USER|ROLE", .any),
                       when: { !$0.tailMatches("USER", "MAPPING") },
                       offer: .with("BYPASSRLS", "CONNECTION LIMIT", "CREATEDB", "CREATEROLE", "ENCRYPTED PASSWORD", "INHERIT",
                                    "LOGIN", "NOBYPASSRLS", "NOCREATEDB", "NOCREATEROLE", "NOINHERIT", "NOLOGIN",
                                    "NOREPLICATION", "NOSUPERUSER", "PASSWORD", "RENAME TO", "REPLICATION", "RESET", "SET",
                                    "SUPERUSER", "VALID UNTIL", "WITH")),

        // ALTER USER,ROLE <name> RESET
        CompletionRule(.matches("ALTER", "USER|ROLE", .any, "RESET"), offer: referenced(.userVars, previous: 2, "ALL")),

        // ALTER USER,ROLE <name> WITH
        // Similar to the above, but don't complete "WITH" again.
        CompletionRule(.matches("ALTER", "USER|ROLE", .any, "WITH"),
                       offer: .with("BYPASSRLS", "CONNECTION LIMIT", "CREATEDB", "CREATEROLE", "ENCRYPTED PASSWORD", "INHERIT",
                                    "LOGIN", "NOBYPASSRLS", "NOCREATEDB", "NOCREATEROLE", "NOINHERIT", "NOLOGIN",
                                    "NOREPLICATION", "NOSUPERUSER", "PASSWORD", "RENAME TO", "REPLICATION", "RESET", "SET",
                                    "SUPERUSER", "VALID UNTIL")),

        // ALTER DEFAULT PRIVILEGES
        CompletionRule(.matches("ALTER", "DEFAULT", "PRIVILEGES"), offer: .with("FOR", "GRANT", "IN SCHEMA", "REVOKE")),
        // ALTER DEFAULT PRIVILEGES FOR
        CompletionRule(.matches("ALTER", "DEFAULT", "PRIVILEGES", "FOR"), offer: .with("ROLE")),
        // ALTER DEFAULT PRIVILEGES IN
        CompletionRule(.matches("ALTER", "DEFAULT", "PRIVILEGES", "IN"), offer: .with("SCHEMA")),
        // ALTER DEFAULT PRIVILEGES FOR ROLE|USER ...
        CompletionRule(.matches("ALTER", "DEFAULT", "PRIVILEGES", "FOR", "ROLE|USER", .any), offer: .with("GRANT", "REVOKE", "IN SCHEMA")),
        // ALTER DEFAULT PRIVILEGES IN SCHEMA ...
        CompletionRule(.matches("ALTER", "DEFAULT", "PRIVILEGES", "IN", "SCHEMA", .any), offer: .with("GRANT", "REVOKE", "FOR ROLE")),
        // ALTER DEFAULT PRIVILEGES IN SCHEMA ... FOR
        CompletionRule(.matches("ALTER", "DEFAULT", "PRIVILEGES", "IN", "SCHEMA", .any, "FOR"), offer: .with("ROLE")),
        // ALTER DEFAULT PRIVILEGES FOR ROLE|USER ... IN SCHEMA ...
        // ALTER DEFAULT PRIVILEGES IN SCHEMA ... FOR ROLE|USER ...
        CompletionRule(.matches("ALTER", "DEFAULT", "PRIVILEGES", "FOR", "ROLE|USER", .any, "IN", "SCHEMA", .any),
                       .matches("ALTER", "DEFAULT", "PRIVILEGES", "IN", "SCHEMA", .any, "FOR", "ROLE|USER", .any),
                       offer: .with("GRANT", "REVOKE")),
        // ALTER DOMAIN <name>
        CompletionRule(.matches("ALTER", "DOMAIN", .any),
                       offer: .with("ADD", "DROP", "OWNER TO", "RENAME", "SET", "VALIDATE CONSTRAINT")),
        // ALTER DOMAIN <sth> ADD
        CompletionRule(.matches("ALTER", "DOMAIN", .any, "ADD"), offer: .with("CONSTRAINT", "NOT NULL", "CHECK (")),
        // ALTER DOMAIN <sth> ADD CONSTRAINT <sth>
        CompletionRule(.matches("ALTER", "DOMAIN", .any, "ADD", "CONSTRAINT", .any), offer: .with("NOT NULL", "CHECK (")),
        // ALTER DOMAIN <sth> DROP
        CompletionRule(.matches("ALTER", "DOMAIN", .any, "DROP"), offer: .with("CONSTRAINT", "DEFAULT", "NOT NULL")),
        // ALTER DOMAIN <sth> DROP|RENAME|VALIDATE CONSTRAINT
        CompletionRule(.matches("ALTER", "DOMAIN", .any, "DROP|RENAME|VALIDATE", "CONSTRAINT"),
                       offer: referenced(.constraintOfType, previous: 3)),
        // ALTER DOMAIN <sth> RENAME
        CompletionRule(.matches("ALTER", "DOMAIN", .any, "RENAME"), offer: .with("CONSTRAINT", "TO")),
        // ALTER DOMAIN <sth> RENAME CONSTRAINT <sth>
        CompletionRule(.matches("ALTER", "DOMAIN", .any, "RENAME", "CONSTRAINT", .any), offer: .with("TO")),

        // ALTER DOMAIN <sth> SET
        CompletionRule(.matches("ALTER", "DOMAIN", .any, "SET"), offer: .with("DEFAULT", "NOT NULL", "SCHEMA")),
    ]

    /// From ALTER SEQUENCE <name> to ALTER TRIGGER <name> ON <name>.
    static let alterSequenceToTrigger: [CompletionRule] = [
        // ALTER SEQUENCE <name>
        CompletionRule(.matches("ALTER", "SEQUENCE", .any),
                       offer: .with("AS", "INCREMENT", "MINVALUE", "MAXVALUE", "RESTART", "START", "NO", "CACHE", "CYCLE",
                                    "SET", "OWNED BY", "OWNER TO", "RENAME TO")),
        // ALTER SEQUENCE <name> AS
        CompletionRule(.tailMatches("ALTER", "SEQUENCE", .any, "AS"), offer: .withCS("smallint", "integer", "bigint")),
        // ALTER SEQUENCE <name> NO
        CompletionRule(.matches("ALTER", "SEQUENCE", .any, "NO"), offer: .with("MINVALUE", "MAXVALUE", "CYCLE")),
        // ALTER SEQUENCE <name> SET
        CompletionRule(.matches("ALTER", "SEQUENCE", .any, "SET"), offer: .with("SCHEMA", "LOGGED", "UNLOGGED")),
        // ALTER SERVER <name>
        CompletionRule(.matches("ALTER", "SERVER", .any), offer: .with("VERSION", "OPTIONS", "OWNER TO", "RENAME TO")),
        // ALTER SERVER <name> VERSION <version>
        CompletionRule(.matches("ALTER", "SERVER", .any, "VERSION", .any), offer: .with("OPTIONS")),
        // ALTER SYSTEM SET, RESET, RESET ALL
        CompletionRule(.matches("ALTER", "SYSTEM"), offer: .with("SET", "RESET")),
        CompletionRule(.matches("ALTER", "SYSTEM", "SET|RESET"), offer: .query(.named(.alterSystemSetVars, reference: nil), "ALL")),
        CompletionRule(.matches("ALTER", "SYSTEM", "SET", .any), offer: .with("TO")),
        // ALTER VIEW <name>
        CompletionRule(.matches("ALTER", "VIEW", .any), offer: .with("ALTER COLUMN", "OWNER TO", "RENAME", "RESET", "SET")),
        // ALTER VIEW xxx RENAME
        CompletionRule(.matches("ALTER", "VIEW", .any, "RENAME"), offer: .attributes(of: 2, "COLUMN", "TO")),
        CompletionRule(.matches("ALTER", "VIEW", .any, "ALTER|RENAME", "COLUMN"), offer: .attributes(of: 3)),
        // ALTER VIEW xxx ALTER [ COLUMN ] yyy
        CompletionRule(.matches("ALTER", "VIEW", .any, "ALTER", .any),
                       .matches("ALTER", "VIEW", .any, "ALTER", "COLUMN", .any),
                       offer: .with("SET DEFAULT", "DROP DEFAULT")),
        // ALTER VIEW xxx RENAME yyy
        CompletionRule(.matches("ALTER", "VIEW", .any, "RENAME", .word("!TO")), offer: .with("TO")),
        // ALTER VIEW xxx RENAME COLUMN yyy
        CompletionRule(.matches("ALTER", "VIEW", .any, "RENAME", "COLUMN", .word("!TO")), offer: .with("TO")),
        // ALTER VIEW xxx RESET (
        CompletionRule(.matches("ALTER", "VIEW", .any, "RESET"), offer: .with("(")),
        // Complete ALTER VIEW xxx SET with "(" or "SCHEMA"
        CompletionRule(.matches("ALTER", "VIEW", .any, "SET"), offer: .with("(", "SCHEMA")),
        // ALTER VIEW xxx SET|RESET ( yyy [= zzz] )
        CompletionRule(.matches("ALTER", "VIEW", .any, "SET|RESET", "("), offer: .list(viewOptionalParameters)),
        CompletionRule(.matches("ALTER", "VIEW", .any, "SET", "(", .any), offer: .with("=")),
        CompletionRule(.matches("ALTER", "VIEW", .any, "SET", "(", "check_option", "="), offer: .with("local", "cascaded")),
        CompletionRule(.matches("ALTER", "VIEW", .any, "SET", "(", "security_barrier|security_invoker", "="),
                       offer: .with("true", "false")),

        // ALTER MATERIALIZED VIEW <name>
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW", .any),
                       offer: .with("ALTER COLUMN", "CLUSTER ON", "DEPENDS ON EXTENSION", "NO DEPENDS ON EXTENSION",
                                    "OWNER TO", "RENAME", "RESET (", "SET")),
        // ALTER MATERIALIZED VIEW xxx RENAME
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW", .any, "RENAME"), offer: .attributes(of: 2, "COLUMN", "TO")),
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW", .any, "ALTER|RENAME", "COLUMN"), offer: .attributes(of: 3)),
        // ALTER MATERIALIZED VIEW xxx RENAME yyy
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW", .any, "RENAME", .word("!TO")), offer: .with("TO")),
        // ALTER MATERIALIZED VIEW xxx RENAME COLUMN yyy
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW", .any, "RENAME", "COLUMN", .word("!TO")), offer: .with("TO")),
        // ALTER MATERIALIZED VIEW xxx SET
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW", .any, "SET"),
                       offer: .with("(", "ACCESS METHOD", "SCHEMA", "TABLESPACE", "WITHOUT CLUSTER")),
        // ALTER MATERIALIZED VIEW xxx SET ACCESS METHOD
        CompletionRule(.matches("ALTER", "MATERIALIZED", "VIEW", .any, "SET", "ACCESS", "METHOD"),
                       offer: .query(.named(.tableAccessMethods, reference: nil))),

        // ALTER POLICY <name>
        CompletionRule(.matches("ALTER", "POLICY"), offer: .query(.named(.policies, reference: nil))),
        // ALTER POLICY <name> ON
        CompletionRule(.matches("ALTER", "POLICY", .any), offer: .with("ON")),
        // ALTER POLICY <name> ON <table>
        CompletionRule(.matches("ALTER", "POLICY", .any, "ON"), offer: .body { c in c.tables(.tablesForPolicy, inSchema: .tablesForPolicyInSchema, reference: c.previous(2)) }),
        // ALTER POLICY <name> ON <table> - show options
        CompletionRule(.matches("ALTER", "POLICY", .any, "ON", .any), offer: .with("RENAME TO", "TO", "USING (", "WITH CHECK (")),
        // ALTER POLICY <name> ON <table> TO <role>
        CompletionRule(.matches("ALTER", "POLICY", .any, "ON", .any, "TO"), offer: .query(.roles, plus: grantRoleKeywords)),
        // ALTER POLICY <name> ON <table> USING (
        CompletionRule(.matches("ALTER", "POLICY", .any, "ON", .any, "USING"), offer: .with("(")),
        // ALTER POLICY <name> ON <table> WITH CHECK (
        CompletionRule(.matches("ALTER", "POLICY", .any, "ON", .any, "WITH", "CHECK"), offer: .with("(")),

        // ALTER RULE <name>, add ON
        CompletionRule(.matches("ALTER", "RULE", .any), offer: .with("ON")),

        // If we have ALTER RULE <name> ON, then add the correct tablename
        CompletionRule(.matches("ALTER", "RULE", .any, "ON"), offer: .body { c in c.tables(.tablesForRule, inSchema: .tablesForRuleInSchema, reference: c.previous(2)) }),

        // ALTER RULE <name> ON <name>
        CompletionRule(.matches("ALTER", "RULE", .any, "ON", .any), offer: .with("RENAME TO")),

        // ALTER STATISTICS <name>
        CompletionRule(.matches("ALTER", "STATISTICS", .any), offer: .with("OWNER TO", "RENAME TO", "SET SCHEMA", "SET STATISTICS")),
        // ALTER STATISTICS <name> SET
        CompletionRule(.matches("ALTER", "STATISTICS", .any, "SET"), offer: .with("SCHEMA", "STATISTICS")),

        // ALTER TRIGGER <name>, add ON
        CompletionRule(.matches("ALTER", "TRIGGER", .any), offer: .with("ON")),

        CompletionRule(.matches("ALTER", "TRIGGER", .any, "ON"), offer: .body { c in c.tables(.tablesForTrigger, inSchema: .tablesForTriggerInSchema, reference: c.previous(2)) }),

        // ALTER TRIGGER <name> ON <name>
        CompletionRule(.matches("ALTER", "TRIGGER", .any, "ON", .any),
                       offer: .with("RENAME TO", "DEPENDS ON EXTENSION", "NO DEPENDS ON EXTENSION")),
    ]
}
