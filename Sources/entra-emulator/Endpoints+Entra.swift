import Foundation

/// The Entra routes below `/{tenant}/` (credentials.md §1–3, §7).
enum EntraRoute: Sendable {
    case token
    case deviceCode
    case openIDConfiguration
    case keys

    init?(method: String, segments: [String]) {
        switch (method, segments) {
        case ("POST", ["oauth2", "v2.0", "token"]): self = .token
        case ("POST", ["oauth2", "v2.0", "devicecode"]): self = .deviceCode
        case ("GET", ["v2.0", ".well-known", "openid-configuration"]): self = .openIDConfiguration
        case ("GET", ["discovery", "v2.0", "keys"]): self = .keys
        default: return nil
        }
    }
}

extension Endpoints {
    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    static let deviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code"
    /// Multi-tenant authorities that user sign-in (device code) and discovery accept.
    static let multiTenantAuthorities: Set<String> = ["organizations", "common"]

    func entra(_ route: EntraRoute, tenant: String, _ context: RequestContext) -> HTTPResponse {
        let isOwnTenant = tenant.lowercased() == directory.tenant.lowercased()
        guard isOwnTenant || Endpoints.multiTenantAuthorities.contains(tenant.lowercased()) else {
            return EntraError.tenantNotFound(tenant).response(now: context.now)
        }
        switch route {
        case .token: return token(tenant: tenant, isOwnTenant: isOwnTenant, context)
        case .deviceCode: return startDeviceCode(context)
        case .openIDConfiguration: return openIDConfiguration(tenant: tenant, isOwnTenant: isOwnTenant, context)
        case .keys: return .json(200, signer.jwks)
        }
    }

    // MARK: - Token endpoint

    private func token(tenant: String, isOwnTenant: Bool, _ context: RequestContext) -> HTTPResponse {
        let form = context.request.form
        guard let grantType = form.nonEmpty("grant_type") else {
            return EntraError.missingParameter("grant_type").response(now: context.now)
        }
        switch grantType {
        case "client_credentials":
            // An app's sign-in needs a real tenant; only user flows may use organizations/common.
            guard isOwnTenant else { return EntraError.tenantNotFound(tenant).response(now: context.now) }
            return clientCredentials(form, context)
        case Endpoints.deviceCodeGrant:
            return redeemDeviceCode(form, context)
        default:
            return EntraError.unsupportedGrantType(grantType).response(now: context.now)
        }
    }

    /// Secret (§2) and federated assertion (§3) sign-ins of service principals.
    private func clientCredentials(_ form: URLEncodedForm, _ context: RequestContext) -> HTTPResponse {
        let (clientID, scope): (String, ScopeParser.Parsed)
        switch Endpoints.clientAndScope(form) {
        case .failure(let error): return error.response(now: context.now)
        case .success(let named): (clientID, scope) = named
        }
        guard scope.isDefault else { return EntraError.notDefaultScope(scope.scope).response(now: context.now) }
        guard let principal = directory.servicePrincipal(clientID: clientID) else {
            return EntraError.applicationNotFound(clientID: clientID, tenant: directory.tenant).response(now: context.now)
        }

        let endpoint: IssuingEndpoint
        if let assertion = form.nonEmpty("client_assertion") {
            guard form["client_assertion_type"] == Endpoints.assertionType else {
                return EntraError.invalidAssertionType().response(now: context.now)
            }
            guard directory.acceptsFederatedToken(for: clientID), let expected = directory.federatedToken,
                  assertion == expected
            else {
                return EntraError.noFederatedIdentity(subject: Endpoints.assertionSubject(assertion)).response(now: context.now)
            }
            endpoint = .workload
        } else if let secret = form.nonEmpty("client_secret") {
            guard secret == principal.secret else {
                return EntraError.invalidClientSecret(clientID: clientID).response(now: context.now)
            }
            endpoint = .clientSecret
        } else {
            return EntraError.noClientCredential().response(now: context.now)
        }

        return issue(.servicePrincipal(principal, federated: endpoint == .workload), resource: scope.resource,
                     endpoint: endpoint, context) { issued in
            .json(200, .object([
                "token_type": "Bearer",
                "expires_in": .int(issued.expiresIn),
                "ext_expires_in": .int(issued.expiresIn),
                "access_token": issued.accessToken.map(JSONValue.string),
            ]))
        }
    }

    /// The `client_id` and the parsed `scope` that client-credential and device-code requests
    /// both begin with; the refusals, in the order they are checked: no client id, no scope, a
    /// scope ScopeParser refuses.
    static func clientAndScope(_ form: URLEncodedForm) -> Result<(String, ScopeParser.Parsed), EntraError> {
        guard let clientID = form.nonEmpty("client_id") else { return .failure(.missingParameter("client_id")) }
        guard let scopeText = form.nonEmpty("scope") else { return .failure(.missingParameter("scope")) }
        return ScopeParser.parse(scopeText).map { (clientID, $0) }
    }

