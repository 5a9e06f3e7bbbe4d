extension CompletionRuleTable {
    /// tab-complete.c's COPY and \copy rules as psql 18 has them: one option list per
    /// direction right after `WITH (` and a few option values, file names alone after FROM|TO.
    /// PostgreSQL 19 reworks them (PROGRAM, STDIN/STDOUT, options anywhere in the list, `json`).
    static let copyStatements: [CompletionRule] = [
        // If we have COPY, offer list of tables or "(" (Also cover the analogous backslash
        // command).
        CompletionRule(
            .matches("COPY|\\copy"),
            offer: .query(.relations(.tables, schema: nil), "(")),
        // Complete COPY ( with legal query commands
        CompletionRule(
            .matches("COPY|\\copy", "("),
            offer: .with("SELECT", "TABLE", "VALUES", "INSERT INTO", "UPDATE", "DELETE FROM", "MERGE INTO", "WITH")),
        // Complete COPY <sth>
        CompletionRule(
            .matches("COPY|\\copy", .any),
            offer: .with("FROM", "TO")),
        // Complete COPY <sth> FROM|TO with filename
        CompletionRule(
            .matches("COPY", .any, "FROM|TO"),
            // completion_force_quote: COPY requires quoted filename
            offer: .body { c in c.completer.quotedFiles(c.text) }),
        CompletionRule(
            .matches("\\copy", .any, "FROM|TO"),
            // completion_charp "": no escape character, only a quote is doubled
            offer: .body { c in c.completer.clientFiles(c.text, escape: nil) }),

        // Complete COPY <sth> TO <sth>
        CompletionRule(
            .matches("COPY|\\copy", .any, "TO", .any),
            offer: .with("WITH (")),

        // Complete COPY <sth> FROM <sth>
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM", .any),
            offer: .with("WITH (", "WHERE")),

        // Complete COPY <sth> FROM filename WITH (
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM", .any, "WITH", "("),
            offer: .list(copyFromOptions)),

        // Complete COPY <sth> TO filename WITH (
        CompletionRule(
            .matches("COPY|\\copy", .any, "TO", .any, "WITH", "("),
            offer: .list(copyToOptions)),

        // Complete COPY <sth> FROM|TO filename WITH (FORMAT
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM|TO", .any, "WITH", "(", "FORMAT"),
            offer: .with("binary", "csv", "text")),

        // Complete COPY <sth> FROM filename WITH (ON_ERROR
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM", .any, "WITH", "(", "ON_ERROR"),
            offer: .with("stop", "ignore")),

        // Complete COPY <sth> FROM filename WITH (LOG_VERBOSITY
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM", .any, "WITH", "(", "LOG_VERBOSITY"),
            offer: .with("silent", "default", "verbose")),

        // Complete COPY <sth> FROM <sth> WITH (<options>)
        CompletionRule(
            .matches("COPY|\\copy", .any, "FROM", .any, "WITH", .any),
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
