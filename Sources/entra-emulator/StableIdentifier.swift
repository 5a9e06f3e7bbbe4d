/// Ids derived from names with SHA-256, so the same user, client or identity gets the same
/// object id in every run: tests and PostgreSQL security labels (`oid=…`) can rely on them.
enum StableIdentifier {
    /// A version-4-shaped UUID string (lower case, 8-4-4-4-12), like Entra object ids.
    static func uuid(_ seed: String) -> String {
        var bytes = Array(SHA256Digest.hash("entra-emulator:" + seed).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// A 43-character base64url string, the shape of a user token's pairwise `sub`.
    static func opaque(_ seed: String) -> String {
        Base64URL.encode(SHA256Digest.hash("entra-emulator-sub:" + seed))
    }
}
