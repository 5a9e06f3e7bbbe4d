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
