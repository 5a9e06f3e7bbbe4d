/// The server the proxy signs in to for every client, as libpq's options name it.
package struct UpstreamTarget: Sendable, Equatable {
    /// The name TLS verifies and sends as SNI (libpq's `host`).
    package var host: String
    /// Where to connect, when not `host` itself (libpq's `hostaddr`).
    var address: String?
    package var port: UInt16
    var sslMode: SSLMode
    /// The CA file for verify-ca and verify-full; nil for OpenSSL's default bundle.
    var rootCertificates: String?

    package init(host: String, address: String? = nil, port: UInt16, sslMode: SSLMode, rootCertificates: String? = nil) {
        self.host = host
        self.address = address
        self.port = port
        self.sslMode = sslMode
        self.rootCertificates = rootCertificates
    }

    /// libpq's sslmode values; `allow` and `prefer` try TLS first and settle for none.
    package enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"

        var triesTLS: Bool { self != .disable }
        var needsTLS: Bool { self == .require || verifies }
        var verifies: Bool { self == .verifyCA || self == .verifyFull }
    }
}
