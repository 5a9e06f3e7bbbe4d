import Foundation
import TestSupport
import Testing
@testable import PGEntraIdentity

@Suite struct TokenProviderTests {
    /// A machine with a cache directory, scripted HTTP and tools, and a manual clock at the vectors' "now".
    final class Fixture {
        let root = ScratchDirectory("pgentra-provider-tests")
        let http = ScriptedHTTPClient()
        let runner = ScriptedProcessRunner()
        let clock = TestClock()
        let recorder = LogRecorder()
        var settings: IdentitySettings
        var useCache = true

        init(secret: Bool = true) throws {
            settings = IdentitySettings(
                tenantID: Vector.tenant, clientID: secret ? Vector.client : nil, clientSecret: secret ? "s3cr3t" : nil,
                managedIdentity: ManagedIdentitySettings(podIdentityAuthorityHost: "http://127.0.0.1:9"),
                searchPath: root.file("bin"), toolEnvironment: [:])
            try FileManager.default.createDirectory(atPath: root.file("bin"), withIntermediateDirectories: false)
        }

        var cache: TokenCache { TokenCache(directory: root.file("cache/pgentra"), log: recorder.log) }

        func provider(_ selection: CredentialSelection) -> TokenProvider {
            TokenProvider(
                selection: selection, settings: settings, cache: useCache ? cache : nil, http: http, runner: runner,
                clock: clock.clock, log: recorder.log)
        }

        func key(_ kind: CredentialKind, scope: String = Vector.scope, tenant: String? = Vector.tenant) -> TokenCache.Key {
            TokenCache.Key(kind: kind.rawValue, tenant: tenant, clientID: settings.clientID, scope: scope)
        }

        /// Caches a token for `kind` with `remaining` seconds of life.
        @discardableResult
        func cached(_ kind: CredentialKind, remaining: Int64, refreshOn: Int64? = nil) -> AccessToken {
            let token = AccessToken(
                token: TestJWT.realistic(extra: ["cached": true], expiresAt: Vector.now + remaining),
                expiresOn: Vector.now + remaining, refreshOn: refreshOn)
            cache.store(token, for: key(kind))
            return token
        }

        /// The Entra token endpoint answers once with a fresh JWT living `expiresIn` seconds.
        @discardableResult
        func expectEntra(expiresIn: Int64 = 3599, sourceLocation: SourceLocation = #_sourceLocation) -> String {
            let token = TestJWT.realistic(extra: ["fresh": true], expiresAt: Vector.now + expiresIn)
            http.expect(.post, Vector.tokenURL, form: [("client_secret", "s3cr3t")],
                        respond: .json(200, #"{"token_type":"Bearer","expires_in":\#(expiresIn),"access_token":"\#(token)"}"#),
                        sourceLocation: sourceLocation)
            return token
        }

        func expectEntraRejection(sourceLocation: SourceLocation = #_sourceLocation) {
            http.expect(.post, Vector.tokenURL,
                        respond: .json(401, #"{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys are expired."}"#),
                        sourceLocation: sourceLocation)
        }

        func installTool(_ name: String) {
            root.executable("bin/\(name)")
        }

        func get(_ provider: TokenProvider, minimumLifetime: Int64? = nil, request: TokenRequest = TokenRequest(scope: Vector.scope, tenant: Vector.tenant),
                 fallingBack: Bool = true, pastTheCache: Bool = false)
            -> Result<TokenProvider.Provided, ChainError>
        {
            do throws(ChainError) {
                return .success(try provider.token(for: request, minimumLifetime: minimumLifetime, fallingBack: fallingBack,
                                                   pastTheCache: pastTheCache))
            } catch {
                return .failure(error)
            }
        }
    }

    private let environmentOnly = CredentialSelection(members: [.environment], name: "environment")

    // MARK: - Cache hits and refresh (§8.4, cli.md "Token cache")

    @Test func aCachedTokenWithMoreThanFiveMinutesLeftIsUsed() throws {
        let fixture = try Fixture()
        let cached = fixture.cached(.environment, remaining: 301)
        let provided = try fixture.get(fixture.provider(environmentOnly)).get()
        #expect(provided.token == cached)
        #expect(provided.fromCache)
        #expect(provided.credential == .environment)
        #expect(fixture.http.requests.isEmpty)
    }

    /// Issue 11: the authority host is part of whose token it is; a token cached without it is
    /// not handed out once one is set.
    @Test func theAuthorityHostIsPartOfTheCacheKey() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 3000)
        fixture.settings.authorityHost = "https://login.microsoftonline.com"
        let fresh = fixture.expectEntra()
        let provided = try fixture.get(fixture.provider(environmentOnly)).get()
        #expect(!provided.fromCache)
        #expect(provided.token.token == fresh)
    }

