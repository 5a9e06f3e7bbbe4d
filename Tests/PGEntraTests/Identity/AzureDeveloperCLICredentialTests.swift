import TestSupport
import Testing
@testable import PGEntraIdentity

@Suite struct AzureDeveloperCLICredentialTests {
    static let vectorArguments = ["auth", "token", "--output", "json", "--no-prompt", "--scope", Vector.scope]
    static let vectorOutput = #"{"token":"eyJ.p.s","expiresOn":"2023-11-14T23:13:20Z"}"#

    final class Fixture {
        let directory = ScratchDirectory()
        let runner = ScriptedProcessRunner()

        init(installed: Bool = true) {
            if installed { directory.executable("azd") }
        }

        func credential(tenant: String? = nil) -> AzureDeveloperCLICredential {
            AzureDeveloperCLICredential(
                tool: DeveloperTool(
                    program: "azd", searchPath: directory.path, environment: ["HOME": "/nonexistent-home"],
                    timeout: 10, runner: runner, log: .silent),
                tenantID: tenant)
        }
    }

    private func outcome(_ credential: AzureDeveloperCLICredential, _ request: TokenRequest = TokenRequest(scope: Vector.scope))
        -> Result<AccessToken, CredentialError>
    {
        do throws(CredentialError) {
            return .success(try credential.token(for: request))
        } catch {
            return .failure(error)
        }
    }

    private func failure(_ result: Result<AccessToken, CredentialError>, sourceLocation: SourceLocation = #_sourceLocation) -> CredentialError? {
        guard case .failure(let error) = result else {
            Issue.record("expected a failure, got \(result)", sourceLocation: sourceLocation)
            return nil
        }
        return error
    }

    // MARK: - Vector 12

    @Test func runsAzdWithTheVectorArgumentsAndReadsAUTCExpiry() throws {
        let fixture = Fixture()
        fixture.runner.expect("/azd", Self.vectorArguments, environment: ["NO_COLOR": "true", "HOME": "/nonexistent-home"],
                              standardOutput: Self.vectorOutput)
        let token = try outcome(fixture.credential()).get()
        #expect(token.token == Vector.token)
        #expect(token.expiresOn == 1_700_003_600)
        fixture.runner.verifyAllUsed()
        #expect(fixture.runner.runs.first?.timeout == 10)
    }

    @Test func aTenantIsPassedWithTenantID() throws {
        let fixture = Fixture()
        fixture.runner.expect("/azd", Self.vectorArguments + ["--tenant-id", Vector.tenant], standardOutput: Self.vectorOutput)
        _ = try outcome(fixture.credential(tenant: Vector.tenant)).get()
        fixture.runner.verifyAllUsed()
    }

    @Test func anExpiryWithAnOffsetIsConverted() throws {
        let fixture = Fixture()
        fixture.runner.expect("/azd", Self.vectorArguments, standardOutput: #"{"token":"eyJ.p.s","expiresOn":"2023-11-15T00:13:20+01:00"}"#)
        #expect(try outcome(fixture.credential()).get().expiresOn == 1_700_003_600)
    }

    // MARK: - Failures

    @Test func notLoggedInAsksForAzdAuthLogin() {
        let fixture = Fixture()
        fixture.runner.expect("/azd", Self.vectorArguments, exitStatus: 1,
                              standardError: "ERROR: fetching token: not logged in, run `azd auth login` to login\n")
        #expect(failure(outcome(fixture.credential())) == .unavailable(AzureDeveloperCLICredential.loginHint))
    }

    @Test func newerAzdJSONErrorsAreRead() {
        let fixture = Fixture()
        fixture.runner.expect("/azd", Self.vectorArguments, exitStatus: 1,
                              standardError: #"{"type":"consoleMessage","timestamp":"2025-01-01T00:00:00Z","data":{"message":"\nERROR: not logged in, run `azd auth login` to login\n"}}"#)
        #expect(failure(outcome(fixture.credential())) == .unavailable(AzureDeveloperCLICredential.loginHint))

        let other = Fixture()
        other.runner.expect("/azd", Self.vectorArguments, exitStatus: 1, standardError: #"{"error":"AADSTS50076: MFA required"}"#)
        #expect(failure(outcome(other.credential()))?.message == "AADSTS50076: MFA required")
    }

    @Test func anAADSTSErrorIsPassedThrough() {
        let fixture = Fixture()
        fixture.runner.expect("/azd", Self.vectorArguments, exitStatus: 1,
                              standardError: "ERROR: AADSTS70043: The refresh token has expired. Run `azd auth login` to login\n")
        let error = failure(outcome(fixture.credential()))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.hasPrefix("AADSTS70043") == true)
    }

    @Test func azdNotOnPathIsUnavailable() {
        let fixture = Fixture(installed: false)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.hasPrefix("Azure Developer CLI could not be found.") == true)
        #expect(fixture.runner.runs.isEmpty)
    }

    @Test func aTimeoutIsUnavailable() {
        let fixture = Fixture()
        fixture.runner.expect("/azd", Self.vectorArguments, fail: .timedOut(seconds: 10))
        let error = failure(outcome(fixture.credential()))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("did not finish within 10 seconds") == true)
    }

    @Test func badJSONOutputNeverEchoesTheToken() {
        let fixture = Fixture()
        let token = TestJWT.realistic()
        fixture.runner.expect("/azd", Self.vectorArguments, standardOutput: #"{"token": "\#(token)", "expiresOn": 17"#)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.hasPrefix("Unexpected output from Azure Developer CLI") == true)
        #expect(error?.message.contains(String(token.prefix(12))) == false, "\(error?.message ?? "")")
    }

    @Test func aTokenInStderrIsMasked() {
        let fixture = Fixture()
        let token = TestJWT.realistic()
        fixture.runner.expect("/azd", Self.vectorArguments, exitStatus: 1, standardError: #"ERROR: odd state {"token": "\#(token)"}"#)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.contains(String(token.prefix(12))) == false, "\(error?.message ?? "")")
    }

    @Test func aScopeIsPassedVerbatimButValidated() {
        let fixture = Fixture()
        let error = failure(outcome(fixture.credential(), TokenRequest(scope: "https://x/.default openid")))
        #expect(error?.isUnavailable == true)
        #expect(fixture.runner.runs.isEmpty)
    }
}
