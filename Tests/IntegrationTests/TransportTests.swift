import Foundation
import TestSupport
import Testing

/// The libcurl transport for real: https with a CA from SSL_CERT_FILE, refusal without it, and
/// plain http refused for a non-loopback authority.
@Suite struct TransportTests {
    private func servicePrincipal(_ environment: TestEnvironment) {
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret
    }

    @Test func httpsAuthorityIsVerifiedWithSSLCertFile() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        servicePrincipal(environment)
        guard let https = emulator.httpsBaseURL else {
            Issue.record("the emulator has no https listener")
            return
        }
        environment["AZURE_AUTHORITY_HOST"] = https
        let untrusted = environment.pgentra(["token", "--credential", "environment"])
        #expect(untrusted.status == 1)
        #expect(untrusted.stderr.contains("TLS") || untrusted.stderr.contains("certificate"), "stderr: \(untrusted.stderr)")
        #expect(emulator.issued().isEmpty)

        environment["SSL_CERT_FILE"] = emulator.caFile
        let trusted = environment.pgentra(["token", "--credential", "environment"])
        #expect(trusted.status == 0, "stderr: \(trusted.stderr)")
        #expect(emulator.issued().count == 1)
    }

    @Test func plainHTTPIsRefusedForANonLoopbackAuthority() {
        let environment = TestEnvironment()
        servicePrincipal(environment)
        environment["AZURE_AUTHORITY_HOST"] = "http://login.example.invalid"
        let result = environment.pgentra(["token", "--credential", "environment"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("must be a TLS protected (https) URL"))
    }

    @Test func aProxyFromTheEnvironmentIsNotUsedForLoopback() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["http_proxy"] = TestEnvironment.deadEndpoint
        environment["HTTPS_PROXY"] = TestEnvironment.deadEndpoint
        let result = environment.pgentra(["token"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }
}
