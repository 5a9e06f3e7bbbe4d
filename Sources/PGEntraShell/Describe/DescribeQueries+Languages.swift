/// `\dL` (psql 18's describe.c listLanguages). No server-version branch from release 11 on.
extension DescribeQueries {
    /// Without S or a pattern only procedural languages (those with a call handler) are listed.
    static func listLanguages(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT l.lanname AS "Name",
               pg_catalog.pg_get_userbyid(l.lanowner) as "Owner",
               l.lanpltrusted AS "Trusted"
        """
        if verbose {
            sql += """
            ,
                   NOT l.lanispl AS "Internal language",
                   l.lanplcallfoid::pg_catalog.regprocedure AS "Call handler",
                   l.lanvalidator::pg_catalog.regprocedure AS "Validator",
                   l.laninline::pg_catalog.regprocedure AS "Inline handler",
                   
            """
            sql += privilegeColumn("l.lanacl")
        }
        sql += """
        ,
               d.description AS "Description"
        FROM pg_catalog.pg_language l
        LEFT JOIN pg_catalog.pg_description d
          ON d.classoid = l.tableoid AND d.objoid = l.oid
          AND d.objsubid = 0

        """
        if pattern != nil {
            try context.appendPattern(pattern, on: .name("l.lanname", maxParts: 2), to: &sql)
        }
        if !system && pattern == nil { sql += "WHERE l.lanplcallfoid != 0\n" }
        sql += "ORDER BY 1;"
        return sql
    }
}
