/// Writes requests.jsonl: what every client sent, so tests can check the wire format of each
/// credential. Secrets never reach the file: secret-bearing headers are redacted and form bodies
/// are reduced to their field names plus the harmless `grant_type` and `client_id`.
final class RequestRecorder: Sendable {
    static let redactedHeaders: Set<String> = ["x-identity-header", "secret", "authorization"]

    private let log: JSONLinesLog

    init(log: JSONLinesLog) {
        self.log = log
    }

    func record(_ request: HTTPRequest) {
        var headerNames: [String] = []
        for header in request.headers where !headerNames.contains(header.name) { headerNames.append(header.name) }
        let headers = headerNames.map { name in
            let value = RequestRecorder.redactedHeaders.contains(name) ? "<redacted>" : request.header(name) ?? ""
            return JSONValue.Member(name: name, value: .string(value))
        }
        var members: [JSONValue.Member] = [
            .init(name: "method", value: .string(request.method)),
            .init(name: "path", value: .string(request.path)),
            .init(name: "query", value: .string(request.rawQuery)),
            .init(name: "scheme", value: .string(request.isTLS ? "https" : "http")),
            .init(name: "headers", value: .object(headers)),
        ]
        if request.hasFormBody {
            let form = request.form
            members.append(.init(name: "form_fields", value: .array(form.names.map(JSONValue.string))))
            for name in ["grant_type", "client_id"] {
                if let value = form[name] { members.append(.init(name: name, value: .string(value))) }
            }
        }
        log.append(.object(members))
    }
}
