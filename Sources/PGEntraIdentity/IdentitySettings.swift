import PGEntraSystem

/// Everything the credential chain reads from the environment and the command line, gathered
/// once by Commands (credentials.md §2–§7). Credentials receive plain values, never the environment.
package struct IdentitySettings: Sendable {
    package var tenantID: String?
    var clientID: String?
    var clientSecret: String?
    var clientCertificatePath: String?
    /// `AZURE_CLIENT_CERTIFICATE_PASSWORD`, kept here because the tools' environment leaves it out.
    var clientCertificatePassword: String?
    var federatedTokenFile: String?
    /// `AZURE_AUTHORITY_HOST` as given; validated when a credential needs it.
    var authorityHost: String?
    package var managedIdentity: ManagedIdentitySettings
    /// `PATH` for finding `az` and `azd`.
    var searchPath: String
    /// The environment a CLI tool runs with: the user's, so `az` finds its profile, without the
    /// credential secrets pgentra read (issue 11: az and azd received AZURE_CLIENT_SECRET,
    /// IDENTITY_HEADER and MSI_SECRET).
    var toolEnvironment: [String: String]
    /// Seconds a CLI tool may run.
    var toolTimeout: Double

    init(
        tenantID: String? = nil, clientID: String? = nil, clientSecret: String? = nil,
        clientCertificatePath: String? = nil, clientCertificatePassword: String? = nil, federatedTokenFile: String? = nil,
        authorityHost: String? = nil, managedIdentity: ManagedIdentitySettings = ManagedIdentitySettings(),
        searchPath: String = "/usr/local/bin:/usr/bin:/bin", toolEnvironment: [String: String] = [:],
        toolTimeout: Double = 10
    ) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.clientCertificatePath = clientCertificatePath
        self.clientCertificatePassword = clientCertificatePassword
        self.federatedTokenFile = federatedTokenFile
        self.authorityHost = authorityHost
        self.managedIdentity = managedIdentity
        self.searchPath = searchPath
        self.toolEnvironment = toolEnvironment
        self.toolTimeout = toolTimeout
    }

    /// Reads the standard variables; `--tenant`/`--client-id` override theirs.
    package init(environment: Environment, tenant: String?, clientID: String?) {
        self.init(
            tenantID: tenant ?? environment["AZURE_TENANT_ID"],
            clientID: clientID ?? environment["AZURE_CLIENT_ID"],
            clientSecret: environment["AZURE_CLIENT_SECRET"],
            clientCertificatePath: environment["AZURE_CLIENT_CERTIFICATE_PATH"],
            clientCertificatePassword: environment["AZURE_CLIENT_CERTIFICATE_PASSWORD"],
            federatedTokenFile: environment["AZURE_FEDERATED_TOKEN_FILE"],
            authorityHost: environment["AZURE_AUTHORITY_HOST"],
            managedIdentity: ManagedIdentitySettings(environment: environment, clientID: clientID),
            searchPath: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            toolEnvironment: environment.variables.filter { !Environment.secretNames.contains($0.key) },
            toolTimeout: environment["PGENTRA_TOOL_TIMEOUT"].flatMap(Double.init) ?? 10)
    }
}

/// Where a managed identity's token comes from (credentials.md §4.1) and which identity to ask for.
package struct ManagedIdentitySettings: Sendable, Equatable {
    var identityEndpoint: String?
    var identityHeader: String?
    var identityServerThumbprint: String?
    var imdsEndpoint: String?
    var msiEndpoint: String?
    var msiSecret: String?
    /// `AZURE_POD_IDENTITY_AUTHORITY_HOST`: the IMDS base URL, which tests point at an emulator.
    var podIdentityAuthorityHost: String?
    var selector: ManagedIdentitySelector?

    init(
        identityEndpoint: String? = nil, identityHeader: String? = nil, identityServerThumbprint: String? = nil,
        imdsEndpoint: String? = nil, msiEndpoint: String? = nil, msiSecret: String? = nil,
        podIdentityAuthorityHost: String? = nil, selector: ManagedIdentitySelector? = nil
    ) {
        self.identityEndpoint = identityEndpoint
        self.identityHeader = identityHeader
        self.identityServerThumbprint = identityServerThumbprint
        self.imdsEndpoint = imdsEndpoint
        self.msiEndpoint = msiEndpoint
        self.msiSecret = msiSecret
        self.podIdentityAuthorityHost = podIdentityAuthorityHost
        self.selector = selector
    }

    /// The hosts of every managed-identity endpoint set, which no proxy may carry; an IPv6
    /// address without its brackets, as CURLOPT_NOPROXY takes it.
    package var endpointHosts: [String] {
        [identityEndpoint, imdsEndpoint, msiEndpoint, podIdentityAuthorityHost].compactMap { $0 }.compactMap { url in
            guard var host = Loopback.host(ofURL: url.contains("://") ? url : "http://" + url), !host.isEmpty else { return nil }
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            return host
        }
    }

    /// DAC passes `AZURE_CLIENT_ID` as the user-assigned identity's client id (credentials.md §4.1);
    /// `AZURE_CLIENT_OBJECT_ID` / `AZURE_CLIENT_RESOURCE_ID` select by object or resource id.
    init(environment: Environment, clientID: String?) {
        let selector: ManagedIdentitySelector?
        if let id = clientID ?? environment["AZURE_CLIENT_ID"] {
            selector = .clientID(id)
        } else if let id = environment["AZURE_CLIENT_OBJECT_ID"] {
            selector = .objectID(id)
        } else if let id = environment["AZURE_CLIENT_RESOURCE_ID"] {
            selector = .resourceID(id)
        } else {
            selector = nil
        }
        self.init(
            identityEndpoint: environment["IDENTITY_ENDPOINT"],
            identityHeader: environment["IDENTITY_HEADER"],
            identityServerThumbprint: environment["IDENTITY_SERVER_THUMBPRINT"],
            imdsEndpoint: environment["IMDS_ENDPOINT"],
            msiEndpoint: environment["MSI_ENDPOINT"],
            msiSecret: environment["MSI_SECRET"],
            podIdentityAuthorityHost: environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"],
            selector: selector)
    }
}

/// A user-assigned identity, named one of three ways; nil selects the system-assigned identity.
enum ManagedIdentitySelector: Sendable, Equatable {
    case clientID(String)
    case objectID(String)
    case resourceID(String)

    var value: String {
        switch self {
        case .clientID(let id), .objectID(let id), .resourceID(let id): id
        }
    }

    /// Its part of a token cache key: which kind of id, and the id.
    var keyText: String {
        switch self {
        case .clientID(let id): "client_id=\(id)"
        case .objectID(let id): "object_id=\(id)"
        case .resourceID(let id): "resource_id=\(id)"
        }
    }
}
