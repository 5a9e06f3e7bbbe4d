/// `-n`/`--no-readline` (psql-compat.md §9): the prompt is written as is and the line read
/// from the terminal in its cooked mode, with no editing keys, no completion and no history.
final class PlainLineEditor: LineEditor {
    let input: TerminalInput

    init(input: TerminalInput) {
        self.input = input
    }

    func readLine(prompt: String) -> LineInput {
        Console.standard.output(prompt)
        return input.readLine()
    }

    func addHistory(_ entry: String) {}

    func saveHistory(limit: Int) {}

    /// `-n` keeps no history, so `\s` has none to show (psql's useHistory is off).
    func historyEntries() -> [String]? { nil }
}
