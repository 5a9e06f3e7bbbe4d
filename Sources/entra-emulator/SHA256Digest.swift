import COpenSSL

/// SHA-256 through OpenSSL's EVP API; used for JWK thumbprints and stable object ids.
enum SHA256Digest {
    static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        // EVP_Digest with SHA-256 cannot fail for in-memory input short of memory exhaustion.
        _ = EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
        return digest
    }

    static func hash(_ text: String) -> [UInt8] {
        hash(Array(text.utf8))
    }
}
