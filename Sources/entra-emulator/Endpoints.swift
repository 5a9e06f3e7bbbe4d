import Foundation

/// One request on its way to an endpoint, with the moment it is answered and any token fault.
struct RequestContext: Sendable {
    let request: HTTPRequest
    let now: Int
    let tamper: TokenTamper?
}

/// The emulator's routes (http and https serve the same ones). The endpoint families live in
/// extensions: Entra (`+Entra`), managed identity (`+ManagedIdentity`), developer tools
/// (`+DeveloperTools`) and the emulator's own control routes (`+Control`).
final class Endpoints: Sendable {
    /// The per-endpoint knobs from the command line (token lifetime lives in TokenFactory).
    struct Settings: Sendable {
        let deviceInterval: Int
        let identityHeader: String?
        let msiSecret: String?
    }

    let directory: Directory
    let settings: Settings
    let tokens: TokenFactory
    let signer: JWTSigner
    let deviceCodes: DeviceCodeStore
    let faults: FaultInjector

    init(directory: Directory, settings: Settings, tokens: TokenFactory, signer: JWTSigner,
         deviceCodes: DeviceCodeStore, faults: FaultInjector)
    {
        self.directory = directory
        self.settings = settings
        self.tokens = tokens
        self.signer = signer
        self.deviceCodes = deviceCodes
        self.faults = faults
    }

    func dispatch(_ context: RequestContext) -> HTTPResponse {
        let request = context.request
        switch (request.method, request.path) {
        case ("GET", "/_emulator/health"): return health()
        case ("POST", "/_emulator/faults"): return replaceFaults(context)
        case ("DELETE", "/_emulator/faults"): return clearFaults()
        case ("GET", "/_emulator/cli/az"): return azureCLIToken(context)
        case ("GET", "/_emulator/cli/azd"): return azureDeveloperCLIToken(context)
        case ("GET", "/metadata/identity/oauth2/token"): return imdsToken(context)
        case ("GET", "/msi/token"): return appServiceToken(context)
        case ("GET", "/msi2017/token"): return appService2017Token(context)
        case ("POST", "/cloudshell/token"): return cloudShellToken(context)
        default: break
        }
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.count >= 2, let route = EntraRoute(method: request.method, segments: Array(segments.dropFirst())) {
            return entra(route, tenant: segments[0], context)
        }
        return .error(404, "not_found", "entra-emulator has no route for \(request.method) \(request.path)")
    }

    /// Issues a token, turning a failure (signing, PostgreSQL) into a logged 500.
    func issue(_ principal: Principal, resource: String, endpoint: IssuingEndpoint, _ context: RequestContext,
               answer: (TokenFactory.Issued) -> HTTPResponse) -> HTTPResponse
    {
        do {
            let issued = try tokens.issue(principal, resource: resource, endpoint: endpoint, now: context.now,
                                          tamper: context.tamper)
            return answer(issued)
        } catch {
            Log.info("\(context.request.path): \(error)")
            return .error(500, "server_error", "entra-emulator could not issue the token: \(error)")
        }
    }

    /// The query value a client sent under any of `names`; `.conflict` when several were sent.
    enum Selection {
        case none
        case one(name: String, value: String)
        case conflict
    }

    static func select(_ form: URLEncodedForm, _ names: [String]) -> Selection {
        let given = names.compactMap { name in form.nonEmpty(name).map { (name, $0) } }
        switch given.count {
        case 0: return .none
        case 1: return .one(name: given[0].0, value: given[0].1)
        default: return .conflict
        }
    }
}
