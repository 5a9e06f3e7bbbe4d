/// What one read of a line gives: the line (without its newline), the end of input (Ctrl-D,
/// end of file), or Ctrl-C while waiting, which psql answers by discarding the statement being
/// typed and showing a fresh PROMPT1 (psql-compat.md §9).
package enum LineInput: Equatable, Sendable {
    case line(String)
    case end
    case interrupted

    /// The line, or nil for the end of input and an interrupt.
    var text: String? {
        if case .line(let text) = self { return text }
        return nil
    }
}
