/// One argument of a psql rule (tab-complete.c's `Matches("ALTER", "TABLE", MatchAny)`).
enum WordTest: Hashable, Sendable, ExpressibleByStringLiteral {
    /// A pattern string as psql writes it: `|`-separated alternatives, each with at most one
    /// `*` wild card; a leading `!` negates the whole (psql's MatchAnyExcept).
    case word(String)
    /// psql's MatchAny: any one word.
    case any
    /// psql's MatchAnyN: any number of words, zero included; only inside Matches.
    case anyN

    init(stringLiteral value: String) { self = .word(value) }

    /// psql's word_matches.
    func matches(_ word: String, caseSensitive: Bool) -> Bool {
        switch self {
        case .any, .anyN: return true
        case .word(let pattern): return Self.wordMatches(Substring(pattern), word, caseSensitive: caseSensitive)
        }
    }

    private static func wordMatches(_ pattern: Substring, _ word: String, caseSensitive: Bool) -> Bool {
        if word.isEmpty { return false }
        if pattern.first == "!" { return !wordMatches(pattern.dropFirst(), word, caseSensitive: caseSensitive) }
        let fold: (Substring) -> String = { caseSensitive ? String($0) : $0.lowercased() }
        let target = caseSensitive ? word : word.lowercased()
        for alternative in pattern.split(separator: "|", omittingEmptySubsequences: false) {
            if let star = alternative.lastIndex(of: "*") {
                let before = fold(alternative[..<star])
                let after = fold(alternative[alternative.index(after: star)...])
                if target.count >= before.count + after.count, target.hasPrefix(before), target.hasSuffix(after) { return true }
            } else if target == fold(alternative) {
                return true
            }
        }
        return false
    }

    /// How tab-complete.c spells this argument, as a C string literal.
    var psqlSpelling: String {
        switch self {
        case .any: return "MatchAny"
        case .anyN: return "MatchAnyN"
        case .word(let pattern) where pattern.hasPrefix("!"): return "MatchAnyExcept(\(Self.cLiteral(pattern.dropFirst())))"
        case .word(let pattern): return Self.cLiteral(Substring(pattern))
        }
    }

    private static func cLiteral(_ text: Substring) -> String {
        "\"" + text.flatMap { $0 == "\\" || $0 == "\"" ? "\\\($0)" : "\($0)" } + "\""
    }
}

/// psql's three tests on the previous words (tab-complete.c's MatchesArray, HeadMatchesArray
/// and TailMatchesArray), each case-insensitive or, for the `CS` forms, case-sensitive.
struct WordPattern: Hashable, Sendable {
    enum Kind: String, Sendable { case matches = "Matches", head = "HeadMatches", tail = "TailMatches" }

    let kind: Kind
    let caseSensitive: Bool
    let tests: [WordTest]

    static func matches(_ tests: WordTest...) -> Self { Self(kind: .matches, caseSensitive: false, tests: tests) }
    static func headMatches(_ tests: WordTest...) -> Self { Self(kind: .head, caseSensitive: false, tests: tests) }
    static func tailMatches(_ tests: WordTest...) -> Self { Self(kind: .tail, caseSensitive: false, tests: tests) }
    static func matchesCS(_ tests: WordTest...) -> Self { Self(kind: .matches, caseSensitive: true, tests: tests) }
    static func headMatchesCS(_ tests: WordTest...) -> Self { Self(kind: .head, caseSensitive: true, tests: tests) }
    static func tailMatchesCS(_ tests: WordTest...) -> Self { Self(kind: .tail, caseSensitive: true, tests: tests) }

    /// Whether `words` (left to right, as PreviousWords gives them) fit.
    func fits(_ words: [String]) -> Bool {
        switch kind {
        case .head: return Self.head(tests[...], words, caseSensitive)
        case .tail: return Self.tail(tests[...], words, caseSensitive)
        case .matches:
            guard let anyN = tests.firstIndex(of: .anyN) else {
                return words.count == tests.count && Self.head(tests[...], words, caseSensitive)
            }
            return words.count >= tests.count - 1 && Self.head(tests[..<anyN], words, caseSensitive)
                && Self.tail(tests[(anyN + 1)...], words, caseSensitive)
        }
    }

    private static func head(_ tests: ArraySlice<WordTest>, _ words: [String], _ caseSensitive: Bool) -> Bool {
        tests.count <= words.count && zip(tests, words).allSatisfy { $0.matches($1, caseSensitive: caseSensitive) }
    }

    private static func tail(_ tests: ArraySlice<WordTest>, _ words: [String], _ caseSensitive: Bool) -> Bool {
        tests.count <= words.count && zip(tests, words.suffix(tests.count)).allSatisfy { $0.matches($1, caseSensitive: caseSensitive) }
    }

    /// How tab-complete.c writes this test, e.g. `Matches("ALTER", "TABLE", MatchAny)`: the
    /// form in which the rule table is checked against psql's source.
    var psqlSpelling: String {
        "\(kind.rawValue)\(caseSensitive ? "CS" : "")(\(tests.map(\.psqlSpelling).joined(separator: ", ")))"
    }
}
