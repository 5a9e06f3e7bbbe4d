/// A managed identity: user-assigned (`--managed-identity`) or the host's system-assigned one
/// (`--system-identity`, a VM of that name).
struct ManagedIdentity: Sendable {
    enum Kind: Sendable {
        case userAssigned
        case systemAssigned
    }

    let name: String
    let clientID: String
    let objectID: String
    let kind: Kind
    /// The `xms_mirid` claim; its last segment is the role name (credentials.md §10).
    let resourceID: String

    static func userAssigned(name: String, clientID: String, objectID: String?) -> ManagedIdentity {
        ManagedIdentity(
            name: name, clientID: clientID,
            objectID: objectID ?? StableIdentifier.uuid("mi:" + name.lowercased()), kind: .userAssigned,
            resourceID: Directory.resourceGroupPath + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name)
    }

    static func systemAssigned(virtualMachine name: String) -> ManagedIdentity {
        ManagedIdentity(
            name: name, clientID: StableIdentifier.uuid("system-mi-client:" + name.lowercased()),
            objectID: StableIdentifier.uuid("system-mi:" + name.lowercased()), kind: .systemAssigned,
            resourceID: Directory.resourceGroupPath + "/providers/Microsoft.Compute/virtualMachines/" + name)
    }
}
