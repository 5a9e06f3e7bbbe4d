/// Why the proxy could not serve a client, told in PostgreSQL's own ErrorResponse (issue 12):
/// every client library shows the message, detail and hint as it would a server's.
package struct ProxyRefusal: Error, Equatable, Sendable {
    /// The SQLSTATE a client library can act on.
    let sqlState: String
    package let message: String
    package var detail: String?
    package var hint: String?

    /// No credential could get a token.
    package static func noToken(_ reasons: String) -> ProxyRefusal {
        ProxyRefusal(
            sqlState: "28000", message: "pgentra proxy: no access token for the server",
            detail: reasons, hint: "Check the proxy's credential (pgentra whoami with the same options).")
    }

    /// The server could not be reached or its TLS could not be verified.
    static func serverUnreachable(_ reason: String) -> ProxyRefusal {
        ProxyRefusal(sqlState: "08001", message: "pgentra proxy: could not connect to the server: \(reason)")
    }

    /// The client's first packet was not a PostgreSQL start-up packet.
    static func protocolViolation(_ reason: String) -> ProxyRefusal {
        ProxyRefusal(sqlState: "08P01", message: reason)
    }

    /// A wrong or missing `--local-password`.
    static let localPasswordFailed = ProxyRefusal(
        sqlState: "28P01", message: "pgentra proxy: password authentication failed")

    static let tooManyConnections = ProxyRefusal(
        sqlState: "53300", message: "pgentra proxy: too many connections (--max-connections)")
}
