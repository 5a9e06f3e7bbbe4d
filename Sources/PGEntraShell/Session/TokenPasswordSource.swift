import PGEntraDatabase
import PGEntraIdentity

/// The TokenProvider seen as a connection's password source: every connection attempt asks it,
/// so an expired token is replaced at the next connect, and a rejected cached one is dropped.
package final class TokenPasswordSource: PasswordSource {
    private let provider: TokenProvider
    private let explicitScope: String?
    private let tenant: String?
    /// The token most recently handed out, for `\conninfo` and the role hint.
    package private(set) var current: TokenProvider.Provided?
    private var currentRequest: TokenRequest?
    /// The chain's failure for a request moments ago, and when: the role lookup and the
    /// connection that follows it ask once, not twice (a failing chain can take seconds).
    private var failure: (request: TokenRequest, reasons: String, at: Int64)?

    private let now: () -> Int64

    package init(provider: TokenProvider, explicitScope: String?, tenant: String?, now: @escaping () -> Int64 = { Clock.system.epochSeconds }) {
        self.provider = provider
        self.now = now
        self.explicitScope = explicitScope
        self.tenant = tenant
    }

    func request(forHost host: String?) -> TokenRequest {
        TokenRequest(scope: DatabaseScope.scope(explicit: explicitScope, host: host), tenant: tenant)
    }

    /// A token handed out moments ago (for the role, then for the connection it names) is
    /// reused while it has this many seconds left, rather than fetched twice.
    static let reuseMargin: Int64 = 10

    package func password(forHost host: String?) throws(ConnectionError) -> Password {
        let request = request(forHost: host)
        if let current, currentRequest == request, current.token.expiresOn - now() > Self.reuseMargin {
            return Password(secret: current.token.token, fromCache: current.fromCache, origin: current.credential.className)
        }
        if let failure, failure.request == request, now() - failure.at < Self.reuseMargin {
            throw .noPassword(failure.reasons)
        }
        do throws(ChainError) {
            let provided = try provider.token(for: request)
            current = provided
            currentRequest = request
            failure = nil
            return Password(secret: provided.token.token, fromCache: provided.fromCache, origin: provided.credential.className)
        } catch {
            let report = error.report(scope: request.scope, selection: provider.selection)
            failure = (request, report.rendered, now())
            throw .noPassword(report.rendered)
        }
    }

    /// `\refresh`: forgets the current token and its cache entry, so the next connection
    /// attempt gets a new one from the credential.
    func forgetCurrentToken() {
        if let current, let currentRequest {
            provider.discardCachedToken(for: currentRequest, credential: current.credential, reason: "as \\refresh asked")
        }
        current = nil
    }

    package func rejected(_ password: Password) {
        guard let current, let currentRequest, current.token.token == password.secret else { return }
        provider.discardCachedToken(for: currentRequest, credential: current.credential, reason: "after the server rejected it")
        self.current = nil
    }
}
