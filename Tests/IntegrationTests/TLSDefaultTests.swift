import Foundation
import TestSupport
import Testing

/// cli.md "TLS": a remote host gets sslmode=verify-full unless the user chose otherwise, so a
/// token is only ever sent to a server whose certificate checks out. The server here is a real
/// PostgreSQL with TLS, reached as `pg.pgentra.test`, which nss_wrapper resolves to 127.0.0.1.
@Suite(.serialized) struct TLSDefaultTests {
    static let hostName = "pg.pgentra.test"

    private func stack() throws -> (PostgresServer, TestCertificates, IdentityEmulator, TestEnvironment, TemporaryDirectory) {
        let directory = TemporaryDirectory(prefix: "pgentra-tls")
        let certificates = try TestCertificates(hostName: Self.hostName, in: directory.path)
        let server = try PostgresServer(tls: certificates)
        let emulator = try Fixtures.emulator(postgres: server)
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        environment.resolve(Self.hostName)
        environment.keep(server)
        environment.keep(directory)
        return (server, certificates, emulator, environment, directory)
    }

    private func target(_ server: PostgresServer) -> [String] {
        ["-h", Self.hostName, "-p", "\(server.port)", "-d", "postgres"]
    }

    @Test func aServerWithATrustedCertificateIsVerifiedAndUsed() throws {
        let (server, certificates, _, environment, _) = try stack()
        environment["PGSSLROOTCERT"] = certificates.caCertificate
        let result = environment.pgentra(["exec", "-At", "-c", "select ssl from pg_stat_ssl where pid = pg_backend_pid()"] + target(server))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "t\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func aServerWithAnUnknownCAIsRefusedBeforeTheTokenIsSent() throws {
        let (server, _, _, environment, _) = try stack()
        let result = environment.pgentra(["exec", "-At", "-c", "select 1"] + target(server))
        #expect(result.status == 2)
        #expect(result.stderr.contains("certificate verify failed"), "stderr: \(result.stderr)")
        // The handshake failed before authentication: the server never saw a password.
        let log = server.serverLog
        #expect(!log.contains("password authentication failed"))
        #expect(!log.contains("user=\(Fixtures.managedIdentityName)"))
        #expect(log.contains("could not accept SSL connection"))
    }

    @Test func aWeakerSSLModeIsHonouredWithAWarning() throws {
        let (server, _, _, environment, _) = try stack()
        environment["PGSSLMODE"] = "require"
        let result = environment.pgentra(["exec", "-At", "-c", "select 1"] + target(server))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("pgentra: warning: sslmode=require does not verify the server's identity"))
    }

    /// Issue 11: verify-ca against public roots lets any publicly certified server take the token.
    @Test func verifyCAAgainstPublicRootsIsWarnedAbout() throws {
        let (server, _, _, environment, _) = try stack()
        environment["PGSSLMODE"] = "verify-ca"
        let result = environment.pgentra(["exec", "-At", "-c", "select 1"] + target(server))
        #expect(result.stderr.hasPrefix("pgentra: warning: sslmode=verify-ca does not check the server's host name"),
                "stderr: \(result.stderr)")
    }
}
