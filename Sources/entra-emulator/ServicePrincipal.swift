/// An app registration that may use the client-secret grant (`--client`) and/or present the
/// federated token (`--client`, `--workload-client`).
struct ServicePrincipal: Sendable {
    let clientID: String
    /// nil for a workload-only client, whose every secret is wrong.
    let secret: String?
    /// The PostgreSQL role its tokens unlock; SP tokens carry no name claim (credentials.md §10).
    let roleName: String
    let objectID: String

    init(clientID: String, secret: String?, roleName: String?) {
        self.clientID = clientID
        self.secret = secret
        self.roleName = roleName ?? "sp-" + clientID.prefix(8)
        self.objectID = StableIdentifier.uuid("sp:" + clientID.lowercased())
    }
}
