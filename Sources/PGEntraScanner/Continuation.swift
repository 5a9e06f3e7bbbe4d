/// Why the scanner wants more input, as psql's prompt shows it: the `%R` of PROMPT2 (spec
/// psql-compat.md §4–5). `.ready` is psql's PROMPT_READY — nothing pending, so PROMPT1 applies.
package enum Continuation: Equatable, Sendable {
    /// Nothing open; the buffer is empty or was just sent.
    case ready
    /// A statement is under way (`-`), including inside a routine's `BEGIN ... END` body.
    case continuing
    /// Inside a string literal (`'`).
    case singleQuote
    /// Inside a quoted identifier (`"`).
    case doubleQuote
    /// Inside a dollar-quoted string (`$`).
    case dollarQuote
    /// Inside a `/* */` comment (`*`).
    case comment
    /// An unclosed parenthesis (`(`).
    case parenthesis

    /// The `%R` character of PROMPT2; nil for `.ready`, where PROMPT1's own rules apply
    /// (`=`, `^` single-line, `@` inactive `\if`, `!` disconnected).
    package var promptMarker: Character? {
        switch self {
        case .ready: nil
        case .continuing: "-"
        case .singleQuote: "'"
        case .doubleQuote: "\""
        case .dollarQuote: "$"
        case .comment: "*"
        case .parenthesis: "("
        }
    }
}
