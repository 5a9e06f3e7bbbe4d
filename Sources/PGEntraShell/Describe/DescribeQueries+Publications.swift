/// `\dRp` and `\dRp+` (psql 18's describe.c listPublications, describePublications and
/// addFooterToPublicationDesc).
extension DescribeQueries {
    /// The generated-columns setting, from 18.
    private static let publicationGeneratedColumns = """
        (CASE pubgencols
            WHEN 'n' THEN 'none'
            WHEN 's' THEN 'stored'
           END) AS "Generated columns"
        """

    /// listPublications: Truncates from 11, Generated columns from 18, Via root from 13.
    static func listPublications(pattern: String?, context: Context) throws(Failure) -> String {
        let version = context.serverVersion
        var sql = """
        SELECT pubname AS "Name",
          pg_catalog.pg_get_userbyid(pubowner) AS "Owner",
          puballtables AS "All tables",
          pubinsert AS "Inserts",
          pubupdate AS "Updates",
          pubdelete AS "Deletes"
        """
        if version >= 110000 { sql += ",\n  pubtruncate AS \"Truncates\"" }
        if version >= 180000 { sql += ",\n " + publicationGeneratedColumns }
        if version >= 130000 { sql += ",\n  pubviaroot AS \"Via root\"" }
        sql += "\nFROM pg_catalog.pg_publication\n"
        return try context.filter(sql, by: pattern, on: .name("pubname"), then: "ORDER BY 1;")
    }

    /// The columns `\dRp+` shows of each publication, as describePublications picks them by
    /// server version; the publications query returns oid, name, then these in order.
    static func publicationColumns(serverVersion: Int) -> [String] {
        var columns = ["Owner", "All tables", "Inserts", "Updates", "Deletes"]
        if serverVersion >= 110000 { columns.append("Truncates") }
        if serverVersion >= 180000 { columns.append("Generated columns") }
        if serverVersion >= 130000 { columns.append("Via root") }
        return columns
    }

    /// describePublications' first query: the publications a pattern names, with every flag
    /// (constants where the server lacks one, so the columns keep their places).
    static func findPublications(pattern: String?, context: Context) throws(Failure) -> String {
        let version = context.serverVersion
        var sql = """
        SELECT oid, pubname,
          pg_catalog.pg_get_userbyid(pubowner) AS owner,
          puballtables, pubinsert, pubupdate, pubdelete
        """
        sql += version >= 110000 ? ", pubtruncate" : ", false AS pubtruncate"
        sql += version >= 180000 ? ", " + publicationGeneratedColumns + "\n" : ", 'none' AS pubgencols"
        sql += version >= 130000 ? ", pubviaroot" : ", false AS pubviaroot"
        sql += "\nFROM pg_catalog.pg_publication\n"
        return try context.filter(sql, by: pattern, on: .name("pubname"), then: "ORDER BY 2;")
    }

    /// The tables of one publication: schema, name, row filter and column list (the last two
    /// from 15).
    static func publicationTables(publication oid: String, context: Context) -> String {
        var sql = "SELECT n.nspname, c.relname"
        if context.serverVersion >= 150000 {
            sql += ", pg_get_expr(pr.prqual, c.oid)"
            sql += """
            , (CASE WHEN pr.prattrs IS NOT NULL THEN
                 pg_catalog.array_to_string(      ARRAY(SELECT attname
                          FROM
                            pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,
                            pg_catalog.pg_attribute
                    WHERE attrelid = c.oid AND attnum = prattrs[s]), ', ')
                   ELSE NULL END)
            """
        } else {
            sql += ", NULL, NULL"
        }
        sql += """

        FROM pg_catalog.pg_class c,
             pg_catalog.pg_namespace n,
             pg_catalog.pg_publication_rel pr
        WHERE c.relnamespace = n.oid
          AND c.oid = pr.prrelid
          AND pr.prpubid = '\(oid)'
        ORDER BY 1,2
        """
        return sql
    }

    /// The schemas of one publication (FOR TABLES IN SCHEMA, from 15; nil before).
    static func publicationSchemas(publication oid: String, context: Context) -> String? {
        guard context.serverVersion >= 150000 else { return nil }
        return """
        SELECT n.nspname
        FROM pg_catalog.pg_namespace n
             JOIN pg_catalog.pg_publication_namespace pn ON n.oid = pn.pnnspid
        WHERE pn.pnpubid = '\(oid)'
        ORDER BY 1
        """
    }
}
