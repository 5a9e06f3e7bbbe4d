import Foundation

/// Base64url without padding (RFC 7515 §2). Every JWT part, JWK member and `client_info` uses it,
/// and credentials.md §1 requires the unpadded form throughout.
enum Base64URL {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func encode(_ text: String) -> String {
        encode(Array(text.utf8))
    }

    /// Decodes padded or unpadded base64url; nil when the text is not base64url at all.
    static func decode(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
