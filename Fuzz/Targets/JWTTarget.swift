@testable import PGEntraCommands
@testable import PGEntraIdentity
@testable import PGEntraSystem

extension FuzzTarget {
    /// The access-token decoder and everything pgentra reads from the claims: JWT(decoding:),
    /// the claim accessors, the role (RoleResolver) and whoami's text. Choice 0 takes the
    /// input as a whole token; any other wraps it as the payload of one, so the fuzzer reaches
    /// the claims without having to learn base64url first.
    static let jwt = FuzzTarget(
        name: "jwt", summary: "JWT(decoding:), claims, role and whoami text",
        seeds: [
            // JWTTests, RoleResolverTests: a user, a guest, a managed identity, an application.
            FuzzInput.seed([1], #"{"upn":"alice@contoso.com","tid":"72f988bf-86f1-41af-91ab-2d7cd011db47","exp":1700003600,"iat":1700000000,"idtyp":"user"}"#),
            FuzzInput.seed([1], #"{"unique_name":"live.com#guest@example.com","name":"Guest"}"#),
            FuzzInput.seed([1], #"{"xms_mirid":"/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id","oid":"o","appid":"a"}"#),
            FuzzInput.seed([1], #"{"appid":"04b07795-8ddb-461a-bbee-02f9e1bf7b46","idtyp":"app","oid":"o","sub":"o"}"#),
            FuzzInput.seed([1], #"{"upn":"","preferred_username":42,"unique_name":"n@x","aud":"https://ossrdbms-aad.database.windows.net"}"#),
            FuzzInput.seed([0], "eyJhbGciOiJSUzI1NiJ9.eyJ1cG4iOiJhbGljZUBjb250b3NvLmNvbSJ9.sig"),
            FuzzInput.seed([0], "opaque-token"),
            FuzzInput.seed([0], "a.b.c.d.e"),
        ],
        prepare: { _ in
            { bytes in
                var input = FuzzInput(bytes)
                let token: String
                if input.choice() == 0 {
                    token = LosslessText.string(decoding: input.rest)
                } else {
                    token = "eyJhbGciOiJub25lIn0." + Base64URL.encode(input.rest) + ".sig"
                }
                guard let jwt = try? JWT(decoding: token) else { return }
                let claims = jwt.claims
                _ = (claims.tenant, claims.objectID, claims.applicationID, claims.audience, claims.issuedAt)
                _ = (claims.expiresAt, claims.managedIdentityResource, claims.principalKind, claims.principalName)
                let role = RoleResolver().role(from: claims)
                let provided = TokenProvider.Provided(
                    token: AccessToken(token: token, expiresOn: claims.expiresAt ?? 1_700_003_600, refreshOn: nil),
                    credential: .azureCLI, fromCache: false)
                _ = SignInSummary.text(provided, claims: claims, role: role.map { ($0.name, $0.claim) }, now: 1_700_000_000)
                _ = Secret.mask(token)
            }
        })
}
