/// `\dA` (psql 18's describe.c describeAccessMethods). No server-version branch from release
/// 11 on.
extension DescribeQueries {
    static func listAccessMethods(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT amname AS \"Name\",\n  CASE amtype WHEN 'i' THEN 'Index' WHEN 't' THEN 'Table' END AS \"Type\""
        if verbose { sql += ",\n  amhandler AS \"Handler\",\n  pg_catalog.obj_description(oid, 'pg_am') AS \"Description\"" }
        sql += "\nFROM pg_catalog.pg_am\n"
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: false, schemaColumn: nil, nameColumn: "amname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        sql += "ORDER BY 1;"
        return sql
    }
}
