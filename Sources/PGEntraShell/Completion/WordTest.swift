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
