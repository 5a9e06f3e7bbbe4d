/// What a rule offers: tab-complete.c's COMPLETE_WITH_* macros, by the same names.
enum CompletionOffer: Sendable {
    /// COMPLETE_WITH: keywords, matched ignoring case and shown in COMP_KEYWORD_CASE.
    case list([String])
    /// COMPLETE_WITH_CS: words matched and offered exactly as written.
    case listCS([String])
    /// COMPLETE_WITH_QUERY, _SCHEMA_QUERY, _VERSIONED_*, each with its _PLUS keywords.
    case query(CatalogQuery, plus: [String])
    /// COMPLETE_WITH_ATTR(prevN_wd): the columns of the relation named `words` back (1 is
    /// prev_wd), with keywords.
    case attributes(previous: Int, plus: [String])
    /// A rule whose body decides among several offers, as psql's `{ if ... else ... }` bodies;
    /// nil when the body offers nothing at all (the rule then counts as not applying).
    case body(@Sendable (RuleContext) -> CompletionCandidates?)

    static func with(_ words: String...) -> Self { .list(words) }
    static func withCS(_ words: String...) -> Self { .listCS(words) }
    static func query(_ query: CatalogQuery, _ plus: String...) -> Self { .query(query, plus: plus) }
    static func attributes(of previous: Int, _ plus: String...) -> Self { .attributes(previous: previous, plus: plus) }

    func candidates(_ context: RuleContext) -> CompletionCandidates? {
        switch self {
        case .list(let words): return CompletionCandidates(keywords: words)
        case .listCS(let words): return CompletionCandidates(caseSensitive: words)
        case .query(let query, let plus): return context.query(query, plus: plus)
        case .attributes(let previous, let plus): return context.attributes(of: context.previous(previous), plus: plus)
        case .body(let body): return body(context)
        }
    }
}
