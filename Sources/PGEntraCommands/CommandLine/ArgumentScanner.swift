/// One option as it appeared on the command line, in order; repeatable options keep every occurrence.
struct ParsedOption: Equatable, Sendable {
    let name: OptionName
    let value: String?
    /// How the user spelled it (`-c`, `--command`), so messages quote what they typed.
    let spelling: String
}

/// The raw result of scanning argv: the form, options in order, positional words.
struct ScannedArguments: Equatable, Sendable {
    var subcommand: Subcommand
    var options: [ParsedOption]
    var positionals: [String]
    /// `pgentra run`'s program and its arguments: every word after the first `--`, untouched.
    var command: [String]? = nil
}

/// Hand-written getopt_long, as psql uses it: short options cluster (`-At`) and take attached
/// values (`-p5432`), long options take `--name=value` or `--name value` and unique prefixes,
/// options and positional words mix freely, and `--` ends the options.
///
/// A first positional word naming a subcommand selects it (cli.md); a database with such a name
/// is reached with `-d NAME`, or after `--`. For `run`, `--` instead starts the command to run,
/// whose words are never read as pgentra's (`pgentra run -- psql -c 'select 1'`), as env(1) and
/// sudo treat theirs.
struct ArgumentScanner: Sendable {
    init() {}

    func scan(_ arguments: [String]) throws(CommandLineError) -> ScannedArguments {
        // Options before the subcommand word must be parsed to know which words are values,
        // so scan once with every option allowed, then rescan without the subcommand word.
        let firstPass = try scan(arguments, accepting: Set(OptionName.allCases), command: .shell, detectSubcommand: true)
        guard let (index, command) = firstPass.subcommandWord else {
            return try scan(arguments, accepting: Subcommand.shell.acceptedOptions, command: .shell, detectSubcommand: false).result
        }
        var rest = arguments
        rest.remove(at: index)
        // Only the first word can name the form: `pgentra exec whoami` connects to database "whoami".
        do throws(CommandLineError) {
            return try scan(rest, accepting: command.acceptedOptions, command: command, detectSubcommand: false).result
        } catch .optionNotAccepted where command == .run && !rest.contains("--") {
            // `pgentra run psql -c x`: the command's options were taken for pgentra's.
            throw .missingCommand
        }
    }

    private struct Pass {
        var result: ScannedArguments
        var subcommandWord: (Int, Subcommand)?
    }

    private func scan(
        _ arguments: [String], accepting accepted: Set<OptionName>, command: Subcommand, detectSubcommand: Bool
    ) throws(CommandLineError) -> Pass {
        var options: [ParsedOption] = []
        var positionals: [String] = []
        var subcommandWord: (Int, Subcommand)?
        var index = 0
        var optionsEnded = false

        func accept(_ name: OptionName, _ value: String?, _ spelling: String) throws(CommandLineError) {
            guard accepted.contains(name) else {
                throw .optionNotAccepted(spelling, command: command.invocationName)
            }
            options.append(ParsedOption(name: name, value: value, spelling: spelling))
        }

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                if detectSubcommand && positionals.isEmpty && subcommandWord == nil && !optionsEnded,
                   let subcommand = Subcommand(word: argument) {
                    subcommandWord = (index - 1, subcommand)
                    continue
                }
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                if command == .run {
                    return Pass(
                        result: ScannedArguments(
                            subcommand: command, options: options, positionals: positionals,
                            command: Array(arguments[index...])),
                        subcommandWord: subcommandWord)
                }
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let (nameText, attached) = splitAtEquals(body)
                let name = try longOption(named: String(nameText), typed: argument)
                let spelling = "--\(name.longNames.first { $0.hasPrefix(nameText) } ?? String(nameText))"
                switch name.argument {
                case .none:
                    if attached != nil { throw .unexpectedArgument(spelling) }
                    try accept(name, nil, spelling)
                case .optional:
                    try accept(name, attached, spelling)
                case .required:
                    if let attached {
                        try accept(name, attached, spelling)
                    } else if index < arguments.count {
                        try accept(name, arguments[index], spelling)
                        index += 1
                    } else {
                        throw .missingArgument(spelling)
                    }
                }
                continue
            }
            // A cluster of short options: "-At", "-p5432", "-vname=value".
            var cluster = Substring(argument.dropFirst())
            while let letter = cluster.first {
                cluster = cluster.dropFirst()
                let spelling = "-\(letter)"
                guard let name = OptionName.allCases.first(where: { $0.short == letter }) else {
                    throw .invalidOption(letter)
                }
                // psql takes `-?` alone as help; within a cluster it only prints its hint.
                if name == .help && argument != "-?" { throw .unknownHelpRequest }
                switch name.argument {
                case .none, .optional:
                    try accept(name, nil, spelling)
                case .required:
                    if !cluster.isEmpty {
                        try accept(name, String(cluster), spelling)
                        cluster = ""
                    } else if index < arguments.count {
                        try accept(name, arguments[index], spelling)
                        index += 1
                    } else {
                        throw .missingShortArgument(letter)
                    }
                }
            }
        }
        return Pass(
            result: ScannedArguments(subcommand: command, options: options, positionals: positionals),
            subcommandWord: subcommandWord)
    }

    private func splitAtEquals(_ body: Substring) -> (Substring, String?) {
        guard let equals = body.firstIndex(of: "=") else { return (body, nil) }
        return (body[..<equals], String(body[body.index(after: equals)...]))
    }

    /// glibc's process_long_option: an exact name wins; otherwise the first name `text` begins
    /// (in `OptionName.longNameOrder`), unless a later one is another option, which makes it
    /// ambiguous and lists the first and every such other. An empty name (`--=x`) begins them all.
    /// Options that are not abbreviable (`OptionName.isAbbreviable`) match only when exact.
    private func longOption(named text: String, typed: String) throws(CommandLineError) -> OptionName {
        let order = OptionName.longNameOrder
        if let exact = order.first(where: { $0.name == text }) {
            return exact.option
        }
        let matches = order.filter { $0.name.hasPrefix(text) && $0.option.isAbbreviable }
        guard let found = matches.first else { throw .unrecognizedOption(typed) }
        let others = matches.dropFirst().filter { $0.option != found.option }
        guard others.isEmpty else {
            throw .ambiguousOption(typed, candidates: [found.name] + others.map(\.name))
        }
        return found.option
    }
}
