import PGEntraSystem

/// `-n`/`--no-readline` (psql-compat.md §9): the prompt is written as is and the line read
/// from the terminal in its cooked mode, with no editing keys, no completion and no history.
package final class PlainLineEditor: LineEditor {
    let input: TerminalInput
    /// Where the prompt goes: the session's stdout.
    let console: Console

    package init(input: TerminalInput, console: Console) {
        self.input = input
        self.console = console
    }

    package func readLine(prompt: String) -> LineInput {
        console.output(prompt)
        return input.readLine()
    }

    package func addHistory(_ entry: String) {}

    package func saveHistory(limit: Int) {}

    /// `-n` keeps no history, so `\s` has none to show (psql's useHistory is off).
    package func historyEntries() -> [String]? { nil }
}
