/// Interactive sign-in from any browser (credentials.md §7): the user opens a page and types a
/// code while pgentra polls. Used only when asked for with `--credential device-code`.
struct DeviceCodeCredential: TokenCredential {
    let kind = CredentialKind.deviceCode
    static let developerClientID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"

    let tenantID: String?
    let clientID: String?
    let endpoint: TokenEndpoint

    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken {
        let tenant = request.tenant ?? tenantID ?? "organizations"
        let client = clientID ?? Self.developerClientID
        let scope = request.scope + " openid profile offline_access"
        let start: [UInt8]
        do throws(TokenEndpoint.Failure) {
            start = try endpoint.post(
                url: endpoint.authority.deviceCodeURL(tenant: tenant),
                fields: [("client_id", client), ("scope", scope)], label: kind.className).body
        } catch {
            throw error.credentialError
        }
        guard let grant = JSONValue.object(from: start),
              let deviceCode = grant["device_code"]?.stringValue else {
            throw .authenticationFailed("unexpected answer from the device code endpoint: " + TokenResponse.excerpt(of: start))
        }
        let userCode = grant["user_code"]?.stringValue ?? ""
        let page = grant["verification_uri"]?.stringValue ?? "https://microsoft.com/devicelogin"
        endpoint.log.notice(grant["message"]?.stringValue
            ?? "To sign in, use a web browser to open the page \(page) and enter the code \(userCode) to authenticate.")

        // Bounded: a hostile answer's interval or lifetime never makes pgentra sleep for ever.
        var interval = Double(min(max(grant["interval"]?.integerValue ?? 5, 1), 60))
        let deadline = endpoint.clock.now() + Double(min(max(grant["expires_in"]?.integerValue ?? 1800, 0), 3600))
        // Field for field what azure-identity sends through MSAL Python: acquire_token_by_device_flow
        // adds `code` beside `device_code` ("2018-10-4 Hack"), and every token request carries
        // the client's default body, `client_info=1`.
        let fields = [
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("client_id", client), ("device_code", deviceCode), ("code", deviceCode), ("client_info", "1"),
        ]
        while endpoint.clock.now() < deadline {
            endpoint.clock.sleep(interval)
            do throws(TokenEndpoint.Failure) {
                return try endpoint.requestToken(tenant: tenant, fields: fields, label: kind.className)
            } catch .rejected(_, "authorization_pending", _) {
                continue
            } catch .rejected(_, "slow_down", _) {
                interval += 5
            } catch .rejected(_, let code, let description) where ["authorization_declined", "expired_token", "bad_verification_code"].contains(code) {
                throw .authenticationFailed("device code sign-in ended: \(description)")
            } catch {
                throw error.credentialError
            }
        }
        throw .authenticationFailed("Timed out waiting for user to authenticate")
    }
}
