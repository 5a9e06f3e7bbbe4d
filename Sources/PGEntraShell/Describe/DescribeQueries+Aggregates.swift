/// `\da` (psql 18's describe.c describeAggregates). Aggregates are the functions whose prokind is
/// 'a' since server 11 (proisagg before it, which psql 18 still reads from older servers).
extension DescribeQueries {
    static func listAggregates(pattern: String?, system: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT n.nspname as "Schema",
          p.proname AS "Name",
          pg_catalog.format_type(p.prorettype, NULL) AS "Result data type",
          CASE WHEN p.pronargs = 0
            THEN CAST('*' AS pg_catalog.text)
            ELSE pg_catalog.pg_get_function_arguments(p.oid)
          END AS "Argument data types",
          pg_catalog.obj_description(p.oid, 'pg_proc') as "Description"
        FROM pg_catalog.pg_proc p
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace

        """
        sql += context.serverVersion >= 110000 ? "WHERE p.prokind = 'a'\n" : "WHERE p.proisagg\n"
        if !system && pattern == nil { sql += systemSchemasExcluded() }
        return try context.filter(sql, by: pattern, on: .function, hasWhere: true, then: "ORDER BY 1, 2, 4;")
    }
}
