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
