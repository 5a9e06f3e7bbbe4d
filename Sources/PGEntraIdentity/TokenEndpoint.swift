/// Entra's token endpoint: one form POST per request, with Entra's error bodies turned into
/// messages that carry the AADSTS code (credentials.md §1). Shared by every credential that talks
/// to the authority, so the retry and error rules live in one place.
struct TokenEndpoint: Sendable {
    let authority: AuthorityHost
    let http: any HTTPClient
    let clock: Clock
    let log: DiagnosticLog

    /// Why the endpoint gave no token.
    enum Failure: Error, Equatable, Sendable {
        /// An Entra error body: `error` (e.g. `invalid_client`) and `error_description` (AADSTS…).
        case rejected(status: Int, error: String, description: String)
        case unreachable(TransportError)
        case unexpected(status: Int, problem: String)
    }

    func requestToken(
        tenant: String, fields: [(String, String)], label: String
    ) throws(Failure) -> AccessToken {
        let body = try post(url: authority.tokenURL(tenant: tenant), fields: fields, label: label)
        do throws(TokenResponse.Problem) {
            return try TokenResponse.accessToken(from: body.body, requestedAt: body.requestedAt)
        } catch {
            throw .unexpected(status: 200, problem: error.description)
        }
    }

    /// Posts a form and returns a 200's body; any other answer becomes a Failure.
    func post(url: String, fields: [(String, String)], label: String) throws(Failure) -> (body: [UInt8], requestedAt: Int64) {
        let requestedAt = clock.epochSeconds
        let response: HTTPResponse
        do {
            response = try RetryPolicy.standard.send(
                .form(url: url, fields: fields), through: http, clock: clock, log: log, label: label)
        } catch {
            throw .unreachable(error)
        }
        guard response.status == 200 else { throw Self.failure(from: response) }
        return (response.body, requestedAt)
    }

    static func failure(from response: HTTPResponse) -> Failure {
        guard let object = JSONValue.object(from: response.body),
              let error = object["error"]?.stringValue else {
            return .unexpected(status: response.status, problem: "HTTP \(response.status): " + TokenResponse.excerpt(of: response.body))
        }
        let description = object["error_description"]?.stringValue ?? error
        return .rejected(status: response.status, error: error, description: firstLine(description))
    }

    /// Entra's descriptions append "Trace ID: … Correlation ID: …" on further lines or after the
    /// first sentence; the first line holds the AADSTS code and the reason.
    static func firstLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        if let trace = line.firstRange(of: " Trace ID:") { return String(line[..<trace.lowerBound]) }
        return line
    }
}

extension TokenEndpoint.Failure {
    /// The chain-steering error for an Entra-backed credential: a rejection or an unusable answer
    /// means the credential is set up and failed, so the chain stops (credentials.md §8.3).
    var credentialError: CredentialError {
        switch self {
        case .rejected(_, _, let description):
            .authenticationFailed("Authentication failed: \(description)")
        case .unreachable(let transport):
            .authenticationFailed("could not reach the token endpoint: \(transport)")
        case .unexpected(_, let problem):
            .authenticationFailed("unexpected answer from the token endpoint: \(problem)")
        }
    }
}
