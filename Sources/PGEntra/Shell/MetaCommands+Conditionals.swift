/// `\if`, `\elif`, `\else`, `\endif` (psql's exec_command_if & co.), and how other commands are
/// skipped inside a branch that does not run.
extension MetaCommands {
    func conditionalIf(_ arguments: inout ArgumentReader, buffer: String, at location: ScriptLocation?) -> Outcome {
        let length = buffer.utf8.count
        if session.conditionals.isActive {
            let value = Self.booleanExpression(&arguments, named: "\\if expression", session: session, at: location)
            session.conditionals.push(value ? .active : .inactive, queryLength: length)
        } else {
            arguments.ignoreRest()
            session.conditionals.push(.ignored, queryLength: length)
        }
        return .ok
    }

    func conditionalElif(_ arguments: inout ArgumentReader, buffer: inout String, at location: ScriptLocation?) -> Outcome {
        switch session.conditionals.top {
        case .active:
            session.conditionals.saveQueryLength(buffer.utf8.count)
            arguments.ignoreRest()
            session.conditionals.poke(.ignored)
        case .inactive:
            discardQueryText(&buffer)
            let value = Self.booleanExpression(&arguments, named: "\\elif expression", session: session, at: location)
            session.conditionals.poke(value ? .active : .inactive)
        case .ignored:
            discardQueryText(&buffer)
            arguments.ignoreRest()
        case .elseActive, .elseInactive:
            session.error("\\elif: cannot occur after \\else", at: location)
            return .failed
        case nil:
            session.error("\\elif: no matching \\if", at: location)
            return .failed
        }
        return .ok
    }

    func conditionalElse(buffer: inout String, at location: ScriptLocation?) -> Outcome {
        switch session.conditionals.top {
        case .active:
            session.conditionals.saveQueryLength(buffer.utf8.count)
            session.conditionals.poke(.elseInactive)
        case .inactive:
            discardQueryText(&buffer)
            session.conditionals.poke(.elseActive)
        case .ignored:
            discardQueryText(&buffer)
            session.conditionals.poke(.elseInactive)
        case .elseActive, .elseInactive:
            session.error("\\else: cannot occur after \\else", at: location)
            return .failed
        case nil:
            session.error("\\else: no matching \\if", at: location)
            return .failed
        }
        return .ok
    }

    func conditionalEndif(buffer: inout String, at location: ScriptLocation?) -> Outcome {
        switch session.conditionals.top {
        case .active, .elseActive:
            session.conditionals.pop()
        case .inactive, .ignored, .elseInactive:
            discardQueryText(&buffer)
            session.conditionals.pop()
        case nil:
            session.error("\\endif: no matching \\if", at: location)
            return .failed
        }
        return .ok
    }

    /// psql's discard_query_text: what an inactive branch added to the buffer goes.
    private func discardQueryText(_ buffer: inout String) {
        let length = session.conditionals.savedQueryLength
        if length < buffer.utf8.count {
            buffer = String(decoding: Array(buffer.utf8.prefix(length)), as: UTF8.self)
        }
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
        guard Self.isKnown(name) else { return invalidCommand(name, &arguments, at: location) }
        switch MetaCommandArgumentMode.defaultMode(forCommand: name) {
        case .wholeLine: arguments.discardRest()
        case .filePipe:
            _ = arguments.scanner.metaCommandArgument(.filePipe, variables: nil)
            arguments.ignoreRest()
        default: arguments.ignoreRest()
        }
        return .ok
    }

    /// psql 18's command names, including those pgentra does not run yet: its exec_command
    /// takes any `\d…` and `\lo_…` in a branch that does not run (their own checks come only
    /// when they run), `\l` with + and x, and `\z` with S and x, but neither `\z+` nor `\lxx`.
    static func isKnown(_ name: String) -> Bool {
        if name.hasPrefix("d") || name.hasPrefix("lo_") || isDescribe(name) { return true }
        return knownNames.contains(name)
    }

    static let knownNames: Set<String> = [
        "a", "bind", "c", "connect", "C", "cd", "conninfo", "copy", "copyright", "crosstabview", "e", "edit",
        "ef", "ev", "echo", "qecho", "warn", "elif", "else", "endif", "encoding", "errverbose", "f", "g", "gx",
        "gdesc", "getenv", "gexec", "gset", "h", "help", "H", "html", "i", "include", "ir", "include_relative",
        "if", "o", "out", "p", "print", "password", "prompt", "pset", "q", "quit", "r", "reset", "s", "set",
        "setenv", "sf", "sf+", "sv", "sv+", "t", "T", "timing", "unset", "w", "write", "watch", "x",
        "z", "zS", "zx", "zSx", "zxS", "!", "?",
        "bind_named", "close_prepared", "parse", "restrict", "unrestrict",
        "startpipeline", "endpipeline", "syncpipeline", "sendpipeline", "flush", "flushrequest", "getresults",
        "whoami", "refresh",
    ]
}

extension ArgumentReader {
    /// psql's ignore_slash_options: the remaining arguments, read without substituting anything.
    mutating func ignoreRest() {
        while scanner.metaCommandArgument(.normal, variables: nil) != nil {}
    }
}
