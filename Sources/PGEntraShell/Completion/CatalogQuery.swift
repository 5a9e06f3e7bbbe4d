/// One list of names the completer can ask for.
enum CatalogQuery: Hashable, Sendable {
    /// Relations of the given kinds visible on the search path, or in `schema` (as typed).
    case relations(RelationKinds, schema: String?)
    /// Columns of the named relations (as typed, possibly schema-qualified).
    case columns(of: [String])
    /// Functions visible on the search path, or in `schema`.
    case functions(schema: String?)
    /// The visible functions and aggregates as `name(identity arguments)`, one per overload
    /// (pgentra's select-list completion, past psql).
    case functionSignatures
    case schemas
    case roles
    case databases
    /// Settings: only those a user can SET, or every one (SHOW).
    case settings(settable: Bool)
    case extensions
    case tablespaces
    case publications
    /// One of psql's fixed lists (a Query_for_list_of_... string); `reference` is the object
    /// the list belongs to (psql's completion_ref_object), as typed.
    case named(NamedQuery, reference: String?)
    /// One of psql's schema queries (a SchemaQuery): visible names, or those in `schema`.
    case schemaList(SchemaList, schema: String?)
    /// A setting's type, pg_settings.vartype, for what follows `SET name TO` (psql's get_guctype).
    case settingType(String)
    /// An enum setting's values as identifiers (psql's Query_for_values_of_enum_GUC).
    case settingValues(String)
    /// Time zone names, as pg_timezone_names() gives them (psql's COMPLETE_WITH_TIMEZONE_NAME).
    case timeZones
    /// An enum type's labels as string literals, in their order; the type as typed, possibly
    /// qualified (psql's Query_for_list_of_enum_values_quoted).
    case enumLabels(type: String)
}
