/// The catalog names Tab completion offers, behind a seam so the completer's rules can be
/// tested without a server. Names come back quoted as SQL needs them (`quote_ident`), as
/// psql's completion queries return them; nil means "offer nothing" (no connection, an error).
protocol CompletionCatalog: AnyObject {
    func names(_ query: CatalogQuery) -> [String]?
}
