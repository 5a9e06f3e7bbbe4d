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

/// `\dAc` and `\dAf` (psql 18's describe.c listOperatorClasses, listOperatorFamilies): an
/// access-method pattern, then a type pattern.
extension DescribeQueries {
    static func listOperatorClasses(
        accessMethodPattern: String?, typePattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        var sql = """
        SELECT
          am.amname AS "AM",
          pg_catalog.format_type(c.opcintype, NULL) AS "Input type",
          CASE
            WHEN c.opckeytype <> 0 AND c.opckeytype <> c.opcintype
            THEN pg_catalog.format_type(c.opckeytype, NULL)
            ELSE NULL
          END AS "Storage type",
          CASE
            WHEN pg_catalog.pg_opclass_is_visible(c.oid)
            THEN pg_catalog.format('%I', c.opcname)
            ELSE pg_catalog.format('%I.%I', n.nspname, c.opcname)
          END AS "Operator class",
          (CASE WHEN c.opcdefault
            THEN 'yes'
            ELSE 'no'
          END) AS "Default?"
        """
        if verbose {
            sql += """
            ,
              CASE
                WHEN pg_catalog.pg_opfamily_is_visible(of.oid)
                THEN pg_catalog.format('%I', of.opfname)
                ELSE pg_catalog.format('%I.%I', ofn.nspname, of.opfname)
              END AS "Operator family",
             pg_catalog.pg_get_userbyid(c.opcowner) AS "Owner"

            """
        }
        sql += """

        FROM pg_catalog.pg_opclass c
          LEFT JOIN pg_catalog.pg_am am on am.oid = c.opcmethod
          LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
          LEFT JOIN pg_catalog.pg_type t ON t.oid = c.opcintype
          LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace

        """
        if verbose {
            sql += "  LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = c.opcfamily\n  LEFT JOIN pg_catalog.pg_namespace ofn ON ofn.oid = of.opfnamespace\n"
        }
        var hasWhere = false
        if accessMethodPattern != nil {
            hasWhere = try PatternTranslator.appendClause(
                to: &sql, pattern: accessMethodPattern, hasWhere: false, schemaColumn: nil, nameColumn: "am.amname",
                visibilityRule: nil, maxParts: 1, database: context.database)
        }
        if typePattern != nil {
            try PatternTranslator.appendClause(
                to: &sql, pattern: typePattern, hasWhere: hasWhere, schemaColumn: "tn.nspname", nameColumn: "t.typname",
                alternateNameColumn: "pg_catalog.format_type(t.oid, NULL)",
                visibilityRule: "pg_catalog.pg_type_is_visible(t.oid)", maxParts: 3, database: context.database)
        }
        sql += "ORDER BY 1, 2, 4;"
        return sql
    }

    static func listOperatorFamilies(
        accessMethodPattern: String?, typePattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        var sql = """
        SELECT
          am.amname AS "AM",
          CASE
            WHEN pg_catalog.pg_opfamily_is_visible(f.oid)
            THEN pg_catalog.format('%I', f.opfname)
            ELSE pg_catalog.format('%I.%I', n.nspname, f.opfname)
          END AS "Operator family",
          (SELECT
             pg_catalog.string_agg(pg_catalog.format_type(oc.opcintype, NULL), ', ')
           FROM pg_catalog.pg_opclass oc
           WHERE oc.opcfamily = f.oid) "Applicable types"
        """
        if verbose { sql += ",\n  pg_catalog.pg_get_userbyid(f.opfowner) AS \"Owner\"\n" }
        sql += """

        FROM pg_catalog.pg_opfamily f
          LEFT JOIN pg_catalog.pg_am am on am.oid = f.opfmethod
          LEFT JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace

        """
        var hasWhere = false
        if accessMethodPattern != nil {
            hasWhere = try PatternTranslator.appendClause(
                to: &sql, pattern: accessMethodPattern, hasWhere: false, schemaColumn: nil, nameColumn: "am.amname",
                visibilityRule: nil, maxParts: 1, database: context.database)
        }
        if typePattern != nil {
            sql += """
              \(hasWhere ? "AND" : "WHERE") EXISTS (
                SELECT 1
                FROM pg_catalog.pg_type t
                JOIN pg_catalog.pg_opclass oc ON oc.opcintype = t.oid
                LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
                WHERE oc.opcfamily = f.oid

            """
            try PatternTranslator.appendClause(
                to: &sql, pattern: typePattern, hasWhere: true, schemaColumn: "tn.nspname", nameColumn: "t.typname",
                alternateNameColumn: "pg_catalog.format_type(t.oid, NULL)",
                visibilityRule: "pg_catalog.pg_type_is_visible(t.oid)", maxParts: 3, database: context.database)
            sql += "  )\n"
        }
        sql += "ORDER BY 1, 2;"
        return sql
    }
}
