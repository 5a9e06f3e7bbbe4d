import Foundation
import TestSupport
import Testing

/// The cache as cli.md describes it, seen from outside: reuse, the 5-minute window, --min-ttl,
/// and distrust of files that anyone else could have written.
@Suite struct TokenCacheFileTests {
    private func cacheFiles(_ environment: TestEnvironment) -> [String] {
        let directory = environment.home.file("cache/pgentra")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("managed-identity-") }.map { "\(directory)/\($0)" }
    }

    @Test func aCachedTokenIsReusedUntilFiveMinutesAreLeft() throws {
        let emulator = try Fixtures.emulator(["--lifetime", "3600"])
        let environment = TestEnvironment(emulator: emulator)
        let first = environment.pgentra(["token"])
        let second = environment.pgentra(["token"])
        #expect(first.stdout == second.stdout)
        #expect(emulator.issued().count == 1)

        let short = try Fixtures.emulator(["--lifetime", "200"])
        let shortEnvironment = TestEnvironment(emulator: short)
        let a = shortEnvironment.pgentra(["token"])
        let b = shortEnvironment.pgentra(["token"])
        #expect(a.status == 0 && b.status == 0)
        #expect(short.issued().count == 2, "a token with under 300 s left is replaced")
    }

    @Test func minTTLFetchesALongerLivedToken() throws {
        let emulator = try Fixtures.emulator(["--lifetime", "1000"])
        let environment = TestEnvironment(emulator: emulator)
        #expect(environment.pgentra(["token"]).status == 0)
        #expect(environment.pgentra(["token", "--min-ttl", "600"]).status == 0)
        #expect(emulator.issued().count == 1)
        let demanding = environment.pgentra(["token", "--min-ttl", "2000"])
        #expect(demanding.status == 0)
        #expect(emulator.issued().count == 2)
        #expect(demanding.stderr.contains("less than the 2000 s asked for"))
    }

    @Test func aLooseCacheFileIsIgnoredWithAWarning() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        #expect(environment.pgentra(["token"]).status == 0)
        let file = try #require(cacheFiles(environment).first)
        chmod(file, 0o644)
        let result = environment.pgentra(["token"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("pgentra: warning: ignoring token cache file"))
        #expect(result.stderr.contains("644"))
        #expect(emulator.issued().count == 2)
        // The rewrite is private again.
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aLooseCacheDirectoryIsNeverTrusted() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        #expect(environment.pgentra(["token"]).status == 0)
        chmod(environment.home.file("cache/pgentra"), 0o777)
        let result = environment.pgentra(["token"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("ignoring token cache directory"))
        #expect(emulator.issued().count == 2)
    }

    @Test func aCorruptCacheFileIsIgnoredAndRewritten() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        #expect(environment.pgentra(["token"]).status == 0)
        let file = try #require(cacheFiles(environment).first)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        let result = environment.pgentra(["token"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(emulator.issued().count == 2)
        let rewritten = try String(contentsOfFile: file, encoding: .utf8)
        #expect(rewritten.contains(result.stdout.trimmingCharacters(in: .newlines)))
    }

    /// Issue 11 item 2: a service principal's database token names no role, so the role lookup
    /// asks for a management-scope token. That token is used once and never written: every
    /// token in the cache is for the database, and the next lookup asks again.
    @Test func onlyDatabaseTokensAreWrittenToTheCache() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret
        #expect(environment.pgentra(["whoami", "--role"]).status == 1)
        #expect(environment.pgentra(["whoami", "--role"]).status == 1)
        let management = emulator.issued().filter { ($0["resource"] as? String)?.contains("management") == true }
        #expect(management.count == 2, "the lookup asks again each time: \(emulator.issued())")
        let directory = environment.home.file("cache/pgentra")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        var tokens = 0
        for name in files where !name.hasPrefix(".") {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let token = object["access_token"] as? String else { continue }
            tokens += 1
            let claims = try #require(Fixtures.claims(token))
            #expect(claims["aud"] as? String == "https://ossrdbms-aad.database.windows.net", "\(name) holds \(claims["aud"] ?? "?")")
        }
        #expect(tokens == 1)
    }
}
