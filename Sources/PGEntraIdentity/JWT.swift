/// A compact JWS split into its parts, with header and payload decoded. The signature is not
/// verified: pgentra reads its own token to name the role, the server is what trusts it.
package struct JWT: Sendable, Equatable {
    let header: [String: JSONValue]
    package let claims: Claims

    package enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
        case notThreeParts(Int)
        case invalidBase64(part: String)
        case notJSONObject(part: String)

        package var description: String {
            switch self {
            case .notThreeParts(let count):
                "the access token is not a JWT (it has \(count) dot-separated part\(count == 1 ? "" : "s"), expected 3)"
            case .invalidBase64(let part):
                "the access token's \(part) is not valid base64url"
            case .notJSONObject(let part):
                "the access token's \(part) is not a JSON object"
            }
        }
    }

    /// Decodes `token`. Errors never quote the token: they say which part was wrong.
    package init(decoding token: String) throws(DecodingError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .notThreeParts(parts.count) }
        header = try Self.object(parts[0], name: "header")
        claims = Claims(try Self.object(parts[1], name: "payload"))
    }

    private static func object(_ part: Substring, name: String) throws(DecodingError) -> [String: JSONValue] {
        guard let bytes = Base64URL.decode(part) else { throw .invalidBase64(part: name) }
        guard let object = JSONValue.object(from: bytes) else { throw .notJSONObject(part: name) }
        return object
    }
}
