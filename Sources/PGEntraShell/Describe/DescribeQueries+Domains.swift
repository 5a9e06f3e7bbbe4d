/// `\dD` (psql 18's describe.c listDomains). No server-version branch from release 11 on.
extension DescribeQueries {
    static func listDomains(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(Failure) -> String {
        var sql = #"""
        SELECT n.nspname as "Schema",
               t.typname as "Name",
               pg_catalog.format_type(t.typbasetype, t.typtypmod) as "Type",
               (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type bt
                WHERE c.oid = t.typcollation AND bt.oid = t.typbasetype AND t.typcollation <> bt.typcollation) as "Collation",
               CASE WHEN t.typnotnull THEN 'not null' END as "Nullable",
               t.typdefault as "Default",
               pg_catalog.array_to_string(ARRAY(
                 SELECT pg_catalog.pg_get_constraintdef(r.oid, true) FROM pg_catalog.pg_constraint r WHERE t.oid = r.contypid AND r.contype = 'c' ORDER BY r.conname
               ), ' ') as "Check"
        """#
        if verbose {
            sql += ",\n  " + privilegeColumn("t.typacl") + ",\n       d.description as \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_type t\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
        if verbose {
            sql += descriptionJoin(of: "t", indent: "     ")
        }
        sql += "WHERE t.typtype = 'd'\n"
        if !system && pattern == nil { sql += systemSchemasExcluded() }
        return try context.filter(
            sql, by: pattern, on: .qualified("t.typname", visibility: "pg_catalog.pg_type_is_visible(t.oid)"), hasWhere: true, then: "ORDER BY 1, 2;")
    }
}
