/// Turns "principal P wants a token for resource R from endpoint E" into a signed v1 access token
/// with the claims Entra would put in it, records it in issued.jsonl and, with `--pg-conninfo`,
/// makes it the role's PostgreSQL password — all before the endpoint answers.
final class TokenFactory: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A token and the times endpoints report with it.
    struct Issued: Sendable {
        /// nil when the `no-access-token` fault removes it from the answer.
        let accessToken: String?
        let issuedAt: Int
        let notBefore: Int
        let expiresOn: Int
        let now: Int

        /// Seconds left, as `expires_in` (negative for the `expired` fault, as it should be).
        var expiresIn: Int { expiresOn - now }
    }

    /// Real tokens are valid from five minutes before issue, to absorb clock skew; IMDS reports
    /// that moment as `not_before`.
    static let clockSkewAllowance = 300

    private let tenant: String
    private let lifetime: Int
    private let signer: JWTSigner
    private let issuedLog: JSONLinesLog
    private let passwordSetter: PostgresPasswordSetter?

    init(tenant: String, lifetime: Int, signer: JWTSigner, issuedLog: JSONLinesLog, passwordSetter: PostgresPasswordSetter?) {
        self.tenant = tenant
        self.lifetime = lifetime
        self.signer = signer
        self.issuedLog = issuedLog
        self.passwordSetter = passwordSetter
    }

    func issue(_ principal: Principal, resource: String, endpoint: IssuingEndpoint, now: Int,
               tamper: TokenTamper?) throws(Failure) -> Issued
    {
        let expiresOn = tamper == .expired ? now - 3600 : now + lifetime
        let issuedAt = expiresOn - lifetime
        let times = (issuedAt: issuedAt, notBefore: issuedAt - TokenFactory.clockSkewAllowance, expiresOn: expiresOn)
        switch tamper {
        case .omitted:
            return Issued(accessToken: nil, issuedAt: times.issuedAt, notBefore: times.notBefore, expiresOn: expiresOn, now: now)
        case .malformedJWT:
            return Issued(accessToken: "not-a-jwt", issuedAt: times.issuedAt, notBefore: times.notBefore,
                          expiresOn: expiresOn, now: now)
        case .expired, nil:
            break
        }

        let tokenID = RandomText.base64URL(byteCount: 16)
        let claims = accessTokenClaims(principal, resource: resource, times: times, tokenID: tokenID)
        let token: String
        do {
            token = try signer.sign(claims)
        } catch {
            throw Failure(description: "cannot sign the token: \(error)")
        }
        // An expired token would be refused anyway; leave the role's current password alone.
        if let passwordSetter, tamper == nil {
            do {
                try passwordSetter.setPassword(role: principal.roleName, token: token, validUntil: expiresOn)
            } catch {
                throw Failure(description: "cannot set the PostgreSQL password of role \"\(principal.roleName)\": \(error)")
            }
        }
        issuedLog.append(.object([
            "endpoint": .string(endpoint.rawValue), "role": .string(principal.roleName),
            "sub": .string(principal.subject), "oid": .string(principal.objectID),
            "exp": .int(expiresOn), "iat": .int(times.issuedAt), "jti": .string(tokenID), "resource": .string(resource),
        ]))
        return Issued(accessToken: token, issuedAt: times.issuedAt, notBefore: times.notBefore, expiresOn: expiresOn, now: now)
    }

    /// The OpenID Connect id_token of a device-code sign-in (v2 claims, audience = the client).
    func idToken(for user: UserAccount, clientID: String, issuer: String, now: Int) throws(Failure) -> String {
        let claims: JSONValue = [
            "aud": .string(clientID), "iss": .string(issuer),
            "iat": .int(now), "nbf": .int(now - TokenFactory.clockSkewAllowance), "exp": .int(now + lifetime),
            "name": .string(user.displayName), "oid": .string(user.objectID), "preferred_username": .string(user.upn),
            "sub": .string(user.subject), "tid": .string(tenant), "uti": .string(RandomText.base64URL(byteCount: 16)),
            "ver": "2.0",
        ]
        do {
            return try signer.sign(claims)
        } catch {
            throw Failure(description: "cannot sign the id token: \(error)")
        }
    }

    /// v1 access-token claims (credentials.md §10).
    private func accessTokenClaims(_ principal: Principal, resource: String,
                                   times: (issuedAt: Int, notBefore: Int, expiresOn: Int), tokenID: String) -> JSONValue
    {
        var members: [JSONValue.Member] = []
        func add(_ name: String, _ value: JSONValue) { members.append(JSONValue.Member(name: name, value: value)) }
        add("aud", .string(resource))
        add("iss", .string("https://sts.windows.net/\(tenant)/"))
        add("iat", .int(times.issuedAt))
        add("nbf", .int(times.notBefore))
        add("exp", .int(times.expiresOn))
        switch principal {
        case .user(let user):
            add("appid", .string(Directory.developerClientID))
            add("appidacr", "0")
            add("idtyp", "user")
            add("name", .string(user.displayName))
            add("oid", .string(user.objectID))
            add("scp", "user_impersonation")
            add("sub", .string(user.subject))
            add("tid", .string(tenant))
            add("unique_name", .string(user.upn))
            add("upn", .string(user.upn))
        case .servicePrincipal(let app, let federated):
            add("appid", .string(app.clientID))
            add("appidacr", federated ? "2" : "1")
            add("idtyp", "app")
            add("oid", .string(app.objectID))
            add("sub", .string(app.objectID))
            add("tid", .string(tenant))
        case .managedIdentity(let identity):
            add("appid", .string(identity.clientID))
            add("appidacr", "2")
            add("idtyp", "app")
            add("oid", .string(identity.objectID))
            add("sub", .string(identity.objectID))
            add("tid", .string(tenant))
            add("xms_mirid", .string(identity.resourceID))
        }
        add("uti", .string(tokenID))
        add("jti", .string(tokenID))
        add("ver", "1.0")
        return .object(members)
    }
}
