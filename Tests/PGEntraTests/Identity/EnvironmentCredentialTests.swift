import Foundation
import TestSupport
import Testing
@testable import PGEntraIdentity

@Suite struct EnvironmentCredentialTests {
    static let secret = "s3cr3t~Value.42"

    private func credential(
        _ mode: EnvironmentCredential.Mode, http: ScriptedHTTPClient, clock: TestClock = TestClock()
    ) throws -> EnvironmentCredential {
        EnvironmentCredential(
            tenantID: Vector.tenant, clientID: Vector.client, mode: mode,
            endpoint: TokenEndpoint(authority: try AuthorityHost(nil), http: http, clock: clock.clock, log: .silent))
    }

    private func outcome(_ credential: EnvironmentCredential, scope: String = Vector.scope) -> Result<AccessToken, CredentialError> {
        do throws(CredentialError) {
            return .success(try credential.token(for: TokenRequest(scope: scope)))
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Secret (vector 1)

    @Test func secretModePostsTheVectorForm() throws {
        let http = ScriptedHTTPClient()
        http.expect(
            .post, Vector.tokenURL,
            headers: [("Content-Type", "application/x-www-form-urlencoded")],
            absentHeaders: ["Authorization"],
            form: [
                ("grant_type", "client_credentials"), ("client_id", Vector.client),
                ("client_secret", "s3cr3t"), ("scope", Vector.scope),
            ],
            exactForm: true,
            check: { request in
                let body = String(decoding: request.body, as: UTF8.self)
                #expect(body.contains("scope=https%3A%2F%2Fossrdbms-aad.database.windows.net%2F.default"))
                #expect(body.contains("grant_type=client_credentials"))
                #expect(body.contains("client_secret=s3cr3t"))
                #expect(!request.url.contains("s3cr3t"))
            },
            respond: .json(200, Vector.entraSuccess))
        let token = try outcome(credential(.secret("s3cr3t"), http: http)).get()
        #expect(token.token == Vector.token)
        #expect(token.expiresOn == 1_700_003_599)
        #expect(token.refreshOn == nil)
        http.verifyAllUsed()
    }

    @Test func aRejectedSecretIsAnAuthenticationFailureCarryingTheAADSTSCode() throws {
        let http = ScriptedHTTPClient()
        http.expect(.post, Vector.tokenURL, respond: .json(401, """
            {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\\r\\nTrace ID: 0000 Correlation ID: 1111 Timestamp: 2023-11-14 22:13:20Z","error_codes":[7000215],"trace_id":"0000","correlation_id":"1111"}
            """))
        let result = outcome(try credential(.secret(Self.secret), http: http))
        guard case .failure(.authenticationFailed(let message)) = result else {
            Issue.record("expected authenticationFailed, got \(result)")
            return
        }
        #expect(message.hasPrefix("Authentication failed: AADSTS7000215: Invalid client secret provided."))
        #expect(!message.contains("Trace ID"))
        #expect(!message.contains(Self.secret))
        // 401 is an answer, not a reason to retry.
        #expect(http.requests.count == 1)
        http.verifyAllUsed()
    }

    @Test func theRequestTenantOverridesTheConfiguredOne() throws {
        let http = ScriptedHTTPClient()
        http.expect(.post, "https://login.microsoftonline.com/other-tenant/oauth2/v2.0/token", respond: .json(200, Vector.entraSuccess))
        let env = try credential(.secret("s"), http: http)
        _ = try env.token(for: TokenRequest(scope: Vector.scope, tenant: "other-tenant"))
        http.verifyAllUsed()
    }

    @Test func theSecretNeverAppearsInAnyError() throws {
        let clock = TestClock()
        var answers: [(ScriptedHTTPClient) -> Void] = []
        answers.append { $0.expect(.post, Vector.tokenURL, respond: .json(400, #"{"error":"invalid_request","error_description":"AADSTS900144: The request body must contain the following parameter: 'client_id'."}"#)) }
        answers.append { http in
            for _ in 0..<4 { http.expect(.post, Vector.tokenURL, respond: HTTPResponse(status: 503, text: "<html>Service Unavailable</html>")) }
        }
        answers.append { http in
            for _ in 0..<4 { http.expect(.post, Vector.tokenURL, fail: .couldNotConnect("Failed to connect to login.microsoftonline.com port 443")) }
        }
        answers.append { $0.expect(.post, Vector.tokenURL, fail: .timedOut("Operation timed out after 30000 milliseconds")) }
        answers.append { $0.expect(.post, Vector.tokenURL, respond: HTTPResponse(status: 200, text: "not json")) }
        answers.append { $0.expect(.post, Vector.tokenURL, respond: .json(200, #"{"token_type":"Bearer"}"#)) }
        for script in answers {
            let http = ScriptedHTTPClient()
            script(http)
            let result = outcome(try credential(.secret(Self.secret), http: http, clock: clock))
            guard case .failure(let error) = result else {
                Issue.record("expected a failure, got \(result)")
                continue
            }
            #expect(!error.isUnavailable, "\(error)")
            #expect(!error.message.contains(Self.secret), "\(error.message)")
            #expect(!String(describing: error).contains(Self.secret))
            http.verifyAllUsed()
        }
    }

    /// cli.md: no error message may show more of a token than its first 6 characters.
    @Test func aTruncatedTokenResponseNeverShowsTheToken() throws {
        let token = TestJWT.realistic()
        let http = ScriptedHTTPClient()
        http.expect(.post, Vector.tokenURL, respond: HTTPResponse(status: 200, text: #"{"token_type":"Bearer","access_token":"\#(token)","expi"#))
        let result = outcome(try credential(.secret(Self.secret), http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(!error.message.contains(String(token.prefix(12))), "\(error.message)")
    }

    // MARK: - Configuration

    @Test func nothingConfiguredIsUnavailableNamingWhatIsMissing() {
        let result = EnvironmentCredential.configuration(IdentitySettings(), certificatePassword: nil, sendChain: false)
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.isUnavailable)
        #expect(error.message.contains("AZURE_TENANT_ID"))
        #expect(error.message.contains("AZURE_CLIENT_ID"))
        #expect(error.message.contains("AZURE_CLIENT_SECRET"))
    }

    @Test func onlyTenantAndClientIsStillUnavailable() {
        let settings = IdentitySettings(tenantID: Vector.tenant, clientID: Vector.client)
        guard case .failure(let error) = EnvironmentCredential.configuration(settings, certificatePassword: nil, sendChain: false) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.isUnavailable)
        #expect(!error.message.contains("AZURE_TENANT_ID,"))
    }

    @Test func theSecretWinsOverACertificate() {
        let settings = IdentitySettings(
            tenantID: Vector.tenant, clientID: Vector.client, clientSecret: "s", clientCertificatePath: "/nonexistent.pem")
        guard case .success(let configuration) = EnvironmentCredential.configuration(settings, certificatePassword: nil, sendChain: false),
              case .secret("s") = configuration.mode else {
            Issue.record("expected secret mode")
            return
        }
    }

    @Test(arguments: [("1", true), ("true", true), ("TRUE", true), ("false", false), ("yes", false), ("0", false)])
    func theChainFlagAcceptsOnlyOneOrTrue(_ value: String, _ expected: Bool) {
        let settings = IdentitySettings(
            tenantID: Vector.tenant, clientID: Vector.client, clientCertificatePath: "/c.pem", clientCertificatePassword: "pw",
            toolEnvironment: ["AZURE_CLIENT_SEND_CERTIFICATE_CHAIN": value])
        let factory = CredentialFactory(
            settings: settings, http: ScriptedHTTPClient(), runner: ScriptedProcessRunner(), clock: TestClock().clock, log: .silent)
        guard case .ready(let member) = factory.member(.environment, inChain: true),
              let environment = member as? EnvironmentCredential,
              case .certificate(let path, let password, let sendChain) = environment.mode else {
            Issue.record("expected certificate mode")
            return
        }
        #expect(path == "/c.pem")
        #expect(password == "pw")
        #expect(sendChain == expected)
    }

    // MARK: - Certificate (vector 2)

    @Test func certificateModeSignsAnRS256AssertionWithX5t() throws {
        let material = try CertificateMaterial()
        let http = ScriptedHTTPClient()
        var assertion: String?
        http.expect(
            .post, Vector.tokenURL,
            form: [
                ("grant_type", "client_credentials"), ("client_id", Vector.client), ("scope", Vector.scope),
                ("client_assertion_type", Vector.assertionType),
            ],
            check: { request in
                let fields = FormFields.dictionary(request)
                #expect(fields["client_secret"] == nil)
                assertion = fields["client_assertion"]
            },
            respond: .json(200, Vector.entraSuccess))
        let token = try outcome(credential(.certificate(path: material.combined, password: nil, sendChain: false), http: http)).get()
        #expect(token.expiresOn == 1_700_003_599)
        http.verifyAllUsed()

        let jws = try #require(assertion)
        let parts = try #require(TestJWT.parts(jws))
        #expect(parts.header["alg"] as? String == "RS256")
        #expect(parts.header["typ"] as? String == "JWT")
        #expect(parts.header["x5t"] as? String == material.thumbprint)
        #expect(parts.header["x5c"] == nil)
        #expect(!(parts.header["x5t"] as? String ?? "=").contains("="))
        #expect(parts.payload["aud"] as? String == Vector.tokenURL)
        #expect(parts.payload["iss"] as? String == Vector.client)
        #expect(parts.payload["sub"] as? String == Vector.client)
        let iat = try #require(parts.payload["iat"] as? Int)
        let nbf = try #require(parts.payload["nbf"] as? Int)
        let exp = try #require(parts.payload["exp"] as? Int)
        #expect(iat == Int(Vector.now))
        #expect(nbf == iat)
        #expect(exp - iat == 600)
        let jti = try #require(parts.payload["jti"] as? String)
        #expect(UUID(uuidString: jti) != nil)
        #expect(try material.verify(jws), "the RS256 signature does not verify with the certificate's key")
    }

    @Test func everyRequestGetsAFreshJTI() throws {
        let material = try CertificateMaterial()
        let http = ScriptedHTTPClient()
        http.expect(.post, Vector.tokenURL, respond: .json(200, Vector.entraSuccess))
        http.expect(.post, Vector.tokenURL, respond: .json(200, Vector.entraSuccess))
        let env = try credential(.certificate(path: material.combined, password: nil, sendChain: false), http: http)
        _ = outcome(env)
        _ = outcome(env)
        let jtis = http.requests.compactMap { FormFields.dictionary($0)["client_assertion"] }
            .compactMap { TestJWT.parts($0)?.payload["jti"] as? String }
        #expect(jtis.count == 2)
        #expect(Set(jtis).count == 2)
    }

    @Test func theChainFlagAddsX5cLeafFirst() throws {
        let material = try CertificateMaterial()
        let http = ScriptedHTTPClient()
        http.expect(.post, Vector.tokenURL, respond: .json(200, Vector.entraSuccess))
        // An unrelated certificate first in the file: the signing one is the one matching the key.
        let file = material.directory.write("chain.pem", material.otherCertificatePEM + material.keyPEM + material.certificatePEM)
        _ = try outcome(credential(.certificate(path: file, password: nil, sendChain: true), http: http)).get()
        let jws = try #require(http.requests.first.flatMap { FormFields.dictionary($0)["client_assertion"] })
        let header = try #require(TestJWT.parts(jws)).header
        let x5c = try #require(header["x5c"] as? [String])
        #expect(x5c.count == 2)
        #expect(x5c.first == material.certificateDER.base64EncodedString())
        #expect(x5c.last == material.otherCertificateDER.base64EncodedString())
        #expect(header["x5t"] as? String == material.thumbprint)
        #expect(try material.verify(jws))
    }

    @Test func certificateBeforeKeyInThePEMWorksToo() throws {
        let material = try CertificateMaterial()
        let http = ScriptedHTTPClient()
        http.expect(.post, Vector.tokenURL, respond: .json(200, Vector.entraSuccess))
        let file = material.directory.write("reversed.pem", material.certificatePEM + material.keyPEM)
        _ = try outcome(credential(.certificate(path: file, password: nil, sendChain: false), http: http)).get()
        http.verifyAllUsed()
    }

    @Test func aPasswordProtectedPKCS12FileIsOpenedWithThePassword() throws {
        let material = try CertificateMaterial()
        let pfx = material.directory.file("cert.pfx")
        let made = try runTool([
            "openssl", "pkcs12", "-export", "-inkey", material.keyFile, "-in", material.certificateFile,
            "-out", pfx, "-passout", "pass:pfx-pass",
        ])
        try #require(made.status == 0, "\(made.error)")
        let http = ScriptedHTTPClient()
        var assertion: String?
        http.expect(.post, Vector.tokenURL, check: { assertion = FormFields.dictionary($0)["client_assertion"] },
                    respond: .json(200, Vector.entraSuccess))
        _ = try outcome(credential(.certificate(path: pfx, password: "pfx-pass", sendChain: false), http: http)).get()
        let jws = try #require(assertion)
        #expect(TestJWT.parts(jws)?.header["x5t"] as? String == material.thumbprint)
        #expect(try material.verify(jws))
    }

    @Test func anEncryptedPKCS8KeyIsOpenedWithThePassword() throws {
        let material = try CertificateMaterial()
        let encrypted = material.directory.file("enc-key.pem")
        let made = try runTool(["openssl", "pkcs8", "-topk8", "-in", material.keyFile, "-out", encrypted, "-passout", "pass:key-pass"])
        try #require(made.status == 0, "\(made.error)")
        let keyText = try String(contentsOfFile: encrypted, encoding: .utf8)
        #expect(keyText.contains("ENCRYPTED PRIVATE KEY"))
        let file = material.directory.write("enc-combined.pem", keyText + material.certificatePEM)
        let http = ScriptedHTTPClient()
        http.expect(.post, Vector.tokenURL, respond: .json(200, Vector.entraSuccess))
        _ = try outcome(credential(.certificate(path: file, password: "key-pass", sendChain: false), http: http)).get()
        http.verifyAllUsed()
    }

    @Test func anECKeyIsRejectedBecauseRS256NeedsRSA() throws {
        let directory = ScratchDirectory()
        let key = directory.file("ec-key.pem")
        let cert = directory.file("ec-cert.pem")
        let made = try runTool([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=pgentra-ec-test",
        ])
        try #require(made.status == 0, "\(made.error)")
        let combined = directory.write(
            "ec.pem", try String(contentsOfFile: key, encoding: .utf8) + String(contentsOfFile: cert, encoding: .utf8))
        let http = ScriptedHTTPClient()
        let result = outcome(try credential(.certificate(path: combined, password: nil, sendChain: false), http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(!error.isUnavailable)
        #expect(error.message.contains("must have an RSA private key"))
        #expect(http.requests.isEmpty)
    }

    @Test func aCertificateWithoutItsKeyIsRejected() throws {
        let material = try CertificateMaterial()
        let http = ScriptedHTTPClient()
        let result = outcome(try credential(.certificate(path: material.certificateFile, password: nil, sendChain: false), http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("must include its private key"))
        #expect(http.requests.isEmpty)
    }

    @Test func garbageIsNotACertificate() throws {
        let directory = ScratchDirectory()
        let file = directory.write("garbage.pem", "this is neither PEM nor PKCS#12")
        let http = ScriptedHTTPClient()
        let result = outcome(try credential(.certificate(path: file, password: nil, sendChain: false), http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("Failed to deserialize certificate in PEM or PKCS12 format"))
        #expect(http.requests.isEmpty)
    }

    @Test func aMissingCertificateFileIsNamed() throws {
        let http = ScriptedHTTPClient()
        let result = outcome(try credential(.certificate(path: "/nonexistent/pgentra/cert.pem", password: nil, sendChain: false), http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("/nonexistent/pgentra/cert.pem"))
        #expect(http.requests.isEmpty)
    }
}

/// A throwaway RSA key and self-signed certificate made with the openssl CLI, plus a second,
/// unrelated certificate for chain tests.
final class CertificateMaterial {
    let directory = ScratchDirectory()
    let keyFile: String
    let certificateFile: String
    let combined: String
    let keyPEM: String
    let certificatePEM: String
    let certificateDER: Data
    let otherCertificatePEM: String
    let otherCertificateDER: Data
    /// base64url (no padding) SHA-1 of the certificate's DER.
    let thumbprint: String

    struct Failed: Error, CustomStringConvertible { let description: String }

    init() throws {
        keyFile = directory.file("key.pem")
        certificateFile = directory.file("cert.pem")
        try Self.check(runTool([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certificateFile,
            "-days", "1", "-subj", "/CN=pgentra-unit-test",
        ]))
        keyPEM = try String(contentsOfFile: keyFile, encoding: .utf8)
        certificatePEM = try String(contentsOfFile: certificateFile, encoding: .utf8)
        combined = directory.write("combined.pem", keyPEM + certificatePEM)
        certificateDER = try Self.check(runTool(["openssl", "x509", "-in", certificateFile, "-outform", "DER"]))
        let digest = try Self.check(runTool(["openssl", "dgst", "-sha1", "-binary"], input: certificateDER))
        thumbprint = TestJWT.base64URL(digest)

        let otherKey = directory.file("other-key.pem")
        let otherCertificate = directory.file("other-cert.pem")
        try Self.check(runTool([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", otherKey, "-out", otherCertificate,
            "-days", "1", "-subj", "/CN=pgentra-unrelated",
        ]))
        otherCertificatePEM = try String(contentsOfFile: otherCertificate, encoding: .utf8)
        otherCertificateDER = try Self.check(runTool(["openssl", "x509", "-in", otherCertificate, "-outform", "DER"]))
    }

    @discardableResult
    private static func check(_ result: (status: Int32, output: Data, error: String)) throws -> Data {
        guard result.status == 0 else { throw Failed(description: "openssl failed: \(result.error)") }
        return result.output
    }

    /// Verifies a compact JWS's RS256 signature with the certificate's public key.
    func verify(_ jws: String) throws -> Bool {
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = TestJWT.decodeBase64URL(parts[2]) else { return false }
        let input = directory.write("signing-input", "\(parts[0]).\(parts[1])")
        let signatureFile = directory.file("signature.bin")
        try signature.write(to: URL(fileURLWithPath: signatureFile))
        let publicKey = directory.file("public.pem")
        let publicPEM = try Self.check(runTool(["openssl", "x509", "-in", certificateFile, "-pubkey", "-noout"]))
        try publicPEM.write(to: URL(fileURLWithPath: publicKey))
        return try runTool(["openssl", "dgst", "-sha256", "-verify", publicKey, "-signature", signatureFile, input]).status == 0
    }
}
