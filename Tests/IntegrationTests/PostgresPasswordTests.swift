import Foundation
import TestSupport
import Testing

/// The point of it all: the token works as the password of a real PostgreSQL, as on Azure, and
/// stops working when it expires.
@Suite struct PostgresPasswordTests {
    private func psql(_ server: PostgresServer, user: String, password: String) -> ChildProcess.Result {
        ChildProcess.run(References.psql, [
            "-X", "-At", "-h", "127.0.0.1", "-p", "\(server.port)", "-U", user, "-d", "postgres",
            "-c", "select current_user",
        ], environment: ["PATH": "/usr/bin:/bin", "PGPASSWORD": password, "PGSSLMODE": "disable", "PGCONNECT_TIMEOUT": "10"])
    }

    @Test func psqlSignsInWithTheTokenAsPasswordUntilItExpires() throws {
        let server = try PostgresServer.shared.get()
        // Each token replaces the role's password: only the last one and the psql sign-in
        // with it need to fit in a lifetime.
        let emulator = try Fixtures.emulator(Fixtures.shortLifetime, postgres: server)
        let environment = TestEnvironment(emulator: emulator)
        environment.installFakeCLIs(emulator: emulator)
        let token = environment.pgentra(["token", "--credential", "azure-cli", "--no-token-cache"])
        #expect(token.status == 0, "stderr: \(token.stderr)")
        let role = environment.pgentra(["whoami", "--role", "--credential", "azure-cli", "--no-token-cache"])
        #expect(role.stdout == IdentityEmulator.user + "\n")
        // whoami fetched a second token, which replaced the first as the role's password.
        let latest = environment.pgentra(["token", "--credential", "azure-cli", "--no-token-cache"])
        let password = latest.stdout.trimmingCharacters(in: .newlines)
        let signedIn = psql(server, user: IdentityEmulator.user, password: password)
        #expect(signedIn.status == 0, "stderr: \(signedIn.stderr)")
        #expect(signedIn.stdout == IdentityEmulator.user + "\n")

        IdentityEmulator.waitUntilPast(try #require(emulator.issued().last?["exp"] as? Int))
        let expired = psql(server, user: IdentityEmulator.user, password: password)
        #expect(expired.status == 2)
        #expect(expired.stderr.contains("password authentication failed"))
    }
}
