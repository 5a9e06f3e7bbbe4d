import Foundation
import TestSupport
import Testing
@testable import PGEntraIdentity
@testable import PGEntraSystem

/// A credential with a fixed answer that counts its calls.
final class StubCredential: TokenCredential, @unchecked Sendable {
    let kind: CredentialKind
    private let answer: Result<AccessToken, CredentialError>
    private let lock = NSLock()
    private var count = 0

    init(_ kind: CredentialKind, _ answer: Result<AccessToken, CredentialError>) {
        self.kind = kind
        self.answer = answer
    }

    static func token(_ kind: CredentialKind, expiresOn: Int64 = Vector.now + 3600) -> StubCredential {
        StubCredential(kind, .success(AccessToken(token: TestJWT.realistic(expiresAt: expiresOn), expiresOn: expiresOn)))
    }

    var calls: Int { lock.withLock { count } }

    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken {
        lock.withLock { count += 1 }
        return try answer.get()
    }
}

@Suite struct CredentialChainTests {
    private let clock = TestClock()

    private func chain(_ members: [CredentialChain.Member]) -> CredentialChain {
        CredentialChain(members: members, clock: clock.clock, log: .silent)
    }

    private func run(_ chain: CredentialChain) -> Result<(AccessToken, CredentialKind), ChainError> {
        do throws(ChainError) {
            return .success(try chain.token(for: TokenRequest(scope: Vector.scope)))
        } catch {
            return .failure(error)
        }
    }

    private func chainError(_ result: Result<(AccessToken, CredentialKind), ChainError>, sourceLocation: SourceLocation = #_sourceLocation) -> ChainError? {
        guard case .failure(let error) = result else {
            Issue.record("expected the chain to fail", sourceLocation: sourceLocation)
            return nil
        }
        return error
    }

    // MARK: - Composition (§8.3)

    @Test func unavailableMembersAreSkippedAndTheFirstTokenWins() throws {
        let environment = StubCredential(.environment, .failure(.unavailable("not configured")))
        let cli = StubCredential.token(.azureCLI)
        let azd = StubCredential.token(.azureDeveloperCLI)
        let (token, kind) = try run(chain([.ready(environment), .ready(cli), .ready(azd)])).get()
        #expect(kind == .azureCLI)
        #expect(token.expiresOn == Vector.now + 3600)
        #expect(environment.calls == 1)
        #expect(cli.calls == 1)
        #expect(azd.calls == 0)
    }

    @Test func anAuthenticationFailureStopsTheChain() {
        let environment = StubCredential(.environment, .failure(.authenticationFailed("Authentication failed: AADSTS7000215: Invalid client secret provided.")))
        let cli = StubCredential.token(.azureCLI)
        let error = chainError(run(chain([.ready(environment), .ready(cli)])))
        #expect(cli.calls == 0)
        #expect(error?.stopped == true)
        #expect(error?.attempts == [ChainError.Attempt(kind: .environment, error: .authenticationFailed("Authentication failed: AADSTS7000215: Invalid client secret provided."))])
    }

    @Test func anUnbuildableMemberIsReportedAsUnavailableAndSkipped() throws {
        let cli = StubCredential.token(.azureCLI)
        let result = run(chain([.unbuildable(.environment, .unavailable("AZURE_AUTHORITY_HOST: bad")), .ready(cli)]))
        #expect(try result.get().1 == .azureCLI)
    }

    @Test func everyAttemptIsReportedInOrderWhenNoneIsAvailable() {
        let members: [CredentialChain.Member] = [
            .ready(StubCredential(.environment, .failure(.unavailable("e")))),
            .ready(StubCredential(.workloadIdentity, .failure(.unavailable("w")))),
            .ready(StubCredential(.managedIdentity, .failure(.unavailable("m")))),
        ]
        let error = chainError(run(chain(members)))
        #expect(error?.stopped == false)
        #expect(error?.attempts.map(\.kind) == [.environment, .workloadIdentity, .managedIdentity])
        #expect(error?.description == "could not get an access token\nEnvironmentCredential: e\nWorkloadIdentityCredential: w\nManagedIdentityCredential: m")
    }

    @Test func skippedMembersAreNotTriedAndEarlierAttemptsAreKept() {
        let cli = StubCredential(.azureCLI, .failure(.unavailable("again")))
        let earlier = [ChainError.Attempt(kind: .azureCLI, error: .unavailable("first"))]
        do throws(ChainError) {
            _ = try chain([.ready(cli)]).token(for: TokenRequest(scope: Vector.scope), skipping: [.azureCLI], earlier: earlier)
            Issue.record("expected a failure")
        } catch {
            #expect(error.attempts == earlier)
        }
        #expect(cli.calls == 0)
    }

    // MARK: - Validation of what members return

    @Test func aMalformedTokenStopsTheChainWithAClearMessage() {
        let secretish = "opaque-token-value-1234567890"
        let cli = StubCredential(.azureCLI, .success(AccessToken(token: secretish, expiresOn: Vector.now + 3600)))
        let azd = StubCredential.token(.azureDeveloperCLI)
        let error = chainError(run(chain([.ready(cli), .ready(azd)])))
        #expect(azd.calls == 0)
        #expect(error?.stopped == true)
        let message = error?.attempts.last?.error.message ?? ""
        #expect(message.contains("malformed token"))
        #expect(!message.contains(secretish))
        #expect(error?.description.contains(secretish) == false)
    }

    @Test func theVectorsPlaceholderTokenIsMalformedToo() {
        let cli = StubCredential(.azureCLI, .success(AccessToken(token: Vector.token, expiresOn: Vector.now + 3600)))
        let error = chainError(run(chain([.ready(cli)])))
        #expect(error?.attempts.last?.error.isUnavailable == false)
    }

