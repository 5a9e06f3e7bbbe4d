/// What one completion context offers before it is matched against the typed word: keywords
/// (matched ignoring case, shown in COMP_KEYWORD_CASE), catalog names (already quoted as SQL
/// needs; unquoted input matches them ignoring case, quoted input exactly) and verbatim words
/// (meta-commands, options, variables, files: matched exactly).
struct CompletionCandidates {
    var keywords: [String] = []
    var names: [String] = []
    var verbatim: [String] = []

    init(keywords: [String] = [], names: [String] = [], verbatim: [String] = []) {
        self.keywords = keywords
        self.names = names
        self.verbatim = verbatim
    }

    static func + (lhs: Self, rhs: Self) -> Self {
        Self(keywords: lhs.keywords + rhs.keywords, names: lhs.names + rhs.names, verbatim: lhs.verbatim + rhs.verbatim)
    }

    /// The candidates that extend `word`, sorted and without repeats.
    func matching(_ word: String, keywordCase: KeywordCase) -> [String] {
        let lowered = word.lowercased()
        var result: [String] = []
        for keyword in keywords where keyword.lowercased().hasPrefix(lowered) {
            result.append(keywordCase.apply(keyword, typed: word))
        }
        let quoted = word.hasPrefix("\"") || word.contains(".\"")
        for name in names where quoted ? name.hasPrefix(word) : name.lowercased().hasPrefix(lowered) {
            result.append(name)
        }
        result += verbatim.filter { $0.hasPrefix(word) }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }.sorted()
    }
}
