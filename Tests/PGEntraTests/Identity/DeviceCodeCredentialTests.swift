import TestSupport
import Testing
@testable import PGEntraIdentity

@Suite struct DeviceCodeCredentialTests {
    static let devicecodeURL = "https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode"
    static let tokenURL = "https://login.microsoftonline.com/organizations/oauth2/v2.0/token"
    static let grant = """
        {"user_code":"ABCD1234","device_code":"DC1","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":5,\
        "message":"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD1234 to authenticate."}
        """

    private let clock = TestClock()
    private let recorder = LogRecorder()

    private func credential(_ http: ScriptedHTTPClient, tenant: String? = nil) throws -> DeviceCodeCredential {
        DeviceCodeCredential(
            tenantID: tenant, clientID: nil,
            endpoint: TokenEndpoint(authority: try AuthorityHost(nil), http: http, clock: clock.clock, log: recorder.log))
    }

    private func outcome(_ credential: DeviceCodeCredential) -> Result<AccessToken, CredentialError> {
        do throws(CredentialError) {
            return .success(try credential.token(for: TokenRequest(scope: Vector.scope)))
        } catch {
            return .failure(error)
        }
    }

    private func expectPoll(_ http: ScriptedHTTPClient, respond: HTTPResponse) {
        // Issue 11: field for field MSAL Python's poll, `code` and `client_info` included.
        http.expect(.post, Self.tokenURL, form: [
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("client_id", DeviceCodeCredential.developerClientID), ("device_code", "DC1"), ("code", "DC1"),
            ("client_info", "1"),
        ], exactForm: true, respond: respond)
    }

    @Test func pollsUntilSignedInSlowingDownWhenAsked() throws {
        let http = ScriptedHTTPClient()
        http.expect(.post, Self.devicecodeURL, form: [
            ("client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46"), ("scope", Vector.scope + " openid profile offline_access"),
        ], exactForm: true, respond: .json(200, Self.grant))
        expectPoll(http, respond: .json(400, #"{"error":"authorization_pending","error_description":"AADSTS70016: pending"}"#))
        expectPoll(http, respond: .json(400, #"{"error":"slow_down"}"#))
        expectPoll(http, respond: .json(200, """
            {"token_type":"Bearer","expires_in":3599,"access_token":"eyJ.p.s","refresh_token":"r","id_token":"i","client_info":"c"}
            """))
        let token = try outcome(credential(http)).get()
        #expect(token.token == Vector.token)
        #expect(clock.sleeps == [5, 5, 10])
        #expect(recorder.all.contains { $0.contains("ABCD1234") })
        http.verifyAllUsed()
    }

    @Test func anExpiredCodeStops() {
        let http = ScriptedHTTPClient()
        http.expect(.post, Self.devicecodeURL, respond: .json(200, Self.grant))
        expectPoll(http, respond: .json(400, #"{"error":"expired_token","error_description":"AADSTS70020: The provided value for the input parameter 'device_code' is not valid."}"#))
        guard case .failure(let error) = outcome(try! credential(http)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(!error.isUnavailable)
        #expect(error.message.contains("AADSTS70020"))
        http.verifyAllUsed()
    }

    @Test func waitingStopsAtTheCodesExpiry() {
        let http = ScriptedHTTPClient()
        http.expect(.post, Self.devicecodeURL, respond: .json(200, #"{"device_code":"DC1","user_code":"U","expires_in":12,"interval":"5"}"#))
        // Polls at 5, 10 and 15 s: like MSAL, the expiry is checked before each wait.
        for _ in 0..<3 { expectPoll(http, respond: .json(400, #"{"error":"authorization_pending"}"#)) }
        guard case .failure(let error) = outcome(try! credential(http)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("Timed out waiting for user to authenticate"))
        #expect(clock.sleeps == [5, 5, 5])
        http.verifyAllUsed()
    }

    @Test func aConfiguredTenantReplacesOrganizations() {
        let http = ScriptedHTTPClient()
        http.expect(.post, "https://login.microsoftonline.com/\(Vector.tenant)/oauth2/v2.0/devicecode",
                    respond: .json(400, #"{"error":"invalid_request","error_description":"AADSTS90002: Tenant not found."}"#))
        guard case .failure(let error) = outcome(try! credential(http, tenant: Vector.tenant)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("AADSTS90002"))
        http.verifyAllUsed()
    }
}
