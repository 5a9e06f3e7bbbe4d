import TestSupport
import Testing
@testable import PGEntraIdentity
@testable import PGEntraSystem

@Suite struct CredentialSelectionTests {
    private func resolve(_ option: String? = nil, _ variables: [String: String] = [:]) throws(CredentialSelection.Invalid) -> CredentialSelection {
        try CredentialSelection.resolve(option: option, environment: Environment(variables))
    }

    // MARK: - AZURE_TOKEN_CREDENTIALS (§8.2)

    @Test func unsetOrEmptyMeansTheDefaultChain() throws {
        #expect(try resolve() == .default)
        #expect(try resolve(nil, ["AZURE_TOKEN_CREDENTIALS": ""]) == .default)
        #expect(try resolve(nil, ["AZURE_TOKEN_CREDENTIALS": "  "]) == .default)
        #expect(CredentialSelection.default.members == [.environment, .workloadIdentity, .managedIdentity, .azureCLI, .azureDeveloperCLI])
        #expect(!CredentialSelection.default.isSingle)
    }

    @Test func devSelectsTheDeveloperTools() throws {
        let selection = try resolve(nil, ["AZURE_TOKEN_CREDENTIALS": "dev"])
        #expect(selection.members == [.azureCLI, .azureDeveloperCLI])
        #expect(selection.name == "dev")
    }

    @Test func prodSelectsTheFirstThree() throws {
        let selection = try resolve(nil, ["AZURE_TOKEN_CREDENTIALS": " Prod "])
        #expect(selection.members == [.environment, .workloadIdentity, .managedIdentity])
        #expect(selection.name == "prod")
    }

    /// A class name selects the credential under pgentra's own name for it.
    @Test(arguments: [
        ("AzureCliCredential", CredentialKind.azureCLI, "azure-cli"), ("azureclicredential", .azureCLI, "azure-cli"),
        ("AZURECLICREDENTIAL", .azureCLI, "azure-cli"), ("AzureDeveloperCliCredential", .azureDeveloperCLI, "azd"),
        ("EnvironmentCredential", .environment, "environment"), ("ManagedIdentityCredential", .managedIdentity, "managed-identity"),
        ("managedidentitycredential", .managedIdentity, "managed-identity"),
        ("WorkloadIdentityCredential", .workloadIdentity, "workload-identity"), ("DeviceCodeCredential", .deviceCode, "device-code"),
    ])
    func classNamesInAnyCaseSelectOneCredential(_ value: String, _ kind: CredentialKind, _ name: String) throws {
        let selection = try resolve(nil, ["AZURE_TOKEN_CREDENTIALS": value])
        #expect(selection.members == [kind])
        #expect(selection.isSingle)
        #expect(selection.name == name)
    }

    /// The names `--credential` takes for one credential, as cli.md and --help spell them.
    static let pgentraNames: [(String, CredentialKind)] = [
        ("environment", .environment), ("workload-identity", .workloadIdentity), ("managed-identity", .managedIdentity),
        ("azure-cli", .azureCLI), ("azd", .azureDeveloperCLI), ("device-code", .deviceCode),
    ]

    @Test(arguments: pgentraNames)
    func pgentraNamesSelectOneCredential(_ name: String, _ kind: CredentialKind) throws {
        #expect(try resolve(name).members == [kind])
        #expect(try resolve(name).name == name)
        #expect(try resolve(name.uppercased()).members == [kind])
    }

    @Test func everyCredentialHasOneOfTheseNames() {
        #expect(Set(Self.pgentraNames.map(\.1)) == Set(CredentialKind.allCases))
        #expect(CredentialSelection.names == ["default", "dev", "prod"] + Self.pgentraNames.map(\.0))
    }

    @Test func aBogusValueFailsNamingTheValueTheVariableAndTheChoices() {
        do throws(CredentialSelection.Invalid) {
            _ = try resolve(nil, ["AZURE_TOKEN_CREDENTIALS": "bogus"])
            Issue.record("accepted bogus")
        } catch {
            #expect(error.value == "bogus")
            #expect(error.source == "AZURE_TOKEN_CREDENTIALS")
            let text = error.description
            #expect(text.contains("\"bogus\""))
            #expect(text.contains("AZURE_TOKEN_CREDENTIALS"))
            for name in ["dev", "prod", "azure-cli", "managed-identity", "AzureCliCredential"] {
                #expect(text.contains(name), "missing \(name) in: \(text)")
            }
        }
    }

    @Test func aBogusOptionNamesTheOption() {
        #expect(throws: CredentialSelection.Invalid(value: "az", source: "--credential")) { try resolve("az") }
        #expect(throws: CredentialSelection.Invalid(value: "nope", source: "PGENTRA_CREDENTIAL")) {
            try resolve(nil, ["PGENTRA_CREDENTIAL": "nope"])
        }
    }

    // MARK: - Precedence

    @Test func pgentraCredentialWinsOverAzureTokenCredentials() throws {
        let selection = try resolve(nil, ["PGENTRA_CREDENTIAL": "azd", "AZURE_TOKEN_CREDENTIALS": "prod"])
        #expect(selection.members == [.azureDeveloperCLI])
        // Even an invalid AZURE_TOKEN_CREDENTIALS is never looked at then.
        #expect(try resolve(nil, ["PGENTRA_CREDENTIAL": "dev", "AZURE_TOKEN_CREDENTIALS": "bogus"]).name == "dev")
    }

    @Test func theOptionWinsOverBothVariables() throws {
        let selection = try resolve("azure-cli", ["PGENTRA_CREDENTIAL": "azd", "AZURE_TOKEN_CREDENTIALS": "prod"])
        #expect(selection.members == [.azureCLI])
        #expect(try resolve("default", ["PGENTRA_CREDENTIAL": "bogus"]) == .default)
    }

    @Test func anEmptyPgentraCredentialFallsThroughToTheAzureVariable() throws {
        #expect(try resolve(nil, ["PGENTRA_CREDENTIAL": "", "AZURE_TOKEN_CREDENTIALS": "prod"]).name == "prod")
    }

    // MARK: - Effect on the chain

    @Test func aSingleManagedIdentitySkipsTheIMDSProbe() {
        let factory = CredentialFactory(
            settings: IdentitySettings(), http: ScriptedHTTPClient(), runner: ScriptedProcessRunner(),
            clock: .system, log: .silent)
        for (selection, probes) in [(CredentialSelection.default, true), (try! resolve("ManagedIdentityCredential"), false),
                                    (try! resolve("prod"), true)] {
            let chain = factory.chain(selection)
            let member = chain.members.first { $0.kind == .managedIdentity }
            guard case .ready(let credential)? = member, let managed = credential as? ManagedIdentityCredential else {
                Issue.record("no managed identity member in \(selection.name)")
                continue
            }
            #expect(managed.probeIMDS == probes, "\(selection.name)")
        }
    }

    @Test func theChainOrderFollowsTheSelection() {
        let factory = CredentialFactory(
            settings: IdentitySettings(), http: ScriptedHTTPClient(), runner: ScriptedProcessRunner(),
            clock: .system, log: .silent)
        #expect(factory.chain(.default).members.map(\.kind) == [.environment, .workloadIdentity, .managedIdentity, .azureCLI, .azureDeveloperCLI])
        #expect(factory.chain(try! resolve("dev")).members.map(\.kind) == [.azureCLI, .azureDeveloperCLI])
    }
}
