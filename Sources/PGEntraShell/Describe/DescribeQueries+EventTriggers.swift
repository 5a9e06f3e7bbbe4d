/// `\dy` (psql 18's describe.c listEventTriggers). No server-version branch from release 11 on.
extension DescribeQueries {
    static func listEventTriggers(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT evtname as "Name", evtevent as "Event", pg_catalog.pg_get_userbyid(e.evtowner) as "Owner",
         case evtenabled when 'O' then 'enabled'  when 'R' then 'replica'  when 'A' then 'always'  when 'D' then 'disabled' end as "Enabled",
         e.evtfoid::pg_catalog.regproc as "Function", pg_catalog.array_to_string(array(select x from pg_catalog.unnest(evttags) as t(x)), ', ') as "Tags"
        """
        if verbose { sql += ",\npg_catalog.obj_description(e.oid, 'pg_event_trigger') as \"Description\"" }
        sql += "\nFROM pg_catalog.pg_event_trigger e "
        return try context.filter(sql, by: pattern, on: .name("evtname"), then: "ORDER BY 1")
    }
}
