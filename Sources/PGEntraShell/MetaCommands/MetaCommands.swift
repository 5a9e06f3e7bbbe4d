import PGEntraOutput
import PGEntraScanner
import PGEntraSystem

/// psql's backslash commands, one small function each, which MetaCommandTable's rows run
/// (psql-compat.md §8). This is the part scripts need; the interactive shell adds the rest.
struct MetaCommands {
    let session: Session
    /// A `-c` meta-command: psql gives it no query buffer (`\watch`, `\e` refuse to run).
    var singleCommand = false

    enum Outcome: Equatable {
        case ok
        case failed
        case quit
        /// Send the query buffer (or the previous query).
        case send
        /// `\e`, `\ef`: the buffer now holds edited text, to be scanned again from its start.
        case newEdit
    }

    /// Runs the command whose name the scanner just read (MetaCommandTable says which); reads
    /// its arguments from the scanner.
    func run(
        _ name: String, scanner: inout StatementScanner, buffer: inout String,
        at location: ScriptLocation?, source: InputSource?
    ) -> Outcome {
        var arguments = ArgumentReader(scanner: scanner, session: session, location: location)
        defer {
            arguments.reportDiagnostics()
            scanner = arguments.scanner
        }
        if session.restrictKey != nil && name != "unrestrict" { return refuseWhileRestricted(&arguments, at: location) }
        if !session.conditionals.isActive && !MetaCommandTable.isBranching(name) {
            let skipped = skipInactive(name, &arguments, at: location)
            if skipped == .ok { arguments.ignoreRest(); arguments.scanner.endMetaCommand() }
            return skipped
        }
        guard let spec = MetaCommandTable.spec(for: name) else { return invalidCommand(name, &arguments, at: location) }
        var call = MetaCommandSpec.Call(name: name, arguments: arguments, buffer: buffer, location: location, source: source)
        let outcome = spec.run(self, &call)
        (arguments, buffer) = (call.arguments, call.buffer)
        if outcome == .failed {
            // psql silently drops the rest of the line after a failed command.
            arguments.discardRest()
        } else {
            arguments.finish(command: name, at: location)
        }
        return outcome
    }

    /// An unknown name: psql's error, and at the prompt its hint.
    func invalidCommand(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        session.error("invalid command \\\(name)", at: location)
        if session.readsTerminal { session.error("Try \\? for help.", at: location) }
        arguments.discardRest()
        return .failed
    }

    // MARK: - Output

    func echo(_ name: String, _ arguments: inout ArgumentReader) -> Outcome {
        var words: [String] = []
        var newline = true
        while let argument = arguments.next() {
            if words.isEmpty && newline && argument.text == "-n" && argument.quoting == nil {
                newline = false
                continue
            }
            words.append(argument.text)
        }
        let text = words.joined(separator: " ") + (newline ? "\n" : "")
        switch name {
        case "qecho": session.output.write(text)
        case "warn":
            session.output.flush()
            session.diagnostics(text)
        default:
            session.output.flush()
            session.printStandard(text)
        }
        return .ok
    }

    // MARK: - Variables

    func set(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let name = arguments.next(.sqlIdentifierKeepingCase)?.text else {
            for line in session.variables.listing { session.printStandard(line + "\n") }
            return .ok
        }
        var value = ""
        while let argument = arguments.next() { value += argument.text }
        return setVariable(name, value, at: location)
    }

    func unset(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let name = arguments.next()?.text else {
            session.error("\\unset: missing required argument", at: location)
            return .failed
        }
        return setVariable(name, nil, at: location)
    }

    /// Sets or (with nil) unsets a variable; a value its hook refuses is the command's error.
    /// Each change may be to VERBOSITY or SHOW_CONTEXT, which libpq is told of at once.
    func setVariable(_ name: String, _ value: String?, at location: ScriptLocation?) -> Outcome {
        do throws(Variables.Invalid) {
            try session.variables.set(name, value)
            session.applyVerbosity()
            return .ok
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
    }

    // MARK: - Printing options

    func pset(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let name = arguments.next()?.text else {
            session.printStandard(PsetCommand.listing(session.printOptions))
            return .ok
        }
        return applyPset(name, arguments.next()?.text, at: location)
    }

    func psetShortcut(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        applyPset(name, arguments.next()?.text, at: location)
    }

    private func applyPset(_ name: String, _ value: String?, at location: ScriptLocation?) -> Outcome {
        do throws(PsetError) {
            let message = try PsetCommand.apply(name: name, value: value, to: &session.printOptions)
            if let message, !session.variables.bool("QUIET") { session.printStandard(message + "\n") }
            return .ok
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
    }

    func toggle(at location: ScriptLocation?, _ change: (inout PrintOptions) throws(PsetError) -> String?) -> Outcome {
        do throws(PsetError) {
            let message = try change(&session.printOptions)
            if let message, !session.variables.bool("QUIET") { session.printStandard(message + "\n") }
            return .ok
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
    }

    // MARK: - Scripts

    func include(
        _ name: String, _ arguments: inout ArgumentReader, source: InputSource?, at location: ScriptLocation?
    ) -> Outcome {
        guard var path = arguments.next()?.text else {
            session.error("\\\(name): missing required argument", at: location)
            return .failed
        }
        if name.hasPrefix("ir") || name == "include_relative", !path.hasPrefix("/"), let directory = source?.directory {
            path = directory + "/" + path
        }
        let status: ExitStatus
        if path == "-" {
            status = MainLoop(session: session).runFile(nil, displayName: "<stdin>")
        } else {
            // A file that cannot be opened is this command's error (`psql:FILE:LINE: error: ` in a
            // script, bare at the prompt), not a startup error as for `-f`.
            do throws(InputSource.OpenError) {
                status = MainLoop(session: session).run(try InputSource(path: path))
            } catch {
                session.error(error.description, at: location)
                return .failed
            }
        }
        switch status {
        case .success: return .ok
        case .scriptError where session.variables.bool("ON_ERROR_STOP"): return .failed
        default: return status == .failure ? .failed : .ok
        }
    }

    // MARK: - Connection

    func errverbose() -> Outcome {
        guard let result = session.lastError else {
            session.printStandard("There is no previous error.\n")
            return .ok
        }
        session.report(result.errorMessage(verbosity: .verbose, context: .always), at: nil)
        return .ok
    }

    /// psql 18's exec_command_conninfo: a table through the query output's printer, with
    /// pgentra's identity rows after psql's.
    func conninfo() -> Outcome {
        guard let connection = session.connection, connection.isOK else {
            session.printStandard("You are currently not connected to a database.\n")
            return .ok
        }
        var information = ConnectionInformation(connection)
        information.rows += conninfoIdentityRows()
        var writer = session.tableWriter(
            columns: ConnectionInformation.columns, options: session.printOptions,
            content: TableContentOptions(title: ConnectionInformation.title))
        writer.rows(information.cells)
        writer.finish()
        session.output.flush()
        return .ok
    }
}
