import Foundation
import TestSupport

/// A throwaway PostgreSQL that takes TLS with a certificate for `hostName`, signed by a test
/// CA: Debian's 15, since the 18 wheel is built without OpenSSL. For the proxy's suites, which
/// differ only in pg_hba.conf and the roles they create.
final class TLSPostgres: @unchecked Sendable {
    let directory = TemporaryDirectory(prefix: "pgentra-tls-server")
    let certificates: TestCertificates
    let server: PostgresServer

    struct SetupFailed: Error, CustomStringConvertible {
        let description: String
    }

    init(hostName: String, hba: [String], setup: String? = nil, maxConnections: Int = 100) throws {
        certificates = try TestCertificates(hostName: hostName, in: directory.path)
        server = try PostgresServer(.debian15, tls: certificates, hba: hba, maxConnections: maxConnections)
        if let setup {
            let result = server.superuserScript(setup)
            guard result.status == 0 else { throw SetupFailed(description: "setup: \(result.stderr)") }
        }
    }
}
