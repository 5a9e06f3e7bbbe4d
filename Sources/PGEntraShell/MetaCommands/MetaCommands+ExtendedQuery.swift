/// `\bind`, `\bind_named`, `\parse`, `\close_prepared`: the next query goes through the
/// extended query protocol (psql 18's exec_command_bind, exec_command_bind_named,
/// exec_command_parse, exec_command_close_prepared). `\bind` and `\bind_named` only set the
/// mode, which the next `\g`, `;` or `\sendpipeline` uses; the other two send at once.
extension MetaCommands {
    /// psql 18's exec_command_bind: every argument a text parameter.
    func bind(_ arguments: inout ArgumentReader) -> Outcome {
        session.sendMode = .extendedParameters(Self.remaining(&arguments))
        return .ok
    }

    /// psql 18's exec_command_bind_named: a statement name, then its parameters.
    func bindNamed(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        session.sendMode = .query
        guard let statement = arguments.next()?.text else { return missingArgument(name, at: location) }
        session.sendMode = .extendedPrepared(name: statement, parameters: Self.remaining(&arguments))
        return .ok
    }

    /// psql 18's exec_command_parse and exec_command_close_prepared: one statement name, sent
    /// at once with the buffer (or the previous query, which `\close_prepared` does not use).
    func namedStatement(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let statement = arguments.next()?.text
        session.sendMode = .query
        guard let statement else { return missingArgument(name, at: location) }
        session.sendMode = name == "parse" ? .parse(name: statement) : .close(name: statement)
        return .send
    }

    private func missingArgument(_ name: String, at location: ScriptLocation?) -> Outcome {
        session.error("\\\(name): missing required argument", at: location)
        return .failed
    }

    private static func remaining(_ arguments: inout ArgumentReader) -> [String] {
        var values: [String] = []
        while let argument = arguments.next() { values.append(argument.text) }
        return values
    }
}
