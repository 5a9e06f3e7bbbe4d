import Foundation
import Testing
@testable import PGEntraCommands
@testable import PGEntraIdentity
@testable import PGEntraSystem

@Suite struct ErrorReportTests {
    @Test func rendersPrimaryDetailsAndHintInPsqlShape() {
        let report = ErrorReport(
            "could not get a token", details: ["EnvironmentCredential: not configured", "AzureCliCredential: not found"],
            hint: "Run \"az login\".")
        #expect(report.rendered == """
            pgentra: error: could not get a token
            pgentra: detail: EnvironmentCredential: not configured
            pgentra: detail: AzureCliCredential: not found
            pgentra: hint: Run "az login".

            """)
    }

    @Test func aBareErrorIsOneLine() {
        #expect(ErrorReport("unrecognized option \"--bogus\"").rendered == "pgentra: error: unrecognized option \"--bogus\"\n")
    }

    @Test func everyRenderedLineCarriesTheProgramPrefix() {
        let report = ErrorReport("a", details: ["b", "c"], hint: "d")
        for line in report.rendered.split(separator: "\n") {
            #expect(line.hasPrefix("pgentra: "))
        }
    }

    @Test func consoleWarningsUseThePsqlShape() {
        let captured = Captured()
        captured.console.warning("extra command-line argument \"x\" ignored")
        #expect(captured.errorText == "pgentra: warning: extra command-line argument \"x\" ignored\n")
    }

    // MARK: - Chain failures (ChainError.report)

    private let bare = ChainError(attempts: [
        .init(kind: .environment, error: .unavailable("environment variables are not fully configured (missing AZURE_TENANT_ID)")),
        .init(kind: .managedIdentity, error: .unavailable("no response from the IMDS endpoint (could not connect: refused)")),
        .init(kind: .azureCLI, error: .unavailable("Azure CLI not found on path. Install it, or choose another credential with --credential")),
    ], stopped: false)

    @Test func noCredentialAvailableListsEachWithAHintToSignIn() {
        let report = bare.report(scope: Vector.scope, selection: .default)
        #expect(report.primary == "no credential could get an access token for \(Vector.scope)")
        #expect(report.details == [
            "EnvironmentCredential: environment variables are not fully configured (missing AZURE_TENANT_ID)",
            "ManagedIdentityCredential: no response from the IMDS endpoint (could not connect: refused)",
            "AzureCliCredential: Azure CLI not found on path. Install it, or choose another credential with --credential",
        ])
        #expect(report.hint?.contains("az login") == true)
        #expect(report.hint?.contains("--credential") == true)
        #expect(report.rendered.split(separator: "\n").count == 5)
    }

    @Test func aStoppedChainNamesTheCredentialThatFailed() {
        let error = ChainError(attempts: [
            .init(kind: .environment, error: .authenticationFailed("Authentication failed: AADSTS7000215: Invalid client secret provided.")),
        ], stopped: true)
        let report = error.report(scope: Vector.scope, selection: .default)
        #expect(report.primary == "EnvironmentCredential could not get an access token for \(Vector.scope)")
        #expect(report.details == ["EnvironmentCredential: Authentication failed: AADSTS7000215: Invalid client secret provided."])
        #expect(report.hint?.contains("AZURE_CLIENT_SECRET") == true)
    }

    @Test func aSingleCredentialGetsItsOwnHint() {
        let error = ChainError(attempts: [.init(kind: .azureCLI, error: .unavailable("Please run 'az login' to set up an account"))], stopped: false)
        let selection = CredentialSelection(members: [.azureCLI], name: "azure-cli")
        let report = error.report(scope: Vector.scope, selection: selection)
        #expect(report.hint == "Run \"az login\", or choose another credential with --credential.")
    }

    @Test func primaryLinesStartLowercaseLikePsqls() {
        let report = bare.report(scope: Vector.scope, selection: .default)
        #expect(report.primary.first?.isLowercase == true)
    }
}

/// A console that keeps what commands write.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    var console: Console {
        Console(
            output: { [self] text in lock.withLock { out += text } },
            error: { [self] text in lock.withLock { err += text } })
    }

    var outputText: String { lock.withLock { out } }
    var errorText: String { lock.withLock { err } }
}
