/// One entry of `\?` as psql 18's help.c slashUsage lays it out: two blanks, the usage, and the
/// description from column 25 (the usage padded to 22 and a blank, or further right where the
/// usage is longer), or on the lines below it where slashUsage breaks the line itself; further
/// description lines start at column 25 too.
struct MetaCommandHelp: Sendable {
    enum Layout: Sendable {
        /// The description on the usage's line, after the usage padded to `width` and a blank.
        case beside(width: Int)
        /// The description on the next line.
        case below
    }

    /// A setting whose value slashUsage shows after the description: "(currently on)".
    enum Setting: Sendable {
        case database, html, tuplesOnly, expanded, timing
    }

    let usage: String
    let description: [String]
    let layout: Layout
    let currently: Setting?

    /// `width` is 22 for all but the `\dA` family, which slashUsage aligns among themselves.
    static func line(_ usage: String, _ description: String..., width: Int = 22, currently: Setting? = nil) -> Self {
        Self(usage: usage, description: description, layout: .beside(width: width), currently: currently)
    }

    static func below(_ usage: String, _ description: String..., currently: Setting? = nil) -> Self {
        Self(usage: usage, description: description, layout: .below, currently: currently)
    }

    /// The entry's lines, each ending in a newline.
    func text(_ state: BackslashHelp.State) -> String {
        let indent = String(repeating: " ", count: 25)
        var lines = description
        if let currently, let last = lines.indices.last { lines[last] += " (currently \(state.text(of: currently)))" }
        var text: String
        switch layout {
        case .beside(let width):
            let padding = String(repeating: " ", count: max(width - usage.count, 0))
            text = "  " + usage + padding + " " + (lines.first ?? "") + "\n"
            lines = Array(lines.dropFirst())
        case .below:
            text = "  " + usage + "\n"
        }
        for line in lines { text += indent + line + "\n" }
        return text
    }
}
