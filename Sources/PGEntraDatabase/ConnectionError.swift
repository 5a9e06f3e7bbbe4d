/// Why there is no connection. The description is libpq's text, which psql prints after
/// `psql: error: `, so pgentra's messages read the same.
package enum ConnectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libpq could not connect; `message` is PQerrorMessage without its final newline.
    case failed(message: String, authentication: Bool)
    /// No password could be had (no token), with the reason already rendered.
    case noPassword(String)

    package var description: String {
        switch self {
        case .failed(let message, _): message
        case .noPassword(let reason): reason
        }
    }

    /// The server refused the password (SQLSTATE 28P01/28000): a cached token may be stale.
    /// libpq 15 reports connection errors as text only, so the server's wording is matched.
    static func isAuthenticationFailure(_ message: String) -> Bool {
        ["password authentication failed", "authentication failed for user", "access token",
         "28P01", "28000"].contains { message.contains($0) }
    }
}
