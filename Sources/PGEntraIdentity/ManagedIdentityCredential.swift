/// A managed identity on an Azure host (credentials.md §4): one GET (or POST for Cloud Shell)
/// to the host's local endpoint, with the retry policy and failure rules of the Python SDK.
struct ManagedIdentityCredential: TokenCredential {
    let kind = CredentialKind.managedIdentity
    let source: ManagedIdentitySource
    let selector: ManagedIdentitySelector?
    /// Inside a chain, IMDS is probed first with a 1 s limit so machines outside Azure move on
    /// quickly (§4.5). pgentra probes even when AZURE_POD_IDENTITY_AUTHORITY_HOST is set, so the
    /// bound holds for any IMDS address.
    let probeIMDS: Bool
    let http: any HTTPClient
    let clock: Clock
    let log: DiagnosticLog

    static let arcKeyDirectory = "/var/opt/azcmagent/tokens"

    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken {
        log.debug("\(kind.className): \(source.name) endpoint")
        switch source {
        case .imds(let base):
            return try imdsToken(base: base, request: request)
        case .appService(let endpoint, let secret):
            let url = endpoint + "?" + PercentEncoding.query(
                [("api-version", "2019-08-01"), ("resource", request.resource)] + selectorQuery(resourceIDName: "mi_res_id"))
            return try fetch(HTTPRequest(method: .get, url: url, headers: [("X-IDENTITY-HEADER", secret)]),
                             policy: .standard, request: request)
        case .appService2017(let endpoint, let secret):
            var query = [("api-version", "2017-09-01"), ("resource", request.resource)]
            if let selector {
                guard case .clientID(let id) = selector else {
                    throw .authenticationFailed(
                        "the App Service 2017 managed identity endpoint accepts only a client id (AZURE_CLIENT_ID), not an object or resource id")
                }
                query.append(("clientid", id))
            }
            return try fetch(HTTPRequest(method: .get, url: endpoint + "?" + PercentEncoding.query(query),
                                         headers: [("secret", secret)]),
                             policy: .standard, request: request)
        case .cloudShell(let endpoint):
            var form = HTTPRequest.form(url: endpoint, fields: [("resource", request.resource)])
            form.headers.append(("Metadata", "true"))
            return try fetch(form, policy: .standard, request: request)
        case .arc(let endpoint):
            return try arcToken(endpoint: endpoint, request: request)
        case .serviceFabric:
            throw .authenticationFailed(
                "Service Fabric managed identity is not supported by pgentra yet; use another credential with --credential")
        }
    }

    // MARK: - IMDS

    private func imdsToken(base: String, request: TokenRequest) throws(CredentialError) -> AccessToken {
        let path = base + "/metadata/identity/oauth2/token"
        let query = [("api-version", "2018-02-01"), ("resource", request.resource)]
        if probeIMDS { try probe(url: path + "?" + PercentEncoding.query(query)) }
        let url = path + "?" + PercentEncoding.query(query + selectorQuery(resourceIDName: "msi_res_id"))
        return try fetch(
            HTTPRequest(method: .get, url: url, headers: [("Metadata", "true")], timeout: 10, connectTimeout: 2),
            policy: .imds, request: request)
    }

    /// One GET without `Metadata`, 1 s, no retries. IMDS answers it with a JSON error
    /// ("Required metadata header not specified"); anything else, a proxy's or a captive
    /// portal's page, is not IMDS (issue 11), so the chain moves on.
    private func probe(url: String) throws(CredentialError) {
        do {
            let response = try RetryPolicy.none.send(
                HTTPRequest(method: .get, url: url, timeout: 1, connectTimeout: 1),
                through: http, clock: clock, log: log, label: "\(kind.className) probe")
            if response.status == 403 && response.text.contains("unreachable") {
                throw CredentialError.unavailable("the IMDS endpoint is unreachable from this network (HTTP 403)")
            }
            guard JSONValue.object(from: response.body) != nil else {
                throw CredentialError.unavailable(
                    "the answer to the IMDS probe is not IMDS's (HTTP \(response.status): \(TokenResponse.excerpt(of: response.body)))")
            }
        } catch let error as CredentialError {
            throw error
        } catch {
            throw .unavailable("no response from the IMDS endpoint (\(error))")
        }
    }

