import Foundation

/// The options a `--help` text lists, read as whole options from its option lines (those that
/// begin, after the indent, with `-`): `-c, --command=COMMAND    run only…` lists `-c` and
/// `--command`. `-c` is not found inside `--credential`, nor in a usage line's `-c/-f/stdin`.
package enum HelpOptions {
    package static func listed(in help: String) -> Set<String> {
        var options: Set<String> = []
        for line in help.split(separator: "\n") {
            let entry = line.drop { $0 == " " }
            guard entry.hasPrefix("-") else { continue }
            // The option column ends where the description begins, after two or more spaces.
            let column = entry.range(of: "  ").map { String(entry[..<$0.lowerBound]) } ?? String(entry)
            let pattern = /--?[A-Za-z0-9?][A-Za-z0-9-]*/
            for match in column.matches(of: pattern) { options.insert(String(match.output)) }
        }
        return options
    }

    /// The spellings of `options` (`--command`, `-c`) that `help` does not list.
    package static func unlisted(_ options: [String], in help: String) -> [String] {
        let listed = listed(in: help)
        return options.filter { !listed.contains($0) }
    }
}
