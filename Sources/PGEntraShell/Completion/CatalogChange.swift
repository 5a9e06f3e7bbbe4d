/// Command tags after which cached catalog names are dropped (psql-compat.md §9).
enum CatalogChange {
    private static let words: Set<Substring> = [
        "CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "TRUNCATE", "ROLLBACK", "IMPORT",
        "SELECT", "REFRESH", "REINDEX", "SECURITY", "REASSIGN", "SET", "DO", "LOAD", "CALL",
    ]

    /// Whether a statement that ended with this tag (a command, not rows) may have changed
    /// names: `SELECT n` here is SELECT INTO or CREATE TABLE AS, ROLLBACK may undo a CREATE,
    /// SET may change the search path. DO, LOAD and CALL may load a library that defines
    /// settings (the first DO in plpgsql adds plpgsql.*), which psql, asking on every Tab, sees.
    static func invalidates(_ commandTag: String) -> Bool {
        guard let first = commandTag.split(separator: " ").first else { return false }
        return words.contains(first)
    }
}
