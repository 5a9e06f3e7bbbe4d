import PGEntraSystem

/// Splits input into SQL statements and backslash meta-commands exactly as psql does: its
/// SQL lexer (psqlscan.l), its meta-command argument lexer (psqlscanslash.l) and the few
/// buffer rules of its main loop (mainloop.c), as spec psql-compat.md §4 and §8 describe.
///
/// The scanner is fed one input line at a time and appends what it scans to a query buffer the
/// caller owns, stopping at each statement end or backslash:
///
/// ```swift
/// var scanner = StatementScanner()
/// var buffer = ""
/// while let line = input.readLine() {
///     guard scanner.setLine(line) else { continue }      // empty line outside quotes: skipped
///     // (-a echoes scanner.currentLine here)
///     scanning: while true {
///         switch scanner.scan(into: &buffer, variables: session) {
///         case .semicolon:
///             send(buffer); buffer = ""                  // then scan the rest of the line
///         case .backslash:
///             let name = scanner.metaCommandName()
///             // read arguments with scanner.metaCommandArgument(mode, variables:shell:) as the
///             // command needs, or all at once with scanner.metaCommand(modes:variables:shell:)
///             scanner.endMetaCommand()                   // eats a trailing `\\`
///             // \g sends the buffer; \r clears it and calls scanner.reset()
///         case .endOfLine:
///             if singleLineMode { send(buffer); buffer = "" }
///             break scanning
///         case .incomplete:
///             break scanning
///         }
///     }
/// }
/// if !buffer.isEmpty { send(buffer) }                   // scripts send an unterminated tail
/// ```
///
/// What it reproduces, and why it matters:
/// - `;` ends a statement only outside quotes and comments, at parenthesis depth 0, and outside
///   the `BEGIN ... END` body of CREATE [OR REPLACE] FUNCTION|PROCEDURE; after a `;` the rest
///   of the line is scanned again (`select 1; select 2;` is two statements).
/// - Strings `'..'` (`''`), `E'..'` (backslash escapes), `B''`, `X''`, `N''`, `U&''`, with
///   standard_conforming_strings off also plain strings take backslashes; `"ident"` (`""`);
///   dollar quotes (`$tag$`, but `$1` is a parameter); `--` comments; nesting `/* */`.
/// - Whitespace and `--` comments before a statement are dropped; inside one they are kept and
///   sent (psql 15); lines are joined with `\n`; a line holding only a meta-command leaves the
///   buffer as it was; a UTF-8 byte-order mark on the first line is skipped.
/// - `\;` adds `;` and `\:` adds `:` without ending anything; `:name`, `:'name'`, `:"name"` and
///   `:{?name}` are interpolated outside quotes, an unknown name stays as typed, `::` is a cast.
///   A `:name` value is scanned as if typed (a `;` inside it ends the statement); quoted forms
///   are inserted as finished literals.
///
/// Performance: each line is copied once to UTF-8 bytes and scanned by index; the buffer grows
/// by whole runs of text, so scanning is linear in the input whatever the line length.
package struct StatementScanner: Sendable {
    /// The lexer state that outlives a line; see `lexicalState`.
    var state = LexicalState()
    /// The current line and any variable values being expanded inside it.
    var inputs = InputStack()
    /// Whether plain `'..'` strings are standard (no backslash escapes): the server's
    /// standard_conforming_strings, which the Shell updates when it changes.
    package var standardConformingStrings: Bool
    /// psql_scan_setup's `encoding` when it is client-only (`OutputEncoding.clientOnlyRules`):
    /// the trailing bytes of its characters are hidden from the lexers (HiddenTrailingBytes,
    /// psqlscan.l's psqlscan_prepare_buffer). Nil for the encodings a server can use, whose
    /// trailing bytes are never ASCII. Set it before `setLine` or `restart`, as psql passes
    /// `pset.encoding` with every line.
    package var clientOnlyEncoding: CharacterRules?
    /// Diagnostics psql would have printed while scanning, oldest first.
    private(set) var diagnostics: [ScanDiagnostic] = []
    /// PROMPT2's `%R` after the last `scan`; `.ready` after a `;`, a `\` or `reset()`.
    package private(set) var continuation: Continuation = .ready
    /// Input lines given to `setLine` so far (the first one may carry a byte-order mark).
    private(set) var linesRead = 0
    /// Whether the current line was an empty line outside quotes, which psql skips unseen.
    private var lineIsSkipped = false
    /// Whether the next `scan` starts a new line, which joins the buffer with `\n`.
    private var lineSeparatorPending = false
    /// Where that `\n` ended in the buffer (mainloop.c `added_nl_pos`), so that a line holding
    /// only a meta-command can take it back out.
    private var addedNewlineOffset: Int?

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    package init(standardConformingStrings: Bool = true) {
        self.standardConformingStrings = standardConformingStrings
    }

    // MARK: - Lines

    /// Sets up scanning of the next input line (given without its newline).
    ///
    /// Returns false when psql would skip the line before even echoing it: it is empty (after
    /// dropping a byte-order mark on the first line) and no quote or comment is open. `scan`
    /// then returns `.incomplete` and changes nothing. A NUL byte ends the line, as it does for
    /// psql's C strings.
    @discardableResult
    package mutating func setLine(_ line: String) -> Bool {
        var bytes = Self.bytes(of: line)
        linesRead += 1
        if linesRead == 1 && bytes.starts(with: Self.byteOrderMark) {
            bytes.removeFirst(Self.byteOrderMark.count)
        }
        if bytes.isEmpty && !state.isInQuote {
            inputs.removeAll()
            lineIsSkipped = true
            lineSeparatorPending = false
            return false
        }
        inputs.setLine(bytes, encoding: clientOnlyEncoding)
        lineIsSkipped = false
        lineSeparatorPending = true
        return true
    }

    /// Scans `text` afresh from the start of a statement, as psql does with the buffer `\e`
    /// returns: the state is reset, and the text (which may hold many lines) is neither counted
    /// as an input line nor joined to the buffer with a newline. Clear the buffer first.
    package mutating func restart(with text: String) {
        state.reset()
        inputs.setLine(Self.bytes(of: text), encoding: clientOnlyEncoding)
        lineIsSkipped = false
        lineSeparatorPending = false
        addedNewlineOffset = nil
        continuation = .ready
    }

    /// The line being scanned, after byte-order-mark and NUL handling: what `-a` echoes.
    var currentLine: String {
        guard let line = inputs.frames.first else { return "" }
        return String(decoding: line.bytes, as: UTF8.self)
    }

    /// psql_scan_reset: forget open quotes, parentheses and routine bodies, for `\r`, Ctrl-C,
    /// or after a meta-command sent the buffer. The caller clears the buffer. The rest of the
    /// current line is still there to scan.
    package mutating func reset() {
        state.reset()
        continuation = .ready
    }

    /// The lexer state carried between lines. Save it and put it back to scan text and then
    /// forget it, as psql does for the skipped branch of an `\if`.
    package var lexicalState: LexicalState {
        get { state }
        set { state = newValue }
    }

    /// Whether an empty line now would be data inside a quote or comment (psql_scan_in_quote).
    package var isInQuote: Bool { state.isInQuote }

    /// How many `COPY ... FROM STDIN` commands the text scanned since the last call (or
    /// `reset()`) holds, counting a trailing one without `;` once, and starts counting afresh
    /// (psql_scan_count_copy_from_stdin): after sending, the runner skips the in-line data of
    /// those the server never started.
    package mutating func countCopyFromStdin() -> Int {
        state.keywords.countCopyFromStdin()
    }

    /// Returns and clears the diagnostics gathered so far.
    package mutating func takeDiagnostics() -> [ScanDiagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }

    mutating func report(_ diagnostic: ScanDiagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: - SQL

    /// Scans on from where the last call stopped, appending SQL text to `buffer` (psql_scan),
    /// and says why it stopped. `variables` resolves `:name` references; nil leaves them as
    /// typed (psql in an inactive `\if` branch).
    package mutating func scan(into buffer: inout String, variables: (any VariableResolver)?) -> ScanStop {
        if lineIsSkipped { return .incomplete }
        if lineSeparatorPending {
            lineSeparatorPending = false
            if buffer.isEmpty {
                addedNewlineOffset = nil
            } else {
                buffer.append("\n")
                addedNewlineOffset = buffer.utf8.count
            }
        }
        while let frame = inputs.currentFrameIndex() {
            switch scanFrame(frame, into: &buffer, variables: variables) {
            case .semicolon:
                addedNewlineOffset = nil
                continuation = .ready
                return .semicolon
            case .backslash:
                // A line holding only a meta-command must not change the buffer.
                if let offset = addedNewlineOffset, buffer.utf8.count == offset {
                    buffer.unicodeScalars.removeLast()
                }
                addedNewlineOffset = nil
                continuation = .ready
                return .backslash
            case .expand(let variable, let value):
                inputs.push(value, for: variable, encoding: clientOnlyEncoding)
            case .exhausted:
                continue
            }
        }
        continuation = state.continuation(bufferIsEmpty: buffer.isEmpty)
        switch state.condition {
        case .initial, .quoteStop:
            if state.parenthesisDepth > 0 || state.keywords.beginDepth > 0 || buffer.isEmpty {
                return .incomplete
            }
            return .endOfLine
        default:
            return .incomplete
        }
    }

    /// What stopped the scan of one input frame.
    enum FrameStop {
        case semicolon
        case backslash
        /// The frame is used up.
        case exhausted
        /// `:variable` has this value, to be scanned next as if typed.
        case expand(variable: String, value: String)
    }

    private mutating func scanFrame(_ frame: Int, into buffer: inout String, variables: (any VariableResolver)?) -> FrameStop {
        let start = inputs.position(at: frame)
        let (end, stop) = inputs.frame(at: frame).withText { text in
            scanSQL(text, from: start, into: &buffer, variables: variables)
        }
        inputs.setPosition(end, at: frame)
        return stop
    }

    /// The line as UTF-8, cut at the first NUL.
    private static func bytes(of text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if let nul = bytes.firstIndex(of: 0) {
            bytes.removeSubrange(nul...)
        }
        return bytes
    }
}
