import Foundation
import TestSupport

/// A PostgreSQL of a suite's own with a database owned by the managed identity's role, and an
/// environment signed in as that identity holding the token the emulator issued: what the suites
/// that run the real psql beside pgentra start from. psql takes the token as PGPASSWORD, pgentra
/// finds it in its cache; tokens last two hours, so neither replaces the other's (the local server
/// keeps one password per role, unlike Azure). Its own server, as other suites' emulators set the
/// same role's password on the shared one.
final class RoleDatabase: @unchecked Sendable {
    static let role = Fixtures.managedIdentityName

    let name: String
    let postgres: PostgresServer
    let emulator: IdentityEmulator
    let environment: TestEnvironment
    let token: String

    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ name: String, release: PostgresRelease = .debian15) throws {
        self.name = name
        postgres = try PostgresServer(release)
        emulator = try Fixtures.emulator(["--lifetime", "7200"], postgres: postgres)
        environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        let issued = environment.pgentra(["token"])
        guard issued.status == 0 else { throw SetupError(description: "pgentra token: \(issued.stderr)") }
        token = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let created = postgres.superuserSQL("create database \(name) owner \"\(Self.role)\"")
        guard created.status == 0 else { throw SetupError(description: "create database: \(created.stderr)") }
    }

    /// The connection options both programs get.
    var connection: [String] {
        ["-h", "127.0.0.1", "-p", "\(postgres.port)", "-U", Self.role, "-d", name]
    }

    /// The environment with the token as psql's password.
    var psqlVariables: [String: String] {
        var variables = environment.variables
        variables["PGPASSWORD"] = token
        return variables
    }

    /// Runs `sql` as the role with the reference psql, stopping at the first error, which is
    /// thrown with `what` it was making.
    func runAsRole(_ sql: String, making what: String) throws {
        let made = ChildProcess.run(
            References.psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql] + connection,
            environment: psqlVariables, timeout: 120)
        guard made.status == 0 else { throw SetupError(description: "\(what): \(made.stderr)") }
    }
}
