/// Signs compact JWS with RS256 (RFC 7515, RFC 7518 §3.3) and publishes the public key as a
/// JWKS, so clients and tests verify emulator tokens the way they would verify Entra's.
final class JWTSigner: Sendable {
    let keyID: String
    /// `{"keys":[{…}]}`, written to jwks.json and served at /{tenant}/discovery/v2.0/keys.
    let jwks: JSONValue
    private let key: RSAKey

    init(key: RSAKey) throws {
        let (modulus, exponent) = try key.publicComponents()
        let n = Base64URL.encode(modulus)
        let e = Base64URL.encode(exponent)
        // The RFC 7638 thumbprint: a kid that names this key and no other.
        let thumbprintInput = JSONValue.object(["e": .string(e), "kty": "RSA", "n": .string(n)]).serialized
        let keyID = Base64URL.encode(SHA256Digest.hash(thumbprintInput))
        self.key = key
        self.keyID = keyID
        self.jwks = ["keys": [[
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": .string(keyID), "n": .string(n), "e": .string(e),
        ]]]
    }

    /// `header.payload.signature`, each part base64url without padding.
    func sign(_ claims: JSONValue) throws -> String {
        let header: JSONValue = ["alg": "RS256", "typ": "JWT", "kid": .string(keyID)]
        let signingInput = Base64URL.encode(header.serialized) + "." + Base64URL.encode(claims.serialized)
        return signingInput + "." + Base64URL.encode(try key.signSHA256(Array(signingInput.utf8)))
    }
}
