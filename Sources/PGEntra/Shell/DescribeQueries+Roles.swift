/// `\du` / `\dg` (psql's describeRoles): the flags, laid out client-side.
extension DescribeQueries {
    static func listRoles(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(PatternTranslator.Failure) -> String {
        var sql = """
        SELECT r.rolname, r.rolsuper, r.rolinherit,
          r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
          r.rolconnlimit, r.rolvaliduntil,
          ARRAY(SELECT b.rolname
                FROM pg_catalog.pg_auth_members m
                JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid)
                WHERE m.member = r.oid) as memberof

        """
        if verbose { sql += ", pg_catalog.shobj_description(r.oid, 'pg_authid') AS description\n" }
        sql += ", r.rolreplication\n, r.rolbypassrls\nFROM pg_catalog.pg_roles r\n"
        let filtered = !system && pattern == nil
        if filtered { sql += "WHERE r.rolname !~ '^pg_'\n" }
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: filtered, schemaColumn: nil, nameColumn: "r.rolname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        sql += "ORDER BY 1;"
        return sql
    }

    /// The Attributes cell of one role: flags joined by `, `, then connection limit and expiry
    /// on lines of their own.
    static func roleAttributes(
        superuser: Bool, inherit: Bool, createRole: Bool, createDB: Bool, canLogin: Bool,
        replication: Bool, bypassRLS: Bool, connectionLimit: Int, validUntil: String
    ) -> String {
        var flags: [String] = []
        if superuser { flags.append("Superuser") }
        if !inherit { flags.append("No inheritance") }
        if createRole { flags.append("Create role") }
        if createDB { flags.append("Create DB") }
        if !canLogin { flags.append("Cannot login") }
        if replication { flags.append("Replication") }
        if bypassRLS { flags.append("Bypass RLS") }
        var text = flags.joined(separator: ", ")
        if connectionLimit >= 0 {
            if !text.isEmpty { text += "\n" }
            text += connectionLimit == 0 ? "No connections" : connectionLimit == 1 ? "1 connection" : "\(connectionLimit) connections"
        }
        if !validUntil.isEmpty {
            if !text.isEmpty { text += "\n" }
            text += "Password valid until " + validUntil
        }
        return text
    }
}
