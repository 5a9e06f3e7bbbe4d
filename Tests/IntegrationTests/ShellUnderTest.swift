import Foundation
import TestSupport

/// The real pgentra shell on a pseudo-terminal, signed in as the managed identity through an
/// emulator of its own, with its own HOME: what the pty suites drive.
final class ShellUnderTest {
    let terminal: PseudoTerminal
    let environment: TestEnvironment

    /// The connection options every run uses.
    static func arguments(_ server: PostgresServer) -> [String] {
        ["-h", "127.0.0.1", "-p", "\(server.port)", "-d", "postgres"]
    }

    /// A clean environment whose emulator (`emulator`, else a new one) signs the managed
    /// identity in to `server`, on a terminal without capabilities.
    static func environment(_ server: PostgresServer, emulator: IdentityEmulator? = nil) throws -> TestEnvironment {
        let environment = TestEnvironment(emulator: try emulator ?? Fixtures.emulator(postgres: server))
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        environment["TERM"] = "dumb"
        return environment
    }

    /// Starts the shell with `extra` options, in `environment` or a fresh one.
    init(_ server: PostgresServer, _ extra: [String] = [], environment: TestEnvironment? = nil) throws {
        self.environment = try environment ?? Self.environment(server)
        terminal = try PseudoTerminal(
            BuiltProducts.pgentra, Self.arguments(server) + extra, environment: self.environment.variables)
    }

    /// Runs pgentra without a terminal (stdin from the file `standardInput`, else /dev/null).
    static func run(_ server: PostgresServer, _ extra: [String], in environment: TestEnvironment,
                    standardInput: String? = nil) -> ChildProcess.Result {
        ChildProcess.run(BuiltProducts.pgentra, arguments(server) + extra, environment: environment.variables,
                         timeout: 120, standardInput: standardInput)
    }
}
