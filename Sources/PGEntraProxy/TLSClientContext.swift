import COpenSSL
import PGEntraDatabase

/// The TLS client settings every server connection shares: TLS 1.2 or later and, for
/// verify-ca and verify-full, the trusted roots (libpq's sslrootcert; OpenSSL's default bundle,
/// X509_get_default_cert_file, when none is named). Host names are checked per connection.
///
/// `@unchecked Sendable`: the SSL_CTX is configured once here, and OpenSSL allows SSL objects
/// to be made from it on many threads at once afterwards.
package final class TLSClientContext: @unchecked Sendable {
    let context: OpaquePointer
    let verifies: Bool

    package struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        package let description: String
    }

    package init(_ target: UpstreamTarget) throws(Failure) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Failure(description: "SSL_CTX_new failed") }
        self.context = context
        verifies = target.sslMode.verifies
        guard pgentra_SSL_CTX_set_min_proto(context, TLS1_2_VERSION) == 1 else {
            throw Failure(description: "TLS 1.2 is not available")
        }
        // The relay retries a write that would block from a buffer that may have moved and
        // grown since (RelayBuffer compacts): OpenSSL must accept that, and may write part.
        _ = pgentra_SSL_CTX_set_mode(context, Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_ENABLE_PARTIAL_WRITE))
        if verifies {
            let roots = target.rootCertificates ?? Connector.systemRootCertificates
            guard SSL_CTX_load_verify_locations(context, roots, nil) == 1 else {
                throw Failure(description: "could not read root certificate file \"\(roots)\"")
            }
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        } else {
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        }
    }

    deinit {
        SSL_CTX_free(context)
    }
}
