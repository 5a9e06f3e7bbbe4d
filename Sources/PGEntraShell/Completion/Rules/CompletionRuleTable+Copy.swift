extension CompletionRuleTable {
    /// tab-complete.c's COPY and \copy rules, with psql 18's option words: PostgreSQL 19's
    /// `json` format, FORCE_ARRAY and ON_ERROR `set_null` are left out (18's COPY has none of
    /// them).
    static let copyStatements: [CompletionRule] = [
        // If we have COPY, offer list of tables or "(" (Also cover the analogous backslash
        // command).
        CompletionRule(
            .matches("COPY|\\copy"),
            offer: .query(.relations(.analyzables, schema: nil), "(")),
        // Complete COPY ( with legal query commands
        CompletionRule(
            .matches("COPY|\\copy", "("),
            offer: .with("SELECT", "TABLE", "VALUES", "INSERT INTO", "UPDATE", "DELETE FROM", "MERGE INTO", "WITH")),
        // Complete COPY <sth>
        CompletionRule(
            .matches("COPY|\\copy", .any),
            offer: .with("FROM", "TO")),
        // Complete COPY|\copy <sth> FROM|TO with filename or STDIN/STDOUT/PROGRAM
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM|TO"),
            offer: .body { c in
                // COMPLETE_WITH_FILES_PLUS: COPY requires a quoted file name; \copy's is
                // a file of the client's, taken as typed.
                let from = c.tailMatches("FROM")
                if c.headMatches("COPY") {
                    return c.completer.quotedFiles(c.text) + c.with(from ? ["STDIN", "PROGRAM"] : ["STDOUT", "PROGRAM"])
                }
                return CompletionCandidates(files: c.completer.files(c.text))
                    + c.with(from ? ["STDIN", "PSTDIN", "PROGRAM"] : ["STDOUT", "PSTDOUT", "PROGRAM"])
            }),

        // Complete COPY|\copy <sth> FROM|TO PROGRAM
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM|TO", "PROGRAM"),
            offer: .body { c in
                c.headMatches("COPY") ? c.completer.quotedFiles(c.text) : CompletionCandidates(files: c.completer.files(c.text))
            }),

        // Complete COPY <sth> TO [PROGRAM] <sth>
        CompletionRule(
            .matches("COPY|\\copy", .any, "TO", .word("!PROGRAM")),
            .matches("COPY|\\copy", .any, "TO", "PROGRAM", .any),
            offer: .with("WITH (")),

        // Complete COPY <sth> FROM [PROGRAM] <sth>
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM", .word("!PROGRAM")),
            .matches("COPY|\\copy", .any, "FROM", "PROGRAM", .any),
            offer: .with("WITH (", "WHERE")),

        // Complete COPY <sth> FROM|TO [PROGRAM] filename WITH (
        CompletionRule(
            .headMatches("COPY|\\copy", .any, "FROM|TO", .word("!PROGRAM"), "WITH", "(*"),
            .headMatches("COPY|\\copy", .any, "FROM|TO", "PROGRAM", .any, "WITH", "(*"),
            offer: .body { c in
                // A completed parenthesized option list should be caught below
                guard !c.headMatches("COPY|\\copy", .any, "FROM|TO", .word("!PROGRAM"), "WITH", "(*)"),
                      !c.headMatches("COPY|\\copy", .any, "FROM|TO", "PROGRAM", .any, "WITH", "(*)")
                else { return nil }
                // This fires if we're in an unfinished parenthesized option list.
                // get_previous_words treats a completed parenthesized option list as one word,
                // so the above tests are correct.
                if RuleContext.endsWith(c.previous(1), "(") || RuleContext.endsWith(c.previous(1), ",") {
                    return c.headMatches("COPY|\\copy", .any, "FROM") ? c.with(CompletionRuleTable.copyFromOptions) : c.with(CompletionRuleTable.copyToOptions)
                }
                // Complete COPY <sth> FROM|TO filename WITH (FORMAT
                if c.tailMatches("FORMAT") { return c.with("binary", "csv", "text") }
                // Complete COPY <sth> FROM|TO filename WITH (FREEZE
                if c.tailMatches("FREEZE") { return c.with("true", "false") }
                // Complete COPY <sth> FROM|TO filename WITH (HEADER
                if c.tailMatches("HEADER") { return c.with("true", "false", "MATCH") }
                // Complete COPY <sth> FROM filename WITH (ON_ERROR
                if c.tailMatches("ON_ERROR") { return c.with("stop", "ignore") }
                // Complete COPY <sth> FROM filename WITH (LOG_VERBOSITY
                if c.tailMatches("LOG_VERBOSITY") { return c.with("silent", "default", "verbose") }
                return nil
            }),

        // Complete COPY <sth> FROM [PROGRAM] <sth> WITH (<options>)
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM", .word("!PROGRAM"), "WITH", .any),
            .matches("COPY|\\copy", .any, "FROM", "PROGRAM", .any, "WITH", .any),
            offer: .with("WHERE")),
    ]

    /// psql's Copy_common_options.
    static let copyCommonOptions = ["DELIMITER", "ENCODING", "ESCAPE", "FORMAT", "HEADER", "NULL", "QUOTE"]
    /// psql's Copy_from_options.
    static let copyFromOptions = copyCommonOptions + [
        "DEFAULT", "FORCE_NOT_NULL", "FORCE_NULL", "FREEZE", "LOG_VERBOSITY", "ON_ERROR", "REJECT_LIMIT",
    ]
    /// psql's Copy_to_options (without 19's FORCE_ARRAY).
    static let copyToOptions = copyCommonOptions + ["FORCE_QUOTE"]
}
