// psql 18's ALTER TABLE rules (tab-complete.in.c, match_previous_words), from ALTER TABLE
// <name> to ALTER TABLE <name> REPLICA IDENTITY USING INDEX, in psql's order and with psql's
// comments. Where psql's development branch (19) differs, psql 18.6 is followed.

extension CompletionRuleTable {
    /// Storage parameters for CREATE TABLE and ALTER TABLE (psql 18's table_storage_parameters).
    static let tableStorageParameters: [String] = [
        "autovacuum_analyze_scale_factor",
        "autovacuum_analyze_threshold",
        "autovacuum_enabled",
        "autovacuum_freeze_max_age",
        "autovacuum_freeze_min_age",
        "autovacuum_freeze_table_age",
        "autovacuum_multixact_freeze_max_age",
        "autovacuum_multixact_freeze_min_age",
        "autovacuum_multixact_freeze_table_age",
        "autovacuum_vacuum_cost_delay",
        "autovacuum_vacuum_cost_limit",
        "autovacuum_vacuum_insert_scale_factor",
        "autovacuum_vacuum_insert_threshold",
        "autovacuum_vacuum_max_threshold",
        "autovacuum_vacuum_scale_factor",
        "autovacuum_vacuum_threshold",
        "fillfactor",
        "log_autovacuum_min_duration",
        "parallel_workers",
        "toast.autovacuum_enabled",
        "toast.autovacuum_freeze_max_age",
        "toast.autovacuum_freeze_min_age",
        "toast.autovacuum_freeze_table_age",
        "toast.autovacuum_multixact_freeze_max_age",
        "toast.autovacuum_multixact_freeze_min_age",
        "toast.autovacuum_multixact_freeze_table_age",
        "toast.autovacuum_vacuum_cost_delay",
        "toast.autovacuum_vacuum_cost_limit",
        "toast.autovacuum_vacuum_insert_scale_factor",
        "toast.autovacuum_vacuum_insert_threshold",
        "toast.autovacuum_vacuum_max_threshold",
        "toast.autovacuum_vacuum_scale_factor",
        "toast.autovacuum_vacuum_threshold",
        "toast.log_autovacuum_min_duration",
        "toast.vacuum_index_cleanup",
        "toast.vacuum_max_eager_freeze_failure_rate",
        "toast.vacuum_truncate",
        "toast_tuple_target",
        "user_catalog_table",
        "vacuum_index_cleanup",
        "vacuum_max_eager_freeze_failure_rate",
        "vacuum_truncate",
    ]

