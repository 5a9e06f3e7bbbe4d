/// The catalog names Tab completion offers, behind a seam so the completer's rules can be
/// tested without a server. Names come back quoted as SQL needs them (`quote_ident`), as
/// psql's completion queries return them; nil means "offer nothing" (no connection, an error).
protocol CompletionCatalog: AnyObject {
    func names(_ query: CatalogQuery) -> [String]?
}

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
    case types
}

/// `pg_class.relkind` letters a completion context wants.
struct RelationKinds: Hashable, Sendable {
    let letters: String

    /// What `SELECT ... FROM` can read: tables, views, sequences, materialized and foreign tables.
    static let selectable = RelationKinds(letters: "rSvmfp")
    static let tables = RelationKinds(letters: "rp")
    /// What INSERT/UPDATE/DELETE can write (views may be updatable).
    static let updatable = RelationKinds(letters: "rpvf")
    static let views = RelationKinds(letters: "v")
    static let materializedViews = RelationKinds(letters: "m")
    static let indexes = RelationKinds(letters: "iI")
    static let sequences = RelationKinds(letters: "S")
    static let foreignTables = RelationKinds(letters: "f")
    /// `\d`: everything `\d` describes.
    static let any = RelationKinds(letters: "rpvmSfiIc")
}

/// Keeps catalog answers until the catalog may have changed: after DDL (the session counts
/// statements whose tag is CREATE/ALTER/DROP/...) or on another connection (`\c`, a reset).
/// psql asks the server on every Tab; a cache keeps Tab instant on a slow link.
final class CachedCatalog: CompletionCatalog {
    private let source: any CompletionCatalog
    /// Changes whenever cached names may be stale.
    private let stamp: () -> CatalogStamp
    private var cachedStamp: CatalogStamp?
    private var cache: [CatalogQuery: [String]] = [:]

    init(_ source: any CompletionCatalog, stamp: @escaping () -> CatalogStamp) {
        self.source = source
        self.stamp = stamp
    }

    func names(_ query: CatalogQuery) -> [String]? {
        let current = stamp()
        if current != cachedStamp {
            cache = [:]
            cachedStamp = current
        }
        if let names = cache[query] { return names }
        // Failures are not kept: the next Tab asks again.
        guard let names = source.names(query) else { return nil }
        cache[query] = names
        return names
    }
}

/// Which connection, and how many catalog-changing statements it has run.
struct CatalogStamp: Hashable, Sendable {
    var connection: ObjectIdentifier?
    var changes: Int
}

/// Command tags after which cached catalog names are dropped (psql-compat.md §9).
enum CatalogChange {
    private static let words: Set<Substring> = [
        "CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "TRUNCATE", "ROLLBACK", "IMPORT",
        "SELECT", "REFRESH", "REINDEX", "SECURITY", "REASSIGN", "SET",
    ]

    /// Whether a statement that ended with this tag (a command, not rows) may have changed
    /// names: `SELECT n` here is SELECT INTO or CREATE TABLE AS, ROLLBACK may undo a CREATE,
    /// SET may change the search path.
    static func invalidates(_ commandTag: String) -> Bool {
        guard let first = commandTag.split(separator: " ").first else { return false }
        return words.contains(first)
    }
}
