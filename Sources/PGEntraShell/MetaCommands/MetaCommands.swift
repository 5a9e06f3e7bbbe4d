import PGEntraOutput
import PGEntraScanner
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// psql's backslash commands, one small function each behind a flat dispatch by name
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

    /// Runs the command whose name the scanner just read; reads its arguments from the scanner.
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
        if !session.conditionals.isActive && !ConditionalStack.isBranching(name) {
            let skipped = skipInactive(name, &arguments, at: location)
            if skipped == .ok { arguments.ignoreRest(); arguments.scanner.endMetaCommand() }
            return skipped
        }
        let outcome: Outcome
        switch name {
        case "echo", "qecho", "warn": outcome = echo(name, &arguments)
        case "set": outcome = set(&arguments, at: location)
        case "unset": outcome = unset(&arguments, at: location)
        case "pset": outcome = pset(&arguments, at: location)
        case "a": outcome = toggle(at: location) { (options: inout PrintOptions) throws(PsetError) in try PsetCommand.toggleAligned(&options) }
        case "H", "html": outcome = toggle(at: location) { (options: inout PrintOptions) throws(PsetError) in try PsetCommand.toggleHTML(&options) }
        case "t": outcome = psetShortcut("tuples_only", &arguments, at: location)
        case "x": outcome = psetShortcut("expanded", &arguments, at: location)
        case "f": outcome = psetShortcut("fieldsep", &arguments, at: location)
        case "C": outcome = psetShortcut("title", &arguments, at: location)
        case "T": outcome = psetShortcut("tableattr", &arguments, at: location)
        case "q", "quit": outcome = .quit
        case "i", "include", "ir", "include_relative": outcome = include(name, &arguments, source: source, at: location)
        case "g", "gx": outcome = send(name, &arguments, at: location)
        case "r", "reset":
            buffer = ""
            arguments.scanner.reset()
            if !session.variables.bool("QUIET") { session.printStandard("Query buffer reset (cleared).\n") }
            outcome = .ok
        case "p", "print":
            session.printStandard((buffer.isEmpty ? session.previousQuery ?? "Query buffer is empty." : buffer) + "\n")
            outcome = .ok
        case "errverbose": outcome = errverbose()
        case "conninfo": outcome = conninfo()
        case _ where Self.isCatalogListing(name): outcome = catalogListing(name, &arguments, at: location)
        case _ where Self.textSearchListing(named: name) != nil: outcome = textSearch(name, &arguments, at: location)
        case _ where Self.isDescribe(name): outcome = describe(name, &arguments, at: location)
        case "if": outcome = conditionalIf(&arguments, buffer: buffer, at: location)
        case "elif": outcome = conditionalElif(&arguments, buffer: &buffer, at: location)
        case "else": outcome = conditionalElse(&arguments, buffer: &buffer, at: location)
        case "endif": outcome = conditionalEndif(&arguments, buffer: &buffer, at: location)
        case "timing": outcome = timing(&arguments, at: location)
        case "o", "out": outcome = out(&arguments, at: location)
        case "w", "write": outcome = write(&arguments, buffer: buffer, at: location)
        case "gset": outcome = gset(&arguments, at: location)
        case "gexec": outcome = gexec(at: location)
        case "gdesc": outcome = gdesc()
        case "crosstabview": outcome = crosstabview(&arguments)
        case "c", "connect": outcome = connect(&arguments, at: location)
        case "copy": outcome = copy(&arguments, at: location, source: source)
        case "cd": outcome = changeDirectory(name, &arguments, at: location)
        case "!": outcome = shell(&arguments, at: location)
        case "encoding": outcome = encoding(&arguments, at: location)
        case "getenv": outcome = getenvCommand(name, &arguments, at: location)
        case "setenv": outcome = setenvCommand(name, &arguments, at: location)
        case "prompt": outcome = prompt(name, &arguments, at: location)
        case "?": outcome = backslashHelp(&arguments)
        case "h", "help": outcome = sqlHelp(&arguments)
        case "watch": outcome = watch(&arguments, buffer: &buffer, at: location)
        case "e", "edit": outcome = edit(&arguments, buffer: &buffer, at: location)
        case "ef": outcome = editObject(.function, &arguments, buffer: &buffer, at: location)
        case "ev": outcome = editObject(.view, &arguments, buffer: &buffer, at: location)
        case "password": outcome = password(&arguments, at: location)
        case "sf", "sf+", "sv", "sv+": outcome = showSource(name, &arguments, at: location)
        case "lo_import", "lo_export", "lo_unlink": outcome = largeObject(name, &arguments, at: location)
        // psql 18 takes any letters after \lo_list and \dl (+ for verbose, x for expanded).
        case _ where name.hasPrefix("lo_list"): outcome = largeObject(name, &arguments, at: location)
        case _ where name.hasPrefix("dl"):
            // psql reads a pattern for every \d command; listLargeObjects has no use for it.
            _ = arguments.next()
            outcome = list(Self.largeObjectsSQL(verbose: name.contains("+")), title: "Large objects", options: listingOptions(name))
        case "copyright": outcome = copyright()
        case "s": outcome = printHistory(&arguments, at: location)
        case "restrict": outcome = restrict(&arguments, at: location)
        case "unrestrict": outcome = unrestrict(&arguments, at: location)
        case "whoami": outcome = whoami(at: location)
        case "refresh": outcome = refresh(at: location)
        case "bind": outcome = bind(&arguments)
        case "bind_named": outcome = bindNamed(name, &arguments, at: location)
        case "parse", "close_prepared": outcome = namedStatement(name, &arguments, at: location)
        case "sendpipeline": outcome = sendPipeline(at: location)
        case "getresults": outcome = getResults(&arguments, at: location)
        default:
            guard let mode = Self.pipelineModes[name] else { return invalidCommand(name, &arguments, at: location) }
            outcome = pipelineCommand(mode)
        }
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

    private func echo(_ name: String, _ arguments: inout ArgumentReader) -> Outcome {
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

    private func set(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let name = arguments.next(.sqlIdentifierKeepingCase)?.text else {
            for line in session.variables.listing { session.printStandard(line + "\n") }
            return .ok
        }
        var value = ""
        while let argument = arguments.next() { value += argument.text }
        do throws(Variables.Invalid) {
            try session.variables.set(name, value)
            session.applyVerbosity()
            return .ok
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
    }

    private func unset(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let name = arguments.next()?.text else {
            session.error("\\unset: missing required argument", at: location)
            return .failed
        }
        do throws(Variables.Invalid) {
            try session.variables.set(name, nil)
            session.applyVerbosity()
            return .ok
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
    }

    // MARK: - Printing options

    private func pset(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let name = arguments.next()?.text else {
            session.printStandard(PsetCommand.listing(session.printOptions))
            return .ok
        }
        return applyPset(name, arguments.next()?.text, at: location)
    }

    private func psetShortcut(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
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

    private func toggle(at location: ScriptLocation?, _ change: (inout PrintOptions) throws(PsetError) -> String?) -> Outcome {
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

    private func include(
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

    private func errverbose() -> Outcome {
        guard let result = session.lastError else {
            session.printStandard("There is no previous error.\n")
            return .ok
        }
        session.report(result.errorMessage(verbosity: .verbose, context: .always), at: nil)
        return .ok
    }

    /// psql 18's exec_command_conninfo: a table through the query output's printer, with
    /// pgentra's identity rows after psql's.
    private func conninfo() -> Outcome {
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

/// Reads a meta-command's arguments from the scanner with the session's variables, and warns
/// about surplus ones as psql does (`\dt+: extra argument "x" ignored`).
struct ArgumentReader {
    var scanner: StatementScanner
    let session: Session
    /// Where the command was read, for what the lexer reports about its arguments.
    let location: ScriptLocation?

    init(scanner: StatementScanner, session: Session, location: ScriptLocation? = nil) {
        self.scanner = scanner
        self.session = session
        self.location = location
    }

    /// - Parameter strippingSemicolons: psql's `semicolon` flag: unquoted trailing `;`s dropped.
    mutating func next(_ mode: MetaCommandArgumentMode = .normal, strippingSemicolons: Bool = false) -> MetaCommandArgument? {
        let argument = scanner.metaCommandArgument(
            mode, stripTrailingSemicolons: strippingSemicolons, variables: session.variables, shell: runShell)
        reportDiagnostics()
        return argument
    }

    /// psql's lexer prints an unterminated quote or a recursive variable as it reads the
    /// argument, before the command acts on it.
    mutating func reportDiagnostics() {
        session.report(scanned: scanner.takeDiagnostics(), at: location)
    }

    /// An argument read as psql_scan_slash_option(OT_NORMAL, semicolon = true) reads it: without
    /// unquoted trailing semicolons, so `\dt t;` and `\restrict KEY;` work as typed at the prompt.
    mutating func nextPattern() -> MetaCommandArgument? {
        next(.normal, strippingSemicolons: true)
    }

    /// After a failed command psql discards the rest of the line.
    mutating func discardRest() {
        _ = scanner.metaCommandArgument(.wholeLine, variables: nil)
        scanner.endMetaCommand()
    }

    mutating func finish(command: String, at location: ScriptLocation?) {
        while let extra = scanner.metaCommandArgument(.normal, variables: nil) {
            reportDiagnostics()
            session.warning("\\\(command): extra argument \"\(extra.text)\" ignored", at: location)
        }
        reportDiagnostics()
        scanner.endMetaCommand()
    }

    /// Backquoted commands in arguments: their standard output as is (the scanner removes the
    /// one trailing newline psql removes); SHELL_ERROR and SHELL_EXIT_CODE tell how it ended.
    func runShell(_ command: String) -> String? {
        guard let pipe = LosslessText.withCString(command, { popen($0, "r") }) else { return nil }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        session.setShellResultVariables(ShellResult(waitStatus: pclose(pipe)))
        return LosslessText.string(decoding: output)
    }
}

extension Variables: VariableResolver {
    package func value(of name: String) -> String? { self[name] }
}
