@testable import PGEntraIdentity
#if canImport(Glibc)
import Glibc
#endif

extension FuzzTarget {
    /// Every credential's answer format, read by the credential itself (issue 11 item 3): the
    /// Entra token endpoint (client secret, workload identity, device code), each managed
    /// identity source, and the JSON that az and azd print. The first choice byte picks the
    /// credential, the second the HTTP status (or, for a CLI, its exit status); the rest is the
    /// answer (`FuzzedAnswer`). A token that comes back is decoded as pgentra decodes it for
    /// the role.
    static let tokenResponse = FuzzTarget(
        name: "token-response", summary: "every credential's token answer: Entra, managed identity, az, azd",
        seeds: TokenResponseVariant.allCases.indices.flatMap { variant in
            tokenResponseSeeds.map { FuzzInput.seed([UInt8(variant), 0], $0) }
        } + [
            // Arc's challenge (ManagedIdentityCredentialTests), and an App Service answer with
            // its date format.
            FuzzInput.seed([UInt8(TokenResponseVariant.arc.rawValue), 2],
                           "WWW-Authenticate: Basic realm=/var/opt/azcmagent/tokens/x.key\n\u{0}{}"),
            FuzzInput.seed([UInt8(TokenResponseVariant.appService.rawValue), 0],
                           #"{"access_token":"eyJ.p.s","expires_on":"11/14/2023 10:13:20 PM +00:00","resource":"R"}"#),
        ],
        prepare: { scratch in
            let bin = scratch + "/bin"
            mkdir(bin, 0o700)
            for program in ["az", "azd"] {
                close(open("\(bin)/\(program)", O_CREAT | O_WRONLY | O_CLOEXEC, 0o700))
            }
            let assertion = scratch + "/federated-token"
            let fd = open(assertion, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
            _ = write(fd, "assertion", 9)
            close(fd)
            return { bytes in
                var input = FuzzInput(bytes)
                let variant = input.pick(TokenResponseVariant.allCases)
                let status = input.pick([200, 400, 401, 403, 404, 410, 429, 500, 503])
                let answer = FuzzedAnswer(status: status, bytes: input.rest)
                let clock = SteppingClock()
                let factory = CredentialFactory(
                    settings: variant.settings(searchPath: bin, federatedTokenFile: assertion),
                    http: answer, runner: answer, clock: clock.clock, log: .silent)
                guard case .ready(let credential) = factory.member(variant.kind, inChain: false) else {
                    fatalError("the \(variant) fuzz settings no longer build a credential")
                }
                guard let token = try? credential.token(for: TokenRequest(scope: DatabaseScope.publicCloud)) else { return }
                precondition(AccessToken.plausibleTimes.contains(token.expiresOn), "an implausible expiry was accepted")
                if let jwt = try? JWT(decoding: token.token) { _ = RoleResolver().role(from: jwt.claims) }
            }
        })

    /// Answers from the credential unit tests, each tried with every credential.
    private static let tokenResponseSeeds = [
        #"{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ.p.s"}"#,
        #"{"access_token":"x","expires_in":86399,"refresh_in":"43199"}"#,
        #"{"token_type":"Bearer","access_token":"eyJ.p.s","expires_on":1700003600,"resource":"R"}"#,
        #"{"access_token":"eyJ.p.s","expires_in":"3599","token_type":"Bearer"}"#,
        #"{"accessToken":"eyJ.p.s","expiresOn":"2023-11-14 23:13:20.000000","expires_on":1700003600,"subscription":"s","tenant":"t","tokenType":"Bearer"}"#,
        #"{"token":"eyJ.p.s","expiresOn":"2023-11-15T00:13:20+01:00"}"#,
        #"{"device_code":"DC1","user_code":"U","expires_in":12,"interval":"5"}"#,
        #"{"error":"authorization_pending","error_description":"AADSTS70016: pending"}"#,
        #"{"error":"invalid_request","error_description":"AADSTS90002: Tenant not found."}"#,
        #"{"type":"consoleMessage","timestamp":"2025-01-01T00:00:00Z","data":{"message":"\nERROR: not logged in, run `azd auth login` to login\n"}}"#,
    ]
}

/// The credentials `FuzzTarget.tokenResponse` drives, each configured as its tests configure it.
enum TokenResponseVariant: Int, CaseIterable {
    case clientSecret, workloadIdentity, deviceCode
    case imds, appService, appService2017, cloudShell, serviceFabric, arc
    case azureCLI, azureDeveloperCLI

    var kind: CredentialKind {
        switch self {
        case .clientSecret: .environment
        case .workloadIdentity: .workloadIdentity
        case .deviceCode: .deviceCode
        case .imds, .appService, .appService2017, .cloudShell, .serviceFabric, .arc: .managedIdentity
        case .azureCLI: .azureCLI
        case .azureDeveloperCLI: .azureDeveloperCLI
        }
    }

    /// Settings that build this credential. No request leaves the process (`FuzzedAnswer`
    /// answers them all), so the endpoints are only names.
    func settings(searchPath: String, federatedTokenFile: String) -> IdentitySettings {
        let tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47", client = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"
        var settings = IdentitySettings(
            tenantID: tenant, authorityHost: "http://127.0.0.1:9", searchPath: searchPath, toolTimeout: 1)
        let endpoint = "http://127.0.0.1:9/msi/token"
        switch self {
        case .clientSecret:
            settings.clientID = client
            settings.clientSecret = "secret"
        case .workloadIdentity:
            settings.clientID = client
            settings.federatedTokenFile = federatedTokenFile
        case .deviceCode, .azureCLI, .azureDeveloperCLI:
            break
        case .imds:
            settings.managedIdentity = ManagedIdentitySettings(podIdentityAuthorityHost: "http://127.0.0.1:9")
        case .appService:
            settings.managedIdentity = ManagedIdentitySettings(identityEndpoint: endpoint, identityHeader: "h")
        case .appService2017:
            settings.managedIdentity = ManagedIdentitySettings(msiEndpoint: endpoint, msiSecret: "s")
        case .cloudShell:
            settings.managedIdentity = ManagedIdentitySettings(msiEndpoint: endpoint)
        case .serviceFabric:
            settings.managedIdentity = ManagedIdentitySettings(
                identityEndpoint: "https://127.0.0.1:9/msi", identityHeader: "h", identityServerThumbprint: "AB")
        case .arc:
            settings.managedIdentity = ManagedIdentitySettings(identityEndpoint: endpoint, imdsEndpoint: "http://127.0.0.1:9")
        }
        return settings
    }
}
