/// Where the interactive shell reads its lines (psql-compat.md §9): libedit on a terminal
/// (`LibeditLineEditor`), plain reads with `-n` (`PlainLineEditor`), a scripted list in tests.
package protocol LineEditor: AnyObject {
    /// Shows `prompt` and reads one line: `.end` at Ctrl-D, `.interrupted` at Ctrl-C.
    func readLine(prompt: String) -> LineInput
    /// Adds one history entry (a whole statement, possibly several lines).
    func addHistory(_ entry: String)
    /// Writes the history to its file, keeping the last `limit` entries (negative: all).
    func saveHistory(limit: Int)
    /// The history entries, oldest first, for `\s`; nil when this editor keeps none.
    func historyEntries() -> [String]?
}