    /// From ALTER TABLE <name> to ALTER TABLE <name> REPLICA IDENTITY USING INDEX.
    static let alterTable: [CompletionRule] = [
        // If we detect ALTER TABLE <name>, suggest sub commands
        CompletionRule(.matches("ALTER", "TABLE", .any),
                       offer: .with("ADD", "ALTER", "CLUSTER ON", "DISABLE", "DROP", "ENABLE", "INHERIT", "NO", "RENAME",
                                    "RESET", "OWNER TO", "SET", "VALIDATE CONSTRAINT", "REPLICA IDENTITY", "ATTACH PARTITION",
                                    "DETACH PARTITION", "FORCE ROW LEVEL SECURITY", "OF", "NOT OF")),
        // ALTER TABLE xxx ADD
        // make sure to keep this list and the !Matches() below in sync (psql 18's list: 19
        // adds NOT NULL and writes CHECK as "CHECK (")
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD"),
                       offer: .with("COLUMN", "CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY KEY", "EXCLUDE", "FOREIGN KEY")),
        // ALTER TABLE xxx ADD [COLUMN] yyy
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD", "COLUMN", .any),
                       .matches("ALTER", "TABLE", .any, "ADD", .word("!COLUMN|CONSTRAINT|CHECK|UNIQUE|PRIMARY|EXCLUDE|FOREIGN")),
                       offer: .query(.schemaList(.datatypes, schema: nil))),
        // ALTER TABLE xxx ADD CONSTRAINT yyy
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD", "CONSTRAINT", .any),
                       offer: .with("CHECK", "UNIQUE", "PRIMARY KEY", "EXCLUDE", "FOREIGN KEY")),
        // ALTER TABLE xxx ADD [CONSTRAINT yyy] (PRIMARY KEY|UNIQUE)
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD", "PRIMARY", "KEY"),
                       .matches("ALTER", "TABLE", .any, "ADD", "UNIQUE"),
                       .matches("ALTER", "TABLE", .any, "ADD", "CONSTRAINT", .any, "PRIMARY", "KEY"),
                       .matches("ALTER", "TABLE", .any, "ADD", "CONSTRAINT", .any, "UNIQUE"),
                       offer: .with("(", "USING INDEX")),
        // ALTER TABLE xxx ADD PRIMARY KEY USING INDEX
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD", "PRIMARY", "KEY", "USING", "INDEX"),
                       offer: referenced(.uniqueIndexOfTable, previous: 6)),
        // ALTER TABLE xxx ADD UNIQUE USING INDEX
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD", "UNIQUE", "USING", "INDEX"),
                       offer: referenced(.uniqueIndexOfTable, previous: 5)),
        // ALTER TABLE xxx ADD CONSTRAINT yyy PRIMARY KEY USING INDEX
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD", "CONSTRAINT", .any, "PRIMARY", "KEY", "USING", "INDEX"),
                       offer: referenced(.uniqueIndexOfTable, previous: 8)),
        // ALTER TABLE xxx ADD CONSTRAINT yyy UNIQUE USING INDEX
        CompletionRule(.matches("ALTER", "TABLE", .any, "ADD", "CONSTRAINT", .any, "UNIQUE", "USING", "INDEX"),
                       offer: referenced(.uniqueIndexOfTable, previous: 7)),
        // ALTER TABLE xxx ENABLE
        CompletionRule(.matches("ALTER", "TABLE", .any, "ENABLE"),
                       offer: .with("ALWAYS", "REPLICA", "ROW LEVEL SECURITY", "RULE", "TRIGGER")),
        CompletionRule(.matches("ALTER", "TABLE", .any, "ENABLE", "REPLICA|ALWAYS"), offer: .with("RULE", "TRIGGER")),
        CompletionRule(.matches("ALTER", "TABLE", .any, "ENABLE", "RULE"), offer: referenced(.ruleOfTable, previous: 3)),
        CompletionRule(.matches("ALTER", "TABLE", .any, "ENABLE", .any, "RULE"), offer: referenced(.ruleOfTable, previous: 4)),
        CompletionRule(.matches("ALTER", "TABLE", .any, "ENABLE", "TRIGGER"), offer: referenced(.triggerOfTable, previous: 3)),
        CompletionRule(.matches("ALTER", "TABLE", .any, "ENABLE", .any, "TRIGGER"), offer: referenced(.triggerOfTable, previous: 4)),
        // ALTER TABLE xxx INHERIT
        CompletionRule(.matches("ALTER", "TABLE", .any, "INHERIT"), offer: .query(.relations(.tables, schema: nil))),
        // ALTER TABLE xxx NO
        CompletionRule(.matches("ALTER", "TABLE", .any, "NO"), offer: .with("FORCE ROW LEVEL SECURITY", "INHERIT")),
        // ALTER TABLE xxx NO INHERIT
        CompletionRule(.matches("ALTER", "TABLE", .any, "NO", "INHERIT"), offer: .query(.relations(.tables, schema: nil))),
        // ALTER TABLE xxx DISABLE
        CompletionRule(.matches("ALTER", "TABLE", .any, "DISABLE"), offer: .with("ROW LEVEL SECURITY", "RULE", "TRIGGER")),
        CompletionRule(.matches("ALTER", "TABLE", .any, "DISABLE", "RULE"), offer: referenced(.ruleOfTable, previous: 3)),
        CompletionRule(.matches("ALTER", "TABLE", .any, "DISABLE", "TRIGGER"), offer: referenced(.triggerOfTable, previous: 3)),

        // ALTER TABLE xxx ALTER
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER"), offer: .attributes(of: 2, "COLUMN", "CONSTRAINT")),

        // ALTER TABLE xxx RENAME
        CompletionRule(.matches("ALTER", "TABLE", .any, "RENAME"), offer: .attributes(of: 2, "COLUMN", "CONSTRAINT", "TO")),
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER|RENAME", "COLUMN"), offer: .attributes(of: 3)),

        // ALTER TABLE xxx RENAME yyy
        CompletionRule(.matches("ALTER", "TABLE", .any, "RENAME", .word("!CONSTRAINT|TO")), offer: .with("TO")),

        // ALTER TABLE xxx RENAME COLUMN/CONSTRAINT yyy
        CompletionRule(.matches("ALTER", "TABLE", .any, "RENAME", "COLUMN|CONSTRAINT", .word("!TO")), offer: .with("TO")),

        // If we have ALTER TABLE <sth> DROP, provide COLUMN or CONSTRAINT
        CompletionRule(.matches("ALTER", "TABLE", .any, "DROP"), offer: .with("COLUMN", "CONSTRAINT")),
        // If we have ALTER TABLE <sth> DROP COLUMN, provide list of columns
        CompletionRule(.matches("ALTER", "TABLE", .any, "DROP", "COLUMN"), offer: .attributes(of: 3)),
        // ALTER TABLE <sth> ALTER|DROP|RENAME CONSTRAINT <constraint>
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER|DROP|RENAME", "CONSTRAINT"),
                       offer: referenced(.constraintOfTable, previous: 3)),
        // ALTER TABLE <sth> VALIDATE CONSTRAINT <non-validated constraint>
        CompletionRule(.matches("ALTER", "TABLE", .any, "VALIDATE", "CONSTRAINT"),
                       offer: referenced(.constraintOfTableNotValidated, previous: 3)),
        // ALTER TABLE ALTER [COLUMN] <foo>
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any),
                       offer: .with("TYPE", "SET", "RESET", "RESTART", "ADD", "DROP")),
        // ALTER TABLE ALTER [COLUMN] <foo> ADD
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "ADD"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "ADD"),
                       offer: .with("GENERATED")),
        // ALTER TABLE ALTER [COLUMN] <foo> ADD GENERATED
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "ADD", "GENERATED"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "ADD", "GENERATED"),
                       offer: .with("ALWAYS", "BY DEFAULT")),
        // ALTER TABLE ALTER [COLUMN] <foo> ADD GENERATED
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "ADD", "GENERATED", "ALWAYS"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "ADD", "GENERATED", "ALWAYS"),
                       .matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "ADD", "GENERATED", "BY", "DEFAULT"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "ADD", "GENERATED", "BY", "DEFAULT"),
                       offer: .with("AS IDENTITY")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET"),
                       offer: .with("(", "COMPRESSION", "DATA TYPE", "DEFAULT", "EXPRESSION", "GENERATED", "NOT NULL",
                                    "STATISTICS", "STORAGE",
                                    // a subset of ALTER SEQUENCE options
                                    "INCREMENT", "MINVALUE", "MAXVALUE", "START", "NO", "CACHE", "CYCLE")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET (
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "("),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "("),
                       offer: .with("n_distinct", "n_distinct_inherited")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET COMPRESSION
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "COMPRESSION"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "COMPRESSION"),
                       offer: .with("DEFAULT", "PGLZ", "LZ4")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET EXPRESSION
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "EXPRESSION"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "EXPRESSION"),
                       offer: .with("AS")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET EXPRESSION AS
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "EXPRESSION", "AS"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "EXPRESSION", "AS"),
                       offer: .with("(")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET GENERATED
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "GENERATED"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "GENERATED"),
                       offer: .with("ALWAYS", "BY DEFAULT")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET NO
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "NO"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "NO"),
                       offer: .with("MINVALUE", "MAXVALUE", "CYCLE")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET STORAGE
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "STORAGE"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "STORAGE"),
                       offer: .with("DEFAULT", "PLAIN", "EXTERNAL", "EXTENDED", "MAIN")),
        // ALTER TABLE ALTER [COLUMN] <foo> SET STATISTICS
        // Enforce no completion here, as an integer has to be specified
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "SET", "STATISTICS"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "SET", "STATISTICS"),
                       offer: .with()),
        // ALTER TABLE ALTER [COLUMN] <foo> DROP
        CompletionRule(.matches("ALTER", "TABLE", .any, "ALTER", "COLUMN", .any, "DROP"),
                       .matches("ALTER", "TABLE", .any, "ALTER", .any, "DROP"),
                       offer: .with("DEFAULT", "EXPRESSION", "IDENTITY", "NOT NULL")),
        CompletionRule(.matches("ALTER", "TABLE", .any, "CLUSTER"), offer: .with("ON")),
        CompletionRule(.matches("ALTER", "TABLE", .any, "CLUSTER", "ON"), offer: referenced(.indexOfTable, previous: 3)),
        // If we have ALTER TABLE <sth> SET, provide list of attributes and '('
        CompletionRule(.matches("ALTER", "TABLE", .any, "SET"),
                       offer: .with("(", "ACCESS METHOD", "LOGGED", "SCHEMA", "TABLESPACE", "UNLOGGED", "WITH", "WITHOUT")),

        // If we have ALTER TABLE <sth> SET ACCESS METHOD provide a list of table
        // AMs.
        CompletionRule(.matches("ALTER", "TABLE", .any, "SET", "ACCESS", "METHOD"),
                       offer: .query(.named(.tableAccessMethods, reference: nil), "DEFAULT")),

        // If we have ALTER TABLE <sth> SET TABLESPACE provide a list of
        // tablespaces
        CompletionRule(.matches("ALTER", "TABLE", .any, "SET", "TABLESPACE"), offer: .query(.tablespaces)),
        // If we have ALTER TABLE <sth> SET WITHOUT provide CLUSTER or OIDS
        CompletionRule(.matches("ALTER", "TABLE", .any, "SET", "WITHOUT"), offer: .with("CLUSTER", "OIDS")),
        // ALTER TABLE <foo> RESET
        CompletionRule(.matches("ALTER", "TABLE", .any, "RESET"), offer: .with("(")),
        // ALTER TABLE <foo> SET|RESET (
        CompletionRule(.matches("ALTER", "TABLE", .any, "SET|RESET", "("), offer: .list(tableStorageParameters)),
        CompletionRule(.matches("ALTER", "TABLE", .any, "REPLICA", "IDENTITY", "USING", "INDEX"),
                       offer: referenced(.indexOfTable, previous: 5)),
    ]
}
