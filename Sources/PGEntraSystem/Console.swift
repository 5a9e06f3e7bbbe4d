#if canImport(Glibc)
import Glibc
#endif

/// Where commands write: stdout for results, stderr for everything else. A value so tests can
/// capture both without touching file descriptors.
package struct Console: Sendable {
    package var output: @Sendable (String) -> Void
    package var error: @Sendable (String) -> Void

    init(output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.output = output
        self.error = error
    }

    package static let standard = Console(
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
    package func report(_ report: ErrorReport) {
        error(report.rendered)
    }

    package func warning(_ message: String) {
        error("pgentra: warning: \(message)\n")
    }
}
