import PGEntraSystem

/// The catalog SQL of psql 18's describe commands (psql-compat.md §8.2), copied from what
/// psql 18.6 shows under `-E` on servers 15 to 18 and from describe.c's branches for 11 to 14,
/// and kept verbatim so `-E` shows the same text. Each builder returns the
/// SQL or the pattern failure psql reports before sending anything; the extensions hold one
/// group each (relations, roles, catalog lists).
enum DescribeQueries {
    /// What every builder needs besides the pattern.
    struct Context {
        /// The current database, for `db.schema.name` patterns.
        var database: String
        /// The server's version number (PQserverVersion: 150004, 180006), on which psql 18's
        /// describe.c picks each query's columns and joins.
        var serverVersion: Int = 180000
        /// HIDE_TABLEAM: no Access method column or pg_am join.
        var hideTableAccessMethod = false
        /// pset.encoding when it is client-only: patternToSQLRegex and appendStringLiteralConn
        /// step over its characters, whose trailing bytes may look like ASCII.
        var encoding: CharacterRules?
    }

    /// The relkind names of psql's listTables and `\d` lookups.
    static let relkindCase = "CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END"

    /// describe.c's filter of the system schemas when there is neither S nor a pattern: `AND`
    /// conditions after `indent` (two spaces in listConversions, six elsewhere), or `WHERE`
    /// first when `opening`; listTables and listPartitionedTables hide the TOAST schemas too.
    static func systemSchemasExcluded(opening: Bool = false, toast: Bool = false, indent: String = "      ") -> String {
        var conditions = ["n.nspname <> 'pg_catalog'"]
        if toast { conditions.append("n.nspname !~ '^pg_toast'") }
        conditions.append("n.nspname <> 'information_schema'")
        return (opening ? "WHERE " : indent + "AND ") + conditions.joined(separator: "\n\(indent)AND ") + "\n"
    }
}
