/// What one completion context offers before it is matched against the typed word: keywords
/// (matched ignoring case, shown in COMP_KEYWORD_CASE), catalog names (already quoted as SQL
/// needs; unquoted input matches them ignoring case, quoted input exactly), backslash commands
/// (psql's two passes, below) and verbatim words (options, variables, files: matched exactly).
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

    init(keywords: [String] = [], names: [String] = [], commands: [String] = [], verbatim: [String] = [], files: [String] = []) {
        self.keywords = keywords
        self.names = names
        self.commands = commands
        self.verbatim = verbatim
        self.files = files
    }

    static func + (lhs: Self, rhs: Self) -> Self {
        Self(keywords: lhs.keywords + rhs.keywords, names: lhs.names + rhs.names, commands: lhs.commands + rhs.commands,
             verbatim: lhs.verbatim + rhs.verbatim, files: lhs.files + rhs.files)
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
        let exactCommands = commands.filter { $0.hasPrefix(word) }
        result += exactCommands.isEmpty ? commands.filter { $0.lowercased().hasPrefix(lowered) } : exactCommands
        result += (verbatim + files).filter { $0.hasPrefix(word) }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }.sorted()
    }
}