    // MARK: - Azure Arc

    /// Arc answers the first request with a 401 naming a key file only root and the agent can
    /// read; its content proves the caller runs on the machine (credentials.md §4.2).
    private func arcToken(endpoint: String, request: TokenRequest) throws(CredentialError) -> AccessToken {
        let url = endpoint + "?" + PercentEncoding.query(
            [("api-version", "2020-06-01"), ("resource", request.resource)] + selectorQuery(resourceIDName: "msi_res_id"))
        let challenge: HTTPResponse
        do {
            challenge = try RetryPolicy.standard.send(
                HTTPRequest(method: .get, url: url, headers: [("Metadata", "true")]),
                through: http, clock: clock, log: log, label: kind.className)
        } catch {
            throw .unavailable("no response from the Azure Arc endpoint (\(error))")
        }
        guard challenge.status == 401 else {
            throw .authenticationFailed("Azure Arc: expected a 401 response, received \(challenge.status)")
        }
        guard let header = challenge.headers["www-authenticate"],
              let equals = header.firstIndex(of: "="),
              header[..<equals].trimmingWhitespace().lowercased() == "basic realm" else {
            throw .authenticationFailed("Azure Arc: the 401 response has no \"Basic realm=\" WWW-Authenticate header")
        }
        let keyPath = header[header.index(after: equals)...].trimmingWhitespace()
        let directory = keyPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        guard directory == Self.arcKeyDirectory, keyPath.hasSuffix(".key") else {
            throw .authenticationFailed(
                "Azure Arc: the key file \"\(keyPath)\" is not a .key file in \(Self.arcKeyDirectory)")
        }
        let key: [UInt8]
        do throws(FileContents.ReadError) {
            // The agent writes the key itself: a link in its place is someone else's.
            key = try FileContents.read(keyPath, limit: 4096, followLinks: false)
        } catch {
            throw .authenticationFailed("Azure Arc: could not read the key file \"\(keyPath)\": \(error)")
        }
        let secret = String(decoding: key, as: UTF8.self)
        let token = try fetch(
            HTTPRequest(method: .get, url: url, headers: [("Metadata", "true"), ("Authorization", "Basic \(secret)")]),
            policy: .standard, request: request)
        return token
    }

    // MARK: - Shared

    private func selectorQuery(resourceIDName: String) -> [(String, String)] {
        switch selector {
        case .clientID(let id): [("client_id", id)]
        case .objectID(let id): [("object_id", id)]
        case .resourceID(let id): [(resourceIDName, id)]
        case nil: []
        }
    }

    /// Sends the token request and reads the answer. Following the Python SDK, an error body or
    /// a non-JSON answer means "no managed identity here" (unavailable), so the chain moves on.
    private func fetch(_ http: HTTPRequest, policy: RetryPolicy, request: TokenRequest) throws(CredentialError) -> AccessToken {
        let requestedAt = clock.epochSeconds
        let response: HTTPResponse
        do {
            response = try policy.send(http, through: self.http, clock: clock, log: log, label: kind.className)
        } catch {
            throw .unavailable("no response from the \(source.name) endpoint (\(error))")
        }
        guard response.status == 200 else {
            throw .unavailable("the \(source.name) endpoint refused the request: \(Self.errorSummary(response))")
        }
        do throws(TokenResponse.Problem) {
            return try TokenResponse.accessToken(from: response.body, requestedAt: requestedAt)
        } catch {
            throw .unavailable("unexpected answer from the \(source.name) endpoint: \(error)")
        }
    }

    /// `(invalid_request) Identity not found`, or App Service's `message`, or the status and an excerpt.
    static func errorSummary(_ response: HTTPResponse) -> String {
        if let object = JSONValue.object(from: response.body) {
            if let error = object["error"]?.stringValue {
                let description = object["error_description"]?.stringValue ?? ""
                return Redaction.redact("HTTP \(response.status) (\(error)) \(description)").trimmingWhitespace()
            }
            if let message = object["message"]?.stringValue ?? object["Message"]?.stringValue {
                return Redaction.redact("HTTP \(response.status) \(message)")
            }
        }
        return "HTTP \(response.status): " + TokenResponse.excerpt(of: response.body)
    }
}
