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
        sql += ",\n       d.description AS \"Description\"\nFROM pg_catalog.pg_language l\n"
        sql += descriptionJoin(of: "l", beforeOn: "\n  ", beforeObjsubid: "\n  ")
        try context.appendPattern(pattern, on: .name("l.lanname", maxParts: 2), to: &sql)
        if !system && pattern == nil { sql += "WHERE l.lanplcallfoid != 0\n" }
        sql += "ORDER BY 1;"
        return sql
    }
}
