import PGEntraScanner
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

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
