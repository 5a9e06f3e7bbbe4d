extension CompletionRuleTable {
    /// tab-complete.c, from CREATE SUBSCRIPTION's `CONNECTION ... PUBLICATION` rule through
    /// `/* CREATE EVENT TRIGGER */`: the tail of CREATE SUBSCRIPTION, CREATE TRIGGER, CREATE
    /// ROLE/USER/GROUP, CREATE TYPE, CREATE VIEW, CREATE MATERIALIZED VIEW, CREATE EVENT TRIGGER.
    ///
    /// psql tests `pset.sversion >= 110000` in the trigger rules to offer EXECUTE PROCEDURE to
    /// servers before 11; pgentra serves 15 and later, so only the EXECUTE FUNCTION branch is
    /// carried.
    static let createSubscriptionToEventTrigger: [CompletionRule] = [
        CompletionRule(
            .matches("CREATE", "SUBSCRIPTION", .any, "CONNECTION", .any, "PUBLICATION"),
            // complete with nothing here as this refers to remote publications
            offer: .with()),
        CompletionRule(
            .matches("CREATE", "SUBSCRIPTION", .anyN, "PUBLICATION", .any),
            offer: .with("WITH (")),
        // Complete "CREATE SUBSCRIPTION <name> ...  WITH ( <opt>"
        // psql 18's options: the development branch adds conflict_log_destination,
        // max_retention_duration, retain_dead_tuples and wal_receiver_timeout, which
        // PostgreSQL 18 does not have.
        CompletionRule(
            .matches("CREATE", "SUBSCRIPTION", .anyN, "WITH", "("),
            offer: .with("binary", "connect", "copy_data", "create_slot", "disable_on_error", "enabled", "failover", "origin",
                         "password_required", "run_as_owner", "slot_name", "streaming", "synchronous_commit", "two_phase")),

        // CREATE TRIGGER --- is allowed inside CREATE SCHEMA, so use TailMatches

        // Complete CREATE [ OR REPLACE ] TRIGGER <name> with BEFORE|AFTER|INSTEAD OF.
        CompletionRule(
            .tailMatches("CREATE", "TRIGGER", .any),
            .tailMatches("CREATE", "OR", "REPLACE", "TRIGGER", .any),
            offer: .with("BEFORE", "AFTER", "INSTEAD OF")),
        // Complete CREATE [ OR REPLACE ] TRIGGER <name> BEFORE,AFTER with an event.
        CompletionRule(
            .tailMatches("CREATE", "TRIGGER", .any, "BEFORE|AFTER"),
            .tailMatches("CREATE", "OR", "REPLACE", "TRIGGER", .any, "BEFORE|AFTER"),
            offer: .with("INSERT", "DELETE", "UPDATE", "TRUNCATE")),
        // Complete CREATE [ OR REPLACE ] TRIGGER <name> INSTEAD OF with an event
        CompletionRule(
            .tailMatches("CREATE", "TRIGGER", .any, "INSTEAD", "OF"),
            .tailMatches("CREATE", "OR", "REPLACE", "TRIGGER", .any, "INSTEAD", "OF"),
            offer: .with("INSERT", "DELETE", "UPDATE")),
        // Complete CREATE [ OR REPLACE ] TRIGGER <name> BEFORE,AFTER sth with OR|ON.
        CompletionRule(
            .tailMatches("CREATE", "TRIGGER", .any, "BEFORE|AFTER", .any),
            .tailMatches("CREATE", "OR", "REPLACE", "TRIGGER", .any, "BEFORE|AFTER", .any),
            .tailMatches("CREATE", "TRIGGER", .any, "INSTEAD", "OF", .any),
            .tailMatches("CREATE", "OR", "REPLACE", "TRIGGER", .any, "INSTEAD", "OF", .any),
            offer: .with("ON", "OR")),
        // Complete CREATE [ OR REPLACE ] TRIGGER <name> BEFORE,AFTER event ON with a list of
        // tables.  EXECUTE FUNCTION is the recommended grammar instead of EXECUTE PROCEDURE in
        // version 11 and upwards.
        CompletionRule(
            .tailMatches("CREATE", "TRIGGER", .any, "BEFORE|AFTER", .any, "ON"),
            .tailMatches("CREATE", "OR", "REPLACE", "TRIGGER", .any, "BEFORE|AFTER", .any, "ON"),
            offer: .query(.relations(.tables, schema: nil))),
        // Complete CREATE [ OR REPLACE ] TRIGGER ... INSTEAD OF event ON with a list of views.
        CompletionRule(
            .tailMatches("CREATE", "TRIGGER", .any, "INSTEAD", "OF", .any, "ON"),
            .tailMatches("CREATE", "OR", "REPLACE", "TRIGGER", .any, "INSTEAD", "OF", .any, "ON"),
            offer: .query(.relations(.views, schema: nil))),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "ON", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "ON", .any),
            offer: .with("NOT DEFERRABLE", "DEFERRABLE", "INITIALLY", "REFERENCING", "FOR", "WHEN (", "EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "DEFERRABLE"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "DEFERRABLE"),
            .matches("CREATE", "TRIGGER", .anyN, "INITIALLY", "IMMEDIATE|DEFERRED"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "INITIALLY", "IMMEDIATE|DEFERRED"),
            offer: .with("REFERENCING", "FOR", "WHEN (", "EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING"),
            offer: .with("OLD TABLE", "NEW TABLE")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "OLD|NEW", "TABLE"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "OLD|NEW", "TABLE"),
            offer: .with("AS")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "OLD", "TABLE", "AS", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "OLD", "TABLE", "AS", .any),
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "OLD", "TABLE", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "OLD", "TABLE", .any),
            offer: .with("NEW TABLE", "FOR", "WHEN (", "EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "NEW", "TABLE", "AS", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "NEW", "TABLE", "AS", .any),
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "NEW", "TABLE", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "NEW", "TABLE", .any),
            offer: .with("OLD TABLE", "FOR", "WHEN (", "EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", "AS", .any, "OLD|NEW", "TABLE", "AS", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", "AS", .any, "OLD|NEW", "TABLE", "AS", .any),
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", .any, "OLD|NEW", "TABLE", "AS", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", .any, "OLD|NEW", "TABLE", "AS", .any),
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", "AS", .any, "OLD|NEW", "TABLE", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", "AS", .any, "OLD|NEW", "TABLE", .any),
            .matches("CREATE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", .any, "OLD|NEW", "TABLE", .any),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "REFERENCING", "OLD|NEW", "TABLE", .any, "OLD|NEW", "TABLE", .any),
            offer: .with("FOR", "WHEN (", "EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "FOR"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "FOR"),
            offer: .with("EACH", "ROW", "STATEMENT")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "FOR", "EACH"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "FOR", "EACH"),
            offer: .with("ROW", "STATEMENT")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "FOR", "EACH", "ROW|STATEMENT"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "FOR", "EACH", "ROW|STATEMENT"),
            .matches("CREATE", "TRIGGER", .anyN, "FOR", "ROW|STATEMENT"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "FOR", "ROW|STATEMENT"),
            offer: .with("WHEN (", "EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "WHEN", "(*)"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "WHEN", "(*)"),
            offer: .with("EXECUTE FUNCTION")),
        // Complete CREATE [ OR REPLACE ] TRIGGER ... EXECUTE with PROCEDURE|FUNCTION.
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "EXECUTE"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "EXECUTE"),
            offer: .with("FUNCTION")),
        CompletionRule(
            .matches("CREATE", "TRIGGER", .anyN, "EXECUTE", "FUNCTION|PROCEDURE"),
            .matches("CREATE", "OR", "REPLACE", "TRIGGER", .anyN, "EXECUTE", "FUNCTION|PROCEDURE"),
            offer: .query(.schemaList(.functions, schema: nil))),

        // CREATE ROLE,USER,GROUP <name>
        CompletionRule(
            .matches("CREATE", "ROLE|GROUP|USER", .any),
            when: { !$0.tailMatches("USER", "MAPPING") },
            offer: .list(roleOptions + ["WITH"])),
        // CREATE ROLE,USER,GROUP <name> WITH
        // Similar to the above, but don't complete "WITH" again.
        CompletionRule(
            .matches("CREATE", "ROLE|GROUP|USER", .any, "WITH"),
            offer: .list(roleOptions)),
        // complete CREATE ROLE,USER,GROUP <name> IN with ROLE,GROUP
        CompletionRule(
            .matches("CREATE", "ROLE|USER|GROUP", .any, "IN"),
            offer: .with("GROUP", "ROLE")),

        // CREATE TYPE
        CompletionRule(
            .matches("CREATE", "TYPE", .any),
            offer: .with("(", "AS")),
        CompletionRule(
            .matches("CREATE", "TYPE", .any, "AS"),
            offer: .with("ENUM", "RANGE", "(")),
        CompletionRule(
            .headMatches("CREATE", "TYPE", .any, "AS", "("),
            offer: .body { c in
                if c.tailMatches("(|*,", .any) {
                    return c.query(.schemaList(.datatypes, schema: nil))
                } else if c.tailMatches("(|*,", .any, .word("!*)")) {
                    return c.with("COLLATE", ",", ")")
                }
                return nil
            }),
        CompletionRule(
            .matches("CREATE", "TYPE", .any, "AS", "ENUM|RANGE"),
            offer: .with("(")),
        CompletionRule(
            .headMatches("CREATE", "TYPE", .any, "("),
            offer: .body { c in
                if c.tailMatches("(|*,") {
                    return c.with("INPUT", "OUTPUT", "RECEIVE", "SEND", "TYPMOD_IN", "TYPMOD_OUT", "ANALYZE", "SUBSCRIPT",
                                  "INTERNALLENGTH", "PASSEDBYVALUE", "ALIGNMENT", "STORAGE", "LIKE", "CATEGORY", "PREFERRED",
                                  "DEFAULT", "ELEMENT", "DELIMITER", "COLLATABLE")
                }
                return optionValueTail(c)
            }),
        CompletionRule(
            .headMatches("CREATE", "TYPE", .any, "AS", "RANGE", "("),
            offer: .body { c in
                if c.tailMatches("(|*,") {
                    return c.with("SUBTYPE", "SUBTYPE_OPCLASS", "COLLATION", "CANONICAL", "SUBTYPE_DIFF", "MULTIRANGE_TYPE_NAME")
                }
                return optionValueTail(c)
            }),

        // CREATE VIEW --- is allowed inside CREATE SCHEMA, so use TailMatches
        // Complete CREATE [ OR REPLACE ] VIEW <name> with AS or WITH
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any),
            offer: .with("AS", "WITH")),
        // Complete "CREATE [ OR REPLACE ] VIEW <sth> AS with "SELECT"
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any, "AS"),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any, "AS"),
            offer: .with("SELECT")),
        // CREATE [ OR REPLACE ] VIEW <name> WITH ( yyy [= zzz] )
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any, "WITH"),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any, "WITH"),
            offer: .with("(")),
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any, "WITH", "("),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any, "WITH", "("),
            offer: .list(viewOptionalParameters)),
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any, "WITH", "(", "check_option"),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any, "WITH", "(", "check_option"),
            offer: .with("=")),
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any, "WITH", "(", "check_option", "="),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any, "WITH", "(", "check_option", "="),
            offer: .with("local", "cascaded")),
        // CREATE [ OR REPLACE ] VIEW <name> WITH ( ... ) AS
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any, "WITH", "(*)"),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any, "WITH", "(*)"),
            offer: .with("AS")),
        // CREATE [ OR REPLACE ] VIEW <name> WITH ( ... ) AS SELECT
        CompletionRule(
            .tailMatches("CREATE", "VIEW", .any, "WITH", "(*)", "AS"),
            .tailMatches("CREATE", "OR", "REPLACE", "VIEW", .any, "WITH", "(*)", "AS"),
            offer: .with("SELECT")),

        // CREATE MATERIALIZED VIEW
        CompletionRule(
            .matches("CREATE", "MATERIALIZED"),
            offer: .with("VIEW")),
        // Complete CREATE MATERIALIZED VIEW <name> with AS or USING
        CompletionRule(
            .matches("CREATE", "MATERIALIZED", "VIEW", .any),
            offer: .with("AS", "USING")),
        // Complete CREATE MATERIALIZED VIEW <name> USING with list of access methods
        CompletionRule(
            .matches("CREATE", "MATERIALIZED", "VIEW", .any, "USING"),
            offer: .query(.named(.tableAccessMethods, reference: nil))),
        // Complete CREATE MATERIALIZED VIEW <name> USING <access method> with AS
        CompletionRule(
            .matches("CREATE", "MATERIALIZED", "VIEW", .any, "USING", .any),
            offer: .with("AS")),
        // Complete CREATE MATERIALIZED VIEW <name> [USING <access method> ] AS with "SELECT"
        CompletionRule(
            .matches("CREATE", "MATERIALIZED", "VIEW", .any, "AS"),
            .matches("CREATE", "MATERIALIZED", "VIEW", .any, "USING", .any, "AS"),
            offer: .with("SELECT")),

        // CREATE EVENT TRIGGER
        CompletionRule(
            .matches("CREATE", "EVENT"),
            offer: .with("TRIGGER")),
        // Complete CREATE EVENT TRIGGER <name> with ON
        CompletionRule(
            .matches("CREATE", "EVENT", "TRIGGER", .any),
            offer: .with("ON")),
        // Complete CREATE EVENT TRIGGER <name> ON with event_type
        CompletionRule(
            .matches("CREATE", "EVENT", "TRIGGER", .any, "ON"),
            offer: .with("ddl_command_start", "ddl_command_end", "login", "sql_drop", "table_rewrite")),
        // Complete CREATE EVENT TRIGGER <name> ON <event_type>.  EXECUTE FUNCTION is the
        // recommended grammar instead of EXECUTE PROCEDURE in version 11 and upwards.
        CompletionRule(
            .matches("CREATE", "EVENT", "TRIGGER", .any, "ON", .any),
            offer: .with("WHEN TAG IN (", "EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "EVENT", "TRIGGER", .anyN, "WHEN|AND", .any, "IN", "(*)"),
            offer: .with("EXECUTE FUNCTION")),
        CompletionRule(
            .matches("CREATE", "EVENT", "TRIGGER", .anyN, "EXECUTE", "FUNCTION|PROCEDURE"),
            offer: .query(.schemaList(.functions, schema: nil))),
    ]

    /// The end of psql's two CREATE TYPE option-list bodies (`CREATE TYPE t (` and `CREATE TYPE
    /// t AS RANGE (`), the same in both: `=` after an option name, then `,` or `)` after its
    /// value.
    private static func optionValueTail(_ c: RuleContext) -> CompletionCandidates? {
        if c.tailMatches("(*|*,", .word("!*=")) {
            return c.with("=")
        } else if c.tailMatches("=", .word("!*)")) {
            return c.with(",", ")")
        }
        return nil
    }

    /// The options CREATE ROLE,USER,GROUP <name> offers, with or without WITH before them.
    private static let roleOptions = [
        "ADMIN", "BYPASSRLS", "CONNECTION LIMIT", "CREATEDB", "CREATEROLE", "ENCRYPTED PASSWORD", "IN", "INHERIT",
        "LOGIN", "NOBYPASSRLS", "NOCREATEDB", "NOCREATEROLE", "NOINHERIT", "NOLOGIN", "NOREPLICATION", "NOSUPERUSER",
        "PASSWORD", "REPLICATION", "ROLE", "SUPERUSER", "SYSID", "VALID UNTIL",
    ]

}
