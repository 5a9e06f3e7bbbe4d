/// Everyone who exists in the emulated tenant, all taken from the command line: the signed-in
/// user, the app registrations and the managed identities of the pretend host.
struct Directory: Sendable {
    static let subscriptionID = "00000000-0000-0000-0000-00000000000s"
    static let resourceGroupPath = "/subscriptions/\(subscriptionID)/resourcegroups/rg"
    /// The Azure CLI's client id, which Entra puts in `appid` of every developer-sign-in token.
    static let developerClientID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"

    let tenant: String
    let user: UserAccount
    let servicePrincipals: [ServicePrincipal]
    /// Apps allowed to present the federated token: every `--client` plus every `--workload-client`.
    let federatedClientIDs: Set<String>
    let federatedToken: String?
    let userAssignedIdentities: [ManagedIdentity]
    let systemIdentity: ManagedIdentity?

    func servicePrincipal(clientID: String) -> ServicePrincipal? {
        servicePrincipals.first { $0.clientID.lowercased() == clientID.lowercased() }
    }

    func acceptsFederatedToken(for clientID: String) -> Bool {
        federatedClientIDs.contains(clientID.lowercased())
    }

    /// The identity a managed-identity request selects, or nil for Entra's "Identity not found".
    func managedIdentity(_ selector: IdentitySelector) -> ManagedIdentity? {
        let all = userAssignedIdentities + (systemIdentity.map { [$0] } ?? [])
        switch selector {
        case .systemAssigned: return systemIdentity
        case .clientID(let id): return all.first { $0.clientID.lowercased() == id.lowercased() }
        case .objectID(let id): return all.first { $0.objectID.lowercased() == id.lowercased() }
        case .resourceID(let id): return all.first { $0.resourceID.lowercased() == id.lowercased() }
        }
    }
}

/// How a managed-identity request names its identity (at most one selector, credentials.md §4.1).
enum IdentitySelector: Sendable {
    case systemAssigned
    case clientID(String)
    case objectID(String)
    case resourceID(String)
}
