import PGEntraScanner

/// What MainLoop tells its reader before each line: whether a statement is open, and why
/// (the REPL turns it into PROMPT1 or PROMPT2 and ends a history entry when nothing is open).
struct LineRequest: Equatable, Sendable {
    var continuation: Continuation
    var bufferIsEmpty: Bool

    /// Nothing is pending: psql's PROMPT_READY with an empty query buffer.
    var isFresh: Bool { continuation == .ready && bufferIsEmpty }
}

/// Where MainLoop's lines come from: a script (`InputSource`) or the terminal (`REPL`).
protocol LineReader: AnyObject {
    /// The next line without its newline, the end of input, or (at the terminal) Ctrl-C.
    func nextLine(_ request: LineRequest) -> LineInput
    /// The name in diagnostics' `pgentra:NAME:LINE:` prefix; nil for bare messages.
    var name: String? { get }
    var lineNumber: Int { get }
    /// The script being read, for `\ir`, `\copy ... from pstdin` and COPY FROM STDIN.
    var input: InputSource? { get }
    /// The terminal: psql's interactive words, no ECHO of input, no stop on errors.
    var isInteractive: Bool { get }
}

extension InputSource: LineReader {
    func nextLine(_ request: LineRequest) -> LineInput { readLine().map(LineInput.line) ?? .end }
    var input: InputSource? { self }
    var isInteractive: Bool { false }
}
