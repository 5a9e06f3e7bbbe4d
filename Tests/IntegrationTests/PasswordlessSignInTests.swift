import Foundation
import TestSupport
import Testing

/// Issue 10: a server that wants no password is served. When no credential can get a token,
/// pgentra still tries the connection without a password, so a local trust or peer socket and
/// certificate sign-in work as with psql; only a server that then asks for a password gets the
/// chain's reasons (exit 2), and PGPASSWORD or ~/.pgpass are not sent in the token's place.
/// Every environment here has no credential at all (every Azure endpoint is a dead loopback
/// port), except the happy-path test's, whose emulator answers.
@Suite(.serialized) struct PasswordlessSignInTests {
    /// The OS user the tests (and so the client) run as: root in CI, mapped to the `postgres` role.
    private static var operatingSystemUser: String {
        guard let entry = getpwuid(geteuid()) else { return "root" }
        return String(cString: entry.pointee.pw_name)
    }

    private func socketTarget(_ server: PostgresServer) -> [String] {
        ["-h", server.socketDirectory, "-p", "\(server.port)", "-U", "postgres", "-d", "postgres"]
    }

    @Test func trustOverAUnixSocketNeedsNoCredential() throws {
        let server = try PostgresServer.shared.get()
        let environment = TestEnvironment()
        let exec = environment.pgentra(["exec", "-At", "-c", "select current_user"] + socketTarget(server))
        #expect(exec.status == 0, "stderr: \(exec.stderr)")
        #expect(exec.stdout == "postgres\n")
        #expect(exec.stderr.isEmpty)

        let list = environment.pgentra(["-l", "-h", server.socketDirectory, "-p", "\(server.port)", "-U", "postgres"])
        #expect(list.status == 0, "stderr: \(list.stderr)")
        #expect(list.stdout.contains("List of databases"))

        // \connect asks the Connector again: the same rule, no token, no password.
        let reconnect = environment.pgentra(["-X", "-At", "-c", "\\connect postgres", "-c", "select current_database()"] + socketTarget(server))
        #expect(reconnect.status == 0, "stderr: \(reconnect.stderr)")
        #expect(reconnect.stdout.hasSuffix("postgres\n"))
        #expect(reconnect.stderr.isEmpty)
    }

