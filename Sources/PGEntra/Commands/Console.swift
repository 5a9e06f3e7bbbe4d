#if canImport(Glibc)
import Glibc
#endif

/// Where commands write: stdout for results, stderr for everything else. A value so tests can
/// capture both without touching file descriptors.
public struct Console: Sendable {
    public var output: @Sendable (String) -> Void
    public var error: @Sendable (String) -> Void

    public init(output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.output = output
        self.error = error
    }

    public static let standard = Console(
        output: { text in writeAll(1, text) },
        error: { text in writeAll(2, text) })

    private static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = LosslessText.bytes(of: text)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// psql's message shape: `pgentra: error: …`, then `pgentra: detail: …` and `pgentra: hint: …`.
    public func report(_ report: ErrorReport) {
        error(report.rendered)
    }

    public func warning(_ message: String) {
        error("pgentra: warning: \(message)\n")
    }
}

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
