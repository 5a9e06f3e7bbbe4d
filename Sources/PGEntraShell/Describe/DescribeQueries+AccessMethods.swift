/// `\dA` and its letters (psql 18's describe.c describeAccessMethods, listOperatorClasses,
/// listOperatorFamilies, listOpFamilyOperators, listOpFamilyFunctions). No server-version
/// branch from release 11 on. Every listing but `\dA` starts from the access method's name and
/// takes its pattern first, then a type or operator-family pattern.
extension DescribeQueries {
    static func listAccessMethods(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT amname AS \"Name\",\n  CASE amtype WHEN 'i' THEN 'Index' WHEN 't' THEN 'Table' END AS \"Type\""
        if verbose { sql += ",\n  amhandler AS \"Handler\",\n  pg_catalog.obj_description(oid, 'pg_am') AS \"Description\"" }
        return try context.filter(sql + "\nFROM pg_catalog.pg_am\n", by: pattern, on: .name("amname"), then: "ORDER BY 1;")
    }

    /// `\dAc[+] [AMPTRN [TYPEPTRN]]` (listOperatorClasses): verbose adds the class's family and owner.
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
        \(searchPathName("Operator class", visibility: "pg_opclass_is_visible", of: "c.opcname", namespace: "n")),
          (CASE WHEN c.opcdefault
            THEN 'yes'
            ELSE 'no'
          END) AS "Default?"
        """
        if verbose {
            sql += ",\n" + operatorFamilyColumn(namespace: "ofn") + ",\n pg_catalog.pg_get_userbyid(c.opcowner) AS \"Owner\"\n"
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
        let hasWhere = try context.appendPattern(accessMethodPattern, on: accessMethodName, to: &sql)
        if let typePattern {
            try context.appendPattern(typePattern, on: .type("t", namespace: "tn"), to: &sql, hasWhere: hasWhere)
        }
        return sql + "ORDER BY 1, 2, 4;"
    }

    /// `\dAf[+] [AMPTRN [TYPEPTRN]]` (listOperatorFamilies): a family matches a type pattern
    /// when one of its classes is for a matching type.
    static func listOperatorFamilies(
        accessMethodPattern: String?, typePattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        var sql = "SELECT\n  am.amname AS \"AM\",\n" + searchPathName("Operator family", visibility: "pg_opfamily_is_visible", of: "f.opfname", namespace: "n")
        sql += """
        ,
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
        let hasWhere = try context.appendPattern(accessMethodPattern, on: accessMethodName, to: &sql)
        if let typePattern {
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
        return sql + "ORDER BY 1, 2;"
    }

    /// `\dAo[+] [AMPTRN [OPFPTRN]]` (listOpFamilyOperators): each family's operators; verbose
    /// adds the sort family and (psql 18) whether the operator's function is leakproof.
    static func listOperatorFamilyOperators(
        accessMethodPattern: String?, familyPattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        var columns = """
          o.amopopr::pg_catalog.regoperator AS "Operator"
        ,  o.amopstrategy AS "Strategy",
          CASE o.amoppurpose
            WHEN 'o' THEN 'ordering'
            WHEN 's' THEN 'search'
          END AS "Purpose"

        """
        var joins = """
          LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = o.amopfamily
          LEFT JOIN pg_catalog.pg_am am ON am.oid = of.opfmethod AND am.oid = o.amopmethod
          LEFT JOIN pg_catalog.pg_namespace nsf ON of.opfnamespace = nsf.oid

        """
        if verbose {
            columns += ", ofs.opfname AS \"Sort opfamily\",\n  CASE\n    WHEN p.proleakproof THEN 'yes'\n    ELSE 'no'\n  END AS \"Leakproof?\"\n"
            joins += """
              LEFT JOIN pg_catalog.pg_opfamily ofs ON ofs.oid = o.amopsortfamily
              LEFT JOIN pg_catalog.pg_operator op ON op.oid = o.amopopr
              LEFT JOIN pg_catalog.pg_proc p ON p.oid = op.oprcode

            """
        }
        let members = FamilyMembers(
            columns: columns, from: "pg_catalog.pg_amop o\n" + joins, namespace: "nsf",
            orderBy: "o.amoplefttype = o.amoprighttype DESC,\n  pg_catalog.format_type(o.amoplefttype, NULL),\n  pg_catalog.format_type(o.amoprighttype, NULL),\n  o.amopstrategy;")
        return try members.query(accessMethodPattern: accessMethodPattern, familyPattern: familyPattern, context: context)
    }

