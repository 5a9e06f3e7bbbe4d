/// Where a connection's password comes from: asked on every connection attempt, so a reconnect
/// always gets a token that is still valid (cli.md "Refresh on reconnect"). Commands adapts the
/// TokenProvider to it; Database knows nothing of credentials.
public protocol PasswordSource {
    /// A password for `host` (the resolved libpq host, which picks the token's scope).
    func password(forHost host: String?) throws(ConnectionError) -> Password
    /// The server rejected `password`: forget it so the next call fetches a fresh one.
    func rejected(_ password: Password)
}

/// A password and whether it came from a cache (only then is a retry with a fresh one worth it).
public struct Password: Sendable, Equatable, CustomStringConvertible {
    public let secret: String
    public let fromCache: Bool
    /// What produced it, for `\conninfo`-style messages (never the secret).
    public let origin: String

    public init(secret: String, fromCache: Bool, origin: String) {
        self.secret = secret
        self.fromCache = fromCache
        self.origin = origin
    }

    public var description: String { "Password(\(AccessToken.mask(secret)), \(origin))" }
}
