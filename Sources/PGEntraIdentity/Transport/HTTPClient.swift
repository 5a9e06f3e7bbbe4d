/// The seam between credentials and the network: credentials build requests, tests script answers.
package protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}

package struct HTTPRequest: Sendable, Equatable {
    package enum Method: String, Sendable { case get = "GET", post = "POST" }

    package var method: Method
    package var url: String
    /// In order; names as sent. Values may be secrets, so requests are never logged whole.
    var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// Whole-request limit, seconds.
    var timeout: Double
    /// Limit for establishing the connection, seconds; the IMDS probe relies on it being short.
    var connectTimeout: Double

    init(
        method: Method, url: String, headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], timeout: Double = 30, connectTimeout: Double = 10
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }

    package static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }

    /// A form-urlencoded POST, the shape of every Entra token request.
    static func form(url: String, fields: [(String, String)], timeout: Double = 30) -> HTTPRequest {
        let body = fields.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }
            .joined(separator: "&")
        return HTTPRequest(
            method: .post, url: url,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(body.utf8), timeout: timeout)
    }

    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

package struct HTTPResponse: Sendable, Equatable {
    var status: Int
    /// Names lower-cased; a repeated header keeps its last value.
    var headers: [String: String]
    var body: [UInt8]

    init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    package init(status: Int, headers: [String: String] = [:], text: String) {
        self.init(status: status, headers: headers, body: Array(text.utf8))
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why a request got no HTTP answer at all. An HTTP error status is not a TransportError.
package enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    case couldNotConnect(String)
    case timedOut(String)
    case tls(String)
    case invalidURL(String)
    /// The answer's body passed `limit` bytes: no token endpoint sends that much.
    case answerTooLarge(limit: Int)
    case failed(String)

    package var description: String {
        switch self {
        case .couldNotConnect(let detail): "could not connect: \(detail)"
        case .timedOut(let detail): "timed out: \(detail)"
        case .tls(let detail): "TLS failure: \(detail)"
        case .invalidURL(let url): "invalid URL \"\(url)\""
        case .answerTooLarge(let limit): "the answer is larger than \(limit / 1024) KiB"
        case .failed(let detail): detail
        }
    }
}
