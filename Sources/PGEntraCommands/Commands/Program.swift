import PGEntraIdentity
import PGEntraShell
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// The whole program behind `main.swift`: parse argv, dispatch to a command, return the exit status.
package enum Program {
    /// `programName` is argv[0] as the user typed it: glibc's getopt messages begin with it.
    package static func run(arguments: [String], environment: Environment, console: Console, programName: String = "pgentra") -> Int32 {
        let invocation: Invocation
        do throws(CommandLineError) {
            invocation = try Invocation(arguments: arguments)
        } catch {
            // psql's own line after getopt's message, or alone (a `-?` in a cluster).
            let hint = "pgentra: hint: \(tryHelp)\n"
            if error.isGetoptMessage {
                console.error("\(programName): \(error.description)\n" + hint)
            } else if error == .unknownHelpRequest {
                console.error(hint)
            } else {
                console.report(ErrorReport(error.description, hint: tryHelp))
            }
            return ExitStatus.failure.rawValue
        }
        if let topic = invocation.help {
            // psql's --help=options|commands|variables; commands and variables are \? texts.
            switch topic {
            case nil, "options": console.output(HelpText.text(for: invocation.subcommand))
            case "commands": console.output(BackslashHelp.commands(.unconnected))
            case "variables": console.output(BackslashHelp.variables)
            case .some:
                // psql 18's parse_psql_options: an unknown topic goes to unknown_option, the hint alone.
                console.error("pgentra: hint: \(tryHelp)\n")
                return ExitStatus.failure.rawValue
            }
            return ExitStatus.success.rawValue
        }
        if invocation.version {
            console.output("pgentra \(Product.version)\n")
            return ExitStatus.success.rawValue
        }
        for warning in invocation.warnings where !invocation.has(.quiet) {
            console.warning(warning)
        }
        let status: ExitStatus
        switch invocation.subcommand {
        case .token:
            status = TokenCommand(invocation: invocation, environment: environment, console: console).run()
        case .whoami:
            status = WhoamiCommand(
                invocation: invocation, environment: environment, console: console,
                now: { Clock.system.epochSeconds }).run()
        case .run:
            status = RunCommand(invocation: invocation, environment: environment, console: console).run()
        case .proxy:
            status = ProxyCommand(invocation: invocation, environment: environment, console: console).run()
        case .exec:
            status = ScriptCommand(invocation: invocation, environment: environment, console: console, strict: true).run()
        case .shell:
            // psql reads a script when -c/-f is given or stdin is not a terminal; -l only lists.
            if invocation.has(.command) || invocation.has(.file) || invocation.has(.list) || isatty(0) == 0 {
                status = ScriptCommand(invocation: invocation, environment: environment, console: console, strict: false).run()
            } else {
                status = ShellCommand(invocation: invocation, environment: environment, console: console).run()
            }
        }
        return status.rawValue
    }

    /// psql's pg_log_error_hint after a bad option, with pgentra's name.
    static let tryHelp = "Try \"pgentra --help\" for more information."
}
