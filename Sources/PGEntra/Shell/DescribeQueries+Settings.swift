/// `\drds` (psql 18's describe.c listDbRoleSettings) and `\dconfig`
/// (describeConfigurationParameters).
extension DescribeQueries {
    /// The first pattern matches the role, the second the database.
    static func listRoleSettings(rolePattern: String?, databasePattern: String?, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT rolname AS "Role", datname AS "Database",
        pg_catalog.array_to_string(setconfig, E'\\n') AS "Settings"
        FROM pg_catalog.pg_db_role_setting s
        LEFT JOIN pg_catalog.pg_database d ON d.oid = setdatabase
        LEFT JOIN pg_catalog.pg_roles r ON r.oid = setrole

        """
        let roleClause = try PatternTranslator.appendClause(
            to: &sql, pattern: rolePattern, hasWhere: false, schemaColumn: nil, nameColumn: "r.rolname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        try PatternTranslator.appendClause(
            to: &sql, pattern: databasePattern, hasWhere: roleClause, schemaColumn: nil, nameColumn: "d.datname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        sql += "ORDER BY 1, 2;"
        return sql
    }

    /// Without a pattern only the parameters set away from their defaults. psql uses
    /// processSQLNamePattern here, which does not count dots (`\dconfig plpgsql.*` works), and
    /// the parameter ACLs exist from 15.
    static func listConfigurationParameters(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT s.name AS \"Parameter\", pg_catalog.current_setting(s.name) AS \"Value\""
        if verbose {
            sql += ", s.vartype AS \"Type\", s.context AS \"Context\", "
            sql += context.serverVersion >= 150000 ? aclColumn("p.paracl") : "NULL AS \"Access privileges\""
        }
        sql += "\nFROM pg_catalog.pg_settings s\n"
        if verbose && context.serverVersion >= 150000 {
            sql += "  LEFT JOIN pg_catalog.pg_parameter_acl p\n  ON pg_catalog.lower(s.name) = p.parname\n"
        }
        if pattern != nil {
            try PatternTranslator.appendClause(
                to: &sql, pattern: pattern, hasWhere: false, schemaColumn: nil, nameColumn: "pg_catalog.lower(s.name)",
                visibilityRule: nil, maxParts: Int.max, database: context.database)
        } else {
            sql += "WHERE s.source <> 'default' AND\n      s.setting IS DISTINCT FROM s.boot_val\n"
        }
        sql += "ORDER BY 1;"
        return sql
    }
}
