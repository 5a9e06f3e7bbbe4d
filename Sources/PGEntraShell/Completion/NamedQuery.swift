/// A list psql reads with a fixed query, one of tab-complete.c's `Query_for_...` strings,
/// kept under psql's name so that a rule reads as psql's does. Its SQL returns one text
/// column: names quoted as SQL needs them (pg_catalog.quote_ident), or, for a `verbatim`
/// list, text to be offered as it is (GUC values, enum labels in quotes). Where the list
/// belongs to another object (psql's set_completion_reference), `$1` is that object's name
/// and `$2` (if the SQL uses it) its schema, or '' when none was typed, both as the server
/// stores them.
/// psql filters on the server with the typed prefix and a LIMIT; here the whole list is read
/// once and kept (CachedCatalog), so each Tab after the first is answered without the server.
struct NamedQuery: Hashable, Sendable {
    let name: String
    let sql: String
    var verbatim = false

    init(_ name: String, verbatim: Bool = false, sql: String) {
        self.name = name
        self.sql = sql
        self.verbatim = verbatim
    }
}

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
