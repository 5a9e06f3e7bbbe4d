import Foundation
import TestSupport
import Testing

/// The interactive shell on a pseudo-terminal against a real PostgreSQL and the identity
/// emulator: prompts, results, the continuation prompt, `\q`, the history file, and the reset
/// after a lost connection. The server is this suite's own, as other suites change role
/// passwords on the shared one.
@Suite(.serialized) final class InteractiveShellTests {
    static let server = Result { try PostgresServer() }
    private var emulators: [IdentityEmulator] = []

    private func shell(_ extra: [String] = [], emulatorOptions: [String] = []) throws -> (PseudoTerminal, TestEnvironment, PostgresServer) {
        let server = try Self.server.get()
        let emulator = try Fixtures.emulator(emulatorOptions, postgres: server)
        emulators.append(emulator)
        let environment = try ShellUnderTest.environment(server, emulator: emulator)
        let terminal = try PseudoTerminal(BuiltProducts.pgentra, ShellUnderTest.arguments(server) + extra, environment: environment.variables)
        return (terminal, environment, server)
    }

    @Test func promptsRunsQueriesAndQuits() throws {
        let (terminal, environment, _) = try shell()
        let banner = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(banner.contains("pgentra ("))
        #expect(banner.contains("server 15."))
        #expect(banner.contains("Signed in as \(Fixtures.managedIdentityName) (managed identity)"))
        #expect(banner.contains("role \"\(Fixtures.managedIdentityName)\""))
        #expect(banner.contains("Type \"help\" for help."))

        terminal.send("select 42 as answer;\r")
        let table = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(table.contains(" answer \r\n--------\r\n     42\r\n(1 row)"))

        terminal.send("select 'multi'\r")
        #expect(terminal.expect("postgres-> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("as line;\r")
        let multi = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(multi.contains("multi"))
        #expect(multi.contains("(1 row)"))

        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")

        let history = environment.home.file(".pgentra_history")
        let attributes = try FileManager.default.attributesOfItem(atPath: history)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let contents = try String(contentsOfFile: history, encoding: .utf8)
        #expect(contents.contains("answer"))
        #expect(contents.contains("multi"))
    }

    @Test func controlDPrintsQuitAndExitsZero() throws {
        let (terminal, environment, _) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.sendEndOfInput(until: "\\q\r\n") != nil, "transcript: \(terminal.transcript.debugDescription)")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    @Test func aTerminatedBackendIsResetAndTheNextQueryWorks() throws {
        let (terminal, environment, server) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\\set kept yes\r")
        #expect(terminal.expect("postgres=> ") != nil)
        let killed = server.superuserSQL(
            "select pg_terminate_backend(pid) from pg_stat_activity where usename = '\(Fixtures.managedIdentityName)'")
        #expect(killed.status == 0, "\(killed.stderr)")

        terminal.send("select 1 as first;\r")
        let lost = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(lost.contains("The connection to the server was lost. Attempting reset: Succeeded."))
        #expect(!lost.contains("(1 row)"), "the failed statement is not run again")
        #expect(lost.components(separatedBy: "server closed the connection unexpectedly").count == 2, "libpq's text once")

        terminal.send("select :'kept' as kept;\r")
        let after = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(after.contains(" yes\r\n(1 row)"))

        terminal.send("select pg_terminate_backend(pg_backend_pid());\r")
        let own = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(own.contains("Attempting reset: Succeeded."))
        terminal.send("select 2 as second;\r")
        let second = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(second.contains("(1 row)"))

        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aLineHoldingTheTokenIsKeptOutOfHistory() throws {
        let (terminal, environment, _) = try shell()
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        let token = environment.pgentra(["token"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(token.count > 20)
        terminal.send("select length('\(token)') > 0 as pasted;\r")
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("select 'visible' as kept;\r")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
        let contents = try String(contentsOfFile: environment.home.file(".pgentra_history"), encoding: .utf8)
        #expect(contents.contains("visible"))
        #expect(!contents.contains("pasted"))
        #expect(!contents.contains(String(token.prefix(20))))
    }

    /// `\s` as psql 17.10 with readline shows it on a terminal: every entry, a statement of two
    /// lines as two lines, the `\s` line itself last, then an empty line; `\s FILE` writes the
    /// same and says so. A line holding the token is in neither.
    @Test func backslashSShowsTheHistoryAsPsqlDoes() throws {
        let (terminal, environment, _) = try shell(["-P", "pager=off"])
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        let token = environment.pgentra(["token"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(token.count > 20)
        terminal.send("select length('\(token)') > 0 as pasted;\r")
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("select 1;\r")
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("select\r")
        #expect(terminal.expect("postgres-> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("2;\r")
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\\s\r")
        let shown = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(shown.hasSuffix("\\s\r\nselect 1;\r\nselect\r\n2;\r\n\\s\r\n\r\npostgres=> "), "\(shown.debugDescription)")
        let file = environment.home.file("history.txt")
        terminal.send("\\s \(file)\r")
        let wrote = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(wrote.contains("Wrote history to file \"\(file)\".\r\n"), "\(wrote.debugDescription)")
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
        let contents = try String(contentsOfFile: file, encoding: .utf8)
        #expect(contents == "select 1;\nselect\n2;\n\\s\n\\s \(file)\n")
    }

    @Test func anIdleShellWhoseTokenExpiredReconnectsWithAFreshOne() throws {
        let (terminal, environment, server) = try shell(emulatorOptions: Fixtures.connectingLifetime)
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        let emulator = try #require(emulators.last)
        let databaseTokens = emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }
        let issuedBefore = databaseTokens.count
        IdentityEmulator.waitUntilPast(try #require(databaseTokens.last?["exp"] as? Int))
        // As after a server restart or an idle timeout: the old session is gone.
        let killed = server.superuserSQL(
            "select pg_terminate_backend(pid) from pg_stat_activity where usename = '\(Fixtures.managedIdentityName)'")
        #expect(killed.status == 0, "\(killed.stderr)")
        terminal.send("select 'back' as state;\r")
        let lost = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(lost.contains("Attempting reset: Succeeded."), "transcript: \(terminal.transcript)")
        terminal.send("select 'back' as state;\r")
        let after = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(after.contains(" back\r\n(1 row)"))
        let issuedAfter = emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }.count
        #expect(issuedAfter == issuedBefore + 1)
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func controlCCancelsARunningQueryAndLeavesTheShellAlive() throws {
        let (terminal, environment, _) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("select pg_sleep(30);\r")
        // Wait until the query is on the server, then interrupt it.
        #expect(terminal.expect("select pg_sleep(30);\r\n") != nil)
        usleep(500_000)
        let started = Date()
        terminal.interrupt()
        let cancelled = try #require(terminal.expect("postgres=> ", timeout: 10), "transcript: \(terminal.transcript)")
        // Issue 4: from Ctrl-C to the next prompt in under a second.
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 1.0, "cancel took \(elapsed) s")
        #expect(cancelled.contains("Cancel request sent"))
        #expect(cancelled.contains("ERROR:  canceling statement due to user request"))

        // At the prompt Ctrl-C does not end the shell.
        terminal.send("\u{3}")
        usleep(300_000)
        terminal.send("select 'alive' as state;\r")
        let alive = try #require(terminal.expect("(1 row)"), "transcript: \(terminal.transcript)")
        #expect(alive.contains("alive"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }
}
