/// Reads a token endpoint's JSON answer into an AccessToken, accepting every expiry format
/// credentials.md §4.3 lists: numbers or numeric strings, App Service 2017's date strings,
/// RFC 3339, or `expires_in` relative to the request.
enum TokenResponse {
    enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notJSON(excerpt: String)
        case missingAccessToken(fields: [String])
        case missingExpiry
        case unreadableExpiry(String)
        case absurdTime(field: String, value: String)

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
            case .absurdTime(let field, let value):
                "the answer's \(field) \"\(value)\" is out of range"
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
        let refreshIn = try checked(object, "refresh_in", within: AccessToken.plausibleLifetimes)
        let now = min(max(requestedAt, AccessToken.plausibleTimes.lowerBound), AccessToken.plausibleTimes.upperBound)
        if let expiresOn = object["expires_on"] {
            if let epoch = try checked(object, "expires_on", within: AccessToken.plausibleTimes) {
                return AccessToken(token: token, expiresOn: epoch, refreshIn: refreshIn, requestedAt: now)
            }
            if let text = expiresOn.stringValue {
                guard let epoch = ExpiryDate.parse(text) else { throw .unreadableExpiry(text) }
                guard AccessToken.plausibleTimes.contains(epoch) else { throw .absurdTime(field: "expires_on", value: text) }
                return AccessToken(token: token, expiresOn: epoch, refreshIn: refreshIn, requestedAt: now)
            }
        }
        guard let expiresIn = try checked(object, "expires_in", within: AccessToken.plausibleLifetimes) else {
            throw .missingExpiry
        }
        return AccessToken(token: token, expiresOn: now + expiresIn, refreshIn: refreshIn, requestedAt: now)
    }

    /// An integer field (a number or a numeric string), refused outside `range`: a hostile
    /// `expires_in` of 2^63 - 1 is an error, never an overflow.
    private static func checked(
        _ object: [String: JSONValue], _ field: String, within range: ClosedRange<Int64>
    ) throws(Problem) -> Int64? {
        guard let value = object[field] else { return nil }
        if let number = value.integerValue {
            guard range.contains(number) else { throw .absurdTime(field: field, value: String(number)) }
            return number
        }
        // Digits beyond Int64, or a number too large for a double to hold exactly.
        var text = value.stringValue?.trimmingWhitespace() ?? ""
        if case .number(let double) = value { text = "\(double)" }
        let digits = text.drop { $0 == "-" || $0 == "+" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") })
        else { return nil }
        throw .absurdTime(field: field, value: String(text.prefix(40)))
    }

    /// The start of a body, on one line, for error messages (HTML error pages, truncated JSON).
    /// The first 64 KiB are redacted before they are cut (a cut token no longer looks like one);
    /// a real token is a few KiB, and redacting more would make a huge answer cost time.
    static func excerpt(of body: [UInt8]) -> String {
        let redacted = Redaction.redact(String(decoding: body.prefix(65_536), as: UTF8.self))
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
        guard words.count == 2 || words.count == 3,
              let date = numbers(words[0].split(separator: "/")), var time = numbers(words[1].split(separator: ":")),
              date.count == 3, time.count == 3 else { return nil }
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
            guard let zone = numbers(value.suffix(5).split(separator: ":")), zone.count == 2,
                  (0...23).contains(zone[0]), (0...59).contains(zone[1]) else { return nil }
            offset = (zone[0] * 3600 + zone[1] * 60) * (sign == "+" ? 1 : -1)
            value = value.dropLast(6)
        }
        let parts = value.split(whereSeparator: { $0 == "T" || $0 == "t" || $0 == " " })
        guard parts.count == 2, let date = numbers(parts[0].split(separator: "-")),
              let clock = numbers(parts[1].prefix { $0 != "." }.split(separator: ":")),
              date.count == 3, clock.count == 3,
              let epoch = CivilTime.epoch(year: date[0], month: date[1], day: date[2], hour: clock[0], minute: clock[1], second: clock[2])
        else { return nil }
        return epoch - Int64(offset)
    }

    /// Every part as a number, or nil if any is not one: `00+99:00` is not a second.
    private static func numbers(_ parts: [Substring]) -> [Int]? {
        var values: [Int] = []
        for part in parts {
            guard part.allSatisfy(\.isASCII), let value = Int(part) else { return nil }
            values.append(value)
        }
        return values
    }
}
