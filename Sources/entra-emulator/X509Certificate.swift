import COpenSSL
import Foundation

/// An owned OpenSSL `X509`. `@unchecked Sendable`: it is built once at start and only read after.
final class X509Certificate: @unchecked Sendable {
    let x509: OpaquePointer

    init(taking x509: OpaquePointer) {
        self.x509 = x509
    }

    deinit {
        X509_free(x509)
    }

    /// The certificate as PEM, the form `SSL_CERT_FILE` and curl's `--cacert` read.
    func pem() throws -> String {
        let length = i2d_X509(x509, nil)
        guard length > 0 else { throw OpenSSLError("i2d_X509") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_X509(x509, &cursor)
        }
        guard written == length else { throw OpenSSLError("i2d_X509") }
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN CERTIFICATE-----\n\(body)\n-----END CERTIFICATE-----\n"
    }
}
