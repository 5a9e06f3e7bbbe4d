import Foundation

/// man/pgentra.1 read as roff source: what the tests that keep `--help`, the parser and the page
/// in step need from it.
package struct ManualPage: Sendable {
    package let source: String

    package init(source: String = SourceTree.contents("man/pgentra.1")) {
        self.source = source
    }

    /// The source with roff's escapes for `-`, quotes and backslash resolved and font changes
    /// dropped, so `\-\-host` is found as `--host`.
    package var plainText: String {
        var text = source
        for (escape, plain) in [("\\-", "-"), ("\\(aq", "'"), ("\\e", "\\"), ("\\&", ""),
                                ("\\fB", ""), ("\\fI", ""), ("\\fR", ""), ("\\fP", "")] {
            text = text.replacingOccurrences(of: escape, with: plain)
        }
        return text
    }

    /// True when `spelling` (`-c`, `--command`) appears as a whole word in the page.
    package func mentions(option spelling: String) -> Bool {
        Self.mentions(option: spelling, in: plainText)
    }

    /// True when `spelling` appears in `text` not as part of a longer word: `-c` is not found
    /// in `--command`, nor `--set` in `--settings`. Also used on `--help` texts.
    package static func mentions(option spelling: String, in text: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: spelling)
        let pattern = "(?<![A-Za-z0-9-])\(escaped)(?![A-Za-z0-9-])"
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    /// The variables ENVIRONMENT describes (each the `.B` word of a `.TP` or `.TQ` tag), by
    /// subsection title.
    package var environmentVariables: [(subsection: String, name: String)] {
        var found: [(String, String)] = []
        var inEnvironment = false
        var subsection = ""
        var previous = ""
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix(".SH ") { inEnvironment = line == ".SH ENVIRONMENT" }
            if line.hasPrefix(".SS ") {
                subsection = String(line.dropFirst(4)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            if inEnvironment, line.hasPrefix(".B "), previous == ".TP" || previous == ".TQ" {
                found.append((subsection, String(line.dropFirst(3))))
            }
            previous = line
        }
        return found
    }

    /// The `.SS` titles of SUBCOMMANDS, such as `pgentra token [option]...`.
    package var subcommandTitles: [String] {
        let lines = source.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(of: ".SH SUBCOMMANDS") else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix(".SH ") }
            .filter { $0.hasPrefix(".SS ") }
            .map { String($0.dropFirst(4)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }
}
