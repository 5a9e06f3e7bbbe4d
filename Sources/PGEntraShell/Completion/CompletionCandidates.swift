/// What one completion context offers before it is matched against the typed word: keywords
/// (matched ignoring case, shown in COMP_KEYWORD_CASE), catalog names (quoted as SQL needs,
/// matched quote-aware as psql's _complete_from_query does: see QuotedIdentifier), COMPLETE_WITH_CS
/// lists (psql's two passes, below), verbatim words (matched exactly), file names
/// FileNameCompletion has matched, words matched ignoring case but shown as they are (GUC
/// names: psql's verbatim queries that compare `pg_catalog.lower`), and words the context has
/// matched already.
struct CompletionCandidates {
    var keywords: [String] = []
    var names: [String] = []
    /// COMPLETE_WITH_CS lists (backslash commands, `\pset` and `\set` words, variables), matched
    /// as tab-complete.c's complete_from_list matches them: those that start with the word as
    /// typed, or, when none does, those that start with it ignoring case, offered as written;
    /// so `\DRD` becomes `\drds` while `\dA` still stays apart from `\da`.
    var caseSensitive: [String] = []
    var verbatim: [String] = []
    /// File names FileNameCompletion has matched already, quoted where they must be (COPY's
    /// always, as a literal); a list of them shows base names.
    var files: [String] = []
    var anyCase: [String] = []
    /// Offered as they are: the context compared them with the word itself, on something other
    /// than their text (time zones matched by name and offered quoted).
    var matched: [String] = []
    /// Routines as `name(arguments)` (FunctionSignature): matched by name as `names` are, put in
    /// as `name(`, listed by their signatures.
    var signatures: [String] = []

    init(keywords: [String] = [], names: [String] = [], caseSensitive: [String] = [], verbatim: [String] = [], files: [String] = [],
         anyCase: [String] = [], matched: [String] = [], signatures: [String] = []) {
        self.keywords = keywords
        self.names = names
        self.caseSensitive = caseSensitive
        self.verbatim = verbatim
        self.files = files
        self.anyCase = anyCase
        self.matched = matched
        self.signatures = signatures
    }

    static func + (lhs: Self, rhs: Self) -> Self {
        Self(keywords: lhs.keywords + rhs.keywords, names: lhs.names + rhs.names, caseSensitive: lhs.caseSensitive + rhs.caseSensitive,
             verbatim: lhs.verbatim + rhs.verbatim, files: lhs.files + rhs.files, anyCase: lhs.anyCase + rhs.anyCase,
             matched: lhs.matched + rhs.matched, signatures: lhs.signatures + rhs.signatures)
    }

    /// These candidates with those of them that extend `word`, matched once for all who ask.
    func matched(_ word: String, _ keywordCase: KeywordCase) -> (candidates: CompletionCandidates, matches: [String]) {
        (self, matching(word, keywordCase: keywordCase))
    }

    /// The candidates that extend `word`, sorted and without repeats.
    func matching(_ word: String, keywordCase: KeywordCase) -> [String] {
        let lowered = word.lowercased()
        var result: [String] = []
        for keyword in keywords where keyword.lowercased().hasPrefix(lowered) {
            result.append(keywordCase.apply(keyword, typed: word))
        }
        let typed = QuotedIdentifier(parsing: word)
        // The common case first, cheaply: after an unquoted, unqualified word only names that
        // start with it as folded can complete it (a name that needs quotes is not offered
        // then), so the rest of a 10,000-name catalog is not parsed on every Tab.
        let plain = typed.schema == nil && !typed.objectQuoted && !typed.object.isEmpty
        let fitting = plain ? names.filter { $0.utf8.starts(with: typed.object.utf8) } : names
        // A plain name (no quote, dot or capital: what parse_identifier and requote leave as it
        // is) then completes the plain word as it is.
        result += fitting.compactMap { name in
            plain && Self.isPlain(name) ? name : QuotedIdentifier.completion(of: name, typed: typed)
        }
        let exact = caseSensitive.filter { $0.hasPrefix(word) }
        result += exact.isEmpty ? caseSensitive.filter { $0.lowercased().hasPrefix(lowered) } : exact
        result += verbatim.filter { $0.hasPrefix(word) }
        result += anyCase.filter { $0.lowercased().hasPrefix(lowered) }
        result += matched + files
        let fittingSignatures = plain ? signatures.filter { $0.utf8.starts(with: typed.object.utf8) } : signatures
        result += fittingSignatures.compactMap(FunctionSignature.init).compactMap { signature in
            plain && Self.isPlain(signature.name)
                ? signature.insertion : QuotedIdentifier.completion(of: signature.name, typed: typed).map { $0 + "(" }
        }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }.sorted()
    }

    private static func isPlain(_ name: String) -> Bool {
        !name.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ".") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// What a listing of `matches` shows where routines are among them: each routine's
    /// signatures, one per overload, in place of the `name(` that goes in; nil otherwise, and
    /// the matches themselves are listed, as readline lists them.
    func labels(for matches: [String]) -> [String]? {
        guard !signatures.isEmpty, matches.contains(where: { $0.hasSuffix("(") }) else { return nil }
        let wanted = Set(matches)
        let overloads = Dictionary(grouping: signatures.compactMap(FunctionSignature.init).filter { wanted.contains($0.insertion) }, by: \.insertion)
        let labels = matches.flatMap { overloads[$0]?.map(\.text) ?? [$0] }
        return labels == matches ? nil : labels
    }
}
