/// `\do` (psql 18's describe.c describeOperators). No server-version branch from release 11 on.
extension DescribeQueries {
    /// `argumentTypes` are psql's argument-type patterns (`\do OP [LEFT [RIGHT]]`, at most two):
    /// one names the right operand of a prefix operator, two the left and right operands; `-`
    /// says there is no such operand. Operator names are matched with every regex character
    /// escaped, as psql does (`\do +` means the operator `+`).
    static func listOperators(
        pattern: String?, argumentTypes: [String] = [], verbose: Bool, system: Bool, context: Context
    ) throws(Failure) -> String {
        let argumentTypes = Array(argumentTypes.prefix(2))
        var sql = """
        SELECT n.nspname as "Schema",
          o.oprname AS "Name",
          CASE WHEN o.oprkind='l' THEN NULL ELSE pg_catalog.format_type(o.oprleft, NULL) END AS "Left arg type",
          CASE WHEN o.oprkind='r' THEN NULL ELSE pg_catalog.format_type(o.oprright, NULL) END AS "Right arg type",
          pg_catalog.format_type(o.oprresult, NULL) AS "Result type",

        """
        if verbose {
            sql += "  o.oprcode AS \"Function\",\n  CASE WHEN p.proleakproof THEN 'yes' ELSE 'no' END AS \"Leakproof?\",\n"
        }
        sql += """
          coalesce(pg_catalog.obj_description(o.oid, 'pg_operator'),
                   pg_catalog.obj_description(o.oprcode, 'pg_proc')) AS "Description"
        FROM pg_catalog.pg_operator o
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace

        """
        let operands = argumentTypes.count == 2 ? ["o.oprleft", "o.oprright"] : argumentTypes.isEmpty ? [] : ["o.oprright"]
        sql += argumentTypeJoins(operands)
        if verbose { sql += "     LEFT JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode\n" }
        let filtered = !system && pattern == nil
        if filtered { sql += systemSchemasExcluded(opening: true) }
        let operators = PatternColumns.qualified("o.oprname", visibility: "pg_catalog.pg_operator_is_visible(o.oid)", forceEscape: true)
        try context.appendPattern(pattern, on: operators, to: &sql, hasWhere: filtered)
        if argumentTypes.count == 1 { sql += "  AND o.oprleft = 0\n" }
        try appendArgumentTypePatterns(argumentTypes, to: &sql, context: context)
        return sql + "ORDER BY 1, 2, 3, 4;"
    }
}
