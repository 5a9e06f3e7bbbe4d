/// An error as psql's logging prints it (style.md "Errors"): a short primary line, facts as
/// details, advice as a hint.
package struct ErrorReport: Error, Sendable, Equatable {
    package var primary: String
    package var details: [String]
    package var hint: String?
    /// Further primary lines, as psql prints two errors for a bad `-P`.
    package var followingErrors: [String] = []
    /// Text already in this shape (an error rendered by a lower layer's caller), printed as is.
    private var preRendered: String?

    package init(_ primary: String, details: [String] = [], hint: String? = nil) {
        self.primary = primary
        self.details = details
        self.hint = hint
    }

    package init(rendered: String) {
        self.init("")
        preRendered = rendered.hasSuffix("\n") ? rendered : rendered + "\n"
    }

    package var rendered: String {
        if let preRendered { return preRendered }
        var lines = ["pgentra: error: \(primary)"]
        lines += details.map { "pgentra: detail: \($0)" }
        if let hint { lines.append("pgentra: hint: \(hint)") }
        lines += followingErrors.map { "pgentra: error: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
