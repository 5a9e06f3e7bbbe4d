/// Which managed-identity endpoint this host offers, detected from the environment in the
/// Python SDK's order (credentials.md §4.1).
enum ManagedIdentitySource: Sendable, Equatable {
    case serviceFabric(endpoint: String, secret: String, thumbprint: String)
    case appService(endpoint: String, secret: String)
    case arc(endpoint: String)
    case appService2017(endpoint: String, secret: String)
    case cloudShell(endpoint: String)
    case imds(base: String)

    static let imdsDefaultBase = "http://169.254.169.254"

    static func detect(_ settings: ManagedIdentitySettings) -> ManagedIdentitySource {
        if let endpoint = settings.identityEndpoint, let header = settings.identityHeader {
            if let thumbprint = settings.identityServerThumbprint {
                return .serviceFabric(endpoint: endpoint, secret: header, thumbprint: thumbprint)
            }
            return .appService(endpoint: endpoint, secret: header)
        }
        if let endpoint = settings.identityEndpoint, settings.imdsEndpoint != nil {
            return .arc(endpoint: endpoint)
        }
        if let endpoint = settings.msiEndpoint {
            if let secret = settings.msiSecret { return .appService2017(endpoint: endpoint, secret: secret) }
            return .cloudShell(endpoint: endpoint)
        }
        var base = settings.podIdentityAuthorityHost ?? imdsDefaultBase
        while base.hasSuffix("/") { base.removeLast() }
        return .imds(base: base)
    }

    /// For `--debug` and messages: the host kind, never a secret.
    var name: String {
        switch self {
        case .serviceFabric: "Service Fabric"
        case .appService: "App Service"
        case .arc: "Azure Arc"
        case .appService2017: "App Service (2017 API)"
        case .cloudShell: "Cloud Shell"
        case .imds: "IMDS"
        }
    }
}
