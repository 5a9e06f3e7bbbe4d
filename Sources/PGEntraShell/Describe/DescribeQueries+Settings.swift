/// `\dconfig` (psql 18's describe.c describeConfigurationParameters).
extension DescribeQueries {
    /// Without a pattern only the parameters set away from their defaults. psql uses
    /// processSQLNamePattern here, which does not count dots (`\dconfig plpgsql.*` works), and
    /// the parameter ACLs exist from 15.
    static func listConfigurationParameters(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT s.name AS \"Parameter\", pg_catalog.current_setting(s.name) AS \"Value\""
        if verbose {
            sql += ", s.vartype AS \"Type\", s.context AS \"Context\", "
            sql += context.serverVersion >= 150000 ? privilegeColumn("p.paracl") : "NULL AS \"Access privileges\""
        }
        sql += "\nFROM pg_catalog.pg_settings s\n"
        if verbose && context.serverVersion >= 150000 {
            sql += "  LEFT JOIN pg_catalog.pg_parameter_acl p\n  ON pg_catalog.lower(s.name) = p.parname\n"
        }
        if pattern != nil {
            try context.appendPattern(pattern, on: .name("pg_catalog.lower(s.name)", maxParts: Int.max), to: &sql)
        } else {
            sql += "WHERE s.source <> 'default' AND\n      s.setting IS DISTINCT FROM s.boot_val\n"
        }
        sql += "ORDER BY 1;"
        return sql
    }
}
