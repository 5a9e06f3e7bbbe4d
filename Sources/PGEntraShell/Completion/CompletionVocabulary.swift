/// The fixed word lists of Tab completion, taken from psql 18's tab-complete.in.c so that the
/// same keys offer the same words.
enum CompletionVocabulary {
    /// psql's `sql_commands`: what a statement can start with.
    static let statementStarts = [
        "ABORT", "ALTER", "ANALYZE", "BEGIN", "CALL", "CHECKPOINT", "CLOSE", "CLUSTER",
        "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE",
        "DELETE FROM", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN",
        "FETCH", "GRANT", "IMPORT FOREIGN SCHEMA", "INSERT INTO", "LISTEN", "LOAD", "LOCK",
        "MERGE INTO", "MOVE", "NOTIFY", "PREPARE",
        "REASSIGN", "REFRESH MATERIALIZED VIEW", "REINDEX", "RELEASE",
        "RESET", "REVOKE", "ROLLBACK",
        "SAVEPOINT", "SECURITY LABEL", "SELECT", "SET", "SHOW", "START",
        "TABLE", "TRUNCATE", "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH",
    ]

    /// `\pset` options that take on or off, which psql's rules give no values for.
    static let onOffPsetOptions: Set<String> = ["fieldsep_zero", "footer", "numericlocale", "recordsep_zero", "tuples_only"]
    /// psql's special variables that take on or off and that psql's `\set` rule leaves out.
    static let onOffVariables: Set<String> = ["HIDE_TOAST_COMPRESSION", "HIDE_TABLEAM"]

    /// What CREATE, ALTER and DROP name (psql's `words_after_create`).
    static let objectKinds = [
        "ACCESS METHOD", "AGGREGATE", "CAST", "COLLATION", "CONVERSION", "DATABASE", "DOMAIN",
        "EVENT TRIGGER", "EXTENSION", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "FUNCTION", "GROUP",
        "INDEX", "LANGUAGE", "MATERIALIZED VIEW", "OPERATOR", "POLICY", "PROCEDURE", "PUBLICATION",
        "ROLE", "ROUTINE", "RULE", "SCHEMA", "SEQUENCE", "SERVER", "STATISTICS", "SUBSCRIPTION",
        "TABLE", "TABLESPACE", "TEXT SEARCH", "TRANSFORM", "TRIGGER", "TYPE", "USER", "USER MAPPING FOR", "VIEW",
    ]


    /// What may follow a FROM item.
    static let afterFromItem = [
        "AS", "CROSS JOIN", "EXCEPT", "FETCH", "FOR", "FULL JOIN", "GROUP BY", "HAVING", "INNER JOIN",
        "INTERSECT", "JOIN", "LEFT JOIN", "LIMIT", "NATURAL JOIN", "OFFSET", "ORDER BY", "RIGHT JOIN",
        "UNION", "WHERE", "WINDOW",
    ]

    /// What may follow a condition or an expression in WHERE/ON/HAVING.
    static let afterCondition = [
        "AND", "EXCEPT", "FETCH", "FOR", "GROUP BY", "HAVING", "INTERSECT", "LIMIT", "OFFSET", "OR",
        "ORDER BY", "RETURNING", "UNION", "WINDOW",
    ]
}
