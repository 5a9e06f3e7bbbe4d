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
            case .status, .tooManyRequests, .aadstsError, .html, .malformedJSON:
                let response = immediateAnswer(fault, request)
                Log.info("\(request.method) \(request.path) -> fault \(response.status)")
                return .respond(response)
            }
        }
        let response = endpoints.dispatch(RequestContext(request: request, now: Int(time(nil)), tamper: tamper))
        Log.info("\(request.method) \(request.path) -> \(response.status)\(tamper.map { " (fault \($0))" } ?? "")")
        return .respond(response)
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
        case .noAccessToken, .expired, .malformedJWT, .slow, .hang:
            return .error(500, "server_error", "entra-emulator: fault \(fault) has no immediate answer")
        }
    }
}
