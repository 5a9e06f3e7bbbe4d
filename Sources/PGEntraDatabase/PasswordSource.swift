import PGEntraSystem

/// Where a connection's password comes from: asked on every connection attempt, so a reconnect
/// always gets a token that is still valid (cli.md "Refresh on reconnect"). Commands adapts the
/// TokenProvider to it; Database knows nothing of credentials.
package protocol PasswordSource {
    /// A password for `host` (the resolved libpq host, which picks the token's scope).
    func password(forHost host: String?) throws(ConnectionError) -> Password
    /// The server rejected `password`: forget it so the next call fetches a fresh one.
    func rejected(_ password: Password)
}

/// A password and whether it came from a cache (only then is a retry with a fresh one worth it).
package struct Password: Sendable, Equatable, CustomStringConvertible {
    package let secret: String
    let fromCache: Bool
    /// What produced it, for `\conninfo`-style messages (never the secret).
    let origin: String

    package init(secret: String, fromCache: Bool, origin: String) {
        self.secret = secret
        self.fromCache = fromCache
        self.origin = origin
    }

    package var description: String { "Password(\(Secret.mask(secret)), \(origin))" }
}
