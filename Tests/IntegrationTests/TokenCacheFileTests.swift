import Foundation
import Testing
import TestSupport

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
}
