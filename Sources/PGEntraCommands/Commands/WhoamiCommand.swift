import PGEntraIdentity
import PGEntraSystem

/// `pgentra whoami`: who the token speaks for and which PostgreSQL role will be used, without
/// ever showing the token.
struct WhoamiCommand {
    let invocation: Invocation
    let environment: Environment
    let console: Console
    let now: () -> Int64

    func run() -> ExitStatus {
        do throws(ErrorReport) {
            let context = try IdentityContext(invocation: invocation, environment: environment, console: console)
            let provided = try context.token()
            let claims: Claims
            do throws(JWT.DecodingError) {
                claims = try JWT(decoding: provided.token.token).claims
            } catch {
                throw ErrorReport(error.description)
            }
            let role = context.role(for: provided.token)
            if invocation.roleOnly {
                guard let role else {
                    throw ErrorReport("could not derive a PostgreSQL role from the token's claims",
                                      details: ["none of xms_mirid, upn, preferred_username, unique_name is present"],
                                      hint: RoleResolver.noRoleHint)
                }
                console.output(role.name + "\n")
                return .success
            }
            console.output(invocation.json
                ? json(provided, claims: claims, role: role)
                : SignInSummary.text(provided, claims: claims, role: role.map { ($0.name, "\($0.source)") }, now: now()))
            return .success
        } catch {
            console.report(error)
            return .failure
        }
    }


    private func json(_ provided: TokenProvider.Provided, claims: Claims, role: (name: String, source: RoleResolver.Source)?) -> String {
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let object: [String: JSONValue] = [
            "principal": optional(claims.principalName),
            "principal_kind": .string(claims.principalKind.rawValue),
            "role": optional(role?.name),
            "role_source": optional(role?.source.code),
            "tenant": optional(claims.tenant),
            "object_id": optional(claims.objectID),
            "application_id": optional(claims.applicationID),
            "audience": optional(claims.audience),
            "issued_at": claims.issuedAt.map { .number(Double($0)) } ?? .null,
            "expires_on": .number(Double(provided.token.expiresOn)),
            "expires_in": .number(Double(provided.token.expiresOn - now())),
            "credential": .string(provided.credential.rawValue),
            "cached": .bool(provided.fromCache),
            "claims": .object(claims.values),
        ]
        return JSONValue.object(object).encoded(pretty: true) + "\n"
    }
}
