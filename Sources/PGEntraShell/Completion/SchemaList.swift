/// One of psql's SchemaQuery structs (tab-complete.c): how to list objects that live in a
/// schema, so that the same description answers both an unqualified word (the visible ones)
/// and `schema.word` (those of that schema), as _complete_from_query builds both.
struct SchemaList: Hashable, Sendable {
    /// psql's name for it, e.g. `Query_for_list_of_domains`.
    let name: String
    /// `catname`: the catalog and its alias, e.g. `pg_catalog.pg_type t`.
    let catalog: String
    /// `selcondition`: which rows are candidates, nil for all.
    var selection: String?
    /// `viscondition`: which are visible without a schema, e.g. `pg_catalog.pg_type_is_visible(t.oid)`.
    var visibility: String?
    /// `namespace`: the column joined to pg_namespace.oid.
    let namespace: String
    /// `result`: the name offered, e.g. `t.typname`.
    let result: String
    /// `keywords`: words offered beside the names (matched ignoring case, in keyword case).
    var keywords: [String] = []

    /// The SQL for the visible names, or for those of the schema in `$1`.
    func sql(qualified: Bool) -> String {
        var conditions = [selection].compactMap { $0 }
        var from = catalog
        if qualified {
            from += ", pg_catalog.pg_namespace n"
            conditions += ["\(namespace) = n.oid", "n.nspname = $1"]
        } else if let visibility {
            conditions.append(visibility)
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.map { "(\($0))" }.joined(separator: " AND ")
        return "SELECT DISTINCT pg_catalog.quote_ident(\(result)) FROM \(from)\(filter)"
    }
}