    @Test func peerSignInOverAUnixSocketNeedsNoCredential() throws {
        // The client runs as this OS user; pg_ident maps it to the postgres role.
        let server = try PostgresServer(
            hba: ["local all all peer map=os", "host all all 127.0.0.1/32 scram-sha-256"],
            ident: ["os \(Self.operatingSystemUser) postgres"])
        let environment = TestEnvironment()
        let result = environment.pgentra(["exec", "-At", "-c", "select current_user, 6 * 7"] + socketTarget(server))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "postgres|42\n")
        #expect(result.stderr.isEmpty)
        #expect(server.serverLog.contains("method=peer"), "log: \(server.serverLog)")
    }

    @Test func certificateSignInNeedsNoCredential() throws {
        let directory = TemporaryDirectory(prefix: "pgentra-cert")
        let certificates = try TestCertificates(hostName: "pg.pgentra.test", in: directory.path)
        let client = try certificates.clientCertificate(for: "postgres", in: directory.path)
        let server = try PostgresServer(tls: certificates, hba: ["local all all trust", "hostssl all all 127.0.0.1/32 cert"])
        let environment = TestEnvironment()
        let query = "select current_user, ssl, client_dn from pg_stat_ssl where pid = pg_backend_pid()"

        // Through PG* environment variables.
        environment["PGSSLCERT"] = client.certificate
        environment["PGSSLKEY"] = client.key
        environment["PGSSLROOTCERT"] = certificates.caCertificate
        environment["PGSSLMODE"] = "verify-ca"
        let byEnvironment = environment.pgentra(["exec", "-At", "-c", query, "-h", "127.0.0.1", "-p", "\(server.port)", "-U", "postgres", "-d", "postgres"])
        #expect(byEnvironment.status == 0, "stderr: \(byEnvironment.stderr)")
        #expect(byEnvironment.stdout == "postgres|t|/CN=postgres\n")
        #expect(byEnvironment.stderr.isEmpty)

        // Through a connection string.
        for name in ["PGSSLCERT", "PGSSLKEY", "PGSSLROOTCERT", "PGSSLMODE"] { environment[name] = nil }
        let conninfo = "host=127.0.0.1 port=\(server.port) user=postgres dbname=postgres sslmode=verify-ca "
            + "sslcert=\(client.certificate) sslkey=\(client.key) sslrootcert=\(certificates.caCertificate)"
        let byConninfo = environment.pgentra(["-X", "-At", "-c", query, conninfo])
        #expect(byConninfo.status == 0, "stderr: \(byConninfo.stderr)")
        #expect(byConninfo.stdout == "postgres|t|/CN=postgres\n")
        #expect(server.serverLog.contains("method=cert"), "log: \(server.serverLog)")
        environment.keep(directory)
    }

    @Test func aServerThatAsksForAPasswordGetsTheChainsReasons() throws {
        let server = try PostgresServer.shared.get()
        let environment = TestEnvironment()
        let result = environment.pgentra(["exec", "-c", "select 1", "-h", "127.0.0.1", "-p", "\(server.port)", "-d", "postgres"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("pgentra: error: "), "stderr: \(result.stderr)")
        for name in ["EnvironmentCredential", "ManagedIdentityCredential", "AzureCliCredential"] {
            #expect(result.stderr.contains("pgentra: detail: \(name): "), "missing \(name) in \(result.stderr)")
        }
        // The chain's failure, not libpq's.
        #expect(!result.stderr.contains("no password supplied"))
        #expect(!result.stderr.contains("connection to server"))

        // The role lookup and the connection after it ask the failing chain once, not twice.
        let debug = environment.pgentra(["exec", "--debug", "-c", "select 1", "-h", "127.0.0.1", "-p", "\(server.port)", "-d", "postgres"])
        #expect(debug.status == 2)
        #expect(debug.stderr.components(separatedBy: "EnvironmentCredential: unavailable").count - 1 == 1, "stderr: \(debug.stderr)")
    }

    @Test func aPasswordInTheEnvironmentOrPgpassIsNotSentInTheTokensPlace() throws {
        let server = try PostgresServer.shared.get()
        let role = "pw_\(UInt32.random(in: 0...UInt32.max))"
        let secret = "known-password-\(UInt32.random(in: 0...UInt32.max))"
        let created = server.superuserSQL("create role \(role) login password '\(secret)'")
        #expect(created.status == 0, "\(created.stderr)")
        let environment = TestEnvironment()
        environment["PGPASSWORD"] = secret
        _ = environment.home.write(".pgpass", "*:*:*:\(role):\(secret)\n", mode: 0o600)
        let result = environment.pgentra(["exec", "-c", "select 1", "-h", "127.0.0.1", "-p", "\(server.port)", "-U", role, "-d", "postgres"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("pgentra: warning: the password in PGPASSWORD"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("pgentra: detail: ManagedIdentityCredential: "))
        #expect(!result.stderr.contains(secret))
        #expect(!result.stderr.contains("password authentication failed"))
        // The password-file check is silent: the path that cannot exist is never mentioned.
        #expect(!result.stderr.contains("password file"))

        // Nor is a password inside a connection string sent.
        environment["PGPASSWORD"] = nil
        unlink(environment.home.file(".pgpass"))
        let conninfo = "host=127.0.0.1 port=\(server.port) user=\(role) dbname=postgres password=\(secret)"
        let inConninfo = environment.pgentra(["exec", "-c", "select 1", conninfo])
        #expect(inConninfo.status == 2)
        #expect(inConninfo.stderr.hasPrefix("pgentra: warning: the password in PGPASSWORD"), "stderr: \(inConninfo.stderr)")
        #expect(inConninfo.stderr.contains("pgentra: detail: ManagedIdentityCredential: "))
        #expect(!inConninfo.stderr.contains(secret))
        #expect(!server.serverLog.contains("password authentication failed for user \"\(role)\""))
    }

    @Test func aTokenIsTheOnlyAttemptWhenTheChainWorks() throws {
        let server = try PostgresServer(hba: ["local all all trust", "host all all 127.0.0.1/32 scram-sha-256"])
        let emulator = try Fixtures.emulator(postgres: server)
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        let result = environment.pgentra(["exec", "-At", "-c", "select current_user", "-h", "127.0.0.1", "-p", "\(server.port)", "-d", "postgres"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "\(Fixtures.managedIdentityName)\n")
        // Azure's happy path: one TCP connection, signed in with the token; no password-less try.
        let received = server.serverLog.components(separatedBy: "connection received: host=127.0.0.1").count - 1
        #expect(received == 1, "log: \(server.serverLog)")
    }
}
