/// The TokenProvider seen as a connection's password source: every connection attempt asks it,
/// so an expired token is replaced at the next connect, and a rejected cached one is dropped.
final class TokenPasswordSource: PasswordSource {
    private let provider: TokenProvider
    private let explicitScope: String?
    private let tenant: String?
    /// The token most recently handed out, for `\conninfo` and the role hint.
    private(set) var current: TokenProvider.Provided?
    private var currentRequest: TokenRequest?

    init(provider: TokenProvider, explicitScope: String?, tenant: String?) {
        self.provider = provider
        self.explicitScope = explicitScope
        self.tenant = tenant
    }

    func request(forHost host: String?) -> TokenRequest {
        TokenRequest(scope: DatabaseScope.scope(explicit: explicitScope, host: host), tenant: tenant)
    }

    func password(forHost host: String?) throws(ConnectionError) -> Password {
        let request = request(forHost: host)
        do throws(ChainError) {
            let provided = try provider.token(for: request)
            current = provided
            currentRequest = request
            return Password(secret: provided.token.token, fromCache: provided.fromCache, origin: provided.credential.className)
        } catch {
            let report = IdentityContext.report(error, scope: request.scope, selection: provider.selection)
            throw .noPassword(report.rendered)
        }
    }

    func rejected(_ password: Password) {
        guard let current, let currentRequest, current.token.token == password.secret else { return }
        provider.discardCachedToken(for: currentRequest, credential: current.credential)
        self.current = nil
    }
}
