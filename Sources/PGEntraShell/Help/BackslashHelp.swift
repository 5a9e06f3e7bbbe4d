import PGEntraOutput

/// `\?`, `\? options`, `\? variables`: psql's help texts (help.c's slashUsage and
/// helpVariables) with pgentra's name. `\?` is rendered from MetaCommandTable, so it lists
/// exactly the commands pgentra runs: psql 18.6's, and pgentra's own Entra ID section.
package enum BackslashHelp {
    /// The settings `\?` shows in its "(currently ...)" remarks, as psql's slashUsage does.
    package struct State {
        var database: String?
        var html: Bool
        var tuplesOnly: Bool
        var expanded: PrintOptions.ExpandedMode
        var timing: Bool

        /// `pgentra --help=commands`: psql's defaults, before any connection.
        package static let unconnected = State(database: nil, html: false, tuplesOnly: false, expanded: .off, timing: false)
    }

    /// `options` is the command line's `--help`, which Commands owns and the session carries.
    static func text(topic: String?, state: State, options: String) -> String {
        switch topic {
        case "options": options
        case "variables": variables
        default: commands(state)
        }
    }

    /// psql's slashUsage, from the table: each section's title, its commands' entries, and a
    /// blank line before the next.
    package static func commands(_ state: State) -> String {
        MetaCommandTable.sections.map { section in
            var text = section.title + "\n"
            if let lead = section.lead { text += "  " + lead + "\n" }
            for spec in section.commands {
                for entry in spec.help { text += entry.text(state) }
            }
            if let trailer = section.trailer { text += "  " + trailer + "\n" }
            return text
        }.joined(separator: "\n")
    }
}

extension BackslashHelp.State {
    /// What slashUsage shows for `setting` in its "(currently ...)" remarks.
    func text(of setting: MetaCommandHelp.Setting) -> String {
        switch setting {
        case .database: database.map { "\"\($0)\"" } ?? "no connection"
        case .html: html ? "on" : "off"
        case .tuplesOnly: tuplesOnly ? "on" : "off"
        case .timing: timing ? "on" : "off"
        case .expanded:
            switch expanded {
            case .off: "off"
            case .on: "on"
            case .auto: "auto"
            }
        }
    }
}
