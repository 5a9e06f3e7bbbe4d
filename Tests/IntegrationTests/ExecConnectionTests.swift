import Foundation
import TestSupport
import Testing

/// pgentra exec against a real PostgreSQL whose role passwords are the emulator's tokens: the
/// role comes from the token, an expired or refused token is replaced on the next connection,
/// and a refusal is explained, never retried in a loop. Serialized: every test's emulator sets
/// the password of the same role on the shared server.
@Suite(.serialized) struct ExecConnectionTests {
    /// An emulator that sets passwords on the shared server, and an environment whose managed
    /// identity is the user-assigned `pg-reader`.
    private func stack(_ extra: [String] = []) throws -> (IdentityEmulator, TestEnvironment) {
        let emulator = try Fixtures.emulator(extra, postgres: try PostgresServer.shared.get())
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        return (emulator, environment)
    }

    private var target: [String] { get throws { ["-h", "127.0.0.1", "-p", "\(try PostgresServer.shared.get().port)", "-d", "postgres"] } }

    private func issuedForDatabase(_ emulator: IdentityEmulator) -> Int {
        emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }.count
    }

    @Test func theRoleIsDerivedFromTheToken() throws {
        let (_, environment) = try stack()
        let result = environment.pgentra(["exec", "-At", "-c", "select current_user"] + (try target))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "\(Fixtures.managedIdentityName)\n")
        #expect(result.stderr.isEmpty)
    }

    /// A `service=` in `-d`: libpq reads the service file, and pgentra, which must know the
    /// host and the user before it connects, asks libpq what the service names
    /// (ConnectionParameters.resolve's slower way) rather than guessing.
    @Test func aServiceNamedInTheConnectionStringIsReadByLibpq() throws {
        let (_, environment) = try stack()
        let port = try PostgresServer.shared.get().port
        environment["PGSERVICEFILE"] = environment.home.write("pg_service.conf", "[app]\nhost=127.0.0.1\nport=\(port)\ndbname=postgres\n")
        let result = environment.pgentra(["exec", "-At", "-c", "select current_user, current_database(), inet_server_port()", "-d", "service=app"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "\(Fixtures.managedIdentityName)|postgres|\(port)\n")
        let missing = environment.pgentra(["exec", "-At", "-c", "select 1", "-d", "service=nosuch"])
        #expect(missing.status == 2, "stderr: \(missing.stderr)")
        #expect(missing.stderr.contains("definition of service \"nosuch\" not found"), "\(missing.stderr)")
    }

    @Test func anExpiredTokenIsReplacedOnTheNextConnection() throws {
        let (emulator, environment) = try stack(Fixtures.connectingLifetime)
        let first = environment.pgentra(["exec", "-At", "-c", "select 1"] + (try target))
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let old = try #require(emulator.issued().last)
        let oldToken = try #require(old["jti"] as? String)
        IdentityEmulator.waitUntilPast(try #require(old["exp"] as? Int))
        let second = environment.pgentra(["exec", "--debug", "-At", "-c", "select 2"] + (try target))
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout == "2\n")
        // Replaced because the cached token had expired, not after the server refused it.
        #expect(second.stderr.contains("token cache: ManagedIdentityCredential token has -"), "\(second.stderr)")
        #expect(!second.stderr.contains("after the server rejected it"), "\(second.stderr)")
        #expect(issuedForDatabase(emulator) == 2)
        #expect(emulator.issued().last?["jti"] as? String != oldToken)
    }

    @Test func aRefusedCachedTokenIsDroppedAndReplacedOnce() throws {
        let (emulator, environment) = try stack()
        #expect(environment.pgentra(["token"]).status == 0)
        // The server no longer takes the cached token, as after a key rotation.
        let changed = try PostgresServer.shared.get().superuserSQL("alter role \"\(Fixtures.managedIdentityName)\" password 'rotated-elsewhere'")
        #expect(changed.status == 0, "\(changed.stderr)")
        let result = environment.pgentra(["exec", "--debug", "-At", "-c", "select 3"] + (try target))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "3\n")
        #expect(result.stderr.contains("dropped the ManagedIdentityCredential token after the server rejected it"))
        #expect(issuedForDatabase(emulator) == 2)
    }

    @Test func aPasswordRefusedTwiceStopsWithoutALoop() throws {
        let (emulator, environment) = try stack()
        #expect(environment.pgentra(["token"]).status == 0)
        let result = environment.pgentra(["exec", "-U", "nosuchrole", "-c", "select 1"] + (try target))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("pgentra: error: connection to server at \"127.0.0.1\"") == true)
        #expect(result.stderr.contains("password authentication failed for user \"nosuchrole\""))
        #expect(result.stderr.contains("pgentra: hint: "))
        #expect(result.stderr.contains("-U NAME"))
        // One cached try, one fresh try, then the error.
        #expect(issuedForDatabase(emulator) == 2)
    }

    @Test func aDerivedRoleThatDoesNotExistIsExplained() throws {
        // No --pg-conninfo: the emulator creates no role, as an Azure server with no mapping.
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        let result = environment.pgentra(["exec", "-c", "select 1"] + (try target))
        #expect(result.status == 2)
        #expect(result.stderr.contains("failed for user \"\(Fixtures.systemIdentity)\""))
        #expect(result.stderr.contains("The role was derived from the token's xms_mirid claim."))
        #expect(result.stderr.contains("-U NAME"))
    }

    @Test func aPasswordInTheEnvironmentIsIgnoredWithAWarning() throws {
        let (_, environment) = try stack()
        environment["PGPASSWORD"] = "not-the-token"
        let result = environment.pgentra(["exec", "-At", "-c", "select 4"] + (try target))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("pgentra: warning: the password in PGPASSWORD"))
        #expect(!result.stderr.contains("not-the-token"))
    }

    @Test func noTokenMeansExitTwoWithTheChainsReasons() throws {
        let environment = TestEnvironment()
        let result = environment.pgentra(["exec", "-c", "select 1"] + (try target))
        #expect(result.status == 2)
        #expect(result.stderr.contains("pgentra: detail: ManagedIdentityCredential: "))
    }

    @Test func jsonOutputTypesValues() throws {
        let (_, environment) = try stack()
        let sql = "select 1 as i, 2.50::numeric as n, 'x\"y' as t, null as z, true as b, '{\"k\": [1]}'::jsonb as j, '\\x01ff'::bytea as bin; select 2 as second"
        let result = environment.pgentra(["exec", "--json", "-c", sql] + (try target))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let documents = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\n").components(separatedBy: "]\n[")
        #expect(documents.count == 2)
        let firstText = documents[0] + "]"
        let first = try #require(try JSONSerialization.jsonObject(with: Data(firstText.utf8)) as? [[String: Any]])
        #expect(first.count == 1)
        #expect(first[0]["i"] as? Int == 1)
        #expect((first[0]["n"] as? NSNumber)?.doubleValue == 2.5)
        #expect(first[0]["t"] as? String == "x\"y")
        #expect(first[0]["z"] is NSNull)
        #expect(first[0]["b"] as? Bool == true)
        #expect((first[0]["j"] as? [String: Any])?["k"] as? [Int] == [1])
        #expect(first[0]["bin"] as? String == "\\x01ff")
    }

    @Test func bigResultsStreamAndWideResultsWork() throws {
        let (_, environment) = try stack()
        let columns = (1...1600).map { "\($0) as c\($0)" }.joined(separator: ", ")
        let wide = environment.pgentra(["exec", "-At", "-c", "select \(columns)"] + (try target))
        #expect(wide.status == 0, "stderr: \(wide.stderr.prefix(300))")
        #expect(wide.stdout.split(separator: "|").count == 1600)

        let file = environment.home.file("big.out")
        let big = environment.pgentra(["exec", "-At", "-o", file, "-c", "select repeat('x', 100 * 1024 * 1024)"] + (try target), timeout: 120)
        #expect(big.status == 0, "stderr: \(big.stderr.prefix(300))")
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
        #expect(size == 100 * 1024 * 1024 + 1)
    }

    /// A SQL_ASCII database holds bytes that are not UTF-8. Asked for UTF-8 text
    /// (PGCLIENTENCODING, as both programs take it), the server reports them, exactly as psql
    /// does, instead of pgentra printing garbage or dropping bytes without a word.
    @Test func invalidUTF8FromTheServerIsReportedAsPsqlReportsIt() throws {
        let (_, environment) = try stack()
        let token = environment.pgentra(["token"]).stdout.trimmingCharacters(in: .newlines)
        let database = "sqlascii_\(UInt32.random(in: 0...UInt32.max))"
        let created = try PostgresServer.shared.get().superuserSQL(
            "create database \(database) encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C' template template0 owner \"\(Fixtures.managedIdentityName)\"")
        #expect(created.status == 0, "\(created.stderr)")
        let place = ["-h", "127.0.0.1", "-p", "\(try PostgresServer.shared.get().port)", "-d", database, "-U", Fixtures.managedIdentityName]
        let sql = "select E'caf\\xe9' as t, E'\\xff\\xfe' as u, 'ok' as v"
        for format in [[], ["-A"], ["--csv"], ["-x"]] {
            var psqlEnvironment = environment.variables
            psqlEnvironment["PGPASSWORD"] = token
            psqlEnvironment["PGCLIENTENCODING"] = "UTF8"
            let expected = ChildProcess.run(References.psql, ["-X"] + format + ["-c", sql] + place, environment: psqlEnvironment)
            var pgentraEnvironment = environment.variables
            pgentraEnvironment["PGCLIENTENCODING"] = "UTF8"
            let actual = ChildProcess.run(BuiltProducts.pgentra, ["-X"] + format + ["-c", sql] + place, environment: pgentraEnvironment)
            #expect(actual.status == 1 && expected.status == 1, "\(format)")
            #expect(actual.stdout == expected.stdout, "\(format)")
            #expect(actual.stderr == expected.stderr, "\(format)")
            #expect(actual.stderr == "ERROR:  invalid byte sequence for encoding \"UTF8\": 0xe9\n")
        }
    }
}
