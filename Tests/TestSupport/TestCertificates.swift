import Foundation

/// A throwaway CA and a server certificate it signed, made with the openssl command, for
/// PostgreSQL servers that tests reach under a host name (see `TestEnvironment.resolve`).
package struct TestCertificates {
    package let caCertificate: String
    package let serverCertificate: String
    package let serverKey: String

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Writes `ca.crt`, `server.crt` and `server.key` (for `hostName`) into `directory`.
    package init(hostName: String, in directory: String) throws {
        caCertificate = "\(directory)/ca.crt"
        serverCertificate = "\(directory)/server.crt"
        serverKey = "\(directory)/server.key"
        let caKey = "\(directory)/ca.key"
        let request = "\(directory)/server.csr"
        let extensions = "\(directory)/server.ext"
        try "subjectAltName=DNS:\(hostName)\nbasicConstraints=CA:FALSE\n".write(toFile: extensions, atomically: true, encoding: .utf8)
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", caCertificate,
             "-days", "2", "-subj", "/CN=pgentra test CA"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", serverKey, "-out", request, "-subj", "/CN=\(hostName)"],
            ["x509", "-req", "-in", request, "-CA", caCertificate, "-CAkey", caKey, "-CAcreateserial",
             "-out", serverCertificate, "-days", "2", "-extfile", extensions],
        ]
        try Self.openssl(steps)
    }

    /// A client certificate for `user` (its CN, as `cert` sign-in matches it against the role)
    /// signed by this CA, written into `directory` as `USER.crt` and `USER.key` (mode 0600, as
    /// libpq insists): returns the two paths.
    package func clientCertificate(for user: String, in directory: String) throws -> (certificate: String, key: String) {
        let certificate = "\(directory)/\(user).crt"
        let key = "\(directory)/\(user).key"
        let request = "\(directory)/\(user).csr"
        let caKey = String(caCertificate.dropLast(".crt".count)) + ".key"
        try Self.openssl([
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request, "-subj", "/CN=\(user)"],
            ["x509", "-req", "-in", request, "-CA", caCertificate, "-CAkey", caKey, "-CAcreateserial",
             "-out", certificate, "-days", "2"],
        ])
        chmod(key, 0o600)
        return (certificate, key)
    }

    private static func openssl(_ steps: [[String]]) throws {
        for step in steps {
            let result = ChildProcess.run("/usr/bin/openssl", step, environment: ["PATH": "/usr/bin:/bin"], timeout: 180)
            guard result.status == 0 else { throw Failure(description: "openssl \(step[0]): \(result.stderr)") }
        }
    }
}
