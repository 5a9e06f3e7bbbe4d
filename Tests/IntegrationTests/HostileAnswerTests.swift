import Foundation
import TestSupport
import Testing

/// Issue 11 item 3: a token endpoint or a cache file that an attacker controls gets a clear
/// error or a warning, never a crash and never a hang.
@Suite struct HostileAnswerTests {
    /// Each value overflowed Int64 arithmetic (SIGILL) before expiry fields were range-checked.
    /// IMDS answers with `expires_on`, which wins; Entra's token endpoint with `expires_in`.
    @Test(arguments: [
        ("/metadata/identity/oauth2/token", "expires_on", "-9223372036854775808"),
        ("/metadata/identity/oauth2/token", "expires_on", "99999999999999999999"),
        ("/metadata/identity/oauth2/token", "expires_on", "999999-01-01T00:00:00Z"),
        ("/metadata/identity/oauth2/token", "expires_on", "2030-01-01T00:00:00+99999999999999:00"),
        ("/metadata/identity/oauth2/token", "refresh_in", "9223372036854775807"),
        ("/\(Fixtures.tenant)/oauth2", "expires_in", "9223372036854775807"),
        ("/\(Fixtures.tenant)/oauth2", "expires_in", "-99999999999"),
        ("/\(Fixtures.tenant)/oauth2", "refresh_in", "9223372036854775807"),
    ])
    func anAbsurdExpiryIsAnError(path: String, field: String, value: String) throws {
        let emulator = try Fixtures.emulator(["--fault", "\(path):set=\(field)=\(value)"])
        let environment = TestEnvironment(emulator: emulator)
        let managed = path.hasPrefix("/metadata")
        if !managed {
            environment["AZURE_TENANT_ID"] = Fixtures.tenant
            environment["AZURE_CLIENT_ID"] = Fixtures.clientID
            environment["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret
        }
        let credential = managed ? ("managed-identity", "ManagedIdentityCredential") : ("environment", "EnvironmentCredential")
        let result = environment.pgentra(["token", "--credential", credential.0])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(credential.1), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("out of range") || result.stderr.contains("is not a date"), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("pgentra: ") })
    }

    /// 100 MB used to take 8-10 s and 316 MiB: the body is refused at 1 MiB while it arrives.
    @Test func aHugeAnswerIsRefusedAtOneMebibyte() throws {
        let emulator = try Fixtures.emulator(["--fault", "/metadata/identity/oauth2/token:huge=104857600"])
        let environment = TestEnvironment(emulator: emulator)
        let result = environment.pgentra(["token", "--credential", "managed-identity"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the answer is larger than 1024 KiB"), "stderr: \(result.stderr)")
        #expect(result.stderr.utf8.count < 2000)
        #expect(result.seconds < 10, "took \(result.seconds) s")
    }

    private func cacheEntry(_ environment: TestEnvironment) throws -> String {
        let directory = environment.home.file("cache/pgentra")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("managed-identity-") }
        return "\(directory)/\(try #require(names.first))"
    }

    /// A FIFO in place of the cache entry hung `pgentra token` forever.
    @Test func aFIFOInPlaceOfTheCacheFileIsIgnoredAtOnce() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        #expect(environment.pgentra(["token"]).status == 0)
        let entry = try cacheEntry(environment)
        unlink(entry)
        #expect(mkfifo(entry, 0o600) == 0)
        let result = environment.pgentra(["token"], timeout: 20)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.seconds < 10, "took \(result.seconds) s")
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 1 && warnings[0].contains("is not a regular file"), "stderr: \(result.stderr)")
        #expect(emulator.issued().count == 2)
    }

    /// A directory in place of the cache file gave two warnings (the read, then the write).
    @Test func aDirectoryInPlaceOfTheCacheFileGivesOneWarning() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        #expect(environment.pgentra(["token"]).status == 0)
        let entry = try cacheEntry(environment)
        unlink(entry)
        #expect(mkdir(entry, 0o700) == 0)
        let result = environment.pgentra(["token"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 1 && warnings[0].contains("is not a regular file"), "stderr: \(result.stderr)")
    }
}
