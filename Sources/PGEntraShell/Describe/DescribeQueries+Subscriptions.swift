/// `\dRs` and `\dRs+` (psql 18's describe.c describeSubscriptions): only the subscriptions of
/// the current database.
extension DescribeQueries {
    /// The verbose columns follow the server: Binary and Streaming from 14 (streaming spelled
    /// out from 16), Two-phase commit, Disable on error and Skip LSN from 15, Origin, Password
    /// required and Run as owner? from 16, Failover from 17.
    static func listSubscriptions(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        let version = context.serverVersion
        var sql = """
        SELECT subname AS "Name"
        ,  pg_catalog.pg_get_userbyid(subowner) AS "Owner"
        ,  subenabled AS "Enabled"
        ,  subpublications AS "Publication"

        """
        if verbose {
            if version >= 140000 {
                sql += ", subbinary AS \"Binary\"\n"
                if version >= 160000 {
                    sql += """
                    , (CASE substream
                        WHEN 'f' THEN 'off'
                        WHEN 't' THEN 'on'
                        WHEN 'p' THEN 'parallel'
                       END) AS "Streaming"

                    """
                } else {
                    sql += ", substream AS \"Streaming\"\n"
                }
            }
            if version >= 150000 { sql += ", subtwophasestate AS \"Two-phase commit\"\n, subdisableonerr AS \"Disable on error\"\n" }
            if version >= 160000 {
                sql += ", suborigin AS \"Origin\"\n, subpasswordrequired AS \"Password required\"\n, subrunasowner AS \"Run as owner?\"\n"
            }
            if version >= 170000 { sql += ", subfailover AS \"Failover\"\n" }
            sql += ",  subsynccommit AS \"Synchronous commit\"\n,  subconninfo AS \"Conninfo\"\n"
            if version >= 150000 { sql += ", subskiplsn AS \"Skip LSN\"\n" }
        }
        sql += """
        FROM pg_catalog.pg_subscription
        WHERE subdbid = (SELECT oid
                         FROM pg_catalog.pg_database
                         WHERE datname = pg_catalog.current_database())
        """
        return try context.filter(sql, by: pattern, on: .name("subname"), hasWhere: true, then: "ORDER BY 1;")
    }
}
