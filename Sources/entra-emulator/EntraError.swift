import Foundation

/// An Entra token-endpoint error (credentials.md §1): `error`, an `error_description` that starts
/// `AADSTSnnnn:` and ends with trace id, correlation id and timestamp, `error_codes`, and the same
/// ids as separate fields. The descriptions copy Entra's wording, since clients show them.
struct EntraError: Error, Sendable {
    let status: Int
    let error: String
    let code: Int
    let message: String

    func response(now: Int) -> HTTPResponse {
        let traceID = UUID().uuidString.lowercased()
        let correlationID = UUID().uuidString.lowercased()
        let timestamp = TimeFormat.entraTimestamp(now)
        let description = "AADSTS\(code): \(message) Trace ID: \(traceID) Correlation ID: \(correlationID) Timestamp: \(timestamp)"
        return .json(status, [
            "error": .string(error),
            "error_description": .string(description),
            "error_codes": [.int(code)],
            "timestamp": .string(timestamp),
            "trace_id": .string(traceID),
            "correlation_id": .string(correlationID),
            "error_uri": .string("https://login.microsoftonline.com/error?code=\(code)"),
        ])
    }

    // MARK: - The errors the emulator gives

    static func missingParameter(_ name: String) -> EntraError {
        EntraError(status: 400, error: "invalid_request", code: 900144,
                   message: "The request body must contain the following parameter: '\(name)'.")
    }

    static func tenantNotFound(_ tenant: String) -> EntraError {
        EntraError(status: 400, error: "invalid_request", code: 90002,
                   message: "Tenant '\(tenant)' not found. Check to make sure you have the correct tenant ID and are "
                       + "signing into the correct cloud. Check with your subscription administrator, this may happen "
                       + "if there are no active subscriptions for the tenant.")
    }

    static func invalidClientSecret(clientID: String) -> EntraError {
        EntraError(status: 401, error: "invalid_client", code: 7_000_215,
                   message: "Invalid client secret provided. Ensure the secret being sent in the request is the client "
                       + "secret value, not the client secret ID, for a secret added to app '\(clientID)'.")
    }

    static func applicationNotFound(clientID: String, tenant: String) -> EntraError {
        EntraError(status: 400, error: "unauthorized_client", code: 700_016,
                   message: "Application with identifier '\(clientID)' was not found in the directory '\(tenant)'. This "
                       + "can happen if the application has not been installed by the administrator of the tenant or "
                       + "consented to by any user in the tenant. You may have sent your authentication request to the "
                       + "wrong tenant.")
    }

    static func noClientCredential() -> EntraError {
        EntraError(status: 401, error: "invalid_client", code: 7_000_218,
                   message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
    }

    static func invalidAssertionType() -> EntraError {
        EntraError(status: 400, error: "invalid_request", code: 50027,
                   message: "Invalid client_assertion_type; expected "
                       + "'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.")
    }

    static func noFederatedIdentity(subject: String) -> EntraError {
        EntraError(status: 400, error: "invalid_client", code: 700_213,
                   message: "No matching federated identity record found for presented assertion subject '\(subject)'. "
                       + "Please check your federated identity credential Subject, Audience and Issuer against the "
                       + "presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation")
    }

    static func unsupportedGrantType(_ grantType: String) -> EntraError {
        EntraError(status: 400, error: "unsupported_grant_type", code: 70003,
                   message: "The app requested an unsupported grant type '\(grantType)'.")
    }

    static func invalidScope(_ scope: String, _ reason: String) -> EntraError {
        EntraError(status: 400, error: "invalid_scope", code: 70011,
                   message: "The provided value for the input parameter 'scope' is not valid. \(reason) "
                       + "The scope \(scope) is not valid.")
    }

    static func notDefaultScope(_ scope: String) -> EntraError {
        EntraError(status: 400, error: "invalid_scope", code: 1_002_012,
                   message: "The provided value for scope \(scope) is not valid. Client credential flows must have a "
                       + "scope value with /.default suffixed to the resource identifier (application ID URI).")
    }

    static func authorizationPending() -> EntraError {
        EntraError(status: 400, error: "authorization_pending", code: 70016,
                   message: "OAuth 2.0 device flow error. Authorization is pending. Continue polling.")
    }

    static func badVerificationCode() -> EntraError {
        EntraError(status: 400, error: "bad_verification_code", code: 70000,
                   message: "The provided value for the input parameter 'device_code' is not valid.")
    }

    static func expiredDeviceCode() -> EntraError {
        EntraError(status: 400, error: "expired_token", code: 70019, message: "Verification code expired.")
    }

    /// The `400-aadsts` fault.
    static func resourceNotFound(resource: String, tenant: String) -> EntraError {
        EntraError(status: 400, error: "invalid_resource", code: 50001,
                   message: "The application named \(resource) was not found in the tenant named \(tenant). This can "
                       + "happen if the application has not been installed by the administrator of the tenant or "
                       + "consented to by any user in the tenant. You might have sent your authentication request to "
                       + "the wrong tenant.")
    }
}
