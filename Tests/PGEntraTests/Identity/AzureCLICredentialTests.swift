import Foundation
import TestSupport
import Testing
@testable import PGEntraIdentity

@Suite struct AzureCLICredentialTests {
    /// Hostile local times are refused before `tm_year = year - 1900` can overflow.
    @Test func anAbsurdLocalTimeIsUnreadable() {
        #expect(AzureCLICredential.epoch(fromLocalTime: "-2147483648-01-01 00:00:00.000000") == nil)
        #expect(AzureCLICredential.epoch(fromLocalTime: "2023-13-01 00:00:00.000000") == nil)
        #expect(AzureCLICredential.epoch(fromLocalTime: "2023-11-14 22:13:20.000000") != nil)
    }

    static let vectorArguments = ["account", "get-access-token", "--output", "json", "--resource", Vector.resource]
    static let vectorOutput = """
        {"accessToken":"eyJ.p.s","expiresOn":"2023-11-14 23:13:20.000000","expires_on":1700003600,"subscription":"sub","tenant":"\(Vector.tenant)","tokenType":"Bearer"}
        """

    /// A PATH holding a stub `az`, so the credential finds it; the scripted runner answers for it.
    final class Fixture {
        let directory = ScratchDirectory()
        let runner = ScriptedProcessRunner()

        init(installed: Bool = true) {
            if installed { directory.executable("az") }
        }

        func credential(tenant: String? = nil, environment: [String: String] = ["HOME": "/nonexistent-home"]) -> AzureCLICredential {
            AzureCLICredential(
                tool: DeveloperTool(
                    program: "az", searchPath: "/nonexistent-bin:" + directory.path, environment: environment,
                    timeout: 10, runner: runner, log: .silent),
                tenantID: tenant)
        }
    }

    private func outcome(_ credential: AzureCLICredential, _ request: TokenRequest = TokenRequest(scope: Vector.scope))
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

    // MARK: - Vector 11

