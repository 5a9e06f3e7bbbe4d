import Foundation
import Testing

/// Files of this package's checkout (the man page, completions, Makefile), found from this
/// source file's own path so tests read what is committed, not an installed copy.
package enum SourceTree {
    package static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    package static func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// The file's text; a file that cannot be read fails the test, with the error, and reads as "".
    package static func contents(_ relative: String) -> String {
        do {
            return try String(contentsOfFile: path(relative), encoding: .utf8)
        } catch {
            Issue.record("cannot read \(relative) of the checkout: \(error)")
            return ""
        }
    }
}
