import Foundation
import TestSupport
import Testing

/// `pgentra run` with the real binary, the emulator and a PostgreSQL whose role passwords are
/// the emulator's tokens (issue 12 item 1): the command signs in as the derived role, gets the
/// target and no credential secret, and its status and signals are its own. Serialized: every
/// test's emulator sets the password of the same role on the suite's server.
@Suite(.serialized) struct RunCommandTests {
    private static let server = Result { try PostgresServer() }

    private func stack(_ extra: [String] = []) throws -> (IdentityEmulator, TestEnvironment, PostgresServer) {
        let server = try Self.server.get()
        let emulator = try Fixtures.emulator(extra, postgres: server)
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        return (emulator, environment, server)
    }

    private func target(_ server: PostgresServer) -> [String] {
        ["-h", "127.0.0.1", "-p", "\(server.port)", "-d", "postgres"]
    }

    private func variables(_ output: String) -> [String: String] {
        Dictionary(output.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }, uniquingKeysWith: { $1 })
    }

    @Test func aLibpqProgramSignsInAsTheDerivedRole() throws {
        let (_, environment, server) = try stack()
        let result = environment.pgentra(["run"] + target(server) + [
            "--", References.psql, "-X", "-At", "-c", "select current_user, current_database()",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "\(Fixtures.managedIdentityName)|postgres\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func theCommandGetsTheTargetAndTheTokenButNoSecret() throws {
        let (emulator, environment, server) = try stack()
        environment["AZURE_CLIENT_SECRET"] = "never-shown-1"
        environment["AZURE_CLIENT_CERTIFICATE_PASSWORD"] = "never-shown-2"
        environment["IDENTITY_HEADER"] = "never-shown-3"
        environment["MSI_SECRET"] = "never-shown-4"
        environment["PGPASSWORD"] = "an-old-password"
        let result = environment.pgentra(["run", "--credential", "managed-identity"] + target(server) + ["--", "/usr/bin/env"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let seen = variables(result.stdout)
        #expect(seen["PGHOST"] == "127.0.0.1")
        #expect(seen["PGPORT"] == "\(server.port)")
        #expect(seen["PGDATABASE"] == "postgres")
        #expect(seen["PGUSER"] == Fixtures.managedIdentityName)
        let token = try #require(seen["PGPASSWORD"])
        #expect(Fixtures.claims(token)?["jti"] as? String == emulator.issued().last?["jti"] as? String)
        // A loopback host: libpq's own sslmode default, nothing added.
        #expect(seen["PGSSLMODE"] == nil && seen["PGSSLROOTCERT"] == nil)
        for secret in ["AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PASSWORD", "IDENTITY_HEADER", "MSI_SECRET"] {
            #expect(seen[secret] == nil, "\(secret) reached the command")
        }
        #expect(!result.stdout.contains("never-shown"))
        #expect(seen["AZURE_CLIENT_ID"] == Fixtures.managedIdentityClientID, "what is not a secret passes through")
    }

    /// A remote host with no sslmode gets verify-full against the roots OpenSSL itself uses;
    /// a weak sslmode chosen by the user is kept, with the shell's warning. Printed for eval, the
    /// lines give a POSIX shell exactly these values.
    @Test func printEnvSecuresARemoteHostAndEvaluates() throws {
        let (_, environment, _) = try stack()
        let openssl = ChildProcess.run("/usr/bin/openssl", ["version", "-d"], environment: ["PATH": "/usr/bin:/bin"])
        let directory = try #require(openssl.stdout.split(separator: "\"").dropFirst().first.map(String.init))

        let remote = environment.pgentra(["run", "--print-env", "-h", "db.example.com", "-d", "dbname='it\\'s' port=6432"])
        #expect(remote.status == 0, "stderr: \(remote.stderr)")
        #expect(remote.stderr.isEmpty)
        let lines = remote.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.hasPrefix("export PG") }, "\(lines)")
        #expect(lines.contains("export PGSSLMODE='verify-full'"))
        #expect(lines.contains("export PGSSLROOTCERT='\(directory)/cert.pem'"))
        #expect(lines.contains("export PGDATABASE='it'\\''s'"))
        #expect(lines.contains("export PGPORT='6432'"))

        let script = environment.home.write("env.sh", remote.stdout, mode: 0o600)
        let evaluated = ChildProcess.run("/bin/sh", ["-c", ". \(script); printf '%s|%s|%s' \"$PGHOST\" \"$PGDATABASE\" \"$PGUSER\""],
                                         environment: ["PATH": "/usr/bin:/bin"])
        #expect(evaluated.stdout == "db.example.com|it's|\(Fixtures.managedIdentityName)")

        let weak = environment.pgentra(["run", "--print-env", "-d", "host=db.example.com sslmode=require"])
        #expect(weak.status == 0, "stderr: \(weak.stderr)")
        #expect(weak.stdout.contains("export PGSSLMODE='require'\n"))
        #expect(!weak.stdout.contains("PGSSLROOTCERT"))
        #expect(weak.stderr.hasPrefix("pgentra: warning: sslmode=require does not verify the server's identity"))
    }

    /// SIGKILL, because the test process's children inherit a mask that blocks most signals
    /// (Foundation's Process), which `run`, like env(1), passes on unchanged.
    @Test func theCommandsStatusAndSignalsAreItsOwn() throws {
        let (_, environment, server) = try stack()
        #expect(environment.pgentra(["run"] + target(server) + ["--", "/bin/sh", "-c", "exit 7"]).status == 7)
        #expect(environment.pgentra(["run"] + target(server) + ["--", "/bin/sh", "-c", "kill -KILL $$"]).status == 128 + SIGKILL)
        // The same process: pgentra is replaced, not waiting as a parent in between, so the
        // command's parent is this test process.
        let same = environment.pgentra(["run"] + target(server) + ["--", "/bin/sh", "-c", "cat /proc/$PPID/comm"])
        #expect(same.status == 0, "stderr: \(same.stderr)")
        let tests = try String(contentsOfFile: "/proc/self/comm", encoding: .utf8)
        #expect(same.stdout == tests)
    }

    @Test func aCommandThatCannotRunIsAClearError() throws {
        let (_, environment, server) = try stack()
        let missing = environment.pgentra(["run"] + target(server) + ["--", "no-such-program-here"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "pgentra: error: could not run \"no-such-program-here\": No such file or directory\n")
        let plain = environment.home.write("not-executable", "#!/bin/sh\n", mode: 0o644)
        let refused = environment.pgentra(["run"] + target(server) + ["--", plain])
        #expect(refused.status == 1)
        #expect(refused.stderr == "pgentra: error: could not run \"\(plain)\": Permission denied\n")
    }

    /// The cached token serves while it has --min-ttl left (15 minutes unless given); a longer
    /// wish fetches a new one, and says when even that falls short.
    @Test func minTTLDecidesWhetherTheCachedTokenServes() throws {
        let (emulator, environment, server) = try stack()
        let databaseTokens = { emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }.count }
        #expect(environment.pgentra(["run"] + target(server) + ["--", "true"]).status == 0)
        #expect(environment.pgentra(["run", "--min-ttl", "60"] + target(server) + ["--", "true"]).status == 0)
        #expect(databaseTokens() == 1)
        let long = environment.pgentra(["run", "--min-ttl", "86400"] + target(server) + ["--", "true"])
        #expect(long.status == 0, "stderr: \(long.stderr)")
        #expect(databaseTokens() == 2)
        #expect(long.stderr.contains("less than the 86400 s asked for"))
    }
}