    @Test func runsAzWithTheVectorArgumentsAndReadsTheEpochExpiry() throws {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, environment: ["AZURE_CORE_NO_COLOR": "true", "HOME": "/nonexistent-home"],
                              standardOutput: Self.vectorOutput)
        let token = try outcome(fixture.credential()).get()
        #expect(token.token == Vector.token)
        #expect(token.expiresOn == 1_700_003_600)
        fixture.runner.verifyAllUsed()
        let run = try #require(fixture.runner.runs.first)
        #expect(run.executable == fixture.directory.file("az"))
        #expect(run.workingDirectory == "/bin")
        #expect(run.timeout == 10)
    }

    @Test func aTenantIsPassedWithDashDashTenant() throws {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments + ["--tenant", Vector.tenant], standardOutput: Self.vectorOutput)
        _ = try outcome(fixture.credential(tenant: Vector.tenant)).get()
        fixture.runner.verifyAllUsed()
    }

    @Test func theRequestTenantWinsOverTheConfiguredOne() throws {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments + ["--tenant", "other.onmicrosoft.com"], standardOutput: Self.vectorOutput)
        _ = try outcome(fixture.credential(tenant: Vector.tenant), TokenRequest(scope: Vector.scope, tenant: "other.onmicrosoft.com")).get()
        fixture.runner.verifyAllUsed()
    }

    @Test func olderCLIsExpiresOnIsLocalTime() throws {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, standardOutput: """
            {"accessToken":"eyJ.p.s","expiresOn":"2023-11-14 23:13:20.000000","subscription":"s","tenant":"t","tokenType":"Bearer"}
            """)
        let token = try outcome(fixture.credential()).get()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let expected = try #require(formatter.date(from: "2023-11-14 23:13:20")).timeIntervalSince1970
        #expect(token.expiresOn == Int64(expected))
    }

    // MARK: - Failures (all unavailable inside the chain)

    @Test func notLoggedInAsksForAzLogin() {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, exitStatus: 1, standardError: "ERROR: Please run 'az login' to setup account.\n")
        let error = failure(outcome(fixture.credential()))
        #expect(error == .unavailable("Please run 'az login' to set up an account"))
    }

    @Test func aSelectedSubscriptionHintAlsoMeansNotLoggedIn() {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, exitStatus: 1,
                              standardError: "ERROR: No subscription found. Run 'az account set' to select a subscription.\n")
        #expect(failure(outcome(fixture.credential())) == .unavailable("Please run 'az login' to set up an account"))
    }

    @Test func anAADSTSErrorIsPassedThroughEvenWhenItMentionsAzLogin() {
        let fixture = Fixture()
        let stderr = "ERROR: AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2023-05-01.\nTo re-authenticate, please run:\naz login --scope https://ossrdbms-aad.database.windows.net/.default\n"
        fixture.runner.expect("/az", Self.vectorArguments, exitStatus: 1, standardError: stderr)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.hasPrefix("AADSTS700082: The refresh token has expired due to inactivity.") == true)
        #expect(error?.message.contains("\n") == false)
    }

    @Test func azNotOnPathIsUnavailableWithoutRunningAnything() {
        let fixture = Fixture(installed: false)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.hasPrefix("Azure CLI not found on path") == true)
        #expect(fixture.runner.runs.isEmpty)
    }

    @Test func aNonExecutableAzIsNotFound() {
        let fixture = Fixture(installed: false)
        fixture.directory.write("az", "#!/bin/sh\n", mode: 0o644)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.hasPrefix("Azure CLI not found on path") == true)
        #expect(fixture.runner.runs.isEmpty)
    }

    @Test(arguments: [
        (Int32(127), ""), (Int32(1), "/bin/sh: 1: az: not found"), (Int32(1), "bash: az: command not found"),
    ])
    func aShellReportingAzMissingIsNotFound(_ status: Int32, _ stderr: String) {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, exitStatus: status, standardError: stderr)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.hasPrefix("Azure CLI not found on path") == true)
    }

    @Test func aTimeoutIsUnavailable() {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, fail: .timedOut(seconds: 10))
        let error = failure(outcome(fixture.credential()))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.hasPrefix("Failed to invoke the Azure CLI") == true)
    }

    @Test func otherFailuresQuoteStderrWithoutColour() {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, exitStatus: 2, standardError: "\u{1B}[31mERROR: something broke\u{1B}[0m\n")
        #expect(failure(outcome(fixture.credential())) == .unavailable("something broke"))
    }

    @Test func aSilentFailureSaysAzFailed() {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, exitStatus: 3)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.contains("Failed to invoke Azure CLI") == true)
    }

    @Test func anAccessTokenInStderrIsMasked() {
        let fixture = Fixture()
        let token = TestJWT.realistic()
        fixture.runner.expect("/az", Self.vectorArguments, exitStatus: 1,
                              standardError: #"ERROR: failed to write {"accessToken": "\#(token)", "expiresOn": "x"}"#)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.contains(#""accessToken": "****""#) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(String(token.prefix(12))) == false)
    }

    @Test func badJSONOutputNeverEchoesTheToken() {
        let fixture = Fixture()
        let token = TestJWT.realistic()
        fixture.runner.expect("/az", Self.vectorArguments, standardOutput: #"{"accessToken": "\#(token)", "expiresOn": "2023-"#)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.hasPrefix("Unexpected output from Azure CLI") == true)
        #expect(error?.message.contains(String(token.prefix(12))) == false, "\(error?.message ?? "")")
    }

    @Test func aBareTokenOnStdoutIsNeverEchoed() {
        let fixture = Fixture()
        let token = TestJWT.realistic()
        fixture.runner.expect("/az", Self.vectorArguments, standardOutput: token + "\n")
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.hasPrefix("Unexpected output from Azure CLI") == true)
        #expect(error?.message.contains(String(token.prefix(12))) == false, "\(error?.message ?? "")")
    }

    @Test func missingExpiryIsUnexpectedOutput() {
        let fixture = Fixture()
        fixture.runner.expect("/az", Self.vectorArguments, standardOutput: #"{"accessToken":"eyJ.p.s"}"#)
        let error = failure(outcome(fixture.credential()))
        #expect(error?.message.hasPrefix("Unexpected output from Azure CLI") == true)
        #expect(error?.message.contains("eyJ.p.s") == false)
    }

    /// A directory named `az` earlier on PATH (a checkout called az, with "." on PATH) is not the
    /// program: the search goes on to the real executable, as a shell's would.
    @Test func aDirectoryNamedAzOnPathIsSkipped() throws {
        let fixture = Fixture(installed: false)
        let earlier = ScratchDirectory()
        try FileManager.default.createDirectory(atPath: earlier.file("az"), withIntermediateDirectories: false)
        fixture.directory.executable("az")
        let credential = AzureCLICredential(
            tool: DeveloperTool(
                program: "az", searchPath: earlier.path + ":" + fixture.directory.path, environment: [:],
                timeout: 10, runner: fixture.runner, log: .silent),
            tenantID: nil)
        fixture.runner.expect("/az", Self.vectorArguments, standardOutput: Self.vectorOutput)
        _ = outcome(credential)
        #expect(fixture.runner.runs.first?.executable == fixture.directory.file("az"))
    }

    // MARK: - Argument safety

    @Test(arguments: ["https://x y/.default", "https://x;rm -rf /", "https://x/$(id)", "https://x/\n"])
    func aScopeWithShellCharactersIsRefusedBeforeRunning(_ scope: String) {
        let fixture = Fixture()
        let error = failure(outcome(fixture.credential(), TokenRequest(scope: scope)))
        #expect(error?.isUnavailable == true)
        #expect(fixture.runner.runs.isEmpty)
    }

    @Test(arguments: ["t;id", "t t", "t/..", "t\\x"])
    func aTenantWithOtherCharactersIsRefused(_ tenant: String) {
        let fixture = Fixture()
        let error = failure(outcome(fixture.credential(tenant: tenant)))
        #expect(error != nil)
        #expect(fixture.runner.runs.isEmpty)
    }
}
