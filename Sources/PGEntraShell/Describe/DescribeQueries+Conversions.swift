/// `\dc` (psql 18's describe.c listConversions) and `\dC` (listCasts). No server-version branch
/// from release 11 on.
extension DescribeQueries {
    static func listConversions(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT n.nspname AS "Schema",
               c.conname AS "Name",
               pg_catalog.pg_encoding_to_char(c.conforencoding) AS "Source",
               pg_catalog.pg_encoding_to_char(c.contoencoding) AS "Destination",
               CASE WHEN c.condefault THEN 'yes'
               ELSE 'no' END AS "Default?"
        """
        if verbose { sql += ",\n       d.description AS \"Description\"" }
        sql += "\nFROM pg_catalog.pg_conversion c\n     JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace\n"
        if verbose {
            sql += descriptionJoin(of: "c", beforeObjoid: "\n          ")
        }
        sql += "WHERE true\n"
        if !system && pattern == nil { sql += systemSchemasExcluded(indent: "  ") }
        let conversions = PatternColumns.qualified("c.conname", visibility: "pg_catalog.pg_conversion_is_visible(c.oid)")
        return try context.filter(sql, by: pattern, on: conversions, hasWhere: true, then: "ORDER BY 1, 2;")
    }

    /// The pattern matches the source or the target type, by internal or SQL name.
    static func listCasts(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT pg_catalog.format_type(castsource, NULL) AS "Source type",
               pg_catalog.format_type(casttarget, NULL) AS "Target type",
               CASE WHEN c.castmethod = 'b' THEN '(binary coercible)'
                    WHEN c.castmethod = 'i' THEN '(with inout)'
                    ELSE p.proname
               END AS "Function",
               CASE WHEN c.castcontext = 'e' THEN 'no'
                    WHEN c.castcontext = 'a' THEN 'in assignment'
                    ELSE 'yes'
               END AS "Implicit?"
        """
        if verbose {
            sql += """
            ,
                   CASE WHEN p.proleakproof THEN 'yes'
                        ELSE 'no'
                   END AS "Leakproof?",
                   d.description AS "Description"
            """
        }
        sql += """

        FROM pg_catalog.pg_cast c LEFT JOIN pg_catalog.pg_proc p
             ON c.castfunc = p.oid
             LEFT JOIN pg_catalog.pg_type ts
             ON c.castsource = ts.oid
             LEFT JOIN pg_catalog.pg_namespace ns
             ON ns.oid = ts.typnamespace
             LEFT JOIN pg_catalog.pg_type tt
             ON c.casttarget = tt.oid
             LEFT JOIN pg_catalog.pg_namespace nt
             ON nt.oid = tt.typnamespace

        """
        if verbose {
            sql += descriptionJoin(of: "c", indent: "     ", beforeOn: "\n     ")
        }
        sql += "WHERE ( (true"
        try context.appendPattern(TypeNameAliases.map(pattern), on: .type("ts", namespace: "ns"), to: &sql, hasWhere: true)
        sql += ") OR (true"
        try context.appendPattern(TypeNameAliases.map(pattern), on: .type("tt", namespace: "nt"), to: &sql, hasWhere: true)
        sql += ") )\nORDER BY 1, 2;"
        return sql
    }
}
