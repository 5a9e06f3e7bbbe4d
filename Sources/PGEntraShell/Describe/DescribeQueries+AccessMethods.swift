/// `\dA` (psql 18's describe.c describeAccessMethods). No server-version branch from release
/// 11 on.
extension DescribeQueries {
    static func listAccessMethods(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT amname AS \"Name\",\n  CASE amtype WHEN 'i' THEN 'Index' WHEN 't' THEN 'Table' END AS \"Type\""
        if verbose { sql += ",\n  amhandler AS \"Handler\",\n  pg_catalog.obj_description(oid, 'pg_am') AS \"Description\"" }
        sql += "\nFROM pg_catalog.pg_am\n"
        return try context.filter(sql, by: pattern, on: .name("amname"), then: "ORDER BY 1;")
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
            hasWhere = try context.appendPattern(accessMethodPattern, on: .name("am.amname"), to: &sql)
        }
        if typePattern != nil {
            try context.appendPattern(typePattern, on: .type("t", namespace: "tn"), to: &sql, hasWhere: hasWhere)
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
            hasWhere = try context.appendPattern(accessMethodPattern, on: .name("am.amname"), to: &sql)
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
            try context.appendPattern(typePattern, on: .type("t", namespace: "tn"), to: &sql, hasWhere: true)
            sql += "  )\n"
        }
        sql += "ORDER BY 1, 2;"
        return sql
    }

    /// describe.c listOpFamilyOperators (`\dAo[+] [AMPTRN [OPFPTRN]]`): each family's operators;
    /// verbose adds the sort family and (psql 18) whether the operator's function is leakproof.
    static func listOperatorFamilyOperators(
        accessMethodPattern: String?, familyPattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        var sql = """
        SELECT
          am.amname AS "AM",
          CASE
            WHEN pg_catalog.pg_opfamily_is_visible(of.oid)
            THEN pg_catalog.format('%I', of.opfname)
            ELSE pg_catalog.format('%I.%I', nsf.nspname, of.opfname)
          END AS "Operator family",
          o.amopopr::pg_catalog.regoperator AS "Operator"
        ,  o.amopstrategy AS "Strategy",
          CASE o.amoppurpose
            WHEN 'o' THEN 'ordering'
            WHEN 's' THEN 'search'
          END AS "Purpose"

        """
        if verbose {
            sql += """
            , ofs.opfname AS "Sort opfamily",
              CASE
                WHEN p.proleakproof THEN 'yes'
                ELSE 'no'
              END AS "Leakproof?"

            """
        }
        sql += """
        FROM pg_catalog.pg_amop o
          LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = o.amopfamily
          LEFT JOIN pg_catalog.pg_am am ON am.oid = of.opfmethod AND am.oid = o.amopmethod
          LEFT JOIN pg_catalog.pg_namespace nsf ON of.opfnamespace = nsf.oid

        """
        if verbose {
            sql += """
              LEFT JOIN pg_catalog.pg_opfamily ofs ON ofs.oid = o.amopsortfamily
              LEFT JOIN pg_catalog.pg_operator op ON op.oid = o.amopopr
              LEFT JOIN pg_catalog.pg_proc p ON p.oid = op.oprcode

            """
        }
        try appendFamilyPatterns(to: &sql, accessMethodPattern: accessMethodPattern, familyPattern: familyPattern,
                                 namespace: "nsf", context: context)
        sql += """
        ORDER BY 1, 2,
          o.amoplefttype = o.amoprighttype DESC,
          pg_catalog.format_type(o.amoplefttype, NULL),
          pg_catalog.format_type(o.amoprighttype, NULL),
          o.amopstrategy;
        """
        return sql
    }

    /// describe.c listOpFamilyFunctions (`\dAp[+] [AMPTRN [OPFPTRN]]`): each family's support
    /// functions, by name, or with their argument types when verbose.
    static func listOperatorFamilyFunctions(
        accessMethodPattern: String?, familyPattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        var sql = """
        SELECT
          am.amname AS "AM",
          CASE
            WHEN pg_catalog.pg_opfamily_is_visible(of.oid)
            THEN pg_catalog.format('%I', of.opfname)
            ELSE pg_catalog.format('%I.%I', ns.nspname, of.opfname)
          END AS "Operator family",
          pg_catalog.format_type(ap.amproclefttype, NULL) AS "Registered left type",
          pg_catalog.format_type(ap.amprocrighttype, NULL) AS "Registered right type",
          ap.amprocnum AS "Number"

        """
        sql += verbose ? ", ap.amproc::pg_catalog.regprocedure AS \"Function\"\n" : ", p.proname AS \"Function\"\n"
        sql += """
        FROM pg_catalog.pg_amproc ap
          LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = ap.amprocfamily
          LEFT JOIN pg_catalog.pg_am am ON am.oid = of.opfmethod
          LEFT JOIN pg_catalog.pg_namespace ns ON of.opfnamespace = ns.oid
          LEFT JOIN pg_catalog.pg_proc p ON ap.amproc = p.oid

        """
        try appendFamilyPatterns(to: &sql, accessMethodPattern: accessMethodPattern, familyPattern: familyPattern,
                                 namespace: "ns", context: context)
        sql += """
        ORDER BY 1, 2,
          ap.amproclefttype = ap.amprocrighttype DESC,
          3, 4, 5;
        """
        return sql
    }

    /// The access-method pattern on `am.amname`, then the operator-family pattern on the family's
    /// schema (`namespace` alias) and name, as listOpFamilyOperators and listOpFamilyFunctions
    /// both write them.
    private static func appendFamilyPatterns(
        to sql: inout String, accessMethodPattern: String?, familyPattern: String?, namespace: String, context: Context
    ) throws(Failure) {
        var hasWhere = false
        if accessMethodPattern != nil {
            hasWhere = try context.appendPattern(accessMethodPattern, on: .name("am.amname"), to: &sql)
        }
        if familyPattern != nil {
            try context.appendPattern(familyPattern, on: .qualified("of.opfname", schema: "\(namespace).nspname", visibility: nil), to: &sql, hasWhere: hasWhere)
        }
    }
}
