/// `\du` / `\dg` (psql's describeRoles) and `\drg` (describeRoleGrants), both in describe.c.
extension DescribeQueries {
    /// psql 18's describeRoles: the role flags, laid out client-side by `roleAttributes`.
    /// Since psql 16 there is no Member of column (role grants carry options and grantors
    /// now, which `\drg` lists), whatever the server's version.
    static func listRoles(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(PatternTranslator.Failure) -> String {
        var sql = """
        SELECT r.rolname, r.rolsuper, r.rolinherit,
          r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
          r.rolconnlimit, r.rolvaliduntil
        """
        if verbose { sql += "\n, pg_catalog.shobj_description(r.oid, 'pg_authid') AS description" }
        sql += "\n, r.rolreplication\n, r.rolbypassrls\nFROM pg_catalog.pg_roles r\n"
        if !system && pattern == nil { sql += "WHERE r.rolname !~ '^pg_'\n" }
        return try context.filter(sql, by: pattern, on: .name("r.rolname"), then: "ORDER BY 1;")
    }

    /// psql 18's describeRoleGrants (`\drg`): one row per membership with its options and
    /// grantor. Servers from 16 keep INHERIT and SET per grant; before, psql reads INHERIT off
    /// the member role and every grant allows SET.
    static func listRoleGrants(pattern: String?, system: Bool, context: Context) throws(PatternTranslator.Failure) -> String {
        var sql = "SELECT m.rolname AS \"Role name\", r.rolname AS \"Member of\",\n  pg_catalog.concat_ws(', ',\n"
        sql += "    CASE WHEN pam.admin_option THEN 'ADMIN' END,\n"
        sql += context.serverVersion >= 160000
            ? "    CASE WHEN pam.inherit_option THEN 'INHERIT' END,\n    CASE WHEN pam.set_option THEN 'SET' END\n"
            : "    CASE WHEN m.rolinherit THEN 'INHERIT' END,\n    'SET'\n"
        sql += """
          ) AS "Options",
          g.rolname AS "Grantor"
        FROM pg_catalog.pg_roles m
             JOIN pg_catalog.pg_auth_members pam ON (pam.member = m.oid)
             LEFT JOIN pg_catalog.pg_roles r ON (pam.roleid = r.oid)
             LEFT JOIN pg_catalog.pg_roles g ON (pam.grantor = g.oid)

        """
        if !system && pattern == nil { sql += "WHERE m.rolname !~ '^pg_'\n" }
        return try context.filter(sql, by: pattern, on: .name("m.rolname"), then: "ORDER BY 1, 2, 4;\n")
    }

    /// psql 18's listDbRoleSettings (`\drds [ROLEPATTERN [DBPATTERN]]`): the per-role and
    /// per-database settings, the database pattern joining the role pattern's WHERE.
    static func listRoleSettings(
        rolePattern: String?, databasePattern: String?, context: Context
    ) throws(PatternTranslator.Failure) -> String {
        var sql = """
        SELECT rolname AS "Role", datname AS "Database",
        pg_catalog.array_to_string(setconfig, E'\\n') AS "Settings"
        FROM pg_catalog.pg_db_role_setting s
        LEFT JOIN pg_catalog.pg_database d ON d.oid = setdatabase
        LEFT JOIN pg_catalog.pg_roles r ON r.oid = setrole

        """
        let hasWhere = try context.appendPattern(rolePattern, on: .name("r.rolname"), to: &sql)
        return try context.filter(sql, by: databasePattern, on: .name("d.datname"), hasWhere: hasWhere, then: "ORDER BY 1, 2;")
    }

    /// The Attributes cell of one role: flags joined by `, `, then connection limit and expiry
    /// on lines of their own (describeRoles with add_role_attribute).
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
