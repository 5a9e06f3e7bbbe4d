import Foundation
import TestSupport
import Testing

/// The pager (psql-compat.md §9) on a 24-row, 80-column pseudo-terminal against a real
/// PostgreSQL and the identity emulator. PAGER is a script written into the test's home that
/// records what it is given, so a test sees exactly what was paged and what reached the screen.
/// The server is this suite's own, as other suites change role passwords on the shared one.
@Suite(.serialized) final class PagerTests {
    static let server = Result { try PostgresServer() }
    private static let prompt = "postgres=> "

    /// A started shell, its environment and the file its recording pager writes.
    private struct Shell {
        let terminal: PseudoTerminal
        let environment: TestEnvironment
        let record: String

        var recorded: String? { try? String(contentsOfFile: record, encoding: .utf8) }

        /// Types `line` and returns what the terminal showed until the next prompt.
        func run(_ line: String) throws -> String {
            terminal.send(line + "\r")
            let shown = try #require(terminal.expect(PagerTests.prompt), "transcript: \(terminal.transcript)")
            return shown.replacingOccurrences(of: "\r\n", with: "\n")
        }

        func quit() {
            terminal.send("\\q\r")
            #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
        }
    }

    /// Starts the shell with PAGER recording into `record` (and `configure` applied to the
    /// environment), waiting for the first prompt.
    private func shell(pager: String = "exec cat > \"$0.out\"", _ configure: (TestEnvironment) -> Void = { _ in }) throws -> Shell {
        let server = try Self.server.get()
        let environment = try ShellUnderTest.environment(server)
        let script = environment.home.write("record-pager", "#!/bin/sh\n\(pager)\n", mode: 0o755)
        environment["PAGER"] = script
        configure(environment)
        let terminal = try PseudoTerminal(
            BuiltProducts.pgentra, ["-X"] + ShellUnderTest.arguments(server),
            environment: environment.variables, columns: 80, rows: 24)
        try #require(terminal.expect(Self.prompt) != nil, "transcript: \(terminal.transcript)")
        return Shell(terminal: terminal, environment: environment, record: script + ".out")
    }

    /// `select generate_series(1, count) as n` as psql prints it.
    private static func series(_ count: Int) -> String {
        let width = String(count).count
        func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }
        let header = " " + spaces((width - 1) / 2) + "n" + spaces(width / 2) + " \n" + String(repeating: "-", count: width + 2) + "\n"
        return header + (1...count).map { " " + spaces(width - String($0).count) + "\($0)\n" }.joined() + "(\(count) rows)\n\n"
    }

    @Test func aLongResultGoesWholeToThePagerAndNotToTheTerminal() throws {
        let shell = try shell()
        let shown = try shell.run("select generate_series(1, 200) as n;")
        #expect(shell.recorded == Self.series(200))
        #expect(!shown.contains("(200 rows)"), "shown: \(shown)")
        #expect(!shown.contains(" 150\n"), "shown: \(shown)")
        shell.quit()
    }

    /// psql's estimate is rows + 2 here: 21 rows stay on a 24-row screen, 22 page.
    @Test func aResultShorterThanTheTerminalIsNotPaged() throws {
        let shell = try shell()
        let shown = try shell.run("select generate_series(1, 21) as n;")
        #expect(shown.contains(Self.series(21)), "shown: \(shown)")
        #expect(shell.recorded == nil)
        _ = try shell.run("select generate_series(1, 22) as n;")
        #expect(shell.recorded == Self.series(22))
        shell.quit()
    }

    @Test func pagerOffNeverPages() throws {
        let shell = try shell()
        #expect(try shell.run("\\pset pager off").contains("Pager usage is off."))
        let shown = try shell.run("select generate_series(1, 200) as n;")
        #expect(shown.contains(Self.series(200)), "shown: \(shown)")
        #expect(shell.recorded == nil)
        shell.quit()
    }

    @Test func pagerAlwaysPagesOneRow() throws {
        let shell = try shell()
        #expect(try shell.run("\\pset pager always").contains("Pager is always used."))
        let shown = try shell.run("select 1 as one;")
        #expect(shell.recorded == " one \n-----\n   1\n(1 row)\n\n")
        #expect(!shown.contains("(1 row)"), "shown: \(shown)")
        shell.quit()
    }

    @Test func aResultWiderThanTheTerminalIsPaged() throws {
        let shell = try shell()
        let shown = try shell.run("select repeat('x', 100) as wide;")
        let line = String(repeating: "x", count: 100)
        #expect(shell.recorded?.contains(" \(line)\n(1 row)\n") == true, "recorded: \(shell.recorded ?? "nothing")")
        #expect(!shown.contains(line), "shown: \(shown)")
        shell.quit()
    }

    @Test func psqlPagerWinsOverPager() throws {
        let shell = try shell { environment in
            environment["PSQL_PAGER"] = environment["PAGER"]
            environment["PAGER"] = environment.home.write("other-pager", "#!/bin/sh\nexec cat > \"$0.out\"\n", mode: 0o755)
        }
        _ = try shell.run("select generate_series(1, 200) as n;")
        #expect(shell.recorded == Self.series(200))
        #expect(!FileManager.default.fileExists(atPath: shell.environment.home.file("other-pager.out")))
        shell.quit()
    }

    @Test func anEmptyPagerTurnsPagingOff() throws {
        let shell = try shell { $0["PAGER"] = "" }
        let shown = try shell.run("select generate_series(1, 200) as n;")
        #expect(shown.contains("(200 rows)"), "shown: \(shown)")
        #expect(shell.recorded == nil)
        shell.quit()
    }

    /// A pager quit after one line (as `q` in less) must not take the shell with it.
    @Test func quittingThePagerEarlyLeavesTheShellWorking() throws {
        let shell = try shell(pager: "head -n 1 > \"$0.out\"")
        let shown = try shell.run("select generate_series(1, 100000) as n;")
        #expect(shell.recorded == "   n    \n")
        #expect(!shown.contains("(100000 rows)"), "shown: \(shown)")
        let after = try shell.run("select 'alive' as state;")
        #expect(after.contains(" state \n-------\n alive\n(1 row)\n"), "shown: \(after)")
        shell.quit()
    }
}

extension PagerTests {
    /// Ctrl-C while the pager runs goes to the pager; pgentra ignores it until the pager is
    /// gone. With `-c` no Ctrl-C handler of the shell is installed, so without that pgentra
    /// would die of the signal.
    @Test func controlCWhileThePagerRunsDoesNotEndPgentra() throws {
        let server = try Self.server.get()
        let environment = try ShellUnderTest.environment(server)
        // The pager, like less, keeps running on Ctrl-C; it reads its input only after a pause.
        let script = environment.home.write(
            "slow-pager", "#!/bin/sh\ntrap '' INT\necho paging\nsleep 1\nexec cat > \"$0.out\"\n", mode: 0o755)
        environment["PAGER"] = script
        let terminal = try PseudoTerminal(
            BuiltProducts.pgentra,
            ["-X"] + ShellUnderTest.arguments(server) + ["-c", "select generate_series(1, 200) as n"],
            environment: environment.variables, columns: 80, rows: 24)
        try #require(terminal.expect("paging") != nil, "transcript: \(terminal.transcript)")
        terminal.interrupt()
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
        let recorded = try String(contentsOfFile: script + ".out", encoding: .utf8)
        #expect(recorded.hasSuffix("(200 rows)\n\n"))
    }
}
