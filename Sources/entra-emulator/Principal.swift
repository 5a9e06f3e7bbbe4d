/// Whom a token is issued to; decides its claims (credentials.md §10) and its PostgreSQL role.
enum Principal: Sendable {
    case user(UserAccount)
    /// `federated`: signed in with the workload-identity assertion instead of a secret.
    case servicePrincipal(ServicePrincipal, federated: Bool)
    case managedIdentity(ManagedIdentity)

    /// The role whose password becomes the token: the UPN, the identity's name (last segment of
    /// `xms_mirid`), or the app's configured role.
    var roleName: String {
        switch self {
        case .user(let user): user.upn
        case .servicePrincipal(let principal, _): principal.roleName
        case .managedIdentity(let identity): identity.name
        }
    }

    var objectID: String {
        switch self {
        case .user(let user): user.objectID
        case .servicePrincipal(let principal, _): principal.objectID
        case .managedIdentity(let identity): identity.objectID
        }
    }

    /// Users get a pairwise `sub`; for apps and identities `sub` equals `oid`.
    var subject: String {
        switch self {
        case .user(let user): user.subject
        default: objectID
        }
    }
}

/// Which endpoint issued a token: the `endpoint` field of issued.jsonl.
enum IssuingEndpoint: String, Sendable {
    case imds
    case appService = "appservice"
    case appService2017 = "appservice2017"
    case cloudShell = "cloudshell"
    case clientSecret = "client_secret"
    case workload
    case deviceCode = "device_code"
    case azureCLI = "az"
    case azureDeveloperCLI = "azd"
}

/// A token issued wrongly on purpose, for the `expired`, `malformed-jwt` and `no-access-token` faults.
enum TokenTamper: Sendable {
    case expired
    case malformedJWT
    case omitted
}
