import COpenSSL

/// A throwaway root CA made at every start. It signs the https listener's certificate and is
/// written to `ca.pem`, so clients verify the emulator with `SSL_CERT_FILE`/`--cacert` exactly as
/// they verify Entra, instead of switching verification off.
struct CertificateAuthority {
    let key: RSAKey
    let certificate: X509Certificate

    private static let day: Int = 86_400

    /// RSA 2048, CA:TRUE, valid from one day ago (clock skew) to 30 days ahead.
    static func generate() throws -> CertificateAuthority {
        let key = try RSAKey.generate()
        let builder = try CertificateBuilder(subjectCommonName: "pgentra entra-emulator local CA", key: key)
        try builder.setIssuer(nil)
        try builder.addExtension(NID_basic_constraints, "critical,CA:TRUE")
        try builder.addExtension(NID_key_usage, "critical,keyCertSign,cRLSign")
        try builder.addExtension(NID_subject_key_identifier, "hash")
        try builder.addExtension(NID_authority_key_identifier, "keyid:always")
        return CertificateAuthority(key: key, certificate: try builder.sign(with: key))
    }

    /// The https server certificate for every loopback spelling a client may use.
    func issueServerCertificate(for serverKey: RSAKey) throws -> X509Certificate {
        let builder = try CertificateBuilder(subjectCommonName: "localhost", key: serverKey)
        try builder.setIssuer(certificate)
        try builder.addExtension(NID_basic_constraints, "critical,CA:FALSE")
        try builder.addExtension(NID_key_usage, "critical,digitalSignature,keyEncipherment")
        try builder.addExtension(NID_ext_key_usage, "serverAuth")
        try builder.addExtension(NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost")
        try builder.addExtension(NID_subject_key_identifier, "hash")
        try builder.addExtension(NID_authority_key_identifier, "keyid,issuer")
        return try builder.sign(with: key)
    }
}

/// Fills in one X.509 v3 certificate step by step; owns the `X509` until `sign` hands it over.
private final class CertificateBuilder {
    private var x509: OpaquePointer?
    private var issuer: X509Certificate?

    init(subjectCommonName: String, key: RSAKey) throws {
        guard let x509 = X509_new() else { throw OpenSSLError("X509_new") }
        self.x509 = x509
        guard X509_set_version(x509, 2) == 1 else { throw OpenSSLError("X509_set_version") }
        try setRandomSerial(x509)
        guard X509_gmtime_adj(X509_getm_notBefore(x509), -86_400) != nil,
              X509_gmtime_adj(X509_getm_notAfter(x509), 30 * 86_400) != nil
        else { throw OpenSSLError("X509_gmtime_adj") }
        guard X509_set_pubkey(x509, key.pkey) == 1 else { throw OpenSSLError("X509_set_pubkey") }
        guard let name = X509_NAME_new() else { throw OpenSSLError("X509_NAME_new") }
        defer { X509_NAME_free(name) }
        guard X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, subjectCommonName, -1, -1, 0) == 1,
              X509_set_subject_name(x509, name) == 1
        else { throw OpenSSLError("X509 subject name") }
    }

    deinit {
        if let x509 { X509_free(x509) }
    }

    /// nil means self-signed.
    func setIssuer(_ issuer: X509Certificate?) throws {
        guard let x509 else { return }
        self.issuer = issuer
        let name = X509_get_subject_name(issuer?.x509 ?? x509)
        guard X509_set_issuer_name(x509, name) == 1 else { throw OpenSSLError("X509_set_issuer_name") }
    }

    /// Adds an extension written in openssl.cnf syntax (`critical,CA:TRUE`, `IP:127.0.0.1,…`).
    func addExtension(_ nid: Int32, _ value: String) throws {
        guard let x509 else { return }
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer?.x509 ?? x509, x509, nil, nil, 0)
        guard let extensionValue = X509V3_EXT_nconf_nid(nil, &context, nid, value) else {
            throw OpenSSLError("X509V3_EXT_nconf_nid(\(value))")
        }
        defer { X509_EXTENSION_free(extensionValue) }
        guard X509_add_ext(x509, extensionValue, -1) == 1 else { throw OpenSSLError("X509_add_ext") }
    }

    func sign(with key: RSAKey) throws -> X509Certificate {
        guard let x509 else { throw OpenSSLError("certificate already signed") }
        guard X509_sign(x509, key.pkey, EVP_sha256()) > 0 else { throw OpenSSLError("X509_sign") }
        self.x509 = nil
        return X509Certificate(taking: x509)
    }

    /// A random positive 127-bit serial, so a client never sees two emulator runs' certificates
    /// with the same issuer and serial.
    private func setRandomSerial(_ x509: OpaquePointer) throws {
        guard let number = BN_new() else { throw OpenSSLError("BN_new") }
        defer { BN_free(number) }
        guard BN_rand(number, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1,
              BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x509)) != nil
        else { throw OpenSSLError("certificate serial") }
    }
}
