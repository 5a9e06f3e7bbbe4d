/// psql's MainLoop for scripts (psql-compat.md §4, §10): lines in, statements and meta-commands
/// out, in order, with ON_ERROR_STOP and the `pgentra:FILE:LINE:` prefix. Re-entered by `\i`.
struct MainLoop {
    let session: Session

    /// Runs a script file (`-f`, `\i`); `path` nil reads stdin as `-f -` does.
    func runFile(_ path: String?, displayName: String) -> ExitStatus {
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
    func run(_ source: InputSource) -> ExitStatus {
        let (outerConditionals, outerInput) = (session.conditionals, session.currentInput)
        session.conditionals = ConditionalStack()
        session.currentInput = source
        defer { (session.conditionals, session.currentInput) = (outerConditionals, outerInput) }
        var scanner = StatementScanner()
        var buffer = ""
        var first = true
        while var line = source.readLine() {
            if first, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            first = false
            let location = ScriptLocation(source: source.name, line: source.lineNumber)
            session.currentLocation = location
            if session.variables["ECHO"] == "all" {
                session.output.flush()
                Console.standard.output(line + "\n")
            }
            guard scanner.setLine(line) else { continue }
            scanning: while true {
                switch scanner.scan(into: &buffer, variables: session.variables) {
                case .semicolon:
                    guard session.conditionals.isActive else {
                        buffer = ""
                        continue
                    }
                    let ok = session.run(buffer, at: location)
                    buffer = ""
                    if session.connectionLost { return .connectionFailed }
                    if !ok && session.variables.bool("ON_ERROR_STOP") { return .scriptError }
                case .backslash:
                    let name = scanner.metaCommandName()
                    let outcome = MetaCommands(session: session)
                        .run(name, scanner: &scanner, buffer: &buffer, at: location, source: source)
                    switch outcome {
                    case .quit: return .success
                    case .failed where session.variables.bool("ON_ERROR_STOP"): return .scriptError
                    case .send(let expanded):
                        let ok = send(&buffer, expanded: expanded, at: location)
                        if !ok && session.variables.bool("ON_ERROR_STOP") { return .scriptError }
                    default: break
                    }
                    if session.connectionLost { return .connectionFailed }
                case .incomplete, .endOfLine:
                    if session.variables.bool("SINGLELINE") && !buffer.allSatisfy(\.isWhitespace) && session.conditionals.isActive {
                        let ok = session.run(buffer, at: location)
                        buffer = ""
                        if !ok && session.variables.bool("ON_ERROR_STOP") { return .scriptError }
                    }
                    break scanning
                }
            }
        }
        // psql sends an unterminated statement left at the end of a script.
        let end = ScriptLocation(source: source.name, line: source.lineNumber)
        if !buffer.allSatisfy(\.isWhitespace) && session.conditionals.isActive {
            let ok = session.run(buffer, at: end)
            if session.connectionLost { return .connectionFailed }
            if !ok && session.variables.bool("ON_ERROR_STOP") { return .scriptError }
        }
        if !session.conditionals.isEmpty {
            session.error("reached EOF without finding closing \\endif(s)", at: end)
            if session.variables.bool("ON_ERROR_STOP") { return .scriptError }
        }
        return .success
    }

    /// `\g`/`\gx`: the buffer, or the previous query when it is empty.
    private func send(_ buffer: inout String, expanded: Bool, at location: ScriptLocation) -> Bool {
        let saved = session.oneShot.savedOptions ?? session.printOptions
        let target = session.oneShot.target
        defer {
            session.resultHandling = nil
            session.oneShot = OneShotSend()
            session.printOptions = saved
        }
        guard let query = buffer.isEmpty ? session.previousQuery : buffer else {
            session.error("\\g: query buffer is empty", at: location)
            return false
        }
        buffer = ""
        if expanded { session.printOptions.expanded = .on }
        guard let target else { return session.run(query, at: location) }
        return session.withQueryOutput(target, at: location) { session.run(query, at: location) }
    }

    /// A `-c` that starts with a backslash runs exactly one meta-command; the rest is ignored.
    func runSingleMetaCommand(_ text: String) -> Bool {
        // psql gives each -c its own conditional stack and never checks it is balanced.
        let outerConditionals = session.conditionals
        session.conditionals = ConditionalStack()
        defer { session.conditionals = outerConditionals }
        var scanner = StatementScanner()
        var buffer = ""
        guard scanner.setLine(text), scanner.scan(into: &buffer, variables: session.variables) == .backslash else {
            return false
        }
        let name = scanner.metaCommandName()
        let outcome = MetaCommands(session: session).run(name, scanner: &scanner, buffer: &buffer, at: nil, source: nil)
        switch outcome {
        case .failed: return false
        case .send(let expanded):
            var query = buffer
            return send(&query, expanded: expanded, at: ScriptLocation(source: nil, line: 0))
        default: return true
        }
    }
}
