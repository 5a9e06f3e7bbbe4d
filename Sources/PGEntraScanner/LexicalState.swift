/// Everything the SQL scanner carries from one line to the next (psql's `PsqlScanStateData`
/// minus its input buffers): the flex start condition, parenthesis depth and the statement's
/// keywords. A plain value, so a caller can save it and put it back — psql does exactly that
/// around the skipped text of an inactive `\if` branch.
package struct LexicalState: Equatable, Sendable {
    var condition: StartCondition = .initial
    /// Open `(`; never below 0, as in psql (a stray `)` is just text).
    var parenthesisDepth = 0
    var keywords = StatementKeywords()

    package init() {}

    /// psql_scan_in_quote: inside a string, quoted identifier, dollar quote or comment, where an
    /// empty input line is data rather than something to skip.
    var isInQuote: Bool {
        switch condition {
        case .initial, .quoteStop: false
        default: true
        }
    }

    /// psql_scan_reset: back to the start of a statement. The caller discards the query buffer.
    mutating func reset() {
        condition = .initial
        parenthesisDepth = 0
        keywords.reset()
    }

    /// What PROMPT2's `%R` shows when a line ends here (psql_scan's `*prompt`).
    func continuation(bufferIsEmpty: Bool) -> Continuation {
        switch condition {
        case .initial, .quoteStop:
            if parenthesisDepth > 0 { return .parenthesis }
            if keywords.beginDepth > 0 || !bufferIsEmpty { return .continuing }
            return .ready
        case .string: return .singleQuote
        case .comment: return .comment
        case .delimitedIdentifier: return .doubleQuote
        case .dollarQuote: return .dollarQuote
        }
    }
}

/// The flex start conditions of psqlscan.l that outlive a token.
enum StartCondition: Equatable, Sendable {
    /// INITIAL: ordinary SQL.
    case initial
    /// Inside a string literal (xb, xh, xq, xe, xus).
    case string(StringKind)
    /// xqs: just after a string's closing quote, looking ahead for whitespace with a newline and
    /// another quote, which continues the same literal (SQL's `'a'<newline>'b'`).
    case quoteStop(StringKind)
    /// xc, with psql's `xcdepth` (0 for the outermost `/*`): comments nest.
    case comment(depth: Int)
    /// xd and xui: `"..."` and `U&"..."`; both end at an undoubled `"`.
    case delimitedIdentifier
    /// xdolq, with the opening delimiter (`$$` or `$tag$`) that closes it.
    case dollarQuote(tag: [UInt8])
}

/// Which kind of string literal is open; they differ only in what an escape is.
enum StringKind: Equatable, Sendable {
    /// `B'..'`, `X'..'`: no escapes, not even `''` (the next `'` ends them).
    case bitOrHex
    /// `'..'` with standard_conforming_strings on, `N'..'`, `U&'..'`: `''` is a quote.
    case standard
    /// `E'..'`, or `'..'` with standard_conforming_strings off: `''` and backslash escapes.
    case extended
}
