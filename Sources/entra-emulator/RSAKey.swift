import COpenSSL

/// An RSA 2048 key pair made fresh at every start with OpenSSL's EVP API.
///
/// Owning the `EVP_PKEY` in a class ties its lifetime to Swift's. `@unchecked Sendable`: after
/// generation the key is only read, and OpenSSL 3 allows concurrent signing with one key.
final class RSAKey: @unchecked Sendable {
    let pkey: OpaquePointer

    private init(pkey: OpaquePointer) {
        self.pkey = pkey
    }

    deinit {
        EVP_PKEY_free(pkey)
    }

    static func generate(bits: Int32 = 2048) throws -> RSAKey {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else { throw OpenSSLError("EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(context, bits) == 1 else {
            throw OpenSSLError("RSA key generation setup")
        }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen(context, &key) == 1, let key else { throw OpenSSLError("EVP_PKEY_keygen") }
        return RSAKey(pkey: key)
    }

    /// Modulus and public exponent as unsigned big-endian bytes: the JWK `n` and `e`.
    func publicComponents() throws -> (modulus: [UInt8], exponent: [UInt8]) {
        (try bigNumberParameter("n"), try bigNumberParameter("e"))
    }

    private func bigNumberParameter(_ name: String) throws -> [UInt8] {
        var number: OpaquePointer?
        guard EVP_PKEY_get_bn_param(pkey, name, &number) == 1, let number else {
            throw OpenSSLError("EVP_PKEY_get_bn_param(\(name))")
        }
        defer { BN_free(number) }
        var bytes = [UInt8](repeating: 0, count: (Int(BN_num_bits(number)) + 7) / 8)
        _ = BN_bn2bin(number, &bytes)
        return bytes
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256: the RS256 of JWS (RFC 7518 §3.3).
    func signSHA256(_ message: [UInt8]) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLError("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pkey) == 1 else {
            throw OpenSSLError("EVP_DigestSignInit")
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else {
            throw OpenSSLError("EVP_DigestSign (size)")
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
            throw OpenSSLError("EVP_DigestSign")
        }
        return Array(signature.prefix(length))
    }
}
