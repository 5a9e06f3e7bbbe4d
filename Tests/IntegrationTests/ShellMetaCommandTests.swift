import Foundation
import TestSupport
import Testing
@testable import PGEntraShell

/// `\watch`, `\e`, `\password`, `\conninfo`, `\whoami` and `\refresh` against the real binary,
/// a real PostgreSQL and the identity emulator, on a pseudo-terminal where the command needs
/// one. The server is this suite's own: `\refresh` and `\password` change roles' passwords.
@Suite(.serialized) final class ShellMetaCommandTests {
    static let server = Result { try PostgresServer() }

    private func environment() throws -> (TestEnvironment, IdentityEmulator, PostgresServer) {
        let server = try Self.server.get()
        let emulator = try Fixtures.emulator([], postgres: server)
        return (try ShellUnderTest.environment(server, emulator: emulator), emulator, server)
    }

    private func connection(_ server: PostgresServer) -> [String] {
        ["-X"] + ShellUnderTest.arguments(server)
    }

    private func shell(_ environment: TestEnvironment, _ server: PostgresServer, _ options: [String] = []) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(BuiltProducts.pgentra, connection(server) + options, environment: environment.variables)
        try #require(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        return terminal
    }

    private func tokenIssuances(_ emulator: IdentityEmulator) -> Int {
        emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }.count
    }

    @Test func conninfoWhoamiAndRefreshNameTheTokenButNeverShowIt() throws {
        let (environment, emulator, server) = try environment()
        let before = environment.pgentra(["token"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(before.count > 20)
        let issued = tokenIssuances(emulator)
        let run = environment.pgentra(connection(server)
            + ["-c", "\\conninfo", "-c", "\\whoami", "-c", "\\refresh", "-c", "select current_user as role", "-c", "\\conninfo"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // \conninfo is psql 18's table, with pgentra's identity rows after psql's.
        func value(of parameter: String) -> String? {
            lines.lazy.map { $0.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } }
                .first { $0.count == 2 && $0[0] == parameter }?[1]
        }
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == "Connection Information", "\(run.stdout)")
        #expect(value(of: "Database") == "postgres", "\(run.stdout)")
        #expect(value(of: "Client User") == Fixtures.managedIdentityName, "\(run.stdout)")
        #expect(value(of: "Host") == "127.0.0.1", "\(run.stdout)")
        #expect(value(of: "Signed in as") == "\(Fixtures.managedIdentityName) (managed identity)", "\(run.stdout)")
        let token = value(of: "Token") ?? ""
        #expect(token.hasPrefix("from ManagedIdentityCredential, expires in ") && token.hasSuffix(" UTC)"), "\(run.stdout)")
        let psqlLast = lines.firstIndex { $0.hasPrefix(" Hot Standby ") }
        let pgentraFirst = lines.firstIndex { $0.hasPrefix(" Signed in as ") }
        #expect(psqlLast != nil && pgentraFirst != nil && psqlLast! < pgentraFirst!, "\(run.stdout)")
        #expect(lines.contains("Role:         \(Fixtures.managedIdentityName) (from the current connection)"), "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("Credential:   ManagedIdentityCredential") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("New token from ManagedIdentityCredential, expires in ") && $0.hasSuffix("; reconnected.") }, "\(run.stdout)")
        #expect(run.stdout.contains(" \(Fixtures.managedIdentityName)\n(1 row)"), "\(run.stdout)")
        // \refresh dropped the cached token and the emulator issued a second one.
        #expect(tokenIssuances(emulator) == issued + 1)
        let after = environment.pgentra(["token"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(after != before && after.count > 20)
        for token in [before, after] {
            #expect(!run.stdout.contains(String(token.suffix(30))))
            #expect(!run.stderr.contains(String(token.suffix(30))))
        }
    }

    @Test func controlCStopsWatchAndTheShellContinues() throws {
        let (environment, _, server) = try environment()
        let terminal = try shell(environment, server)
        terminal.send("select 'tick' as t \\watch 0.2\r")
        #expect(terminal.expect("(every 0.2s)") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.expect("(every 0.2s)") != nil, "transcript: \(terminal.transcript)")
        terminal.interrupt()
        #expect(terminal.expect("postgres=> ", timeout: 10) != nil, "transcript: \(terminal.transcript)")
        terminal.send("select 'alive' as state;\r")
        let alive = try #require(terminal.expect("(1 row)"), "transcript: \(terminal.transcript)")
        #expect(alive.contains("alive"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    @Test func editRunsTheEditorThenTheCompleteStatements() throws {
        let (environment, _, server) = try environment()
        let editor = environment.home.file("editor.sh")
        try "#!/bin/sh\nprintf 'select 42 as edited;\\nselect 7 as kept' > \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        environment["EDITOR"] = editor
        let terminal = try shell(environment, server)
        terminal.send("select 1\r")
        #expect(terminal.expect("postgres-> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\\e\r")
        let edited = try #require(terminal.expect("select 7 as kept\r\n"), "transcript: \(terminal.transcript)")
        #expect(edited.contains(" edited \r\n--------\r\n     42\r\n(1 row)"))
        terminal.send(";\r")
        let kept = try #require(terminal.expect("(1 row)"), "transcript: \(terminal.transcript)")
        #expect(kept.contains(" kept \r\n------\r\n    7\r\n"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    /// The programs the shell starts (`\!` here; the pager and `\e` alike) and `\getenv` never see
    /// a credential's secret.
    @Test func commandsTheShellStartsNeverInheritASecret() throws {
        let (environment, _, server) = try environment()
        let secret = "child-must-not-see-this-secret-1234"
        environment["AZURE_CLIENT_SECRET"] = secret
        environment["IDENTITY_HEADER"] = secret
        let run = environment.pgentra(["--credential", "managed-identity"] + connection(server) + [
            "-c", "\\! env", "-c", "\\getenv v AZURE_CLIENT_SECRET", "-c", "\\echo seen :v",
            "-c", "\\! echo control=$AZURE_CLIENT_ID",
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("control=\(Fixtures.managedIdentityClientID)"), "the check can fail: \(run.stdout)")
        #expect(run.stdout.contains("seen :v"), "\(run.stdout)")
        #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret))
    }

    /// Tab completion offers only commands the shell has: each one, run, is not "invalid".
    @Test func everyCompletedMetaCommandIsOneTheShellKnows() throws {
        let (environment, _, server) = try environment()
        environment["EDITOR"] = "true"
        environment["SHELL"] = "/bin/true"
        // \password would ask on the runner's own terminal when there is one.
        for command in MetaCommandTable.completions where command != "\\password" {
            let run = environment.pgentra(connection(server) + ["-c", command])
            #expect(!run.stderr.contains("invalid command"), "\(command): \(run.stderr)")
        }
        let control = environment.pgentra(connection(server) + ["-c", "\\nosuch"])
        #expect(control.stderr.contains("invalid command \\nosuch"), "the check can fail: \(control.stderr)")
    }

    /// With ECHO_HIDDEN and a `-L` log, as psql 18 (PQchangePassword): the internal queries
    /// show, the ALTER USER carrying the hash does not.
    @Test func passwordAsksTwiceWithoutEchoAndSendsAHash() throws {
        let (environment, _, server) = try environment()
        let log = environment.home.file("session.log")
        // The shell's sign-in creates the managed identity's role; then it may create roles.
        let terminal = try shell(environment, server, ["-E", "-L", log])
        let created = server.superuserSQL(
            "drop role if exists pw_target; create role pw_target login; alter role \"\(Fixtures.managedIdentityName)\" createrole")
        try #require(created.status == 0, "\(created.stderr)")
        terminal.send("\\password pw_target\r")
        #expect(terminal.expect("Enter new password for user \"pw_target\": ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("Typed-Once-1\r")
        #expect(terminal.expect("Enter it again: ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("Typed-Twice-2\r")
        #expect(terminal.expect("Passwords didn't match.") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\password pw_target\r")
        #expect(terminal.expect("Enter new password for user \"pw_target\": ") != nil)
        terminal.send("Matching-Pw-3\r")
        #expect(terminal.expect("Enter it again: ") != nil)
        terminal.send("Matching-Pw-3\r")
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\\dn pw_none\r")
        #expect(terminal.expect("List of schemas") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")

        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(logged.contains("/******** QUERY *********/") && logged.contains("pw_none"), "the check can fail: \(logged)")
        for hidden in ["SCRAM-SHA-256", "ALTER USER"] {
            #expect(!terminal.transcript.contains(hidden), "echoed: \(hidden)")
            #expect(!logged.contains(hidden), "logged: \(hidden)")
        }
        let stored = server.superuserSQL("select rolpassword from pg_authid where rolname = 'pw_target'")
        #expect(stored.stdout.hasPrefix("SCRAM-SHA-256$4096:"), "\(stored.stdout)")
        let history = (try? String(contentsOfFile: environment.home.file(".pgentra_history"), encoding: .utf8)) ?? ""
        #expect(history.contains("password"), "history: \(history)")
        for secret in ["Typed-Once-1", "Typed-Twice-2", "Matching-Pw-3"] {
            #expect(!terminal.transcript.contains(secret), "echoed: \(secret)")
            #expect(!history.contains(secret), "in history: \(secret)")
        }
        _ = server.superuserSQL("drop role pw_target")
    }
}