    /// The `sub` of a presented assertion, for Entra's AADSTS700213 wording (never the assertion).
    static func assertionSubject(_ assertion: String) -> String {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Base64URL.decode(String(parts[1])),
              let object = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any],
              let subject = object["sub"] as? String
        else { return "unknown" }
        return subject
    }

    // MARK: - Device code (§7)

    private func startDeviceCode(_ context: RequestContext) -> HTTPResponse {
        let (clientID, scope): (String, ScopeParser.Parsed)
        switch Endpoints.clientAndScope(context.request.form) {
        case .failure(let error): return error.response(now: context.now)
        case .success(let named): (clientID, scope) = named
        }
        let grant = deviceCodes.start(clientID: clientID, scope: scope.scope, resource: scope.resource, now: context.now)
        let verificationURI = "https://microsoft.com/devicelogin"
        return .json(200, [
            "user_code": .string(grant.userCode),
            "device_code": .string(grant.deviceCode),
            "verification_uri": .string(verificationURI),
            "expires_in": .int(DeviceCodeStore.lifetime),
            "interval": .int(settings.deviceInterval),
            "message": .string("To sign in, use a web browser to open the page \(verificationURI) and enter the code "
                + "\(grant.userCode) to authenticate."),
        ])
    }

    private func redeemDeviceCode(_ form: URLEncodedForm, _ context: RequestContext) -> HTTPResponse {
        guard let clientID = form.nonEmpty("client_id") else {
            return EntraError.missingParameter("client_id").response(now: context.now)
        }
        // MSAL Python sends the code as both `device_code` and `code`.
        guard let code = form.nonEmpty("device_code") ?? form.nonEmpty("code") else {
            return EntraError.missingParameter("device_code").response(now: context.now)
        }
        let grant: DeviceCodeStore.Grant
        switch deviceCodes.poll(deviceCode: code, now: context.now) {
        case .unknown: return EntraError.badVerificationCode().response(now: context.now)
        case .expired: return EntraError.expiredDeviceCode().response(now: context.now)
        case .pending: return EntraError.authorizationPending().response(now: context.now)
        case .approved(let approved): grant = approved
        }
        let user = directory.user
        let idToken: String
        do {
            idToken = try tokens.idToken(for: user, clientID: clientID,
                                         issuer: "\(context.request.origin)/\(directory.tenant)/v2.0", now: context.now)
        } catch {
            Log.info("\(context.request.path): \(error)")
            return .error(500, "server_error", "entra-emulator could not issue the id token: \(error)")
        }
        let clientInfo = Base64URL.encode(
            JSONValue.object(["uid": .string(user.objectID), "utid": .string(directory.tenant)]).serialized)
        return issue(.user(user), resource: grant.resource, endpoint: .deviceCode, context) { issued in
            .json(200, .object([
                "token_type": "Bearer",
                "scope": .string(grant.scope),
                "expires_in": .int(issued.expiresIn),
                "ext_expires_in": .int(issued.expiresIn),
                "access_token": issued.accessToken.map(JSONValue.string),
                "refresh_token": .string(RandomText.base64URL(byteCount: 48)),
                "id_token": .string(idToken),
                "client_info": .string(clientInfo),
            ]))
        }
    }

    // MARK: - Discovery (§1)

    /// URLs are built from the address the client used, so discovery works over http and https
    /// and whichever loopback name the client chose.
    private func openIDConfiguration(tenant: String, isOwnTenant: Bool, _ context: RequestContext) -> HTTPResponse {
        let base = "\(context.request.origin)/\(tenant)"
        // Like Entra: a multi-tenant authority announces a templated issuer.
        let issuer = "\(context.request.origin)/\(isOwnTenant ? tenant : "{tenantid}")/v2.0"
        return .json(200, [
            "token_endpoint": .string("\(base)/oauth2/v2.0/token"),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": .string("\(base)/discovery/v2.0/keys"),
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": .string(issuer),
            "request_uri_parameter_supported": false,
            "authorization_endpoint": .string("\(base)/oauth2/v2.0/authorize"),
            "device_authorization_endpoint": .string("\(base)/oauth2/v2.0/devicecode"),
            "end_session_endpoint": .string("\(base)/oauth2/v2.0/logout"),
            "tenant_region_scope": "NA",
            "cloud_instance_name": "microsoftonline.com",
            "cloud_graph_host_name": "graph.windows.net",
            "msgraph_host": "graph.microsoft.com",
        ])
    }
}
