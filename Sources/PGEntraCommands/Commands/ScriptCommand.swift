import PGEntraShell
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `pgentra exec` and non-interactive `pgentra` (psql-compat.md §1, §3, §10): connect with a
/// token, run every `-c` and `-f` in order (or stdin), and exit as psql would.
struct ScriptCommand {
    let invocation: Invocation
    let environment: Environment
    let console: Console
    /// `exec`: ON_ERROR_STOP always on, no startup file.
    let strict: Bool

    enum Action {
        case command(String)
        case file(String)
        /// Piped stdin with no -c/-f: like a file, but its diagnostics carry no prefix.
        case standardInput
    }

    func run() -> ExitStatus {
        SessionStarter(invocation: invocation, environment: environment, console: console)
            .withSession(strict: strict, interactive: false) { settings, session in
                // psql reads its startup file before -c and -f too; `exec` never does.
                if !strict && !invocation.has(.noPsqlrc) { StartupFile(environment: environment)?.run(in: session) }
                return runActions(settings.actions, in: session, singleTransaction: invocation.has(.singleTransaction))
            }
    }

    /// psql's startup.c action loop: the last action decides, ON_ERROR_STOP stops at the first failure.
    func runActions(_ actions: [Action], in session: Session, singleTransaction: Bool) -> ExitStatus {
        var status = ExitStatus.success
        let stopOnError = session.variables.bool("ON_ERROR_STOP")
        if singleTransaction && session.runHidden("BEGIN") == nil && stopOnError {
            return .scriptError
        }
        for action in actions {
            switch action {
            case .command(let text):
                if session.variables["ECHO"] == "all" { console.output(text + "\n") }
                let ok: Bool
                if text.hasPrefix("\\") {
                    ok = MainLoop(session: session).runSingleMetaCommand(text)
                } else {
                    ok = session.runSkippingCopyData(text, at: nil)
                }
                status = ok ? .success : .failure
            case .file(let path):
                status = MainLoop(session: session).runFile(path == "-" ? nil : path, displayName: path == "-" ? "<stdin>" : path)
            case .standardInput:
                status = MainLoop(session: session).run(InputSource(descriptor: 0, name: nil))
            }
            if session.connectionLost { return .connectionFailed }
            if status != .success && stopOnError { break }
        }
        if singleTransaction {
            let ok = session.runHidden(status != .success && stopOnError ? "ROLLBACK" : "COMMIT") != nil
            if !ok && stopOnError { return .scriptError }
        }
        session.closeQueryOutput()
        return status
    }
}
