/// The privilege column of the catalog listings (psql's printACLColumn in describe.c).
extension DescribeQueries {
    /// The select-list entry psql 18's printACLColumn writes for an aclitem[] column: an empty
    /// array (every privilege revoked) reads `(none)`, a NULL one (the default privileges)
    /// stays empty, anything else is one grant per line. Whatever surrounds it (the leading
    /// spaces, the comma) is the caller's, as in psql.
    static func privilegeColumn(_ column: String) -> String {
        "CASE WHEN pg_catalog.array_length(\(column), 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(\(column), E'\\n') END AS \"Access privileges\""
    }
}
