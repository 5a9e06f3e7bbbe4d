/// The catalog as one Tab sees it: once a query has failed (a timeout, a lost connection),
/// the Tab asks nothing more. A Tab may consult several lists (the rules that fit in turn,
/// words_after_create, the columns past psql); after a failure each further one would cost
/// another second of waiting (LibpqCompletionCatalog's timeout, which psql does not have), or
/// run on the connection the failure has just reset, completing what psql would not there.
final class OneTabCatalog: CompletionCatalog {
    private let source: any CompletionCatalog
    private var failed = false

    init(_ source: any CompletionCatalog) {
        self.source = source
    }

    func names(_ query: CatalogQuery) -> [String]? {
        guard !failed else { return nil }
        let names = source.names(query)
        failed = names == nil
        return names
    }
}
