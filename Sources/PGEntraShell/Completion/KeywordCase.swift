/// COMP_KEYWORD_CASE (psql's `pg_strdup_keyword_case`): which case completed keywords take.
/// The `preserve-` forms follow the first letter typed; without one, their own default.
enum KeywordCase: String, Sendable {
    case lower, upper, preserveLower = "preserve-lower", preserveUpper = "preserve-upper"

    init(variable: String?) {
        self = variable.flatMap { KeywordCase(rawValue: $0.lowercased()) } ?? .preserveUpper
    }

    func apply(_ keyword: String, typed: String) -> String {
        let first = typed.unicodeScalars.first
        let typedLower = first.map { $0.properties.isLowercase && $0.isASCII } ?? false
        let typedLetter = first.map { $0.properties.isAlphabetic && $0.isASCII } ?? false
        let lower: Bool
        switch self {
        case .lower: lower = true
        case .upper: lower = false
        case .preserveUpper: lower = typedLower
        case .preserveLower: lower = typedLower || !typedLetter
        }
        return lower ? keyword.lowercased() : keyword.uppercased()
    }
}
