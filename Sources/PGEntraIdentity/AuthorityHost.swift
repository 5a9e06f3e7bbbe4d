import PGEntraSystem

/// The Entra authority (`AZURE_AUTHORITY_HOST`), validated as the SDKs do (credentials.md §1),
/// with one relaxation from cli.md: plain http is allowed for a loopback host, for emulators.
struct AuthorityHost: Sendable, Equatable {
    static let publicCloud = "https://login.microsoftonline.com"

    /// Scheme and host, no trailing slash: `https://login.microsoftonline.com`.
    let url: String

    enum Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        case notHTTPS(String)

        var description: String {
            switch self {
            case .notHTTPS(let value):
                "\"\(value)\" is an invalid authority. The value must be a TLS protected (https) URL (http is allowed only for a loopback host)."
            }
        }
    }

    init(_ configured: String?) throws(Invalid) {
        var value = (configured ?? Self.publicCloud).trimmingWhitespace()
        while value.hasSuffix("/") { value.removeLast() }
        if !value.contains("://") { value = "https://" + value }
        let lower = value.lowercased()
        if lower.hasPrefix("https://") {
            url = value
        } else if lower.hasPrefix("http://"), Loopback.isLoopbackURL(value) {
            url = value
        } else {
            throw .notHTTPS(configured ?? value)
        }
    }

    func tokenURL(tenant: String) -> String { "\(url)/\(tenant)/oauth2/v2.0/token" }
    func deviceCodeURL(tenant: String) -> String { "\(url)/\(tenant)/oauth2/v2.0/devicecode" }
}
