import Testing
@testable import PGEntraCommands
@testable import PGEntraDatabase
@testable import PGEntraProxy
@testable import PGEntraSystem

/// The server `pgentra proxy` signs in to, from libpq's resolved settings (ProxyCommand.target).
@Suite struct ProxyCommandTests {
    private func target(_ values: [String: String]) -> Result<UpstreamTarget, ErrorReport> {
        do throws(ErrorReport) {
            return .success(try ProxyCommand.target(ResolvedParameters(values: values, error: nil)))
        } catch {
            return .failure(error)
        }
    }

    @Test func hostPortSSLModeAndRootsAreTaken() throws {
        let upstream = try target(["host": "db.example.com", "port": "6432", "sslmode": "verify-full", "sslrootcert": "/ca.pem"]).get()
        #expect(upstream.host == "db.example.com" && upstream.port == 6432 && upstream.sslMode == .verifyFull)
        #expect(upstream.rootCertificates == "/ca.pem")
    }

    /// A setting the proxy cannot honour is an error at start, not a quieter connection.
    @Test(arguments: [
        ("sslcert", "/me.crt", "client certificates"), ("sslkey", "/me.key", "client certificates"),
        ("sslcrl", "/crl.pem", "certificate revocation lists"), ("sslcrldir", "/crls", "certificate revocation lists"),
        ("require_auth", "scram-sha-256", "require_auth"),
        ("channel_binding", "require", "channel binding (SCRAM-SHA-256-PLUS)"), ("gssencmode", "require", "GSSAPI encryption"),
    ])
    func settingsItCannotHonourAreRefused(keyword: String, value: String, what: String) {
        guard case .failure(let error) = target(["host": "db.example.com", keyword: value]) else {
            Issue.record("\(keyword)=\(value) was accepted")
            return
        }
        #expect(error.primary == "pgentra proxy does not support \(what) (\(keyword)=\(value))")
    }

    /// libpq's defaults ask for nothing the proxy lacks.
    @Test func theDefaultsOfChannelBindingAndGSSAreAccepted() throws {
        for (keyword, value) in [("channel_binding", "prefer"), ("channel_binding", "disable"), ("gssencmode", "prefer"), ("gssencmode", "disable")] {
            #expect(throws: Never.self) { try target(["host": "db.example.com", keyword: value]).get() }
        }
    }

    @Test func severalHostsOrASocketDirectoryAreRefused() {
        guard case .failure(let several) = target(["host": "a.example.com,b.example.com"]),
              case .failure(let socket) = target(["host": "/var/run/postgresql"]) else {
            Issue.record("accepted")
            return
        }
        #expect(several.primary.contains("signs in to one host"))
        #expect(socket.primary.contains("needs a TCP host"))
    }
}