    /// `\dAp[+] [AMPTRN [OPFPTRN]]` (listOpFamilyFunctions): each family's support functions,
    /// by name, or with their argument types when verbose.
    static func listOperatorFamilyFunctions(
        accessMethodPattern: String?, familyPattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        let function = verbose ? "ap.amproc::pg_catalog.regprocedure" : "p.proname"
        let members = FamilyMembers(
            columns: """
              pg_catalog.format_type(ap.amproclefttype, NULL) AS "Registered left type",
              pg_catalog.format_type(ap.amprocrighttype, NULL) AS "Registered right type",
              ap.amprocnum AS "Number"
            , \(function) AS "Function"

            """,
            from: """
            pg_catalog.pg_amproc ap
              LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = ap.amprocfamily
              LEFT JOIN pg_catalog.pg_am am ON am.oid = of.opfmethod
              LEFT JOIN pg_catalog.pg_namespace ns ON of.opfnamespace = ns.oid
              LEFT JOIN pg_catalog.pg_proc p ON ap.amproc = p.oid

            """,
            namespace: "ns", orderBy: "ap.amproclefttype = ap.amprocrighttype DESC,\n  3, 4, 5;")
        return try members.query(accessMethodPattern: accessMethodPattern, familyPattern: familyPattern, context: context)
    }

    /// The access-method pattern of `\dAc`, `\dAf`, `\dAo` and `\dAp`: one part, on the name.
    private static let accessMethodName = PatternColumns.name("am.amname")

    /// listOpFamilyOperators and listOpFamilyFunctions: the members of operator families
    /// (operators in pg_amop, support functions in pg_amproc), each row led by its access
    /// method and family (`of`, schema alias `namespace`), matched by an access-method pattern
    /// and a family pattern, and ordered by those two first.
    private struct FamilyMembers {
        /// The member's columns, after AM and Operator family.
        var columns: String
        /// The member catalog and its joins (to `of`, `am` and `namespace`).
        var from: String
        var namespace: String
        /// The ORDER BY after `1, 2,`.
        var orderBy: String

        func query(accessMethodPattern: String?, familyPattern: String?, context: Context) throws(Failure) -> String {
            var sql = "SELECT\n  am.amname AS \"AM\",\n" + operatorFamilyColumn(namespace: namespace) + ",\n" + columns + "FROM " + from
            let hasWhere = try context.appendPattern(accessMethodPattern, on: accessMethodName, to: &sql)
            if familyPattern != nil {
                let family = PatternColumns.qualified("of.opfname", schema: "\(namespace).nspname", visibility: nil)
                try context.appendPattern(familyPattern, on: family, to: &sql, hasWhere: hasWhere)
            }
            return sql + "ORDER BY 1, 2,\n  " + orderBy
        }
    }

    /// The Operator family column of `of` (schema alias `namespace`), as every access-method
    /// listing but `\dA` and `\dAf` writes it.
    private static func operatorFamilyColumn(namespace: String) -> String {
        searchPathName("Operator family", visibility: "pg_opfamily_is_visible", of: "of.opfname", namespace: namespace)
    }

    /// A class's or family's name the way these listings show it: bare when the search path
    /// finds it (`visibility`), schema-qualified otherwise. `name` is `alias.column`.
    private static func searchPathName(_ label: String, visibility: String, of name: String, namespace: String) -> String {
        let alias = name.prefix { $0 != "." }
        return """
          CASE
            WHEN pg_catalog.\(visibility)(\(alias).oid)
            THEN pg_catalog.format('%I', \(name))
            ELSE pg_catalog.format('%I.%I', \(namespace).nspname, \(name))
          END AS "\(label)"
        """
    }
}
