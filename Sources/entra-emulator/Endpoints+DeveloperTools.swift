/// What the tests' fake `az` and `azd` scripts fetch and print verbatim (credentials.md §5–6,
/// §11 vectors 11–12). Both hand out the signed-in user's token.
extension Endpoints {
    /// `az account get-access-token --output json --resource R [--tenant T]`.
    func azureCLIToken(_ context: RequestContext) -> HTTPResponse {
        let query = context.request.query
        guard let resource = query.nonEmpty("resource") else { return Endpoints.toolError("missing resource parameter") }
        if let failure = checkTenant(query.nonEmpty("tenant"), context) { return failure }
        return issue(.user(directory.user), resource: resource, endpoint: .azureCLI, context) { issued in
            .json(200, .object([
                "accessToken": issued.accessToken.map(JSONValue.string),
                "expiresOn": .string(TimeFormat.azureCLILocal(issued.expiresOn)),
                "expires_on": .int(issued.expiresOn),
                "subscription": .string(Directory.subscriptionID),
                "tenant": .string(directory.tenant),
                "tokenType": "Bearer",
            ]))
        }
    }

    /// `azd auth token --output json --no-prompt --scope S [--tenant-id T]`.
    func azureDeveloperCLIToken(_ context: RequestContext) -> HTTPResponse {
        let query = context.request.query
        guard let scope = query.nonEmpty("scope") else { return Endpoints.toolError("missing scope parameter") }
        if let failure = checkTenant(query.nonEmpty("tenant"), context) { return failure }
        return issue(.user(directory.user), resource: ScopeParser.resource(ofScope: scope), endpoint: .azureDeveloperCLI,
                     context) { issued in
            .json(200, .object([
                "token": issued.accessToken.map(JSONValue.string),
                "expiresOn": .string(TimeFormat.iso8601UTC(issued.expiresOn)),
            ]))
        }
    }

    /// A tenant other than ours fails as the real CLIs would: with Entra's AADSTS90002 text.
    private func checkTenant(_ tenant: String?, _ context: RequestContext) -> HTTPResponse? {
        guard let tenant, tenant.lowercased() != directory.tenant.lowercased() else { return nil }
        return EntraError.tenantNotFound(tenant).response(now: context.now)
    }

    static func toolError(_ message: String) -> HTTPResponse {
        .error(400, "invalid_request", message)
    }
}
