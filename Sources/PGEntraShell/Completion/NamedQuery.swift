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
