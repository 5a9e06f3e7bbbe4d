import Foundation
import TestSupport
import Testing

/// When no credential works, or one works badly, pgentra says which and why, exits 1, and never hangs.
@Suite struct ChainFailureTests {
    @Test func nothingConfiguredListsEveryCredentialQuickly() throws {
        let environment = TestEnvironment()
        let result = environment.pgentra(["token"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        for name in ["EnvironmentCredential", "WorkloadIdentityCredential", "ManagedIdentityCredential",
                     "AzureCliCredential", "AzureDeveloperCliCredential"] {
            #expect(result.stderr.contains("pgentra: detail: \(name): "), "missing \(name) in \(result.stderr)")
        }
        #expect(result.stderr.hasPrefix("pgentra: error: "))
        #expect(result.stderr.contains("pgentra: hint: "))
        #expect(result.seconds < 5)
    }

    @Test func anIMDSThatNeverAnswersIsGivenUpAfterTheOneSecondProbe() throws {
        let emulator = try Fixtures.emulator(["--fault", "/metadata:hang"])
        let environment = TestEnvironment(emulator: emulator)
        let result = environment.pgentra(["whoami"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("ManagedIdentityCredential: no response from the IMDS endpoint"))
        #expect(result.seconds < 5, "took \(result.seconds) s")
    }

    @Test(arguments: [
        ("malformed-jwt", "malformed token"),
        ("html", "not JSON"),
        ("no-access-token", "no access_token"),
        ("expired", "expired"),
        ("malformed-json", "not JSON"),
        ("400-aadsts", "Authentication failed: AADSTS50001"),
    ])
    func aBadTokenAnswerIsAClearError(fault: String, message: String) throws {
        let emulator = try Fixtures.emulator(["--fault", "/\(Fixtures.tenant)/oauth2:\(fault)"])
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret
        let result = environment.pgentra(["token", "--credential", "environment"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("EnvironmentCredential"))
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("pgentra: ") })
    }

    @Test func aWrongSecretShowsTheAADSTSCodeAndStopsTheChain() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment.installFakeCLIs(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_CLIENT_SECRET"] = "wrong-secret-value"
        let result = environment.pgentra(["token"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("AADSTS7000215"))
        #expect(!result.stderr.contains("wrong-secret-value"))
        // The chain stopped: az, which would have worked, was never run.
        #expect(environment.recordedArguments("az") == nil)
        #expect(!result.stderr.contains("AzureCliCredential"))
    }

    @Test func anEndpointThatNeverAnswersTimesOut() throws {
        let emulator = try Fixtures.emulator(["--fault", "/\(Fixtures.tenant)/oauth2:hang"])
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret
        environment["PGENTRA_HTTP_TIMEOUT"] = "2"
        let result = environment.pgentra(["token"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("timed out"), "stderr: \(result.stderr)")
        #expect(result.seconds < 10)
    }

    @Test func imdsRetriesA500AndHonoursRetryAfterOn429() throws {
        let emulator = try Fixtures.emulator(["--fault", "/metadata:500:1", "--fault", "/metadata:429:1"])
        let environment = TestEnvironment(emulator: emulator)
        let result = environment.pgentra(["token", "--credential", "managed-identity"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let tokenRequests = emulator.requests().filter { ($0["path"] as? String)?.hasPrefix("/metadata") == true }
        #expect(tokenRequests.count == 3)
    }

    @Test func anUnknownIdentityIsReportedWithIMDSsWords() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = "99999999-9999-9999-9999-999999999999"
        let result = environment.pgentra(["token", "--credential", "managed-identity"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Identity not found"))
    }

    @Test func azureCLIMissingNotLoggedInAndHangingAreDistinct() throws {
        let environment = TestEnvironment()
        let missing = environment.pgentra(["token", "--credential", "azure-cli"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Azure CLI not found on path"))

        environment.installTool("az", script: "#!/bin/sh\necho \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n")
        let loggedOut = environment.pgentra(["token", "--credential", "azure-cli"])
        #expect(loggedOut.status == 1)
        #expect(loggedOut.stderr.contains("Please run 'az login' to set up an account"))
        #expect(loggedOut.stderr.contains("hint: Run \"az login\""))

        environment.installTool("az", script: "#!/bin/sh\nsleep 30\n")
        environment["PGENTRA_TOOL_TIMEOUT"] = "1"
        let hanging = environment.pgentra(["token", "--credential", "azure-cli"])
        #expect(hanging.status == 1)
        #expect(hanging.stderr.contains("did not finish within 1 seconds"))
        #expect(hanging.seconds < 5)
    }

    @Test func anUnknownCredentialNameIsABadOption() {
        let environment = TestEnvironment()
        let result = environment.pgentra(["token", "--credential", "bogus"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("invalid value \"bogus\" for --credential"))
        environment["AZURE_TOKEN_CREDENTIALS"] = "nonsense"
        let fromEnvironment = environment.pgentra(["whoami"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("AZURE_TOKEN_CREDENTIALS"))
    }

    @Test func anUnreadableFederatedTokenFileIsNamed() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_FEDERATED_TOKEN_FILE"] = environment.home.file("no-such-file")
        let result = environment.pgentra(["token"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("could not read the federated token file"))
        #expect(result.stderr.contains("no-such-file"))
    }

    @Test func tokenCredentialsProdSkipsTheDeveloperTools() throws {
        let environment = TestEnvironment()
        environment["AZURE_TOKEN_CREDENTIALS"] = "prod"
        let result = environment.pgentra(["token"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("ManagedIdentityCredential"))
        #expect(!result.stderr.contains("AzureCliCredential"))
    }
}
