extension CompletionRuleTable {
    /// tab-complete.c, from `/* EXECUTE */` through `/* FOREIGN SERVER */`: EXECUTE, EXPLAIN,
    /// FETCH and MOVE, and the FOREIGN DATA WRAPPER / TABLE / SERVER names wherever they come.
    static let executeToForeign: [CompletionRule] = [
        // EXECUTE
        CompletionRule(
            .matches("EXECUTE"),
            offer: .query(.named(.preparedStatements, reference: nil))),

        // EXPLAIN [ ( option [, ...] ) ] statement
        // EXPLAIN [ ANALYZE ] [ VERBOSE ] statement
        CompletionRule(
            .matches("EXPLAIN"),
            offer: .with("SELECT", "INSERT INTO", "DELETE FROM", "UPDATE", "DECLARE", "MERGE INTO", "EXECUTE", "ANALYZE", "VERBOSE")),
        CompletionRule(
            .headMatches("EXPLAIN", "(*"),
            when: { !$0.headMatches("EXPLAIN", "(*)") },
            offer: .body { c in
                // This fires if we're in an unfinished parenthesized option list.
                // get_previous_words treats a completed parenthesized option list as one word,
                // so the above test is correct.
                // psql's development branch adds IO, an option PostgreSQL 18's EXPLAIN does
                // not have.
                if RuleContext.endsWith(c.previous(1), "(") || RuleContext.endsWith(c.previous(1), ",") {
                    return c.with("ANALYZE", "VERBOSE", "COSTS", "SETTINGS", "GENERIC_PLAN", "BUFFERS", "SERIALIZE", "WAL", "TIMING",
                                  "SUMMARY", "MEMORY", "FORMAT")
                } else if c.tailMatches("ANALYZE|VERBOSE|COSTS|SETTINGS|GENERIC_PLAN|BUFFERS|WAL|TIMING|SUMMARY|MEMORY") {
                    return c.with("ON", "OFF")
                } else if c.tailMatches("SERIALIZE") {
                    return c.with("TEXT", "NONE", "BINARY")
                } else if c.tailMatches("FORMAT") {
                    return c.with("TEXT", "XML", "JSON", "YAML")
                }
                return nil
            }),
        CompletionRule(
            .matches("EXPLAIN", "ANALYZE"),
            offer: .with("SELECT", "INSERT INTO", "DELETE FROM", "UPDATE", "DECLARE", "MERGE INTO", "EXECUTE", "VERBOSE")),
        CompletionRule(
            .matches("EXPLAIN", "(*)"),
            .matches("EXPLAIN", "VERBOSE"),
            .matches("EXPLAIN", "ANALYZE", "VERBOSE"),
            offer: .with("SELECT", "INSERT INTO", "DELETE FROM", "UPDATE", "DECLARE", "MERGE INTO", "EXECUTE")),

        // FETCH && MOVE

        // Complete FETCH with one of ABSOLUTE, BACKWARD, FORWARD, RELATIVE, ALL, NEXT, PRIOR,
        // FIRST, LAST, FROM, IN, and a list of cursors
        CompletionRule(
            .matches("FETCH|MOVE"),
            offer: .query(.named(.cursors, reference: nil),
                          "ABSOLUTE", "BACKWARD", "FORWARD", "RELATIVE", "ALL", "NEXT", "PRIOR", "FIRST", "LAST", "FROM", "IN")),
        // Complete FETCH BACKWARD or FORWARD with one of ALL, FROM, IN, and a list of cursors
        CompletionRule(
            .matches("FETCH|MOVE", "BACKWARD|FORWARD"),
            offer: .query(.named(.cursors, reference: nil), "ALL", "FROM", "IN")),
        // Complete FETCH <direction> with "FROM" or "IN". These are equivalent, but we may as
        // well tab-complete both: perhaps some users prefer one variant or the other.
        CompletionRule(
            .matches("FETCH|MOVE", "ABSOLUTE|BACKWARD|FORWARD|RELATIVE", .word("!FROM|IN")),
            .matches("FETCH|MOVE", "ALL|NEXT|PRIOR|FIRST|LAST"),
            offer: .query(.named(.cursors, reference: nil), "FROM", "IN")),
        // Complete FETCH <direction> "FROM" or "IN" with a list of cursors
        CompletionRule(
            .matches("FETCH|MOVE", .anyN, "FROM|IN"),
            offer: .query(.named(.cursors, reference: nil))),

        // FOREIGN DATA WRAPPER
        // applies in ALTER/DROP FDW and in CREATE SERVER
        CompletionRule(
            .tailMatches("FOREIGN", "DATA", "WRAPPER"),
            when: { !$0.tailMatches("CREATE", .any, .any, .any) },
            offer: .query(.named(.fdws, reference: nil))),
        // applies in CREATE SERVER
        CompletionRule(
            .matches("CREATE", "SERVER", .anyN, "FOREIGN", "DATA", "WRAPPER", .any),
            offer: .with("OPTIONS")),

        // FOREIGN TABLE
        CompletionRule(
            .tailMatches("FOREIGN", "TABLE"),
            when: { !$0.tailMatches("CREATE", .any, .any) },
            offer: .query(.relations(.foreignTables, schema: nil))),

        // FOREIGN SERVER
        CompletionRule(
            .tailMatches("FOREIGN", "SERVER"),
            offer: .query(.named(.servers, reference: nil))),
    ]
}
