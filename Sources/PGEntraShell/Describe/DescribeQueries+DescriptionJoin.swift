/// The comment join of describe.c's verbose listings.
extension DescribeQueries {
    /// `LEFT JOIN pg_catalog.pg_description d` on the comment of the object `alias` itself
    /// (objsubid 0, not one of its columns), as listConversions, listCasts, listDomains,
    /// listLanguages and the foreign-data listings join it. Each of those breaks and indents
    /// the join its own way, and `-E` shows psql's text, so the caller gives what stands before
    /// the join and before each of its three conditions.
    static func descriptionJoin(
        of alias: String, indent: String = "", beforeOn: String = " ", beforeObjoid: String = " ", beforeObjsubid: String = " "
    ) -> String {
        "\(indent)LEFT JOIN pg_catalog.pg_description d\(beforeOn)ON d.classoid = \(alias).tableoid"
            + "\(beforeObjoid)AND d.objoid = \(alias).oid\(beforeObjsubid)AND d.objsubid = 0\n"
    }
}
