/// The argument-type patterns of `\df NAME TYPE...` and `\do OP [LEFT [RIGHT]]` (psql 18's
/// describe.c describeFunctions and describeOperators, which write them alike): the type of
/// argument `i` joins as `t<i>` with its schema `nt<i>`, and each pattern matches that type
/// by internal or SQL name, or says with `-` that there is no such argument.
extension DescribeQueries {
    /// The joins of the argument types, one pair per operand column (`p.proargtypes[0]`,
    /// `o.oprleft`...).
    static func argumentTypeJoins(_ operands: [String]) -> String {
        operands.enumerated().map { index, operand in
            "     LEFT JOIN pg_catalog.pg_type t\(index) ON t\(index).oid = \(operand)\n"
                + "     LEFT JOIN pg_catalog.pg_namespace nt\(index) ON nt\(index).oid = t\(index).typnamespace\n"
        }.joined()
    }

    /// One condition per pattern, each after `  AND`: psql writes AND here even when nothing
    /// before opened a WHERE.
    static func appendArgumentTypePatterns(_ types: [String], to sql: inout String, context: Context) throws(Failure) {
        for (index, type) in types.enumerated() {
            guard type != "-" else {
                sql += "  AND t\(index).typname IS NULL\n"
                continue
            }
            try context.appendPattern(TypeNameAliases.map(type), on: .type("t\(index)", namespace: "nt\(index)"), to: &sql, hasWhere: true)
        }
    }
}
