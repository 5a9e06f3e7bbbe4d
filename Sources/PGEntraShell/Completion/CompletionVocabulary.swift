/// The fixed word lists of Tab completion, taken from psql 15's tab-complete.c so that the
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

    /// `\pset` option names and, for those with a fixed set, their values.
    static let psetOptions = [
        "border", "columns", "csv_fieldsep", "expanded", "fieldsep", "fieldsep_zero", "footer",
        "format", "linestyle", "null", "numericlocale", "pager", "pager_min_lines", "recordsep",
        "recordsep_zero", "tableattr", "title", "tuples_only", "unicode_border_linestyle",
        "unicode_column_linestyle", "unicode_header_linestyle", "xheader_width",
    ]

    static func psetValues(_ option: String) -> [String] {
        switch option {
        case "format":
            return ["aligned", "asciidoc", "csv", "html", "latex", "latex-longtable", "troff-ms", "unaligned", "wrapped"]
        case "linestyle": return ["ascii", "old-ascii", "unicode"]
        case "pager": return ["on", "off", "always"]
        case "unicode_border_linestyle", "unicode_column_linestyle", "unicode_header_linestyle": return ["single", "double"]
        case "expanded": return ["auto", "on", "off"]
        case "xheader_width": return ["full", "column", "page"]
        case "fieldsep_zero", "footer", "numericlocale", "recordsep_zero", "tuples_only": return ["on", "off"]
        default: return []
        }
    }

    /// `\set NAME` values for psql's special variables.
    static func variableValues(_ name: String) -> [String] {
        switch name {
        case "AUTOCOMMIT", "ON_ERROR_STOP", "QUIET", "SHOW_ALL_RESULTS", "SINGLELINE", "SINGLESTEP", "HIDE_TOAST_COMPRESSION", "HIDE_TABLEAM":
            return ["on", "off"]
        case "COMP_KEYWORD_CASE": return ["lower", "upper", "preserve-lower", "preserve-upper"]
        case "ECHO": return ["errors", "queries", "all", "none"]
        case "ECHO_HIDDEN": return ["noexec", "off", "on"]
        case "HISTCONTROL": return ["ignorespace", "ignoredups", "ignoreboth", "none"]
        case "ON_ERROR_ROLLBACK": return ["on", "off", "interactive"]
        case "SHOW_CONTEXT": return ["never", "errors", "always"]
        case "VERBOSITY": return ["default", "verbose", "terse", "sqlstate"]
        default: return []
        }
    }

    /// What CREATE, ALTER and DROP name (psql's `words_after_create`).
    static let objectKinds = [
        "ACCESS METHOD", "AGGREGATE", "CAST", "COLLATION", "CONVERSION", "DATABASE", "DOMAIN",
        "EVENT TRIGGER", "EXTENSION", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "FUNCTION", "GROUP",
        "INDEX", "LANGUAGE", "MATERIALIZED VIEW", "OPERATOR", "POLICY", "PROCEDURE", "PUBLICATION",
        "ROLE", "ROUTINE", "RULE", "SCHEMA", "SEQUENCE", "SERVER", "STATISTICS", "SUBSCRIPTION",
        "TABLE", "TABLESPACE", "TEXT SEARCH", "TRANSFORM", "TRIGGER", "TYPE", "USER", "USER MAPPING FOR", "VIEW",
    ]

    /// ALTER TABLE name ...
    static let alterTableActions = [
        "ADD", "ALTER", "ATTACH PARTITION", "CLUSTER ON", "DETACH PARTITION", "DISABLE", "DROP",
        "ENABLE", "FORCE ROW LEVEL SECURITY", "INHERIT", "NO FORCE ROW LEVEL SECURITY", "NO INHERIT",
        "NOT OF", "OF", "OWNER TO", "RENAME", "REPLICA IDENTITY", "RESET", "SET", "VALIDATE CONSTRAINT",
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

    static let privileges = [
        "ALL", "CONNECT", "CREATE", "DELETE", "EXECUTE", "INSERT", "REFERENCES", "SELECT", "TEMPORARY",
        "TRIGGER", "TRUNCATE", "UPDATE", "USAGE",
    ]

    /// Who GRANT ... TO and OWNER TO name besides roles.
    static let roleWords = ["CURRENT_ROLE", "CURRENT_USER", "PUBLIC", "SESSION_USER"]

    /// Meta-commands whose argument is a file name.
    static let fileCommands: Set<String> = [
        "cd", "e", "edit", "g", "gx", "i", "include", "ir", "include_relative", "o", "out", "s", "w", "write", "lo_import",
    ]
}
