import PGEntraSystem

/// A bearer token and when it stops working. Its `description` shows only the first six
/// characters, so printing a token by accident (in an error, in debug output) leaks nothing usable.
package struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    package let token: String
    /// Seconds since the epoch.
    package let expiresOn: Int64
    /// When to start asking for a new one (credentials.md §1 "Expiry"); nil means 5 minutes before expiry.
    let refreshOn: Int64?

    /// The expiry times pgentra accepts from an endpoint, a tool or its cache: 1970 to the end of
    /// 9999. Anything outside is a hostile or broken answer, and every sum and difference of
    /// two such times (or of one and a lifetime below a year) stays far from Int64's limits.
    static let plausibleTimes: ClosedRange<Int64> = 0...253_402_300_799

    /// The lifetimes and refresh delays an answer may state: up to a year either way. Entra
    /// tokens live hours (managed identities up to a day); a negative `expires_in` is an
    /// expired token, which the caller reports as such.
    static let plausibleLifetimes: ClosedRange<Int64> = -366 * 86_400...366 * 86_400

    init(token: String, expiresOn: Int64, refreshOn: Int64? = nil) {
        self.token = token
        self.expiresOn = expiresOn
        self.refreshOn = refreshOn
    }

    /// A token and its expiry as an endpoint reported it, with refresh-on derived as the
    /// Python SDK does: `refresh_in` if given, else half the lifetime for tokens of 2 hours or more.
    /// The times are within `plausibleTimes` and `refreshIn` within `plausibleLifetimes`
    /// (TokenResponse checks them), so the arithmetic cannot overflow.
    init(token: String, expiresOn: Int64, refreshIn: Int64?, requestedAt: Int64) {
        let refreshOn: Int64?
        if let refreshIn {
            refreshOn = requestedAt + refreshIn
        } else if expiresOn - requestedAt >= 7200 {
            refreshOn = requestedAt + (expiresOn - requestedAt) / 2
        } else {
            refreshOn = nil
        }
        self.init(token: token, expiresOn: expiresOn, refreshOn: refreshOn)
    }

    package var description: String { "AccessToken(\(Secret.mask(token)), expires \(expiresOn))" }
}

/// What a caller asks a credential for.
package struct TokenRequest: Sendable, Equatable, Hashable {
    /// Exactly one scope, e.g. `https://ossrdbms-aad.database.windows.net/.default`.
    package var scope: String
    package var tenant: String?

    package init(scope: String, tenant: String? = nil) {
        self.scope = scope
        self.tenant = tenant
    }

    /// The v1 resource: the scope without a trailing `/.default` (credentials.md §1).
    var resource: String {
        scope.hasSuffix("/.default") ? String(scope.dropLast("/.default".count)) : scope
    }
}
