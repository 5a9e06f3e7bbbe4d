import Foundation
import TestSupport
import Testing

/// `~/.pgentrarc` (cli.md), read as psql 15 reads `~/.psqlrc`: before the banner and the first
/// prompt, and before `-c` and `-f` too; skipped with `-X` and by `exec`; its errors carry the
/// `pgentra:FILE:LINE:` prefix. The server is this suite's own.
@Suite(.serialized) final class StartupFileTests {
    static let server = Result { try PostgresServer() }

    private static let contents = """
        \\set greeting 'hello from rc'
        \\set PROMPT1 'rc:%/%R%# '
        select nosuch;

        """

    private func environment(file: String = ".pgentrarc") throws -> (TestEnvironment, String) {
        let environment = try ShellUnderTest.environment(try Self.server.get())
        let path = environment.home.write(file, Self.contents)
        return (environment, path)
    }

    @Test func theShellRunsItBeforeTheBannerAndFirstPrompt() throws {
        let (environment, path) = try environment()
        let shell = try ShellUnderTest(try Self.server.get(), environment: environment)
        let terminal = shell.terminal
        let start = try #require(terminal.expect("rc:postgres=> "), "transcript: \(terminal.transcript)")
        let error = "pgentra:\(path):3: ERROR:  column \"nosuch\" does not exist\r\n"
        #expect(start.contains(error), "\(start)")
        let banner = try #require(start.range(of: "Type \"help\" for help."))
        #expect(start.range(of: error)!.lowerBound < banner.lowerBound, "the file runs before the banner, as psql's")
        terminal.send("\\echo :greeting\r")
        let echoed = try #require(terminal.expect("rc:postgres=> "), "transcript: \(terminal.transcript)")
        #expect(echoed.hasSuffix("\r\nhello from rc\r\nrc:postgres=> "))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func dashXSkipsIt() throws {
        let (environment, _) = try environment()
        let shell = try ShellUnderTest(try Self.server.get(), ["-X"], environment: environment)
        let terminal = shell.terminal
        let start = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(!start.contains("nosuch"))
        terminal.send("\\echo :greeting\r")
        let echoed = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(echoed.hasSuffix("\r\n:greeting\r\npostgres=> "))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func commandsAndScriptsHonourItAsPsqlDoes() throws {
        let server = try Self.server.get()
        let (environment, path) = try environment()
        let command = ShellUnderTest.run(server, ["-c", "\\echo :greeting"], in: environment)
        #expect(command.status == 0)
        #expect(command.stdout == "hello from rc\n")
        #expect(command.stderr.hasPrefix("pgentra:\(path):3: ERROR:  column \"nosuch\" does not exist\n"), "\(command.stderr)")

        let script = environment.home.write("script.sql", "\\echo :greeting\n")
        let file = ShellUnderTest.run(server, ["-f", script], in: environment)
        #expect(file.stdout == "hello from rc\n")

        let skipped = ShellUnderTest.run(server, ["-X", "-c", "\\echo :greeting"], in: environment)
        #expect(skipped.stdout == ":greeting\n")
        #expect(skipped.stderr == "")

        let exec = ChildProcess.run(
            BuiltProducts.pgentra, ["exec"] + ShellUnderTest.arguments(server) + ["-c", "\\echo :greeting"],
            environment: environment.variables)
        #expect(exec.stdout == ":greeting\n", "exec never reads it: \(exec.stderr)")
    }

    @Test func pgentrarcNamesAnotherFileAndVersionedVariantsComeFirst() throws {
        let server = try Self.server.get()
        let (environment, _) = try environment(file: "custom.rc")
        environment["PGENTRARC"] = "~/custom.rc"
        let named = ShellUnderTest.run(server, ["-c", "\\echo :greeting"], in: environment)
        #expect(named.stdout == "hello from rc\n", "\(named.stderr)")

        let version = ChildProcess.run(BuiltProducts.pgentra, ["--version"], environment: environment.variables).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").last.map(String.init) ?? ""
        try #require(!version.isEmpty)
        let major = version.split(separator: ".").first.map(String.init) ?? version
        _ = environment.home.write("custom.rc-\(major)", "\\set greeting 'from the major version file'\n")
        let versioned = ShellUnderTest.run(server, ["-c", "\\echo :greeting"], in: environment)
        #expect(versioned.stdout == "from the major version file\n")
        _ = environment.home.write("custom.rc-\(version)", "\\set greeting 'from the exact version file'\n")
        let exact = ShellUnderTest.run(server, ["-c", "\\echo :greeting"], in: environment)
        #expect(exact.stdout == "from the exact version file\n")
    }
}
