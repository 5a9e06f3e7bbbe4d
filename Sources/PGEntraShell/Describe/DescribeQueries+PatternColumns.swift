/// Where a `\d` pattern is matched (the arguments describe.c passes validateSQLNamePattern
/// besides the pattern), and the one place that calls PatternTranslator with the session's
/// database and encoding, so no listing repeats that plumbing.
extension DescribeQueries {
    /// The columns validateSQLNamePattern matches a pattern against: the schema part (nil for
    /// objects outside schemas, whose pattern is not split), the name part (or either of two
    /// names), the rule that stands in when no schema is given, and how many dotted parts the
    /// pattern may have.
    struct PatternColumns {
        var schema: String?
        var name: String
        var alternateName: String?
        var visibility: String?
        var maxParts: Int
        /// describeOperators escapes every regex character (`\do +` means the operator `+`).
        var forceEscape = false

        /// An object outside schemas (role, database, access method, publication...): one part
        /// unless describe.c allows more, no visibility rule.
        static func name(_ column: String, or alternate: String? = nil, maxParts: Int = 1) -> Self {
            .init(schema: nil, name: column, alternateName: alternate, visibility: nil, maxParts: maxParts)
        }

        /// A schema-qualified object: `schema.name`, or `db.schema.name` naming the current
        /// database; without a schema part only the objects `visibility` finds on the search path.
        static func qualified(
            _ column: String, schema: String = "n.nspname", visibility: String?, forceEscape: Bool = false
        ) -> Self {
            .init(schema: schema, name: column, visibility: visibility, maxParts: 3, forceEscape: forceEscape)
        }

        /// A data type `alias` in the schema `namespace`: by its internal name or by format_type's
        /// SQL name (`int4` or `integer`), as describeTypes, listCasts, the argument types of
        /// describeFunctions and describeOperators and the type patterns of `\dAc` and `\dAf`
        /// match it.
        static func type(_ alias: String, namespace: String) -> Self {
            .init(
                schema: "\(namespace).nspname", name: "\(alias).typname", alternateName: "pg_catalog.format_type(\(alias).oid, NULL)",
                visibility: "pg_catalog.pg_type_is_visible(\(alias).oid)", maxParts: 3)
        }

        /// A relation by schema and name (listTables, describeTableDetails, permissionsList,
        /// listPartitionedTables, listForeignTables).
        static let relation = qualified("c.relname", visibility: "pg_catalog.pg_table_is_visible(c.oid)")

        /// A function or aggregate by schema and name (describeFunctions, describeAggregates).
        static let function = qualified("p.proname", visibility: "pg_catalog.pg_function_is_visible(p.oid)")
    }
}

extension DescribeQueries.Context {
    /// Appends validateSQLNamePattern's clause for `pattern` on `columns` (`WHERE`, or `  AND `
    /// after `hasWhere`), with the pattern failure psql reports before sending anything.
    /// Returns whether a clause was added, which the next pattern's WHERE/AND follows.
    @discardableResult
    func appendPattern(
        _ pattern: String?, on columns: DescribeQueries.PatternColumns, to sql: inout String, hasWhere: Bool = false
    ) throws(PatternTranslator.Failure) -> Bool {
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: hasWhere, forceEscape: columns.forceEscape,
            schemaColumn: columns.schema, nameColumn: columns.name, alternateNameColumn: columns.alternateName,
            visibilityRule: columns.visibility, maxParts: columns.maxParts, database: database, encoding: encoding)
    }

    /// `sql` closed the way most describe.c listings close: the pattern's clause, then `tail`
    /// (the ORDER BY).
    func filter(
        _ sql: String, by pattern: String?, on columns: DescribeQueries.PatternColumns, hasWhere: Bool = false, then tail: String
    ) throws(PatternTranslator.Failure) -> String {
        var sql = sql
        try appendPattern(pattern, on: columns, to: &sql, hasWhere: hasWhere)
        return sql + tail
    }
}
