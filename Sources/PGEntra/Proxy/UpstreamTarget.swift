/// The server the proxy signs in to for every client, as libpq's options name it.
struct UpstreamTarget: Sendable, Equatable {
    /// The name TLS verifies and sends as SNI (libpq's `host`).
    var host: String
    /// Where to connect, when not `host` itself (libpq's `hostaddr`).
    var address: String?
    var port: UInt16
    var sslMode: SSLMode
    /// The CA file for verify-ca and verify-full; nil for OpenSSL's default bundle.
    var rootCertificates: String?

    /// libpq's sslmode values; `allow` and `prefer` try TLS first and settle for none.
    enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"

        var triesTLS: Bool { self != .disable }
        var needsTLS: Bool { self == .require || verifies }
        var verifies: Bool { self == .verifyCA || self == .verifyFull }
    }
}
