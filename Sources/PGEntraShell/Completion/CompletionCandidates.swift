/// What one completion context offers before it is matched against the typed word: keywords
/// (matched ignoring case, shown in COMP_KEYWORD_CASE), catalog names (quoted as SQL needs,
/// matched quote-aware as psql's _complete_from_query does: see QuotedIdentifier), backslash
/// commands (psql's two passes, below), verbatim words (options, variables, files: matched
/// exactly), words matched ignoring case but shown as they are (GUC names: psql's verbatim
/// queries that compare `pg_catalog.lower`), and words the context has matched already.
struct CompletionCandidates {
    var keywords: [String] = []
    var names: [String] = []
    /// Backslash commands, matched as tab-complete.c's _complete_from_list matches a list: those
    /// that start with the word as typed, or, when none does, those that start with it ignoring
    /// case, so `\DRD` becomes `\drds` while `\dA` still stays apart from `\da`.
    var commands: [String] = []
    var verbatim: [String] = []
    /// File names, matched as verbatim words; a list of them shows base names.
    var files: [String] = []
    var anyCase: [String] = []
    /// Offered as they are: the context compared them with the word itself, on something other
    /// than their text (time zones matched by name and offered quoted, quoted file names).
    var matched: [String] = []

    init(keywords: [String] = [], names: [String] = [], commands: [String] = [], verbatim: [String] = [], files: [String] = [],
         anyCase: [String] = [], matched: [String] = []) {
        self.keywords = keywords
        self.names = names
        self.commands = commands
        self.verbatim = verbatim
        self.files = files
        self.anyCase = anyCase
        self.matched = matched
    }

    static func + (lhs: Self, rhs: Self) -> Self {
        Self(keywords: lhs.keywords + rhs.keywords, names: lhs.names + rhs.names, commands: lhs.commands + rhs.commands,
             verbatim: lhs.verbatim + rhs.verbatim, files: lhs.files + rhs.files, anyCase: lhs.anyCase + rhs.anyCase,
             matched: lhs.matched + rhs.matched)
    }

    /// The candidates that extend `word`, sorted and without repeats.
    func matching(_ word: String, keywordCase: KeywordCase) -> [String] {
        let lowered = word.lowercased()
        var result: [String] = []
        for keyword in keywords where keyword.lowercased().hasPrefix(lowered) {
            result.append(keywordCase.apply(keyword, typed: word))
        }
        let typed = QuotedIdentifier(parsing: word)
        result += names.compactMap { QuotedIdentifier.completion(of: $0, typed: typed) }
        let exactCommands = commands.filter { $0.hasPrefix(word) }
        result += exactCommands.isEmpty ? commands.filter { $0.lowercased().hasPrefix(lowered) } : exactCommands
        result += (verbatim + files).filter { $0.hasPrefix(word) }
        result += anyCase.filter { $0.lowercased().hasPrefix(lowered) }
        result += matched
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }.sorted()
    }
}
