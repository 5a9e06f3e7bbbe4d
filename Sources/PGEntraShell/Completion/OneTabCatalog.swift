/// The catalog as one Tab sees it: once a query has failed (a timeout, a lost connection),
/// the Tab asks nothing more. psql's completion runs one query per Tab and offers nothing when
/// it fails; a Tab here may consult several lists (a rule's, then the columns past psql), and
/// each further one would cost another second of waiting, or run on the connection the failure
/// has just reset, completing what psql would not.
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
