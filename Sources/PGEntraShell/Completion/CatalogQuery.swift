/// One list of names the completer can ask for.
enum CatalogQuery: Hashable, Sendable {
    /// Relations of the given kinds visible on the search path, or in `schema` (as typed).
    case relations(RelationKinds, schema: String?)
    /// Columns of the named relations (as typed, possibly schema-qualified).
    case columns(of: [String])
    /// Functions visible on the search path, or in `schema`.
    case functions(schema: String?)
    case schemas
    case roles
    case databases
    /// Settings: only those a user can SET, or every one (SHOW).
    case settings(settable: Bool)
    case extensions
    case tablespaces
    /// Data types by their SQL names (`bigint`, not `int8`), as format_type gives them.
    case types
    case publications
    /// One of psql's fixed lists (a Query_for_list_of_... string); `reference` is the object
    /// the list belongs to (psql's completion_ref_object), as typed.
    case named(NamedQuery, reference: String?)
    /// One of psql's schema queries (a SchemaQuery): visible names, or those in `schema`.
    case schemaList(SchemaList, schema: String?)
}
