import Foundation
import Testing
@testable import PGEntraIdentity
@testable import PGEntraSystem

@Suite struct TokenCacheTests {
    private let root = ScratchDirectory("pgentra-cache-tests")
    private let recorder = LogRecorder()

    private var cacheDirectory: String { root.file("cache/pgentra") }

    private func cache() -> TokenCache {
        TokenCache(directory: cacheDirectory, log: recorder.log)
    }

    private let key = TokenCache.Key(kind: "azure-cli", tenant: Vector.tenant, clientID: nil, scope: Vector.scope)

    private func token(_ text: String = TestJWT.realistic(), expiresOn: Int64 = Vector.now + 3600, refreshOn: Int64? = nil) -> AccessToken {
        AccessToken(token: text, expiresOn: expiresOn, refreshOn: refreshOn)
    }

    private func entries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? []).sorted()
    }

    // MARK: - Files

    @Test func storeCreatesA0700DirectoryAndA0600File() throws {
        let cache = cache()
        let stored = token()
        cache.store(stored, for: key)
        #expect(permissions(cacheDirectory) == 0o700)
        let files = entries()
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(permissions(cacheDirectory + "/" + file) == 0o600)
        #expect(cache.token(for: key) == stored)
        #expect(recorder.warnings.isEmpty)
    }

    @Test func parentDirectoriesItCreatesAre0700Too() {
        cache().store(token(), for: key)
        #expect(permissions(root.file("cache")) == 0o700)
    }

    @Test func writesAreAtomicAndLeaveNoTemporaryFiles() {
        let cache = cache()
        for index in 0..<5 {
            cache.store(token(expiresOn: Vector.now + Int64(index)), for: key)
        }
        cache.setPreferredCredential(.azureCLI, chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope)
        let files = entries()
        #expect(files.count == 2, "\(files)")
        #expect(files.allSatisfy { !$0.hasPrefix(".") }, "\(files)")
        #expect(cache.token(for: key)?.expiresOn == Vector.now + 4)
    }

    /// Issue 11: a temporary file a killed pgentra left is removed once it is ten minutes old;
    /// a fresh one (another process's write in progress) is left alone.
    @Test func staleTemporaryFilesAreRemoved() throws {
        let cache = cache()
        cache.store(token(), for: key)
        let stale = cacheDirectory + "/.azure-cli-0123456789abcdef.json.AbCdEf"
        let fresh = cacheDirectory + "/.azure-cli-0123456789abcdef.json.XyZ123"
        for path in [stale, fresh] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8), attributes: [.posixPermissions: 0o600]))
        }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: stale)
        cache.store(token(), for: key)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }

    /// The lock is taken and given back; a second holder in the same process gets it after.
    @Test func theLockRunsTheBodyAndIsReleased() {
        let cache = cache()
        let value = cache.exclusively(key, waitingAtMost: 1, clock: .system) { 42 }
        #expect(value == 42)
        let again = cache.exclusively(key, waitingAtMost: 1, clock: .system) { "again" }
        #expect(again == "again")
        let locks = entries().filter { $0.hasSuffix(".lock") }
        #expect(locks.count == 1 && locks.allSatisfy { $0.hasPrefix(".") }, "\(entries())")
        #expect(locks.allSatisfy { permissions(cacheDirectory + "/" + $0) == 0o600 })
        #expect(recorder.warnings.isEmpty)
    }

    /// An entry an older pgentra wrote under the key without selectors (a management token,
    /// say) goes when the entry is removed.
    @Test func removeAlsoDeletesAnOlderVersionsEntry() throws {
        let cache = cache()
        cache.store(token(), for: key)
        let legacy = cacheDirectory + "/" + key.legacyFileName
        #expect(FileManager.default.createFile(atPath: legacy, contents: Data("{}".utf8), attributes: [.posixPermissions: 0o600]))
        cache.remove(key)
        #expect(!FileManager.default.fileExists(atPath: legacy))
        #expect(cache.token(for: key) == nil)
    }

    @Test func refreshOnSurvivesTheRoundTrip() {
        let cache = cache()
        cache.store(token(expiresOn: Vector.now + 86399, refreshOn: Vector.now + 43199), for: key)
        #expect(cache.token(for: key)?.refreshOn == Vector.now + 43199)
    }

    @Test func aMissingDirectoryIsAMissNotAWarning() {
        #expect(cache().token(for: key) == nil)
        #expect(recorder.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: cacheDirectory) == false)
    }

    // MARK: - Keys

    @Test func entriesAreKeyedByKindTenantClientAndScope() {
        let cache = cache()
        let variants = [
            key,
            TokenCache.Key(kind: "azd", tenant: Vector.tenant, clientID: nil, scope: Vector.scope),
            TokenCache.Key(kind: "azure-cli", tenant: "other", clientID: nil, scope: Vector.scope),
            TokenCache.Key(kind: "azure-cli", tenant: nil, clientID: nil, scope: Vector.scope),
            TokenCache.Key(kind: "azure-cli", tenant: Vector.tenant, clientID: Vector.client, scope: Vector.scope),
            TokenCache.Key(kind: "azure-cli", tenant: Vector.tenant, clientID: nil, scope: DatabaseScope.management),
        ]
        for (index, variant) in variants.enumerated() {
            cache.store(token("token-\(index)"), for: variant)
        }
        for (index, variant) in variants.enumerated() {
            #expect(cache.token(for: variant)?.token == "token-\(index)")
        }
        #expect(Set(variants.map(\.fileName)).count == variants.count)
    }

    @Test func keyPartsCannotBeConfusedByTheSeparator() {
        let a = TokenCache.Key(kind: "azure-cli", tenant: "t|c", clientID: nil, scope: "s")
        let b = TokenCache.Key(kind: "azure-cli", tenant: "t", clientID: "c", scope: "s")
        let cache = cache()
        cache.store(token("token-a"), for: a)
        #expect(cache.token(for: b) == nil)
    }

    @Test func removeForgetsOneEntry() {
        let cache = cache()
        let other = TokenCache.Key(kind: "azd", tenant: nil, clientID: nil, scope: Vector.scope)
        cache.store(token("a"), for: key)
        cache.store(token("b"), for: other)
        cache.remove(key)
        #expect(cache.token(for: key) == nil)
        #expect(cache.token(for: other)?.token == "b")
    }

    @Test func thePreferredCredentialIsRememberedPerChainTenantClientAndScope() {
        let cache = cache()
        cache.setPreferredCredential(.azureCLI, chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope)
        #expect(cache.preferredCredential(chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope) == .azureCLI)
        #expect(cache.preferredCredential(chain: "dev", tenant: Vector.tenant, clientID: nil, scope: Vector.scope) == nil)
        #expect(cache.preferredCredential(chain: "default", tenant: nil, clientID: nil, scope: Vector.scope) == nil)
        #expect(cache.preferredCredential(chain: "default", tenant: Vector.tenant, clientID: "c", scope: Vector.scope) == nil)
        #expect(cache.preferredCredential(chain: "default", tenant: Vector.tenant, clientID: nil, scope: "other") == nil)
    }

    // MARK: - Distrust

    @Test func aCorruptFileIsIgnoredThenRewritten() throws {
        let cache = cache()
        cache.store(token("good"), for: key)
        let path = cacheDirectory + "/" + key.fileName
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        #expect(cache.token(for: key) == nil)
        cache.store(token("fresh"), for: key)
        #expect(cache.token(for: key)?.token == "fresh")
        #expect(permissions(path) == 0o600)
    }

    @Test func aFileForAnotherKeyIsNotTrusted() throws {
        let cache = cache()
        let other = TokenCache.Key(kind: "azure-cli", tenant: "other", clientID: nil, scope: Vector.scope)
        cache.store(token("other-token"), for: other)
        try FileManager.default.moveItem(atPath: cacheDirectory + "/" + other.fileName, toPath: cacheDirectory + "/" + key.fileName)
        #expect(cache.token(for: key) == nil)
    }

    @Test func aGroupOrWorldReadableFileIsIgnoredWithAWarning() {
        let cache = cache()
        cache.store(token(), for: key)
        let path = cacheDirectory + "/" + key.fileName
        chmod(path, 0o644)
        #expect(cache.token(for: key) == nil)
        #expect(recorder.warnings.count == 1)
        let warning = recorder.warnings.first ?? ""
        #expect(warning.contains(path))
        #expect(warning.contains("644"))
        #expect(warning.contains("chmod 600"))
    }

    @Test func aLooseDirectoryIsIgnoredWithAWarningAndNotWrittenTo() {
        let cache = cache()
        cache.store(token("before"), for: key)
        chmod(cacheDirectory, 0o755)
        #expect(cache.token(for: key) == nil)
        #expect(recorder.warnings.contains { $0.contains(cacheDirectory) && $0.contains("755") })
        cache.store(token("after"), for: key)
        chmod(cacheDirectory, 0o700)
        #expect(cache.token(for: key)?.token == "before")
    }

    @Test func aSymlinkedCacheFileIsNotFollowed() throws {
        let cache = cache()
        cache.store(token("good"), for: key)
        let elsewhere = root.write("planted.json", "{}")
        let path = cacheDirectory + "/" + key.fileName
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere)
        #expect(cache.token(for: key) == nil)
        #expect(recorder.warnings.count == 1)
    }

    @Test func aSymlinkedCacheDirectoryIsNotTrusted() throws {
        let real = root.file("real")
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createDirectory(atPath: root.file("cache"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: cacheDirectory, withDestinationPath: real)
        cache().store(token(), for: key)
        #expect(try FileManager.default.contentsOfDirectory(atPath: real).isEmpty)
        #expect(!recorder.warnings.isEmpty)
    }

    // MARK: - What is on disk

    @Test func onlyTheTokenFileHoldsTheToken() throws {
        let secret = TestJWT.realistic(extra: ["upn": "alice@contoso.com"])
        let cache = cache()
        cache.store(token(secret), for: key)
        cache.setPreferredCredential(.azureCLI, chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope)
        var holders: [String] = []
        for file in entries() {
            let text = try String(contentsOfFile: cacheDirectory + "/" + file, encoding: .utf8)
            if text.contains(secret) { holders.append(file) }
        }
        #expect(holders == [key.fileName])
        #expect(!key.fileName.contains(Vector.tenant))
    }

    @Test func debugOutputNeverHoldsTheToken() {
        let secret = TestJWT.realistic()
        let cache = cache()
        cache.store(token(secret), for: key)
        _ = cache.token(for: key)
        #expect(!recorder.all.contains { $0.contains(secret) || $0.contains(String(secret.prefix(12))) })
    }

    // MARK: - Location

    @Test func theDefaultDirectoryFollowsXDGThenHome() {
        #expect(TokenCache.defaultDirectory(environment: Environment(["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])) == "/x/cache/pgentra")
        #expect(TokenCache.defaultDirectory(environment: Environment(["XDG_CACHE_HOME": "relative", "HOME": "/home/u"])) == "/home/u/.cache/pgentra")
        #expect(TokenCache.defaultDirectory(environment: Environment(["HOME": "/home/u"])) == "/home/u/.cache/pgentra")
        #expect(TokenCache.defaultDirectory(environment: Environment([:])) == nil)
    }
}
