/// `\l`, `\list` and `pgentra -l` (psql's listAllDbs in describe.c).
extension DescribeQueries {
    /// psql 18's listAllDbs: the locale columns follow the server's catalog. Locale Provider
    /// reads datlocprovider from 15 (before, every database is libc); Locale reads datlocale
    /// from 17, daticulocale on 15 and 16, NULL before; ICU Rules reads daticurules from 16.
    static func listDatabases(pattern: String?, verbose: Bool, context: Context) throws(PatternTranslator.Failure) -> String {
        let version = context.serverVersion
        var sql = """
        SELECT
          d.datname as "Name",
          pg_catalog.pg_get_userbyid(d.datdba) as "Owner",
          pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding",

        """
        sql += version >= 150000
            ? "  CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\",\n"
            : "  'libc' AS \"Locale Provider\",\n"
        sql += "  d.datcollate as \"Collate\",\n  d.datctype as \"Ctype\",\n"
        sql += version >= 170000 ? "  d.datlocale as \"Locale\",\n"
            : version >= 150000 ? "  d.daticulocale as \"Locale\",\n" : "  NULL as \"Locale\",\n"
        sql += version >= 160000 ? "  d.daticurules as \"ICU Rules\",\n" : "  NULL as \"ICU Rules\",\n"
        sql += "  " + privilegeColumn("d.datacl")
        if verbose {
            sql += """
            ,
              CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')
                   OR pg_catalog.pg_has_role('pg_read_all_stats', 'USAGE')
                   THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))
                   ELSE 'No Access'
              END as "Size",
              t.spcname as "Tablespace",
              pg_catalog.shobj_description(d.oid, 'pg_database') as "Description"
            """
        }
        sql += "\nFROM pg_catalog.pg_database d\n"
        if verbose { sql += "  JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid\n" }
        return try context.filter(sql, by: pattern, on: .name("d.datname"), then: "ORDER BY 1;")
    }
}
