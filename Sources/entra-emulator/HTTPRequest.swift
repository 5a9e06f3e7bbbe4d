/// One parsed HTTP/1.x request, as handed from the connection thread to the router.
struct HTTPRequest: Sendable {
    struct Header: Sendable {
        /// Lower-cased, so lookups and requests.jsonl need no case folding later.
        let name: String
        let value: String
    }

    let method: String
    /// The path part of the request target, as sent (not percent-decoded).
    let path: String
    /// The query string after `?`, as sent (empty when there is none).
    let rawQuery: String
    let version: String
    let headers: [Header]
    let body: [UInt8]
    /// Whether the request arrived over the https listener; builds the scheme of discovery URLs.
    let isTLS: Bool
    /// The listener's port, for a `Host`-less HTTP/1.0 request.
    let localPort: Int

    /// The value of header `name` (any case); repeated headers are joined with ", " as RFC 9110 allows.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        let values = headers.filter { $0.name == lowered }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    var query: URLEncodedForm { URLEncodedForm(parsing: rawQuery) }

    /// The body read as a form. Parsed whatever the content type says: real clients label their
    /// forms correctly, and being lenient costs nothing for an emulator.
    var form: URLEncodedForm { URLEncodedForm(parsing: String(decoding: body, as: UTF8.self)) }

    /// Whether the body is a form for the purpose of requests.jsonl (labelled so, or unlabelled).
    var hasFormBody: Bool {
        guard !body.isEmpty else { return false }
        guard let type = header("content-type")?.lowercased() else { return true }
        return type.hasPrefix("application/x-www-form-urlencoded")
    }

    /// `scheme://host[:port]` as the client addressed us, for URLs in openid-configuration.
    var origin: String {
        let host = header("host").flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1:\(localPort)"
        return (isTLS ? "https" : "http") + "://" + host
    }
}
