import PGEntraScanner

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

    /// What psql's save_query_text_state keeps for a block: the query buffer's length and the
    /// lexer's state (psql 18 keeps paren depth, BEGIN depth and the statement's first words,
    /// 900894d35ca), put back by discard_query_text when a skipped branch ends, so that nothing
    /// typed in a branch that did not run — a `(`, a `;`, a COPY — outlives it.
    struct SavedQueryText: Equatable {
        var length = 0
        var lexicalState = LexicalState()
    }

    struct Entry {
        var branch: Branch
        /// The query text state when the block began or its running branch ended.
        var saved: SavedQueryText
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    /// Whether SQL and meta-commands run here: no block, or every block in a running branch.
    var isActive: Bool {
        guard let top = entries.last else { return true }
        return top.branch == .active || top.branch == .elseActive
    }

    var top: Branch? { entries.last?.branch }

    /// psql's conditional_stack_push then save_query_text_state.
    mutating func push(_ branch: Branch, saving saved: SavedQueryText) {
        entries.append(Entry(branch: branch, saved: saved))
    }

    mutating func poke(_ branch: Branch) {
        entries[entries.count - 1].branch = branch
    }

    /// psql's save_query_text_state, when the running branch of the top block ends.
    mutating func save(_ saved: SavedQueryText) {
        entries[entries.count - 1].saved = saved
    }

    var saved: SavedQueryText { entries.last?.saved ?? SavedQueryText() }

    @discardableResult
    mutating func pop() -> Entry? { entries.popLast() }
}
