/// Reads a token endpoint's JSON answer into an AccessToken, accepting every expiry format
/// credentials.md §4.3 lists: numbers or numeric strings, App Service 2017's date strings,
/// RFC 3339, or `expires_in` relative to the request.
enum TokenResponse {
    enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notJSON(excerpt: String)
        case missingAccessToken(fields: [String])
        case missingExpiry
        case unreadableExpiry(String)

        var description: String {
            switch self {
            case .notJSON(let excerpt):
                "the answer is not JSON (it begins \"\(excerpt)\")"
            case .missingAccessToken(let fields):
                "the answer has no access_token (fields: \(fields.isEmpty ? "none" : fields.joined(separator: ", ")))"
            case .missingExpiry:
                "the answer has neither expires_on nor expires_in"
            case .unreadableExpiry(let value):
                "the answer's expires_on \"\(value)\" is not a date pgentra can read"
            }
        }
    }

    static func accessToken(from body: [UInt8], requestedAt: Int64) throws(Problem) -> AccessToken {
        guard let object = JSONValue.object(from: body) else {
            throw .notJSON(excerpt: excerpt(of: body))
        }
        guard let token = object["access_token"]?.stringValue, !token.isEmpty else {
            throw .missingAccessToken(fields: object.keys.sorted())
        }
        let refreshIn = object["refresh_in"]?.integerValue
        if let expiresOn = object["expires_on"] {
            if let epoch = expiresOn.integerValue {
                return AccessToken(token: token, expiresOn: epoch, refreshIn: refreshIn, requestedAt: requestedAt)
            }
            if let text = expiresOn.stringValue {
                guard let epoch = ExpiryDate.parse(text) else { throw .unreadableExpiry(text) }
                return AccessToken(token: token, expiresOn: epoch, refreshIn: refreshIn, requestedAt: requestedAt)
            }
        }
        guard let expiresIn = object["expires_in"]?.integerValue else { throw .missingExpiry }
        return AccessToken(
            token: token, expiresOn: requestedAt + expiresIn, refreshIn: refreshIn, requestedAt: requestedAt)
    }

    /// The start of a body, on one line, for error messages (HTML error pages, truncated JSON).
    /// The whole body is redacted before it is cut: a cut token no longer looks like one.
    static func excerpt(of body: [UInt8]) -> String {
        let redacted = Redaction.redact(String(decoding: body, as: UTF8.self))
        let flat = String(redacted.prefix(60).map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.trimmingWhitespace() + (redacted.count > 60 ? "…" : "")
    }
}

/// Absolute expiry strings (credentials.md §4.3), all UTC.
enum ExpiryDate {
    static func parse(_ text: String) -> Int64? {
        var value = text.trimmingWhitespace()
        if value.hasSuffix(" +00:00") { value = String(value.dropLast(" +00:00".count)) }
        if let epoch = americanDate(value) { return epoch }
        return isoDate(value)
    }

    /// `06/20/2019 02:57:58` or `1/16/2020 5:24:12 AM`.
    private static func americanDate(_ text: String) -> Int64? {
        let words = text.split(separator: " ")
        guard words.count == 2 || words.count == 3 else { return nil }
        let date = words[0].split(separator: "/").compactMap { Int($0) }
        var time = words[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, time.count == 3 else { return nil }
        if words.count == 3 {
            let meridiem = words[2].uppercased()
            guard meridiem == "AM" || meridiem == "PM", (1...12).contains(time[0]) else { return nil }
            time[0] = time[0] % 12 + (meridiem == "PM" ? 12 : 0)
        }
        return CivilTime.epoch(year: date[2], month: date[0], day: date[1], hour: time[0], minute: time[1], second: time[2])
    }

    /// `2023-11-14T23:13:20Z`, `2023-11-14 23:13:20`, fractions and `+00:00` allowed.
    static func isoDate(_ text: String) -> Int64? {
        var value = Substring(text)
        var offset = 0
        if value.hasSuffix("Z") || value.hasSuffix("z") {
            value = value.dropLast()
        } else if value.count > 6, let sign = value.dropLast(5).last, sign == "+" || sign == "-",
                  value.suffix(6).dropFirst().contains(":") {
            let zone = value.suffix(5).split(separator: ":").compactMap { Int($0) }
            guard zone.count == 2 else { return nil }
            offset = (zone[0] * 3600 + zone[1] * 60) * (sign == "+" ? 1 : -1)
            value = value.dropLast(6)
        }
        let parts = value.split(whereSeparator: { $0 == "T" || $0 == "t" || $0 == " " })
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let clock = parts[1].split(separator: ".")[0].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, clock.count == 3,
              let epoch = CivilTime.epoch(year: date[0], month: date[1], day: date[2], hour: clock[0], minute: clock[1], second: clock[2])
        else { return nil }
        return epoch - Int64(offset)
    }
}
