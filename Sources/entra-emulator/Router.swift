import Foundation

/// What a connection does with a request: answer it, or (the `hang` fault) say nothing.
enum RouteOutcome: Sendable {
    case respond(HTTPResponse)
    case hangUntilClientLeaves
}

/// Every request passes here: it is recorded, then either faulted or handed to its endpoint.
final class Router: Sendable {
    /// Control routes are exempt from faults, so a `/` fault cannot lock a test out of clearing it.
    static let unfaultedPaths: Set<String> = ["/_emulator/faults", "/_emulator/health"]

    private let endpoints: Endpoints
    private let faults: FaultInjector
    private let recorder: RequestRecorder

    init(endpoints: Endpoints, faults: FaultInjector, recorder: RequestRecorder) {
        self.endpoints = endpoints
        self.faults = faults
        self.recorder = recorder
    }

    func handle(_ request: HTTPRequest) -> RouteOutcome {
        recorder.record(request)
        var tamper: TokenTamper?
        var replacement: (name: String, value: String)?
        if !Router.unfaultedPaths.contains(request.path), let fault = faults.take(path: request.path) {
            switch fault {
            case .hang:
                Log.info("\(request.method) \(request.path) -> fault hang")
                return .hangUntilClientLeaves
            case .slow(let seconds):
                Thread.sleep(forTimeInterval: seconds)
            case .expired: tamper = .expired
            case .malformedJWT: tamper = .malformedJWT
            case .noAccessToken: tamper = .omitted
            case .setField(let name, let value): replacement = (name, value)
            case .status, .tooManyRequests, .aadstsError, .html, .malformedJSON, .huge:
                let response = immediateAnswer(fault, request)
                Log.info("\(request.method) \(request.path) -> fault \(response.status)")
                return .respond(response)
            }
        }
        var response = endpoints.dispatch(RequestContext(request: request, now: Int(time(nil)), tamper: tamper))
        if let replacement { response.body = Self.setting(replacement.name, to: replacement.value, in: response.body) }
        Log.info("\(request.method) \(request.path) -> \(response.status)\(tamper.map { " (fault \($0))" } ?? "")")
        return .respond(response)
    }

    /// The answer's `"name": value` with `value` as a JSON string, or the member added first.
    /// The emulator writes its own JSON, so a textual edit of one member is exact enough.
    static func setting(_ name: String, to value: String, in body: [UInt8]) -> [UInt8] {
        let text = String(decoding: body, as: UTF8.self)
        let member = "\"\(name)\":\"\(value)\""
        let pattern = "\"\(NSRegularExpression.escapedPattern(for: name))\"\\s*:\\s*(\"[^\"]*\"|[^,}]+)"
        if let regex = try? Regex(pattern), let range = text.firstRange(of: regex) {
            return Array(text.replacingCharacters(in: range, with: member).utf8)
        }
        guard let brace = text.firstIndex(of: "{") else { return body }
        let rest = text[text.index(after: brace)...]
        return Array(("{" + member + (rest.trimmingCharacters(in: .whitespaces).hasPrefix("}") ? "" : ",") + rest).utf8)
    }

    /// Faults that replace the answer outright.
    private func immediateAnswer(_ fault: FaultKind, _ request: HTTPRequest) -> HTTPResponse {
        switch fault {
        case .status(let status):
            return .error(status, status >= 500 ? "server_error" : "injected_fault",
                          "entra-emulator injected fault: HTTP \(status)")
        case .tooManyRequests:
            return .json(429, ["error": "too_many_requests",
                               "error_description": "entra-emulator injected fault: HTTP 429, retry after 1 second"],
                         headers: [(name: "Retry-After", value: "1")])
        case .aadstsError:
            let resource = request.query.nonEmpty("resource") ?? request.form.nonEmpty("scope")
                .map(ScopeParser.resource(ofScope:)) ?? "https://ossrdbms-aad.database.windows.net"
            return EntraError.resourceNotFound(resource: resource, tenant: endpoints.directory.tenant)
                .response(now: Int(time(nil)))
        case .html:
            return .raw(200, contentType: "text/html; charset=utf-8", text: "<html><body>Service unavailable</body></html>")
        case .malformedJSON:
            return .raw(200, contentType: "application/json; charset=utf-8", text: "{\"access_token\": \"abc\"")
        case .huge(let bytes):
            let opening = Array("{\"access_token\": \"".utf8)
            return HTTPResponse(status: 200, contentType: "application/json; charset=utf-8",
                                body: opening + [UInt8](repeating: UInt8(ascii: "A"), count: max(0, bytes - opening.count)))
        case .noAccessToken, .expired, .malformedJWT, .slow, .hang, .setField:
            return .error(500, "server_error", "entra-emulator: fault \(fault) has no immediate answer")
        }
    }
}
