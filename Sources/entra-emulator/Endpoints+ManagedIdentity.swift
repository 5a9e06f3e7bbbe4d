import Foundation

/// Managed-identity sources (credentials.md §4): IMDS, App Service 2019, App Service 2017 /
/// Azure ML, and Cloud Shell, each with its own request checks, error shapes and expiry format.
extension Endpoints {
    // MARK: - IMDS

    func imdsToken(_ context: RequestContext) -> HTTPResponse {
        let request = context.request
        // Checked first: DAC's probe (§4.5) sends no Metadata header and expects exactly this.
        guard request.header("metadata")?.lowercased() == "true" else {
            return Endpoints.imdsError("Required metadata header not specified")
        }
        let query = request.query
        guard query.nonEmpty("api-version") != nil else {
            return Endpoints.imdsError("Required query variable 'api-version' is missing")
        }
        guard let resource = query.nonEmpty("resource") else {
            return Endpoints.imdsError("Required audience parameter not specified")
        }
        guard let selector = Endpoints.identitySelector(query, objectIDNames: ["object_id"],
                                                        resourceIDNames: ["msi_res_id", "mi_res_id"])
        else { return Endpoints.imdsError("Multiple identity selectors specified; use at most one") }
        guard let identity = directory.managedIdentity(selector) else {
            return Endpoints.imdsError("Identity not found")
        }
        return issue(.managedIdentity(identity), resource: resource, endpoint: .imds, context) { issued in
            Endpoints.imdsStyleAnswer(issued, clientID: identity.clientID, resource: resource)
        }
    }

    /// IMDS's error body, also used by Cloud Shell.
    static func imdsError(_ description: String) -> HTTPResponse {
        .error(400, "invalid_request", description)
    }

    /// IMDS and Cloud Shell answer with every number as a string (§4.3).
    static func imdsStyleAnswer(_ issued: TokenFactory.Issued, clientID: String, resource: String) -> HTTPResponse {
        .json(200, .object([
            "access_token": issued.accessToken.map(JSONValue.string),
            "client_id": .string(clientID),
            "expires_in": .string(String(issued.expiresIn)),
            "expires_on": .string(String(issued.expiresOn)),
            "ext_expires_in": .string(String(issued.expiresIn)),
            "not_before": .string(String(issued.notBefore)),
            "resource": .string(resource),
            "token_type": "Bearer",
        ]))
    }

    /// Which identity the query selects: none means system-assigned; nil means contradictory.
    static func identitySelector(_ query: URLEncodedForm, clientIDNames: [String] = ["client_id"],
                                 objectIDNames: [String], resourceIDNames: [String]) -> IdentitySelector?
    {
        switch select(query, clientIDNames + objectIDNames + resourceIDNames) {
        case .none: return .systemAssigned
        case .conflict: return nil
        case .one(let name, let value):
            if clientIDNames.contains(name) { return .clientID(value) }
            if objectIDNames.contains(name) { return .objectID(value) }
            return .resourceID(value)
        }
    }

    // MARK: - App Service 2019

    func appServiceToken(_ context: RequestContext) -> HTTPResponse {
        let request = context.request
        guard let expected = settings.identityHeader, request.header("x-identity-header") == expected else {
            return Endpoints.appServiceError("The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.")
        }
        let query = request.query
        guard query.nonEmpty("api-version") != nil else {
            return Endpoints.appServiceError("The api-version parameter is required.")
        }
        guard let resource = query.nonEmpty("resource") else {
            return Endpoints.appServiceError("The resource parameter is required.")
        }
        guard let selector = Endpoints.identitySelector(query, objectIDNames: ["object_id", "principal_id"],
                                                        resourceIDNames: ["mi_res_id", "msi_res_id"])
        else { return Endpoints.appServiceError("Only one of client_id, object_id and mi_res_id may be given.") }
        guard let identity = directory.managedIdentity(selector) else {
            return Endpoints.appServiceError("No Managed Identity found for specified ClientId/ResourceId/PrincipalId.")
        }
        return issue(.managedIdentity(identity), resource: resource, endpoint: .appService, context) { issued in
            .json(200, .object([
                "access_token": issued.accessToken.map(JSONValue.string),
                "expires_on": .string(String(issued.expiresOn)),
                "resource": .string(resource),
                "token_type": "Bearer",
                "client_id": .string(identity.clientID),
            ]))
        }
    }

    /// App Service's error body (§4.3).
    static func appServiceError(_ message: String) -> HTTPResponse {
        .json(400, [
            "statusCode": 400,
            "message": .string(message),
            "correlationId": .string(UUID().uuidString.lowercased()),
        ])
    }

    // MARK: - App Service 2017 / Azure ML

    func appService2017Token(_ context: RequestContext) -> HTTPResponse {
        let request = context.request
        guard let expected = settings.msiSecret, request.header("secret") == expected else {
            return Endpoints.appServiceError("The secret header is missing or does not match MSI_SECRET.")
        }
        let query = request.query
        guard let resource = query.nonEmpty("resource") else {
            return Endpoints.appServiceError("The resource parameter is required.")
        }
        let selector: IdentitySelector = query.nonEmpty("clientid").map { .clientID($0) } ?? .systemAssigned
        guard let identity = directory.managedIdentity(selector) else {
            return Endpoints.appServiceError("No Managed Identity found for specified ClientId/ResourceId/PrincipalId.")
        }
        return issue(.managedIdentity(identity), resource: resource, endpoint: .appService2017, context) { issued in
            .json(200, .object([
                "access_token": issued.accessToken.map(JSONValue.string),
                "expires_on": .string(TimeFormat.appService2017(issued.expiresOn)),
                "resource": .string(resource),
                "token_type": "Bearer",
            ]))
        }
    }

    // MARK: - Cloud Shell

    /// Cloud Shell hands out the signed-in user's token, in IMDS's shape.
    func cloudShellToken(_ context: RequestContext) -> HTTPResponse {
        let request = context.request
        guard request.header("metadata")?.lowercased() == "true" else {
            return Endpoints.imdsError("Required metadata header not specified")
        }
        guard let resource = request.form.nonEmpty("resource") ?? request.query.nonEmpty("resource") else {
            return Endpoints.imdsError("Required audience parameter not specified")
        }
        return issue(.user(directory.user), resource: resource, endpoint: .cloudShell, context) { issued in
            Endpoints.imdsStyleAnswer(issued, clientID: Directory.developerClientID, resource: resource)
        }
    }
}
