/// The credentials pgentra can use, with the names users and the Azure SDKs give them.
package enum CredentialKind: String, CaseIterable, Sendable, Codable {
    case environment
    case workloadIdentity = "workload-identity"
    case managedIdentity = "managed-identity"
    case azureCLI = "azure-cli"
    case azureDeveloperCLI = "azd"
    case deviceCode = "device-code"

    /// The Azure SDK class name, used in chain messages and accepted by AZURE_TOKEN_CREDENTIALS.
    package var className: String {
        switch self {
        case .environment: "EnvironmentCredential"
        case .workloadIdentity: "WorkloadIdentityCredential"
        case .managedIdentity: "ManagedIdentityCredential"
        case .azureCLI: "AzureCliCredential"
        case .azureDeveloperCLI: "AzureDeveloperCliCredential"
        case .deviceCode: "DeviceCodeCredential"
        }
    }

    /// The chain's order (credentials.md §8.1); device code is only used when asked for.
    static let defaultChain: [CredentialKind] = [
        .environment, .workloadIdentity, .managedIdentity, .azureCLI, .azureDeveloperCLI,
    ]
    static let developerChain: [CredentialKind] = [.azureCLI, .azureDeveloperCLI]
    static let productionChain: [CredentialKind] = [.environment, .workloadIdentity, .managedIdentity]
}
