/// `\dd` (psql 18's describe.c objectDescription): the comments on objects that have no
/// listing of their own (constraints, operator classes and families, rules, triggers). No
/// server-version branch from release 11 on.
extension DescribeQueries {
    /// One source of described objects: how it is selected, the name column the pattern
    /// matches and its visibility rule.
    private struct DescribedObjects {
        var select: String
        var nameColumn: String
        var visibilityRule: String
        /// Whether the select already has its WHERE (or an ON the filters continue).
        var hasWhere: Bool
    }

    private static let describedObjects: [DescribedObjects] = [
        .init(select: """
              SELECT pgc.oid as oid, pgc.tableoid AS tableoid,
              n.nspname as nspname,
              CAST(pgc.conname AS pg_catalog.text) as name,  CAST('table constraint' AS pg_catalog.text) as object
              FROM pg_catalog.pg_constraint pgc
                JOIN pg_catalog.pg_class c ON c.oid = pgc.conrelid
                LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = c.relnamespace

            """, nameColumn: "pgc.conname", visibilityRule: "pg_catalog.pg_table_is_visible(c.oid)", hasWhere: false),
        .init(select: """
              SELECT pgc.oid as oid, pgc.tableoid AS tableoid,
              n.nspname as nspname,
              CAST(pgc.conname AS pg_catalog.text) as name,  CAST('domain constraint' AS pg_catalog.text) as object
              FROM pg_catalog.pg_constraint pgc
                JOIN pg_catalog.pg_type t ON t.oid = pgc.contypid
                LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = t.typnamespace

            """, nameColumn: "pgc.conname", visibilityRule: "pg_catalog.pg_type_is_visible(t.oid)", hasWhere: false),
        .init(select: """
              SELECT o.oid as oid, o.tableoid as tableoid,
              n.nspname as nspname,
              CAST(o.opcname AS pg_catalog.text) as name,
              CAST('operator class' AS pg_catalog.text) as object
              FROM pg_catalog.pg_opclass o
                JOIN pg_catalog.pg_am am ON o.opcmethod = am.oid
                JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace

            """, nameColumn: "o.opcname", visibilityRule: "pg_catalog.pg_opclass_is_visible(o.oid)", hasWhere: true),
        .init(select: """
              SELECT opf.oid as oid, opf.tableoid as tableoid,
              n.nspname as nspname,
              CAST(opf.opfname AS pg_catalog.text) AS name,
              CAST('operator family' AS pg_catalog.text) as object
              FROM pg_catalog.pg_opfamily opf
                JOIN pg_catalog.pg_am am ON opf.opfmethod = am.oid
                JOIN pg_catalog.pg_namespace n ON opf.opfnamespace = n.oid

            """, nameColumn: "opf.opfname", visibilityRule: "pg_catalog.pg_opfamily_is_visible(opf.oid)", hasWhere: true),
        .init(select: """
              SELECT r.oid as oid, r.tableoid as tableoid,
              n.nspname as nspname,
              CAST(r.rulename AS pg_catalog.text) as name,  CAST('rule' AS pg_catalog.text) as object
              FROM pg_catalog.pg_rewrite r
                   JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
                   LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE r.rulename != '_RETURN'

            """, nameColumn: "r.rulename", visibilityRule: "pg_catalog.pg_table_is_visible(c.oid)", hasWhere: true),
        .init(select: """
              SELECT t.oid as oid, t.tableoid as tableoid,
              n.nspname as nspname,
              CAST(t.tgname AS pg_catalog.text) as name,  CAST('trigger' AS pg_catalog.text) as object
              FROM pg_catalog.pg_trigger t
                   JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
                   LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace

            """, nameColumn: "t.tgname", visibilityRule: "pg_catalog.pg_table_is_visible(c.oid)", hasWhere: false),
    ]

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
            try context.appendPattern(pattern, on: .qualified(objects.nameColumn, visibility: objects.visibilityRule), to: &sql, hasWhere: objects.hasWhere || filtered)
        }
        sql += """
        ) AS tt
          JOIN pg_catalog.pg_description d ON (tt.oid = d.objoid AND tt.tableoid = d.classoid AND d.objsubid = 0)
        ORDER BY 1, 2, 3;
        """
        return sql
    }
}
