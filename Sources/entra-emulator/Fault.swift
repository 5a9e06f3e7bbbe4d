/// One injected fault: requests whose path starts with `pathPrefix` get `kind` instead of their
/// normal answer, `remaining` more times (nil: forever). Parsed from `PREFIX:KIND[:COUNT]`.
struct Fault: Sendable, Equatable {
    let pathPrefix: String
    let kind: FaultKind
    var remaining: Int?

    struct SpecError: Error, CustomStringConvertible {
        let description: String
    }

    init(pathPrefix: String, kind: FaultKind, remaining: Int?) {
        self.pathPrefix = pathPrefix
        self.kind = kind
        self.remaining = remaining
    }

    /// Parses `PREFIX:KIND[:COUNT]`, e.g. `/metadata:410:2` or `/:slow=3`. A `set=NAME=VALUE`
    /// kind runs to the end, so that VALUE may hold colons (times, zones) and takes no COUNT.
    init(spec: String) throws(SpecError) {
        if let set = spec.range(of: ":set=") {
            let prefix = String(spec[..<set.lowerBound])
            guard prefix.hasPrefix("/") else { throw SpecError(description: "PATH_PREFIX must start with /") }
            self.init(pathPrefix: prefix, kind: try FaultKind(parsing: String(spec[spec.index(after: set.lowerBound)...])),
                      remaining: nil)
            return
        }
        var parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var count: Int?
        if parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) {
            guard let value = Int(last), value >= 1 else { throw SpecError(description: "COUNT must be at least 1") }
            count = value
            parts.removeLast()
        }
        guard parts.count >= 2, let kindText = parts.popLast() else {
            throw SpecError(description: "expected PATH_PREFIX:KIND[:COUNT]")
        }
        let prefix = parts.joined(separator: ":")
        guard prefix.hasPrefix("/") else { throw SpecError(description: "PATH_PREFIX must start with /") }
        self.init(pathPrefix: prefix, kind: try FaultKind(parsing: kindText), remaining: count)
    }
}

/// What a fault does (the KIND of a fault spec).
enum FaultKind: Sendable, Equatable {
    /// 500, 503, 404 or 410 with a JSON error body.
    case status(Int)
    /// 429 with `Retry-After: 1`.
    case tooManyRequests
    /// 400 with an AADSTS50001-style Entra error.
    case aadstsError
    /// 200 `text/html`, as from a captive portal or proxy.
    case html
    /// 200 with truncated JSON.
    case malformedJSON
    /// The normal answer without its token field.
    case noAccessToken
    /// The normal answer with a token that expired an hour ago.
    case expired
    /// The normal answer with `not-a-jwt` as the token.
    case malformedJWT
    /// Sleep, then answer normally.
    case slow(seconds: Double)
    /// Read the request, never answer (until the client leaves, at most 120 s).
    case hang
    /// 200 JSON of this many bytes, a token answer that never ends (a hostile endpoint).
    case huge(bytes: Int)
    /// The normal answer with one field's value replaced by a JSON string (or added), for
    /// hostile expiry values such as `expires_in` of 2^63 - 1.
    case setField(name: String, value: String)

    init(parsing text: String) throws(Fault.SpecError) {
        switch text {
        case "500": self = .status(500)
        case "503": self = .status(503)
        case "404": self = .status(404)
        case "410": self = .status(410)
        case "429": self = .tooManyRequests
        case "400-aadsts": self = .aadstsError
        case "html": self = .html
        case "malformed-json": self = .malformedJSON
        case "no-access-token": self = .noAccessToken
        case "expired": self = .expired
        case "malformed-jwt": self = .malformedJWT
        case "hang": self = .hang
        case _ where text.hasPrefix("huge="):
            guard let bytes = Int(text.dropFirst(5)), (1...(512 << 20)).contains(bytes) else {
                throw Fault.SpecError(description: "huge=BYTES needs 1 to 536870912 bytes")
            }
            self = .huge(bytes: bytes)
        case _ where text.hasPrefix("set="):
            let assignment = text.dropFirst(4)
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex,
                  assignment.allSatisfy({ $0 != "\"" && $0 != "\\" }) else {
                throw Fault.SpecError(description: "set=NAME=VALUE needs a name, and no quotes or backslashes")
            }
            self = .setField(name: String(assignment[..<equals]), value: String(assignment[assignment.index(after: equals)...]))
        case _ where text.hasPrefix("slow="):
            guard let seconds = Double(text.dropFirst(5)), seconds >= 0, seconds <= 600 else {
                throw Fault.SpecError(description: "slow=SECONDS needs 0 to 600 seconds")
            }
            self = .slow(seconds: seconds)
        default:
            throw Fault.SpecError(description: "unknown fault kind \"\(text)\" (500 503 404 410 429 400-aadsts html "
                + "malformed-json no-access-token expired malformed-jwt slow=SECONDS hang huge=BYTES set=NAME=VALUE)")
        }
    }
}
