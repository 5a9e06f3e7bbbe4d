import Foundation
import TestSupport

/// psql or pgentra on a pseudo-terminal, started as 010_tab_completion.pl starts psql
/// (PostgreSQL::Test::Cluster's `interactive_psql`): `-XAt`, INPUTRC=/dev/null so that no
/// ~/.inputrc changes the editor, no TERM (no terminal-dependent escapes) and no LS_COLORS, its
/// history in a file of its own, and a working directory holding the .pl's `tab_comp_dir` so
/// that the filename checks complete relative names. `run` is the .pl's `check_completion`.
final class CompletionScriptTerminal {
    let terminal: PseudoTerminal
    /// Kept as long as the program runs: its HOME and emulator, and its working directory.
    private let environment: TestEnvironment
    private let workingDirectory: TemporaryDirectory

    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    /// What a check saw: the output of its keys, and whether the pattern matched it in time;
    /// described as the .pl's diag describes a failure.
    struct Outcome: CustomStringConvertible {
        let check: PsqlCompletionScript.Check
        let output: String
        let matched: Bool

        var description: String {
            "\(check.name): sent \(check.keys.debugDescription), got \(output.debugDescription), which does not match \(check.pattern)"
        }
    }

    /// Starts `program` connected by `connection` in `environment` (changed as the .pl changes
    /// psql's), and waits for its banner, as `interactive_psql` does before anything is typed.
    /// `columns` is the terminal's width, the same for programs whose screens are compared.
    init(_ program: String, connection: [String], environment: TestEnvironment, columns: UInt16 = 200) throws {
        self.environment = environment
        workingDirectory = TemporaryDirectory(prefix: "pgentra-tab-comp")
        // The .pl's "junk files for filename completion testing".
        workingDirectory.makeDirectory("tab_comp_dir", mode: 0o755)
        workingDirectory.write("tab_comp_dir/somefile", "some stuff\n", mode: 0o644)
        workingDirectory.write("tab_comp_dir/afile123", "more stuff\n", mode: 0o644)
        workingDirectory.write("tab_comp_dir/afile456", "other stuff\n", mode: 0o644)
        environment["INPUTRC"] = "/dev/null"
        environment["TERM"] = nil
        environment["LS_COLORS"] = nil
        // The .pl's history_file (PSQL_HISTORY there); HISTFILE names it the same way to both.
        let history = environment.home.file("completion_history")
        terminal = try PseudoTerminal(
            program, ["-XAt", "-v", "HISTFILE=\(history)"] + connection, environment: environment.variables,
            columns: columns, workingDirectory: workingDirectory.path)
        guard terminal.expect("Type \"help\" for help", timeout: 60) != nil else {
            throw StartError(description: "\(program) did not start: \(terminal.transcript)")
        }
    }

    /// Sends the check's keys and waits up to `timeout` seconds for its pattern in what the
    /// program writes from then on, as the .pl's check_completion waits on `$out`.
    func run(_ check: PsqlCompletionScript.Check, timeout: Double) throws -> Outcome {
        // Perl matches characters, where Swift would take "\r\n" for one.
        let pattern = try Regex(check.pattern).matchingSemantics(.unicodeScalar)
        // The editor must be reading key by key, or the kernel would echo the keys itself.
        _ = terminal.waitForKeyByKeyInput(timeout: 1)
        let mark = terminal.mark
        terminal.send(bytes: Array(check.keys.utf8))
        let seen = terminal.output(after: mark, timeout: timeout) { $0.contains(pattern) }
        if !seen.complete {
            // What a slow answer writes after the wait belongs to this check, not the next one.
            _ = terminal.output(after: terminal.mark, timeout: 0.5) { _ in false }
        }
        return Outcome(check: check, output: seen.text, matched: seen.complete)
    }

    /// `\q`, as the .pl sends "to shut it down, else pty won't close properly"; the exit status.
    func quit() -> Int32? {
        terminal.send("\\q\n")
        return terminal.waitForExit()
    }
}
