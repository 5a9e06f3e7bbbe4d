import COpenSSL

/// The https listener's server-side TLS settings, shared by every connection thread.
///
/// `@unchecked Sendable`: an `SSL_CTX` is configured once here and OpenSSL allows creating
/// `SSL` objects from it on many threads concurrently afterwards.
final class TLSContext: @unchecked Sendable {
    private let context: OpaquePointer

    init(certificate: X509Certificate, key: RSAKey) throws {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw OpenSSLError("SSL_CTX_new") }
        self.context = context
        guard pgentra_SSL_CTX_set_min_proto(context, TLS1_2_VERSION) == 1 else {
            throw OpenSSLError("SSL_CTX_set_min_proto_version")
        }
        guard SSL_CTX_use_certificate(context, certificate.x509) == 1,
              SSL_CTX_use_PrivateKey(context, key.pkey) == 1,
              SSL_CTX_check_private_key(context) == 1
        else { throw OpenSSLError("loading the server certificate") }
    }

    deinit {
        SSL_CTX_free(context)
    }

    /// Runs the server handshake on an accepted socket (blocking, bounded by the socket's
    /// timeouts). On failure the socket is left open for the caller to close.
    func accept(fileDescriptor: Int32) throws -> TLSStream {
        ERR_clear_error()
        guard let ssl = SSL_new(context) else { throw OpenSSLError("SSL_new") }
        guard SSL_set_fd(ssl, fileDescriptor) == 1, SSL_accept(ssl) == 1 else {
            let error = OpenSSLError("TLS handshake")
            SSL_free(ssl)
            throw error
        }
        return TLSStream(ssl: ssl, fileDescriptor: fileDescriptor)
    }
}