    @Test func fiveMinutesOrLessLeftFetchesANewToken() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 300)
        let fresh = fixture.expectEntra()
        let provided = try fixture.get(fixture.provider(environmentOnly)).get()
        #expect(provided.token.token == fresh)
        #expect(!provided.fromCache)
        #expect(fixture.cache.token(for: fixture.key(.environment))?.token == fresh)
        fixture.http.verifyAllUsed()
    }

    @Test func aPassedRefreshOnFetchesANewTokenEarly() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 40000, refreshOn: Vector.now - 1)
        let fresh = fixture.expectEntra()
        #expect(try fixture.get(fixture.provider(environmentOnly)).get().token.token == fresh)
        fixture.http.verifyAllUsed()
    }

    @Test func aFailedRefreshKeepsAStillValidCachedToken() throws {
        let fixture = try Fixture()
        let cached = fixture.cached(.environment, remaining: 200)
        fixture.expectEntraRejection()
        let provided = try fixture.get(fixture.provider(environmentOnly)).get()
        #expect(provided.token == cached)
        #expect(provided.fromCache)
        fixture.http.verifyAllUsed()
    }

    @Test func aFailedEarlyRefreshKeepsTheCachedToken() throws {
        let fixture = try Fixture()
        let cached = fixture.cached(.environment, remaining: 40000, refreshOn: Vector.now - 1)
        fixture.expectEntraRejection()
        #expect(try fixture.get(fixture.provider(environmentOnly)).get().token == cached)
    }

    /// The proxy's background renewal holds the cached token already: it must hear of the
    /// failure, to back off, rather than be handed that token as if renewed.
    @Test func withoutFallingBackAFailedRefreshIsAnErrorThoughTheCachedTokenIsValid() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 200)
        fixture.expectEntraRejection()
        guard case .failure(let error) = fixture.get(fixture.provider(environmentOnly), fallingBack: false) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.description.contains("AADSTS7000222"))
        fixture.http.verifyAllUsed()
    }

    /// The proxy's SIGHUP: the chain is asked though the cached token has hours left, and what
    /// it gives is cached; when it fails, the failure is thrown and the cached token stays.
    @Test func pastTheCacheAsksTheChainAndKeepsTheCacheOnFailure() throws {
        let fixture = try Fixture()
        let cached = fixture.cached(.environment, remaining: 7200)
        fixture.expectEntraRejection()
        guard case .failure = fixture.get(fixture.provider(environmentOnly), pastTheCache: true) else {
            Issue.record("expected a failure")
            return
        }
        #expect(try fixture.get(fixture.provider(environmentOnly)).get().token == cached, "still cached")
        let fresh = fixture.expectEntra()
        #expect(try fixture.get(fixture.provider(environmentOnly), pastTheCache: true).get().token.token == fresh)
        #expect(try fixture.get(fixture.provider(environmentOnly)).get().token.token == fresh, "cached for the next run")
        fixture.http.verifyAllUsed()
    }

    @Test func aFailedRefreshOfAnExpiredTokenIsAnError() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: -10)
        fixture.expectEntraRejection()
        guard case .failure(let error) = fixture.get(fixture.provider(environmentOnly)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.stopped)
        #expect(error.description.contains("AADSTS7000222"))
    }

    @Test func aNewTokenIsCachedForTheNextRun() throws {
        let fixture = try Fixture()
        let fresh = fixture.expectEntra()
        _ = try fixture.get(fixture.provider(environmentOnly)).get()
        let again = try fixture.get(fixture.provider(environmentOnly)).get()
        #expect(again.token.token == fresh)
        #expect(again.fromCache)
        fixture.http.verifyAllUsed()
    }

    @Test func withoutACacheEveryCallFetches() throws {
        let fixture = try Fixture()
        fixture.useCache = false
        fixture.expectEntra()
        fixture.expectEntra()
        _ = try fixture.get(fixture.provider(environmentOnly)).get()
        _ = try fixture.get(fixture.provider(environmentOnly)).get()
        fixture.http.verifyAllUsed()
    }

    // MARK: - Minimum lifetime (--min-ttl)

    @Test func aMinimumLifetimeLongerThanTheCachedTokensFetchesANewOne() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 1000)
        let fresh = fixture.expectEntra()
        let provided = try fixture.get(fixture.provider(environmentOnly), minimumLifetime: 2000).get()
        #expect(provided.token.token == fresh)
        fixture.http.verifyAllUsed()
    }

    @Test func aMinimumLifetimeTheCachedTokenMeetsIsAHit() throws {
        let fixture = try Fixture()
        let cached = fixture.cached(.environment, remaining: 1000)
        #expect(try fixture.get(fixture.provider(environmentOnly), minimumLifetime: 900).get().token == cached)
        #expect(fixture.http.requests.isEmpty)
    }

    @Test func aSmallMinimumLifetimeStillKeepsTheFiveMinuteMargin() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 120)
        fixture.expectEntra()
        #expect(try !fixture.get(fixture.provider(environmentOnly), minimumLifetime: 60).get().fromCache)
        fixture.http.verifyAllUsed()
    }

    @Test func aCachedTokenShorterThanTheMinimumIsNotAFallback() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 1000)
        fixture.expectEntraRejection()
        guard case .failure = fixture.get(fixture.provider(environmentOnly), minimumLifetime: 2000) else {
            Issue.record("a token with less than --min-ttl left was returned")
            return
        }
    }

    @Test func aNewTokenShorterThanTheMinimumIsReturnedWithAWarning() throws {
        let fixture = try Fixture()
        fixture.expectEntra(expiresIn: 3599)
        let provided = try fixture.get(fixture.provider(environmentOnly), minimumLifetime: 7200).get()
        #expect(provided.token.expiresOn == Vector.now + 3599)
        #expect(fixture.recorder.warnings.contains { $0.contains("7200") })
    }

    // MARK: - The credential that worked last time

    @Test func theCredentialThatWorkedIsRememberedAndTriedFirst() throws {
        let fixture = try Fixture(secret: false)
        fixture.installTool("az")
        fixture.installTool("azd")
        // First run: environment and workload identity unconfigured, no IMDS, az works.
        fixture.http.expect(.get, "http://127.0.0.1:9/metadata/identity/oauth2/token", absentHeaders: ["Metadata"],
                            fail: .couldNotConnect("Connection refused"))
        let first = TestJWT.realistic(expiresAt: Vector.now + 3600)
        fixture.runner.expect("/az", AzureCLICredentialTests.vectorArguments + ["--tenant", Vector.tenant],
                              standardOutput: #"{"accessToken":"\#(first)","expires_on":\#(Vector.now + 3600)}"#)
        let provided = try fixture.get(fixture.provider(.default)).get()
        #expect(provided.credential == .azureCLI)
        #expect(fixture.cache.preferredCredential(chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope) == .azureCLI)

        // Second run, for a scope without a cached token: az alone, no managed-identity probe.
        let management = TokenRequest(scope: DatabaseScope.management, tenant: Vector.tenant)
        fixture.cache.setPreferredCredential(.azureCLI, chain: "default", tenant: Vector.tenant, clientID: nil, scope: DatabaseScope.management)
        let second = TestJWT.realistic(expiresAt: Vector.now + 3600)
        fixture.runner.expect("/az", ["account", "get-access-token", "--output", "json", "--resource", "https://management.azure.com", "--tenant", Vector.tenant],
                              standardOutput: #"{"accessToken":"\#(second)","expires_on":\#(Vector.now + 3600)}"#)
        let again = try fixture.get(fixture.provider(.default), request: management).get()
        #expect(again.token.token == second)
        #expect(again.credential == .azureCLI)
        fixture.http.verifyAllUsed()
        fixture.runner.verifyAllUsed()
    }

    @Test func aCachedTokenOfThePreferredCredentialIsAHitWithoutRunningAnything() throws {
        let fixture = try Fixture(secret: false)
        fixture.cache.setPreferredCredential(.azureCLI, chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope)
        let cached = fixture.cached(.azureCLI, remaining: 3000)
        let provided = try fixture.get(fixture.provider(.default)).get()
        #expect(provided.token == cached)
        #expect(provided.credential == .azureCLI)
        #expect(fixture.http.requests.isEmpty)
        #expect(fixture.runner.runs.isEmpty)
    }

    @Test func whenThePreferredCredentialFailsTheFullChainRunsWithoutIt() throws {
        let fixture = try Fixture(secret: false)
        fixture.installTool("az")
        fixture.installTool("azd")
        fixture.cache.setPreferredCredential(.azureCLI, chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope)
        fixture.runner.expect("/az", AzureCLICredentialTests.vectorArguments + ["--tenant", Vector.tenant], exitStatus: 1,
                              standardError: "ERROR: Please run 'az login' to setup account.")
        fixture.http.expect(.get, "http://127.0.0.1:9/metadata/identity/oauth2/token", absentHeaders: ["Metadata"],
                            fail: .couldNotConnect("Connection refused"))
        let azdToken = TestJWT.realistic(expiresAt: Vector.now + 3600)
        fixture.runner.expect("/azd", AzureDeveloperCLICredentialTests.vectorArguments + ["--tenant-id", Vector.tenant],
                              standardOutput: #"{"token":"\#(azdToken)","expiresOn":"2023-11-14T23:13:20Z"}"#)
        let provided = try fixture.get(fixture.provider(.default)).get()
        #expect(provided.credential == .azureDeveloperCLI)
        #expect(provided.token.token == azdToken)
        #expect(fixture.cache.preferredCredential(chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope) == .azureDeveloperCLI)
        #expect(fixture.cache.token(for: fixture.key(.azureDeveloperCLI))?.token == azdToken)
        fixture.http.verifyAllUsed()
        fixture.runner.verifyAllUsed()
    }

    @Test func whenEverythingFailsThePreferredAttemptIsReportedFirstAndOnce() throws {
        let fixture = try Fixture(secret: false)
        fixture.cache.setPreferredCredential(.azureCLI, chain: "default", tenant: Vector.tenant, clientID: nil, scope: Vector.scope)
        fixture.http.expect(.get, "http://127.0.0.1:9/metadata/identity/oauth2/token", fail: .couldNotConnect("Connection refused"))
        guard case .failure(let error) = fixture.get(fixture.provider(.default)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.attempts.map(\.kind) == [.azureCLI, .environment, .workloadIdentity, .managedIdentity, .azureDeveloperCLI])
        fixture.http.verifyAllUsed()
    }

    /// §8.3: a credential that is set up and refused stops the chain. Trying the remembered
    /// credential first must not turn its refusal into a silent switch to another identity.
    @Test func aRejectedPreferredCredentialStopsInsteadOfFallingThroughToAnotherIdentity() throws {
        let fixture = try Fixture()
        fixture.installTool("az")
        fixture.cache.setPreferredCredential(.environment, chain: "default", tenant: Vector.tenant, clientID: Vector.client, scope: Vector.scope)
        fixture.expectEntraRejection()
        // What a wrongly continued chain would find: no IMDS, and a developer signed in to az.
        fixture.http.expect(.get, "http://127.0.0.1:9/metadata/identity/oauth2/token", fail: .couldNotConnect("Connection refused"))
        let developer = TestJWT.realistic(extra: ["upn": "developer@contoso.com"])
        fixture.runner.expect("/az", AzureCLICredentialTests.vectorArguments + ["--tenant", Vector.tenant],
                              standardOutput: #"{"accessToken":"\#(developer)","expires_on":\#(Vector.now + 3600)}"#)
        let result = fixture.get(fixture.provider(.default))
        guard case .failure(let error) = result else {
            Issue.record("the service principal was rejected, yet a token came from \((try? result.get())?.credential.className ?? "?")")
            return
        }
        #expect(error.stopped)
        #expect(error.attempts.map(\.kind) == [.environment])
        #expect(fixture.runner.runs.isEmpty, "az ran after the service principal was rejected")
    }

    @Test func aLooseCacheDirectoryWarnsOncePerRun() throws {
        let fixture = try Fixture()
        fixture.cached(.environment, remaining: 3000)
        chmod(fixture.root.file("cache/pgentra"), 0o755)
        fixture.expectEntra()
        _ = try fixture.get(fixture.provider(.default)).get()
        let warnings = fixture.recorder.warnings
        #expect(warnings.count == 1, "\(warnings.count) warnings: \(warnings)")
    }

    @Test func aPreferredCredentialOutsideTheSelectionIsIgnored() throws {
        let fixture = try Fixture()
        fixture.cache.setPreferredCredential(.azureCLI, chain: "prod", tenant: Vector.tenant, clientID: Vector.client, scope: Vector.scope)
        fixture.expectEntra()
        let prod = CredentialSelection(members: CredentialKind.productionChain, name: "prod")
        #expect(try fixture.get(fixture.provider(prod)).get().credential == .environment)
        #expect(fixture.runner.runs.isEmpty)
    }

    // MARK: - Dropping a rejected token

    @Test func discardingTheCachedTokenMakesTheNextCallFetch() throws {
        let fixture = try Fixture()
        let cached = fixture.cached(.environment, remaining: 3000)
        let provider = fixture.provider(environmentOnly)
        #expect(try fixture.get(provider).get().token == cached)
        provider.discardCachedToken(for: TokenRequest(scope: Vector.scope, tenant: Vector.tenant), credential: .environment, reason: "after the server rejected it")
        let fresh = fixture.expectEntra()
        let provided = try fixture.get(provider).get()
        #expect(provided.token.token == fresh)
        #expect(!provided.fromCache)
        fixture.http.verifyAllUsed()
    }

    @Test func discardingOneScopeKeepsTheOthers() throws {
        let fixture = try Fixture()
        let management = AccessToken(token: TestJWT.realistic(), expiresOn: Vector.now + 3000)
        fixture.cache.store(management, for: fixture.key(.environment, scope: DatabaseScope.management))
        fixture.cached(.environment, remaining: 3000)
        fixture.provider(environmentOnly).discardCachedToken(for: TokenRequest(scope: Vector.scope, tenant: Vector.tenant), credential: .environment, reason: "after the server rejected it")
        #expect(fixture.cache.token(for: fixture.key(.environment, scope: DatabaseScope.management)) == management)
        #expect(fixture.cache.token(for: fixture.key(.environment)) == nil)
    }

    // MARK: - Logging

    @Test func debugOutputNeverHoldsTheToken() throws {
        let fixture = try Fixture()
        let fresh = fixture.expectEntra()
        _ = try fixture.get(fixture.provider(environmentOnly)).get()
        _ = try fixture.get(fixture.provider(environmentOnly)).get()
        #expect(!fixture.recorder.debugLines.isEmpty)
        #expect(!fixture.recorder.all.contains { $0.contains(String(fresh.prefix(12))) })
        #expect(!fixture.recorder.all.contains { $0.contains("s3cr3t") })
    }
}
