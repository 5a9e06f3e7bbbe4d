/// `\dO` (psql 18's describe.c listCollations).
extension DescribeQueries {
    /// The Locale column reads colllocale from 17, colliculocale on 15 and 16 and collcollate
    /// before; ICU Rules exist from 16 and collisdeterministic from 12, as describe.c picks.
    static func listCollations(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(Failure) -> String {
        let version = context.serverVersion
        var sql = """
        SELECT
          n.nspname AS "Schema",
          c.collname AS "Name",
          CASE c.collprovider WHEN 'd' THEN 'default' WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Provider",
          c.collcollate AS "Collate",
          c.collctype AS "Ctype",

        """
        let locale = version >= 170000 ? "c.colllocale" : version >= 150000 ? "c.colliculocale" : "c.collcollate"
        sql += "  \(locale) AS \"Locale\",\n"
        sql += version >= 160000 ? "  c.collicurules AS \"ICU Rules\",\n" : "  NULL AS \"ICU Rules\",\n"
        sql += version >= 120000
            ? "  CASE WHEN c.collisdeterministic THEN 'yes' ELSE 'no' END AS \"Deterministic?\""
            : "  'yes' AS \"Deterministic?\""
        if verbose { sql += ",\n  pg_catalog.obj_description(c.oid, 'pg_collation') AS \"Description\"" }
        sql += "\nFROM pg_catalog.pg_collation c, pg_catalog.pg_namespace n\nWHERE n.oid = c.collnamespace\n"
        if !system && pattern == nil { sql += systemSchemasExcluded() }
        // Collations the database's encoding cannot use are hidden (pg_collation_is_visible
        // rejects them too).
        sql += "      AND c.collencoding IN (-1, pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding()))\n"
        let collations = PatternColumns.qualified("c.collname", visibility: "pg_catalog.pg_collation_is_visible(c.oid)")
        return try context.filter(sql, by: pattern, on: collations, hasWhere: true, then: "ORDER BY 1, 2;")
    }
}
