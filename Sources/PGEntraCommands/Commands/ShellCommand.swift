import PGEntraDatabase
import PGEntraIdentity
import PGEntraShell
import PGEntraSystem

/// Interactive `pgentra` (psql-compat.md §7, §9): stdin and stdout on a terminal, no -c/-f.
/// Connects as ScriptCommand does, runs `~/.pgentrarc`, prints the banner with the signed-in
/// identity and role, then runs the REPL over libedit with history in `~/.pgentra_history`
/// (with `-n`, over plain reads and without history).
struct ShellCommand {
    let invocation: Invocation
    let environment: Environment
    let console: Console

    func run() -> ExitStatus {
        SessionStarter(invocation: invocation, environment: environment, console: console)
            .withSession(strict: false, interactive: true) { _, session in
                let passwords = session.tokenSource
                CancelSignal.install()
                // Ctrl-C cancels a statement of the startup file, too.
                CancelSignal.track(session.connection)
                // As psql: the startup file first, so that its QUIET, HISTFILE or PROMPT1 take effect.
                if !invocation.has(.noPsqlrc) { StartupFile(environment: environment)?.run(in: session) }
                if !session.variables.bool("QUIET"), let connection = session.connection {
                    console.output(Self.banner(connection, token: passwords?.current))
                }
                let terminal = TerminalInput()
                // -n: no editing, no completion, no history.
                let libedit = invocation.has(.noReadline) ? nil : LibeditLineEditor(historyPath: historyPath(session), plainInput: terminal, console: console)
                let editor: any LineEditor = libedit ?? PlainLineEditor(input: terminal, console: console)
                let repl = REPL(
                    session: session, editor: editor, terminal: terminal, environmentDatabase: environment["PGDATABASE"],
                    secrets: { passwords?.current.map { [$0.token.token] } ?? [] })
                if let libedit {
                    let completer = TabCompleter(session: session, home: environment["HOME"])
                    libedit.completeWith { [unowned repl] line, after in completer.complete(repl.statementSoFar + line, after: after) }
                }
                return repl.run()
            }
    }

    /// `HISTFILE` (from `-v`), else PGENTRA_HISTORY, else `~/.pgentra_history`.
    private func historyPath(_ session: Session) -> String? {
        if let file = session.variables["HISTFILE"], !file.isEmpty { return file }
        if let file = environment["PGENTRA_HISTORY"], !file.isEmpty { return file }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.pgentra_history"
    }

    /// psql's banner with pgentra's name and version, the identity line, TLS, and the help hint.
    static func banner(_ connection: Connection, token: TokenProvider.Provided?) -> String {
        var lines = ["pgentra (\(Product.version), server \(serverVersion(connection.serverVersion)))"]
        if let token {
            let claims = try? JWT(decoding: token.token.token).claims
            let who = claims.map { "\($0.principalName ?? "(unnamed)") (\($0.principalKind.rawValue))" } ?? "(unknown principal)"
            lines.append("Signed in as \(who) with \(token.credential.className), role \"\(connection.user)\".")
        }
        if let ssl = connection.sslSummary { lines.append(ssl) }
        lines.append("Type \"help\" for help.")
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// `150004` as `15.4` (psql's formatPGVersionNumber for 10 and later).
    static func serverVersion(_ number: Int) -> String {
        number >= 100000 ? "\(number / 10000).\(number % 10000)" : "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
