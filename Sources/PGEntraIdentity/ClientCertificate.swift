import COpenSSL

/// A service principal's certificate and RSA key (PEM or PKCS#12), used to sign the client
/// assertion of credentials.md §2: RS256 with an `x5t` SHA-1 thumbprint, as the Python SDK sends.
final class ClientCertificate {
    enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case notDeserializable
        case noPrivateKey
        case encryptedKey
        case notRSA

        var description: String {
            switch self {
            case .unreadable(let path, let reason):
                "could not read the certificate file \"\(path)\" (AZURE_CLIENT_CERTIFICATE_PATH): \(reason)"
            case .notDeserializable: "Failed to deserialize certificate in PEM or PKCS12 format"
            case .noPrivateKey: "The certificate must include its private key"
            case .encryptedKey: "the certificate's private key is encrypted and could not be decrypted: set AZURE_CLIENT_CERTIFICATE_PASSWORD to its password"
            case .notRSA: "The certificate must have an RSA private key because RS256 is used for signing"
            }
        }
    }

    private let key: OpaquePointer
    /// DER of every certificate, the signing one first.
    let chain: [[UInt8]]

    init(path: String, password: String?) throws(LoadError) {
        let bytes: [UInt8]
        do throws(FileContents.ReadError) {
            bytes = try FileContents.read(path, limit: 1 << 20)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let isPEM = text.contains("-----BEGIN")
        let isEncrypted = text.contains("ENCRYPTED")
        var key: OpaquePointer?
        var certificates: [OpaquePointer] = []
        defer { certificates.forEach { X509_free($0) } }

        bytes.withUnsafeBytes { buffer in
            if isPEM {
                // Always pass a password (empty when none is set): with none, OpenSSL would prompt
                // on the terminal, and `$(pgentra token)` would hang waiting for it.
                var passwordBytes = Array((password ?? "").utf8CString)
                func bio() -> OpaquePointer? { BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) }
                if let keyBIO = bio() {
                    key = passwordBytes.withUnsafeMutableBytes { pass in
                        PEM_read_bio_PrivateKey(keyBIO, nil, nil, pass.baseAddress)
                    }
                    BIO_free(keyBIO)
                }
                if let certBIO = bio() {
                    while let certificate = PEM_read_bio_X509(certBIO, nil, nil, nil) {
                        certificates.append(certificate)
                    }
                    BIO_free(certBIO)
                }
            } else if let p12BIO = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) {
                defer { BIO_free(p12BIO) }
                guard let p12 = d2i_PKCS12_bio(p12BIO, nil) else { return }
                defer { PKCS12_free(p12) }
                var parsedKey: OpaquePointer?
                var leaf: OpaquePointer?
                var extra: OpaquePointer?
                guard PKCS12_parse(p12, password ?? "", &parsedKey, &leaf, &extra) == 1 else { return }
                key = parsedKey
                if let leaf { certificates.append(leaf) }
                if let extra {
                    while let certificate = OPENSSL_sk_shift(extra) {
                        certificates.append(OpaquePointer(certificate))
                    }
                    OPENSSL_sk_free(extra)
                }
            }
        }
        ERR_clear_error()
        guard !certificates.isEmpty else {
            if let key { EVP_PKEY_free(key) }
            throw .notDeserializable
        }
        guard let key else { throw isEncrypted ? .encryptedKey : .noPrivateKey }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            EVP_PKEY_free(key)
            throw .notRSA
        }
        // The signing certificate is the one matching the key (Go's rule); the rest follow in file order.
        let signingIndex = certificates.firstIndex { X509_check_private_key($0, key) == 1 } ?? 0
        ERR_clear_error()
        var ordered = certificates
        ordered.insert(ordered.remove(at: signingIndex), at: 0)
        self.key = key
        self.chain = ordered.map(Self.der)
    }

    deinit { EVP_PKEY_free(key) }

    private static func der(_ certificate: OpaquePointer) -> [UInt8] {
        var pointer: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(certificate, &pointer)
        guard length > 0, let pointer else { return [] }
        defer { CRYPTO_free(pointer, #file, #line) }
        return Array(UnsafeBufferPointer(start: pointer, count: Int(length)))
    }

    /// SHA-1 of the signing certificate's DER, base64url: the `x5t` header.
    var thumbprint: String {
        var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        chain[0].withUnsafeBufferPointer { _ = SHA1($0.baseAddress, $0.count, &digest) }
        return Base64URL.encode(digest)
    }

    /// A compact JWS asserting `clientID` to `audience`, valid for 10 minutes.
    func clientAssertion(audience: String, clientID: String, issuedAt: Int64, includeChain: Bool) -> String {
        var header: [String: JSONValue] = ["alg": .string("RS256"), "typ": .string("JWT"), "x5t": .string(thumbprint)]
        if includeChain {
            header["x5c"] = .array(chain.map { .string(Base64URL.encodeStandard($0)) })
        }
        let payload: [String: JSONValue] = [
            "aud": .string(audience), "iss": .string(clientID), "sub": .string(clientID),
            "jti": .string(Self.randomUUID()),
            "iat": .number(Double(issuedAt)), "nbf": .number(Double(issuedAt)), "exp": .number(Double(issuedAt + 600)),
        ]
        let signingInput = Base64URL.encode(Array(JSONValue.object(header).encoded().utf8)) + "."
            + Base64URL.encode(Array(JSONValue.object(payload).encoded().utf8))
        return signingInput + "." + Base64URL.encode(sign(Array(signingInput.utf8)))
    }

    /// A version 4 UUID from OpenSSL's generator: each assertion gets a fresh `jti`.
    static func randomUUID() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        _ = RAND_bytes(&bytes, 16)
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }

    private func sign(_ message: [UInt8]) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { return [] }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else { return [] }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else { return [] }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else { return [] }
        return Array(signature.prefix(length))
    }
}
