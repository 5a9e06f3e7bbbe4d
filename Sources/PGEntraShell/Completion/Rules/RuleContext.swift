/// What a completion rule sees: psql's previous words and the word being completed, the
/// tests psql's rule bodies use on them (prev_wd, ends_with, the *Matches family) and the
/// offers they make (the COMPLETE_WITH_* macros), answered from the session's catalog.
struct RuleContext {
    let completer: TabCompleter
    /// Left to right; psql's prev_wd is the last.
    let words: [String]
    /// The word being completed (psql's `text`).
    let text: String

    /// psql's prevN_wd: `previous(1)` is prev_wd; "" before the first word.
    func previous(_ n: Int) -> String {
        n >= 1 && n <= words.count ? words[words.count - n] : ""
    }

    func matches(_ tests: WordTest...) -> Bool { WordPattern(kind: .matches, caseSensitive: false, tests: tests).fits(words) }
    func headMatches(_ tests: WordTest...) -> Bool { WordPattern(kind: .head, caseSensitive: false, tests: tests).fits(words) }
    func tailMatches(_ tests: WordTest...) -> Bool { WordPattern(kind: .tail, caseSensitive: false, tests: tests).fits(words) }

    /// psql's ends_with(word, c).
    static func endsWith(_ word: String, _ character: Character) -> Bool { word.last == character }

    // MARK: Offers

    /// COMPLETE_WITH.
    func with(_ words: String...) -> CompletionCandidates { CompletionCandidates(keywords: words) }
    func with(_ words: [String]) -> CompletionCandidates { CompletionCandidates(keywords: words) }

    /// COMPLETE_WITH_QUERY and _SCHEMA_QUERY (with _PLUS keywords): a schema query completes
    /// `schema.name` as well as the visible names.
    func query(_ query: CatalogQuery, plus: [String] = []) -> CompletionCandidates {
        let keywords = CompletionCandidates(keywords: plus)
        switch query {
        case .relations(let kinds, schema: nil): return completer.relations(kinds, word: text) + keywords
        case .schemaList(let list, schema: nil):
            return completer.qualified(text) { .schemaList(list, schema: $0) } + CompletionCandidates(keywords: list.keywords) + keywords
        case .settings(let settable): return completer.settingNames(settable: settable) + keywords
        case .named(let named, _) where named.verbatim:
            return CompletionCandidates(verbatim: completer.catalog.names(query) ?? []) + keywords
        default: return completer.names(query) + keywords
        }
    }

    /// COMPLETE_WITH_ATTR(relation): the relation's columns.
    func attributes(of relation: String, plus: [String] = []) -> CompletionCandidates {
        completer.columns(of: [relation]) + CompletionCandidates(keywords: plus)
    }
}
