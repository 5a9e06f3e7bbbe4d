import TestSupport
import Testing
@testable import PGEntraIdentity

@Suite struct WorkloadIdentityCredentialTests {
    private func credential(file: String, http: ScriptedHTTPClient) throws -> WorkloadIdentityCredential {
        WorkloadIdentityCredential(
            tenantID: Vector.tenant, clientID: Vector.client, tokenFile: file,
            endpoint: TokenEndpoint(authority: try AuthorityHost(nil), http: http, clock: TestClock().clock, log: .silent))
    }

    private func outcome(_ credential: WorkloadIdentityCredential) -> Result<AccessToken, CredentialError> {
        do throws(CredentialError) {
            return .success(try credential.token(for: TokenRequest(scope: Vector.scope)))
        } catch {
            return .failure(error)
        }
    }

    private func expectVectorRequest(_ http: ScriptedHTTPClient, respond: HTTPResponse) {
        http.expect(
            .post, Vector.tokenURL,
            form: [
                ("client_assertion", "eyJfed.k8s.sa"), ("client_assertion_type", Vector.assertionType),
                ("client_id", Vector.client), ("grant_type", "client_credentials"), ("scope", Vector.scope),
            ],
            exactForm: true,
            respond: respond)
    }

    // MARK: - Vector 3

    @Test func exchangesTheFederatedTokenForAnEntraToken() throws {
        let directory = ScratchDirectory()
        let file = directory.write("token", "eyJfed.k8s.sa")
        let http = ScriptedHTTPClient()
        expectVectorRequest(http, respond: .json(200, Vector.entraSuccess))
        let token = try outcome(credential(file: file, http: http)).get()
        #expect(token.token == Vector.token)
        #expect(token.expiresOn == 1_700_003_599)
        http.verifyAllUsed()
    }

    @Test func aTrailingNewlineIsStripped() throws {
        let directory = ScratchDirectory()
        let file = directory.write("token", "eyJfed.k8s.sa\n")
        let http = ScriptedHTTPClient()
        expectVectorRequest(http, respond: .json(200, Vector.entraSuccess))
        _ = try outcome(credential(file: file, http: http)).get()
        http.verifyAllUsed()
    }

    @Test func aRejectedAssertionStopsTheChainWithTheAADSTSCode() throws {
        let directory = ScratchDirectory()
        let file = directory.write("token", "eyJfed.k8s.sa")
        let http = ScriptedHTTPClient()
        expectVectorRequest(http, respond: .json(400, """
            {"error":"invalid_request","error_description":"AADSTS700213: No matching federated identity record found for presented assertion subject 'system:serviceaccount:default:workload'.","error_codes":[700213]}
            """))
        let result = outcome(try credential(file: file, http: http))
        guard case .failure(.authenticationFailed(let message)) = result else {
            Issue.record("expected authenticationFailed, got \(result)")
            return
        }
        #expect(message.hasPrefix("Authentication failed: AADSTS700213: No matching federated identity record found"))
        #expect(!message.contains("eyJfed.k8s.sa"))
    }

    @Test func theFileIsReadAgainForEveryRequest() throws {
        let directory = ScratchDirectory()
        let file = directory.write("token", "eyJfirst.a.b")
        let http = ScriptedHTTPClient()
        http.expect(.post, Vector.tokenURL, form: [("client_assertion", "eyJfirst.a.b")], respond: .json(200, Vector.entraSuccess))
        http.expect(.post, Vector.tokenURL, form: [("client_assertion", "eyJsecond.a.b")], respond: .json(200, Vector.entraSuccess))
        let workload = try credential(file: file, http: http)
        _ = try outcome(workload).get()
        directory.write("token", "eyJsecond.a.b")
        _ = try outcome(workload).get()
        http.verifyAllUsed()
    }

    // MARK: - File problems

    @Test func anUnreadableFileIsAClearErrorNamingTheFile() throws {
        let http = ScriptedHTTPClient()
        let path = "/nonexistent/pgentra-unit/federated-token"
        let result = outcome(try credential(file: path, http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains(path))
        #expect(error.message.contains("AZURE_FEDERATED_TOKEN_FILE"))
        #expect(error.message.contains("No such file or directory"))
        #expect(http.requests.isEmpty)
    }

    @Test func aDirectoryInsteadOfAFileIsAClearError() throws {
        let directory = ScratchDirectory()
        let http = ScriptedHTTPClient()
        let result = outcome(try credential(file: directory.path, http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains(directory.path))
        #expect(http.requests.isEmpty)
    }

    @Test func anEmptyFileIsAClearError() throws {
        let directory = ScratchDirectory()
        let file = directory.write("token", "\n")
        let http = ScriptedHTTPClient()
        let result = outcome(try credential(file: file, http: http))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains(file))
        #expect(error.message.contains("empty"))
        #expect(http.requests.isEmpty)
    }

    // MARK: - Configuration

    @Test func missingSettingsAreUnavailableNamingOnlyTheMissingOnes() {
        let settings = IdentitySettings(tenantID: Vector.tenant, clientID: Vector.client)
        guard case .failure(let error) = WorkloadIdentityCredential.configuration(settings) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.isUnavailable)
        #expect(error.message.contains("AZURE_FEDERATED_TOKEN_FILE"))
        #expect(!error.message.contains("AZURE_TENANT_ID"))
        #expect(!error.message.contains("AZURE_CLIENT_ID"))
    }

    @Test func nothingConfiguredNamesAllThree() {
        guard case .failure(let error) = WorkloadIdentityCredential.configuration(IdentitySettings()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("AZURE_TENANT_ID"))
        #expect(error.message.contains("AZURE_CLIENT_ID"))
        #expect(error.message.contains("AZURE_FEDERATED_TOKEN_FILE"))
    }

    @Test func fullSettingsConfigureTheCredential() {
        let settings = IdentitySettings(tenantID: Vector.tenant, clientID: Vector.client, federatedTokenFile: "/var/run/token")
        guard case .success(let (tenant, client, file)) = WorkloadIdentityCredential.configuration(settings) else {
            Issue.record("expected success")
            return
        }
        #expect(tenant == Vector.tenant)
        #expect(client == Vector.client)
        #expect(file == "/var/run/token")
    }
}
