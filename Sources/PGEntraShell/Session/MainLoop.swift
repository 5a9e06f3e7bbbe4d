import PGEntraScanner
import PGEntraSystem

/// psql's MainLoop for scripts (psql-compat.md §4, §10): lines in, statements and meta-commands
/// out, in order, with ON_ERROR_STOP and the `pgentra:FILE:LINE:` prefix. Re-entered by `\i`.
package struct MainLoop {
    let session: Session

    package init(session: Session) {
        self.session = session
    }

    /// Runs a script file (`-f`, `\i`); `path` nil reads stdin as `-f -` does.
    package func runFile(_ path: String?, displayName: String) -> ExitStatus {
        let source: InputSource
        if let path {
            do throws(InputSource.OpenError) {
                source = try InputSource(path: path)
            } catch {
                // Not a diagnostic of the script: psql names itself here (`psql: error: FILE: ...`).
                session.output.flush()
                session.diagnostics("pgentra: error: \(error.description)\n")
                return .failure
            }
        } else {
            source = InputSource(descriptor: 0, name: displayName)
        }
        return run(source)
    }

    /// Reads `source` to its end or to the first error under ON_ERROR_STOP (status 3).
    package func run(_ source: InputSource) -> ExitStatus {
        run(reader: source)
    }

    /// Reads `reader` to its end, a `\q`, or (in a script) the first error under ON_ERROR_STOP.
    /// An interactive reader (the REPL) also gets psql's `help`/`quit`/`exit` words, skips
    /// empty lines, never stops on errors and never sends a statement left open at Ctrl-D.
    func run(reader: any LineReader) -> ExitStatus {
        let source = reader.input
        let interactive = reader.isInteractive
        let (outerConditionals, outerInput) = (session.conditionals, session.currentInput)
        session.conditionals = ConditionalStack()
        session.currentInput = source
        defer { (session.conditionals, session.currentInput) = (outerConditionals, outerInput) }
        var stopOnError: Bool { !interactive && session.variables.bool("ON_ERROR_STOP") }
        var scanner = StatementScanner()
        var buffer = ""
        var first = true
        var redisplay = false
        session.statementLine = 1
        reading: while true {
            // psql's prompt is PROMPT_READY whenever the buffer is empty (a single-line send
            // leaves the lexer's own prompt at "continue").
            let continuation = buffer.isEmpty && scanner.continuation == .continuing ? .ready : scanner.continuation
            let input = reader.nextLine(LineRequest(continuation: continuation, bufferIsEmpty: buffer.isEmpty))
            guard case .line(var line) = input else {
                guard input == .interrupted else { break reading }
                // Ctrl-C at a prompt: the statement being typed is dropped, as is one `\if` level.
                scanner = StatementScanner()
                buffer = ""
                session.statementLine = 1
                if !session.conditionals.isEmpty {
                    session.error("\\if: escaped", at: nil)
                    _ = session.conditionals.pop()
                }
                continue
            }
            if first, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            first = false
            var location = ScriptLocation(source: reader.name, line: reader.lineNumber)
            session.currentLocation = location
            // COPY data read (or skipped) from the script moves psql's line number on, and the
            // rest of the line reports its errors there.
            func locateAfterCopy() {
                guard reader.lineNumber != location.line else { return }
                location = ScriptLocation(source: reader.name, line: reader.lineNumber)
                session.currentLocation = location
            }
            if interactive {
                if line.isEmpty && !scanner.isInQuote { continue }
                switch interactiveWord(line, bufferIsEmpty: buffer.isEmpty, continuation: scanner.continuation) {
                case .quit: return .success
                case .handled: continue
                case .none: break
                }
            } else if session.variables["ECHO"] == "all" && (!line.isEmpty || scanner.isInQuote) {
                // psql's MainLoop skips an empty line outside quotes before it echoes.
                session.output.flush()
                session.printStandard(line + "\n")
            }
            // psql_scan_setup(..., standard_strings()): the server's setting as it is now, read
            // afresh for every line, so a SET takes effect from the next line on.
            scanner.standardConformingStrings = session.standardConformingStrings
            // ... and pset.encoding, which decides whether trailing bytes are hidden.
            scanner.clientOnlyEncoding = session.printOptions.encoding.clientOnlyRules
            guard scanner.setLine(line) else { continue }
            // The newline the scanner puts between this line and the buffer is not the text's
            // own: psql appends it before it notes where the scan starts.
            var joiningNewline = !buffer.isEmpty
            scanning: while true {
                // psql_get_variable expands nothing in a branch that does not run.
                let variables = session.conditionals.isActive ? session.variables : nil
                let scannedFrom = buffer.utf8.count
                let stop = scanner.scan(into: &buffer, variables: variables)
                session.report(scanned: scanner.takeDiagnostics(), at: location)
                // MainLoop's stmt_lineno: newlines the scan added (an edited buffer's), and the
                // line's end when the lexer says PSCAN_EOL.
                let newlines = buffer.utf8.dropFirst(scannedFrom).count { $0 == UInt8(ascii: "\n") }
                session.statementLine += max(0, newlines - (joiningNewline ? 1 : 0))
                joiningNewline = false
                if stop == .endOfLine { session.statementLine += 1 }
                switch stop {
                case .semicolon:
                    guard session.conditionals.isActive else {
                        // The buffer is kept: the branch's end takes back what it added.
                        if interactive { session.error(Self.queryIgnored, at: nil) }
                        session.statementLine = 1
                        continue
                    }
                    let ok = run(buffer, at: location, scanner: &scanner, script: source)
                    // After SendQuery, whatever COPY data it read.
                    session.statementLine = 1
                    buffer = ""
                    locateAfterCopy()
                    if session.connectionLost { return .connectionFailed }
                    if !ok && stopOnError { return .scriptError }
                case .backslash:
                    let name = scanner.metaCommandName()
                    let outcome = MetaCommands(session: session)
                        .run(name, scanner: &scanner, buffer: &buffer, at: location, source: source)
                    session.statementLine = 1
                    switch outcome {
                    case .quit: return .success
                    case .failed where stopOnError: return .scriptError
                    case .send:
                        let ok = send(&buffer, at: location, scanner: &scanner, script: source)
                        locateAfterCopy()
                        if !ok && stopOnError { return .scriptError }
                    case .newEdit:
                        // psql rescans the edited buffer as if it had been typed.
                        scanner.standardConformingStrings = session.standardConformingStrings
                        scanner.clientOnlyEncoding = session.printOptions.encoding.clientOnlyRules
                        scanner.restart(with: buffer)
                        buffer = ""
                        redisplay = interactive
                    default: break
                    }
                    if session.connectionLost { return .connectionFailed }
                case .incomplete, .endOfLine:
                    if redisplay && !buffer.isEmpty {
                        // What the edit left unsent, shown before the next prompt (psql 14+).
                        session.output.flush()
                        session.printStandard(buffer + "\n")
                    }
                    redisplay = false
                    // psql sends at the end of a line in single-line mode only when the lexer
                    // says PSCAN_EOL: not inside parentheses, quotes or a routine body.
                    if stop == .endOfLine && session.variables.bool("SINGLELINE") {
                        guard session.conditionals.isActive else {
                            if interactive { session.error(Self.queryIgnored, at: nil) }
                            session.statementLine = 1
                            break scanning
                        }
                        let ok = run(buffer, at: location, scanner: &scanner, script: source)
                        session.statementLine = 1
                        buffer = ""
                        if !ok && stopOnError { return .scriptError }
                    }
                    break scanning
                }
            }
        }
        // psql sends an unterminated statement left at the end of a script (not at Ctrl-D).
        let end = ScriptLocation(source: reader.name, line: reader.lineNumber)
        if !interactive && !buffer.allSatisfy(\.isWhitespace) && session.conditionals.isActive {
            let ok = session.run(buffer, at: end)
            if session.connectionLost { return .connectionFailed }
            if !ok && stopOnError { return .scriptError }
        }
        if !session.conditionals.isEmpty {
            session.error("reached EOF without finding closing \\endif(s)", at: end)
            if stopOnError { return .scriptError }
        }
        return .success
    }

    /// psql's warning at the prompt when a statement ends in a branch that does not run.
    static let queryIgnored = "query ignored; use \\endif or Ctrl-C to exit current \\if block"

    private enum InteractiveWord { case none, handled, quit }

    /// psql's interactive words (mainloop.c): `help`, `quit`, `exit` (optionally with one `;`)
    /// at the start of a line act only on an empty buffer; otherwise a hint is printed and the
    /// line joins the buffer.
    private func interactiveWord(_ line: String, bufferIsEmpty: Bool, continuation: Continuation) -> InteractiveWord {
        let word = line.prefix(4).lowercased()
        guard word == "help" || word == "quit" || word == "exit" else { return .none }
        var rest = line.dropFirst(4).drop { $0 == " " || $0 == "\t" }
        if rest.first == ";" { rest = rest.dropFirst() }
        guard rest.allSatisfy({ $0 == " " || $0 == "\t" }) else { return .none }
        session.output.flush()
        let open = [Continuation.ready, .continuing, .parenthesis].contains(continuation)
        if word == "help" {
            guard bufferIsEmpty else {
                session.printStandard("Use \\? for help or press control-C to clear the input buffer.\n")
                return .none
            }
            session.printStandard(Self.helpText)
            return .handled
        }
        guard bufferIsEmpty else {
            session.printStandard(open ? "Use \\q to quit.\n" : "Use control-D to quit.\n")
            return .none
        }
        return .quit
    }

    static let helpText = """
        You are using pgentra, the command-line interface to PostgreSQL.
        Type:  \\whoami for the signed-in identity and role
               \\h for help with SQL commands
               \\? for help with pgentra commands
               \\g or terminate with semicolon to execute query
               \\q to quit

        """

    /// `\g`/`\gx`: the buffer, or the previous query when it is empty; with neither, psql
    /// sends the empty buffer (the server answers with an empty result, so nothing shows).
    private func send(
        _ buffer: inout String, at location: ScriptLocation, scanner: inout StatementScanner, script: InputSource?
    ) -> Bool {
        defer {
            session.resultHandling = nil
            session.describesNext = false
        }
        let query = buffer.isEmpty ? session.previousQuery ?? "" : buffer
        buffer = ""
        return run(query, at: location, scanner: &scanner, script: script)
    }

    /// Sends what the scanner gathered, then skips the in-line data of each COPY FROM STDIN
    /// it counted there that the server never started (psql 18.6's fix for CVE-2026-6464:
    /// psql_scan_count_copy_from_stdin after the query, then skipping up to `\.`), so that a
    /// failed COPY's data never runs as SQL or meta-commands. `script` is nil at the prompt,
    /// where psql skips nothing; the count is read (and cleared) either way. A query only
    /// queued in a pipeline has had no answer yet, so nothing is skipped for it.
    private func run(_ query: String, at location: ScriptLocation, scanner: inout StatementScanner, script: InputSource?) -> Bool {
        let started = session.copyInsStarted
        let ok = session.run(query, at: location)
        let unstarted = scanner.countCopyFromStdin() - (session.copyInsStarted - started)
        if let script, unstarted > 0, session.connection?.isInPipeline != true {
            session.skipCopyData(blocks: unstarted, in: script)
        }
        return ok
    }

    /// A `-c` that starts with a backslash runs exactly one meta-command; the rest is ignored.
    package func runSingleMetaCommand(_ text: String) -> Bool {
        // psql gives each -c its own conditional stack and never checks it is balanced.
        let outerConditionals = session.conditionals
        session.conditionals = ConditionalStack()
        defer { session.conditionals = outerConditionals }
        var scanner = StatementScanner()
        scanner.clientOnlyEncoding = session.printOptions.encoding.clientOnlyRules
        var buffer = ""
        guard scanner.setLine(text), scanner.scan(into: &buffer, variables: session.variables) == .backslash else {
            return false
        }
        session.report(scanned: scanner.takeDiagnostics(), at: nil)
        let name = scanner.metaCommandName()
        let outcome = MetaCommands(session: session, singleCommand: true).run(name, scanner: &scanner, buffer: &buffer, at: nil, source: nil)
        switch outcome {
        case .failed: return false
        default:
            // psql's -c never sends for a meta-command: `\gset`, `\gexec`, `\gdesc`,
            // `\crosstabview` and `\g`'s one-shot settings stay armed for the next query.
            return true
        }
    }
}
