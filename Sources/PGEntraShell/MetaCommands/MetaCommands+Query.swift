import PGEntraOutput

/// `\g`, `\gx`, `\gset`, `\gexec`, `\gdesc`: send the buffer, with one-shot settings or
/// with its last result put to another use.
extension MetaCommands {
    /// psql's exec_command_g and process_command_g_options: `(name=value ...)` are `\pset`
    /// options for this query only (no messages), then an optional file or `|cmd`.
    func send(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        var target = arguments.next(.filePipe)?.text
        if let first = target, first.hasPrefix("(") {
            var option: String? = String(first.dropFirst())
            var closed = false
            while !closed {
                guard var text = option ?? arguments.next()?.text else {
                    session.error("\\\(name): missing right parenthesis", at: location)
                    restoreOneShotOptions()
                    return .failed
                }
                option = nil
                if text.hasSuffix(")") {
                    text.removeLast()
                    closed = true
                }
                guard !text.isEmpty else { continue }
                if session.oneShot.savedOptions == nil { session.oneShot.savedOptions = session.printOptions }
                do throws(PsetError) {
                    try PsetCommand.apply(assignment: text, to: &session.printOptions)
                } catch {
                    session.error(error.description, at: location)
                    restoreOneShotOptions()
                    return .failed
                }
            }
            target = arguments.next(.filePipe)?.text
        }
        if let refused = refusedInPipeline(name, at: location) { return refused }
        session.oneShot.target = target.map(expandTilde)
        // psql's exec_command_g sets g_expanded and never clears it: `\gx` then `\g` (two -c)
        // is still expanded.
        if name == "gx" { session.oneShot.expanded = true }
        return .send
    }

    private func restoreOneShotOptions() {
        if let saved = session.oneShot.savedOptions { session.printOptions = saved }
        session.oneShot = OneShotSend()
    }

    func gset(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let prefix = arguments.next()?.text ?? ""
        if let refused = refusedInPipeline("gset", at: location) { return refused }
        session.resultHandling = .armed(.gset(prefix: prefix), over: session.resultHandling)
        return .send
    }

    func gexec(at location: ScriptLocation?) -> Outcome {
        if let refused = refusedInPipeline("gexec", at: location) { return refused }
        session.resultHandling = .armed(.gexec, over: session.resultHandling)
        return .send
    }

    /// psql's exec_command_crosstabview: four words read whether given or not (a lone `;`
    /// reads as none), the rest of the line warned about as extra.
    func crosstabview(_ arguments: inout ArgumentReader) -> Outcome {
        let words = (0..<4).map { _ in arguments.nextPattern()?.text }
        session.resultHandling = .armed(.crosstab(arguments: words), over: session.resultHandling)
        return .send
    }

    func gdesc() -> Outcome {
        session.describesNext = true
        return .send
    }
}
