/// `\dX` (psql 18's describe.c listExtendedStats).
extension DescribeQueries {
    /// The Definition comes from pg_get_statisticsobjdef_columns from 14 (which knows
    /// expressions) and is spelled out from the column numbers before; MCV lists exist from 12.
    static func listExtendedStatistics(pattern: String?, context: Context) throws(Failure) -> String {
        let version = context.serverVersion
        var sql = "SELECT \nes.stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS \"Schema\", \nes.stxname AS \"Name\", \n"
        if version >= 140000 {
            sql += """
            pg_catalog.format('%s FROM %s', 
              pg_catalog.pg_get_statisticsobjdef_columns(es.oid), 
              es.stxrelid::pg_catalog.regclass) AS "Definition"
            """
        } else {
            sql += """
            pg_catalog.format('%s FROM %s', 
              (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname),', ') 
               FROM pg_catalog.unnest(es.stxkeys) s(attnum) 
               JOIN pg_catalog.pg_attribute a 
               ON (es.stxrelid = a.attrelid 
               AND a.attnum = s.attnum 
               AND NOT a.attisdropped)), 
            es.stxrelid::pg_catalog.regclass) AS "Definition"
            """
        }
        sql += """
        ,
        CASE WHEN 'd' = any(es.stxkind) THEN 'defined' 
        END AS "Ndistinct", 
        CASE WHEN 'f' = any(es.stxkind) THEN 'defined' 
        END AS "Dependencies"
        """
        if version >= 120000 {
            sql += ",\nCASE WHEN 'm' = any(es.stxkind) THEN 'defined' \nEND AS \"MCV\" "
        }
        sql += " \nFROM pg_catalog.pg_statistic_ext es \n"
        let statistics = PatternColumns.qualified(
            "es.stxname", schema: "es.stxnamespace::pg_catalog.regnamespace::pg_catalog.text",
            visibility: "pg_catalog.pg_statistics_obj_is_visible(es.oid)")
        return try context.filter(sql, by: pattern, on: statistics, then: "ORDER BY 1, 2;")
    }
}
