/// An error as psql's logging prints it (style.md "Errors"): a short primary line, facts as
/// details, advice as a hint.
public struct ErrorReport: Error, Sendable, Equatable {
    public var primary: String
    public var details: [String]
    public var hint: String?
    /// Further primary lines, as psql prints two errors for a bad `-P`.
    public var followingErrors: [String] = []
    /// Text already in this shape (an error rendered by a lower layer's caller), printed as is.
    private var preRendered: String?

    public init(_ primary: String, details: [String] = [], hint: String? = nil) {
        self.primary = primary
        self.details = details
        self.hint = hint
    }

    public init(rendered: String) {
        self.init("")
        preRendered = rendered.hasSuffix("\n") ? rendered : rendered + "\n"
    }

    public var rendered: String {
        if let preRendered { return preRendered }
        var lines = ["pgentra: error: \(primary)"]
        lines += details.map { "pgentra: detail: \($0)" }
        if let hint { lines.append("pgentra: hint: \(hint)") }
        lines += followingErrors.map { "pgentra: error: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
