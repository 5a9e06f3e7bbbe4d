/// Something psql's lexers would have printed while scanning; the scanner collects them and the
/// Shell prints them (`pgentra: warning: ...` / `pgentra: error: ...`) in the order they arose.
package enum ScanDiagnostic: Equatable, Sendable, CustomStringConvertible {
    /// `:name` met inside the expansion of `name` itself; the reference is kept as typed.
    case recursiveExpansion(variable: String)
    /// A meta-command argument ran to the end of the line inside `'`, `"` or a backquote; the
    /// argument is dropped.
    case unterminatedQuotedString
    /// A resolver refused to quote a value for `:'name'` or `:"name"`; the reference is kept.
    case quotingFailed(VariableQuotingError)

    /// Whether psql reports it as a warning rather than an error.
    package var isWarning: Bool {
        if case .recursiveExpansion = self { return true }
        return false
    }

    /// psql's message, without the program-name and severity prefix.
    package var description: String {
        switch self {
        case .recursiveExpansion(let name): "skipping recursive expansion of variable \"\(name)\""
        case .unterminatedQuotedString: "unterminated quoted string"
        case .quotingFailed(let error): error.description
        }
    }
}
