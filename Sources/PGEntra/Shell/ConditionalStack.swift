/// psql's conditional stack (fe_utils/conditional.c): one entry per open `\if` block, telling
/// whether the current branch runs. The main loop skips SQL and meta-commands while inactive.
struct ConditionalStack {
    enum Branch: Equatable {
        /// The `\if`/`\elif` branch that runs.
        case active
        /// A false `\if`/`\elif` not yet followed by a true one.
        case inactive
        /// Inside a block whose true branch already ran, or whose parent is inactive.
        case ignored
        /// `\else` that runs.
        case elseActive
        /// `\else` that does not run.
        case elseInactive
    }

    struct Entry {
        var branch: Branch
        /// Query buffer length when the branch began, restored when an inactive branch ends.
        var queryLength: Int
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    /// Whether SQL and meta-commands run here: no block, or every block in a running branch.
    var isActive: Bool {
        guard let top = entries.last else { return true }
        return top.branch == .active || top.branch == .elseActive
    }

    var top: Branch? { entries.last?.branch }

    mutating func push(_ branch: Branch, queryLength: Int) {
        entries.append(Entry(branch: branch, queryLength: queryLength))
    }

    mutating func poke(_ branch: Branch) {
        entries[entries.count - 1].branch = branch
    }

    mutating func saveQueryLength(_ length: Int) {
        entries[entries.count - 1].queryLength = length
    }

    var savedQueryLength: Int { entries.last?.queryLength ?? 0 }

    @discardableResult
    mutating func pop() -> Entry? { entries.popLast() }

    /// The commands that run even in an inactive branch.
    static func isBranching(_ name: String) -> Bool {
        ["if", "elif", "else", "endif"].contains(name)
    }
}
