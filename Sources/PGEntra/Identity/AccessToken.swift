/// A bearer token and when it stops working. Its `description` shows only the first six
/// characters, so printing a token by accident (in an error, in debug output) leaks nothing usable.
public struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    public let token: String
    /// Seconds since the epoch.
    public let expiresOn: Int64
    /// When to start asking for a new one (credentials.md §1 "Expiry"); nil means 5 minutes before expiry.
    public let refreshOn: Int64?

    /// The expiry times pgentra accepts from an endpoint, a tool or its cache: 1970 to the end of
    /// 9999. Anything outside is a hostile or broken answer, and every sum and difference of
    /// two such times (or of one and a lifetime below a year) stays far from Int64's limits.
    public static let plausibleTimes: ClosedRange<Int64> = 0...253_402_300_799

    /// The lifetimes and refresh delays an answer may state: up to a year either way. Entra
    /// tokens live hours (managed identities up to a day); a negative `expires_in` is an
    /// expired token, which the caller reports as such.
    public static let plausibleLifetimes: ClosedRange<Int64> = -366 * 86_400...366 * 86_400

    public init(token: String, expiresOn: Int64, refreshOn: Int64? = nil) {
        self.token = token
        self.expiresOn = expiresOn
        self.refreshOn = refreshOn
    }

    /// A token and its expiry as an endpoint reported it, with refresh-on derived as the
    /// Python SDK does: `refresh_in` if given, else half the lifetime for tokens of 2 hours or more.
    /// The times are within `plausibleTimes` and `refreshIn` within `plausibleLifetimes`
    /// (TokenResponse checks them), so the arithmetic cannot overflow.
    public init(token: String, expiresOn: Int64, refreshIn: Int64?, requestedAt: Int64) {
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

    public var description: String { "AccessToken(\(Self.mask(token)), expires \(expiresOn))" }

    /// The most of a token any message may show: its first 6 characters and an ellipsis.
    public static func mask(_ token: String) -> String {
        String(token.prefix(6)) + "…"
    }
}

/// What a caller asks a credential for.
public struct TokenRequest: Sendable, Equatable, Hashable {
    /// Exactly one scope, e.g. `https://ossrdbms-aad.database.windows.net/.default`.
    public var scope: String
    public var tenant: String?

    public init(scope: String, tenant: String? = nil) {
        self.scope = scope
        self.tenant = tenant
    }

    /// The v1 resource: the scope without a trailing `/.default` (credentials.md §1).
    public var resource: String {
        scope.hasSuffix("/.default") ? String(scope.dropLast("/.default".count)) : scope
    }
}
