import PGEntraScanner

/// `\if`, `\elif`, `\else`, `\endif` (psql's exec_command_if & co.), and how other commands are
/// skipped inside a branch that does not run.
extension MetaCommands {
    func conditionalIf(_ arguments: inout ArgumentReader, buffer: String, at location: ScriptLocation?) -> Outcome {
        let saved = savedQueryText(arguments, buffer: buffer)
        if session.conditionals.isActive {
            let value = Self.booleanExpression(&arguments, named: "\\if expression", session: session, at: location)
            session.conditionals.push(value ? .active : .inactive, saving: saved)
        } else {
            arguments.ignoreRest()
            session.conditionals.push(.ignored, saving: saved)
        }
        return .ok
    }

    func conditionalElif(_ arguments: inout ArgumentReader, buffer: inout String, at location: ScriptLocation?) -> Outcome {
        switch session.conditionals.top {
        case .active:
            session.conditionals.save(savedQueryText(arguments, buffer: buffer))
            arguments.ignoreRest()
            session.conditionals.poke(.ignored)
        case .inactive:
            discardQueryText(&arguments, &buffer)
            let value = Self.booleanExpression(&arguments, named: "\\elif expression", session: session, at: location)
            session.conditionals.poke(value ? .active : .inactive)
        case .ignored:
            discardQueryText(&arguments, &buffer)
            arguments.ignoreRest()
        case .elseActive, .elseInactive, nil:
            return misplaced("elif", at: location)
        }
        return .ok
    }

    func conditionalElse(_ arguments: inout ArgumentReader, buffer: inout String, at location: ScriptLocation?) -> Outcome {
        switch session.conditionals.top {
        case .active:
            session.conditionals.save(savedQueryText(arguments, buffer: buffer))
            session.conditionals.poke(.elseInactive)
        case .inactive:
            discardQueryText(&arguments, &buffer)
            session.conditionals.poke(.elseActive)
        case .ignored:
            discardQueryText(&arguments, &buffer)
            session.conditionals.poke(.elseInactive)
        case .elseActive, .elseInactive, nil:
            return misplaced("else", at: location)
        }
        return .ok
    }

    func conditionalEndif(_ arguments: inout ArgumentReader, buffer: inout String, at location: ScriptLocation?) -> Outcome {
        switch session.conditionals.top {
        case .active, .elseActive:
            session.conditionals.pop()
        case .inactive, .ignored, .elseInactive:
            discardQueryText(&arguments, &buffer)
            session.conditionals.pop()
        case nil:
            return misplaced("endif", at: location)
        }
        return .ok
    }

    /// psql's errors for a branch command where it cannot be: outside any `\if`, or after the
    /// block's `\else`.
    private func misplaced(_ command: String, at location: ScriptLocation?) -> Outcome {
        let reason = session.conditionals.top == nil ? "no matching \\if" : "cannot occur after \\else"
        session.error("\\\(command): \(reason)", at: location)
        return .failed
    }

    /// psql 18's save_query_text_state: the buffer's length and the lexer's state as they are
    /// before a branch that will not run.
    private func savedQueryText(_ arguments: ArgumentReader, buffer: String) -> ConditionalStack.SavedQueryText {
        ConditionalStack.SavedQueryText(length: buffer.utf8.count, lexicalState: arguments.scanner.lexicalState)
    }

    /// psql 18's discard_query_text: what a skipped branch added to the buffer goes, and the
    /// lexer forgets what it saw there (an open `(`, the words of a statement, a COPY).
    private func discardQueryText(_ arguments: inout ArgumentReader, _ buffer: inout String) {
        let saved = session.conditionals.saved
        if saved.length < buffer.utf8.count {
            buffer = String(decoding: Array(buffer.utf8.prefix(saved.length)), as: UTF8.self)
        }
        arguments.scanner.lexicalState = saved.lexicalState
    }

    /// psql's read_boolean_expression + ParseVariableBool: the arguments joined by spaces; a bad
    /// value is reported and counts as false (the command itself still succeeds).
    static func booleanExpression(
        _ arguments: inout ArgumentReader, named name: String, session: Session, at location: ScriptLocation?
    ) -> Bool {
        var words: [String] = []
        while let argument = arguments.next() { words.append(argument.text) }
        let text = words.joined(separator: " ")
        guard let value = Variables.parseBoolean(text) else {
            session.error("unrecognized value \"\(text)\" for \"\(name)\": Boolean expected", at: location)
            return false
        }
        return value
    }

    /// A command in a branch that does not run: its arguments are read without substitution
    /// and dropped; only an unknown name is still an error, as in psql.
    func skipInactive(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard MetaCommandTable.isKnown(name) else { return invalidCommand(name, &arguments, at: location) }
        switch MetaCommandTable.argumentMode(for: name) {
        case .wholeLine: arguments.discardRest()
        case .filePipe:
            _ = arguments.scanner.metaCommandArgument(.filePipe, variables: nil)
            arguments.ignoreRest()
        default: arguments.ignoreRest()
        }
        return .ok
    }
}

extension ArgumentReader {
    /// psql's ignore_slash_options: the remaining arguments, read without substituting anything.
    mutating func ignoreRest() {
        while scanner.metaCommandArgument(.normal, variables: nil) != nil {}
    }
}