    @Test func anExpiredTokenStopsTheChainPointingAtTheClock() {
        let cli = StubCredential.token(.azureCLI, expiresOn: Vector.now - 120)
        let azd = StubCredential.token(.azureDeveloperCLI)
        let error = chainError(run(chain([.ready(cli), .ready(azd)])))
        #expect(azd.calls == 0)
        #expect(error?.stopped == true)
        let message = error?.attempts.last?.error.message ?? ""
        #expect(message.contains("expired 120 seconds ago"))
        #expect(message.contains("clock"))
    }

    // MARK: - Vector 14, through the factory

    /// Nothing configured, no IMDS listener, no tools on PATH.
    final class BareMachine {
        let path = ScratchDirectory()
        let http = ScriptedHTTPClient()
        let runner = ScriptedProcessRunner()
        let clock = TestClock()

        var settings: IdentitySettings {
            IdentitySettings(
                managedIdentity: ManagedIdentitySettings(podIdentityAuthorityHost: "http://127.0.0.1:9"),
                searchPath: path.path, toolEnvironment: [:])
        }

        func expectProbeRefused() {
            http.expect(.get, "http://127.0.0.1:9/metadata/identity/oauth2/token", absentHeaders: ["Metadata"],
                        fail: .couldNotConnect("Failed to connect to 127.0.0.1 port 9: Connection refused"))
        }

        func run(_ selection: CredentialSelection) -> ChainError? {
            let factory = CredentialFactory(settings: settings, http: http, runner: runner, clock: clock.clock, log: .silent)
            do throws(ChainError) {
                _ = try factory.chain(selection).token(for: TokenRequest(scope: Vector.scope))
                Issue.record("expected the chain to fail")
                return nil
            } catch {
                return error
            }
        }
    }

    @Test func aBareMachineReportsEveryCredentialInOrder() {
        let machine = BareMachine()
        machine.expectProbeRefused()
        let error = machine.run(.default)
        #expect(error?.stopped == false)
        #expect(error?.attempts.map(\.kind) == [.environment, .workloadIdentity, .managedIdentity, .azureCLI, .azureDeveloperCLI])
        #expect(error?.attempts.allSatisfy(\.error.isUnavailable) == true)
        let messages = error?.attempts.map(\.error.message) ?? []
        #expect(messages.count == 5)
        if messages.count == 5 {
            #expect(messages[0].contains("not fully configured"))
            #expect(messages[1].contains("not fully configured"))
            #expect(messages[2].contains("no response from the IMDS endpoint"))
            #expect(messages[3].hasPrefix("Azure CLI not found on path"))
            #expect(messages[4].hasPrefix("Azure Developer CLI could not be found"))
        }
        let lines = error?.description.split(separator: "\n").map(String.init) ?? []
        #expect(lines.dropFirst().map { $0.prefix { $0 != ":" } } == [
            "EnvironmentCredential", "WorkloadIdentityCredential", "ManagedIdentityCredential", "AzureCliCredential",
            "AzureDeveloperCliCredential",
        ])
        #expect(machine.clock.sleeps.isEmpty, "the probe must not be retried")
        machine.http.verifyAllUsed()
    }

    @Test func prodTriesOnlyTheFirstThree() throws {
        let machine = BareMachine()
        machine.expectProbeRefused()
        let error = machine.run(try CredentialSelection.resolve(option: nil, environment: Environment(["AZURE_TOKEN_CREDENTIALS": "prod"])))
        #expect(error?.attempts.map(\.kind) == [.environment, .workloadIdentity, .managedIdentity])
        machine.http.verifyAllUsed()
    }

    @Test func aSingleClassNameTriesOnlyThatCredential() throws {
        let machine = BareMachine()
        let error = machine.run(try CredentialSelection.resolve(
            option: nil, environment: Environment(["AZURE_TOKEN_CREDENTIALS": "AzureCliCredential"])))
        #expect(error?.attempts.map(\.kind) == [.azureCLI])
        #expect(machine.http.requests.isEmpty)
    }

    @Test func aRejectedServicePrincipalStopsBeforeManagedIdentity() {
        let machine = BareMachine()
        machine.http.expect(.post, Vector.tokenURL, respond: .json(401, #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"#))
        var settings = machine.settings
        settings.tenantID = Vector.tenant
        settings.clientID = Vector.client
        settings.clientSecret = "s3cr3t"
        let factory = CredentialFactory(settings: settings, http: machine.http, runner: machine.runner, clock: machine.clock.clock, log: .silent)
        do throws(ChainError) {
            _ = try factory.chain(.default).token(for: TokenRequest(scope: Vector.scope))
            Issue.record("expected a failure")
        } catch {
            #expect(error.stopped)
            #expect(error.attempts.map(\.kind) == [.environment])
            #expect(error.description.contains("AADSTS7000215"))
            #expect(!error.description.contains("s3cr3t"))
        }
        machine.http.verifyAllUsed()
    }

    @Test func anInvalidAuthorityMakesEntraCredentialsUnavailable() {
        let machine = BareMachine()
        var settings = machine.settings
        settings.tenantID = Vector.tenant
        settings.clientID = Vector.client
        settings.clientSecret = "s3cr3t"
        settings.authorityHost = "http://login.example.com"
        let factory = CredentialFactory(settings: settings, http: machine.http, runner: machine.runner, clock: machine.clock.clock, log: .silent)
        guard case .unbuildable(_, let error) = factory.member(.environment, inChain: true) else {
            Issue.record("expected an unbuildable member")
            return
        }
        #expect(error.isUnavailable)
        #expect(error.message.contains("AZURE_AUTHORITY_HOST"))
        #expect(error.message.contains("https"))
    }
}
