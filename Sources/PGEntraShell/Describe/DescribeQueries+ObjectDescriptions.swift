/// `\dd` (psql 18's describe.c objectDescription): the comments on objects that have no
/// listing of their own (constraints, operator classes and families, rules, triggers). No
/// server-version branch from release 11 on.
extension DescribeQueries {
    /// One source of described objects, all of one shape in describe.c: oid, tableoid,
    /// schema, name and kind of each object of `catalog` (as `alias`), its schema joined in
    /// `joins`, the pattern on schema and name with the kind's visibility rule. The spelling
    /// flags keep describe.c's text, which `-E` shows: `AS tableoid` in the constraint
    /// selects, `AS name` in the family's, the object kind on a line of its own in the
    /// operator class and family selects.
    private struct DescribedObjects {
        var object, catalog, alias, nameColumn: String
        /// The visibility function on the object (pg_catalog's, without the schema).
        var visibility: String
        var joins: String
        /// Whether `joins` already opens the WHERE (or ends in an ON the filters continue).
        var hasWhere: Bool
        var tableoidKeyword = "as", nameKeyword = "as", objectOnOwnLine = false

        var select: String {
            "  SELECT \(alias).oid as oid, \(alias).tableoid \(tableoidKeyword) tableoid,\n  n.nspname as nspname,\n"
                + "  CAST(\(alias).\(nameColumn) AS pg_catalog.text) \(nameKeyword) name,\(objectOnOwnLine ? "\n  " : "  ")"
                + "CAST('\(object)' AS pg_catalog.text) as object\n  FROM pg_catalog.\(catalog) \(alias)\n" + joins
        }

        var pattern: PatternColumns { .qualified("\(alias).\(nameColumn)", visibility: "pg_catalog.\(visibility)") }
    }

    /// describe.c's objectDescription, in its order.
    private static let describedObjects: [DescribedObjects] = [
        .init(
            object: "table constraint", catalog: "pg_constraint", alias: "pgc", nameColumn: "conname", visibility: "pg_table_is_visible(c.oid)",
            joins: tableJoins("pgc.conrelid", "     "), hasWhere: false, tableoidKeyword: "AS"),
        .init(
            object: "domain constraint", catalog: "pg_constraint", alias: "pgc", nameColumn: "conname", visibility: "pg_type_is_visible(t.oid)",
            joins: "    JOIN pg_catalog.pg_type t ON t.oid = pgc.contypid\n    LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = t.typnamespace\n", hasWhere: false, tableoidKeyword: "AS"),
        .init(
            object: "operator class", catalog: "pg_opclass", alias: "o", nameColumn: "opcname", visibility: "pg_opclass_is_visible(o.oid)",
            joins: "    JOIN pg_catalog.pg_am am ON o.opcmethod = am.oid\n    JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace\n", hasWhere: true, objectOnOwnLine: true),
        .init(
            object: "operator family", catalog: "pg_opfamily", alias: "opf", nameColumn: "opfname", visibility: "pg_opfamily_is_visible(opf.oid)",
            joins: "    JOIN pg_catalog.pg_am am ON opf.opfmethod = am.oid\n    JOIN pg_catalog.pg_namespace n ON opf.opfnamespace = n.oid\n", hasWhere: true, nameKeyword: "AS", objectOnOwnLine: true),
        .init(
            object: "rule", catalog: "pg_rewrite", alias: "r", nameColumn: "rulename", visibility: "pg_table_is_visible(c.oid)",
            joins: tableJoins("r.ev_class", " ", indent: "       ") + "  WHERE r.rulename != '_RETURN'\n", hasWhere: true),
        .init(
            object: "trigger", catalog: "pg_trigger", alias: "t", nameColumn: "tgname", visibility: "pg_table_is_visible(c.oid)",
            joins: tableJoins("t.tgrelid", " ", indent: "       "), hasWhere: false),
    ]

    /// The joins of an object that belongs to a table (`reference` the table's oid), spaced as
    /// describe.c spaces each.
    private static func tableJoins(_ reference: String, _ beforeOn: String, indent: String = "    ") -> String {
        "\(indent)JOIN pg_catalog.pg_class c ON c.oid = \(reference)\n\(indent)LEFT JOIN pg_catalog.pg_namespace n\(beforeOn)ON n.oid = c.relnamespace\n"
    }

    static func listObjectDescriptions(pattern: String?, system: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT DISTINCT tt.nspname AS "Schema", tt.name AS "Name", tt.object AS "Object", d.description AS "Description"
        FROM (

        """
        let filtered = !system && pattern == nil
        for (index, objects) in describedObjects.enumerated() {
            if index > 0 { sql += "UNION ALL\n" }
            sql += objects.select
            if filtered {
                sql += systemSchemasExcluded(opening: !objects.hasWhere)
            }
            try context.appendPattern(pattern, on: objects.pattern, to: &sql, hasWhere: objects.hasWhere || filtered)
        }
        sql += """
        ) AS tt
          JOIN pg_catalog.pg_description d ON (tt.oid = d.objoid AND tt.tableoid = d.classoid AND d.objsubid = 0)
        ORDER BY 1, 2, 3;
        """
        return sql
    }
}
