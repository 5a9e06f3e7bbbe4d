/// `\dew`, `\des`, `\deu`, `\det` (psql 18's describe.c listForeignDataWrappers,
/// listForeignServers, listUserMappings, listForeignTables). No server-version branch from
/// release 11 on.
extension DescribeQueries {
    /// The FDW options column: `(name 'value', ...)`, empty when there are none.
    static func foreignOptionsColumn(_ column: String) -> String {
        "CASE WHEN \(column) IS NULL THEN '' ELSE   '(' || pg_catalog.array_to_string(ARRAY(SELECT   pg_catalog.quote_ident(option_name) ||  ' ' ||   pg_catalog.quote_literal(option_value)  FROM   pg_catalog.pg_options_to_table(\(column))),  ', ') || ')'   END AS \"FDW options\""
    }

    static func listForeignDataWrappers(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT fdw.fdwname AS "Name",
          pg_catalog.pg_get_userbyid(fdw.fdwowner) AS "Owner",
          fdw.fdwhandler::pg_catalog.regproc AS "Handler",
          fdw.fdwvalidator::pg_catalog.regproc AS "Validator"
        """
        if verbose {
            sql += ",\n  " + privilegeColumn("fdwacl") + ",\n " + foreignOptionsColumn("fdwoptions") + ",\n  d.description AS \"Description\" "
        }
        sql += "\nFROM pg_catalog.pg_foreign_data_wrapper fdw\n"
        if verbose {
            sql += descriptionJoin(of: "fdw", beforeOn: "\n       ")
        }
        return try context.filter(sql, by: pattern, on: .name("fdwname"), then: "ORDER BY 1;")
    }

    static func listForeignServers(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT s.srvname AS "Name",
          pg_catalog.pg_get_userbyid(s.srvowner) AS "Owner",
          f.fdwname AS "Foreign-data wrapper"
        """
        if verbose {
            sql += ",\n  " + privilegeColumn("s.srvacl") + ",\n  s.srvtype AS \"Type\",\n  s.srvversion AS \"Version\",\n  "
            sql += foreignOptionsColumn("srvoptions") + ",\n  d.description AS \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_foreign_server s\n     JOIN pg_catalog.pg_foreign_data_wrapper f ON f.oid=s.srvfdw\n"
        if verbose {
            sql += descriptionJoin(of: "s", beforeOn: "\n       ")
        }
        return try context.filter(sql, by: pattern, on: .name("s.srvname"), then: "ORDER BY 1;")
    }

    /// The pattern matches the server or the user name.
    static func listUserMappings(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT um.srvname AS \"Server\",\n  um.usename AS \"User name\""
        if verbose { sql += ",\n " + foreignOptionsColumn("umoptions") }
        sql += "\nFROM pg_catalog.pg_user_mappings um\n"
        return try context.filter(sql, by: pattern, on: .name("um.srvname", or: "um.usename"), then: "ORDER BY 1, 2;")
    }

    static func listForeignTables(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT n.nspname AS \"Schema\",\n  c.relname AS \"Table\",\n  s.srvname AS \"Server\""
        if verbose { sql += ",\n " + foreignOptionsColumn("ftoptions") + ",\n  d.description AS \"Description\"" }
        sql += """

        FROM pg_catalog.pg_foreign_table ft
          INNER JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
          INNER JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          INNER JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver

        """
        if verbose {
            sql += descriptionJoin(of: "c", indent: "   ", beforeOn: "\n          ")
        }
        return try context.filter(sql, by: pattern, on: .relation, then: "ORDER BY 1, 2;")
    }
}
