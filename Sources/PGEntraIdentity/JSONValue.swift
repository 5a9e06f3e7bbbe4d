/// Any JSON value. Token responses and claims mix numbers and numeric strings freely
/// (credentials.md §4.3), so they are read as values first and interpreted field by field.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `bytes` as a JSON object; nil for anything else (HTML error pages, truncated bodies).
    static func object(from bytes: [UInt8]) -> [String: JSONValue]? {
        guard case .object(let object)? = JSONParser.parse(bytes) else { return nil }
        return object
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A whole number given either as a JSON number or as a string of digits.
    var integerValue: Int64? {
        switch self {
        case .number(let value) where value.rounded() == value && abs(value) < 9e15:
            return Int64(value)
        case .string(let text):
            return Int64(text.trimmingWhitespace())
        default:
            return nil
        }
    }

    /// JSON text with sorted keys and unescaped slashes: compact, or `pretty` with two-space
    /// indents and `"key" : value` as Foundation's encoder lays it out.
    package func encoded(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                out += String(Int64(value))
            } else if value.isFinite {
                out += String(value)
            } else {
                out += "null"
            }
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            guard !values.isEmpty else { out += "[]"; return }
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                value.write(to: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                Self.writeString(key, to: &out)
                out += pretty ? " : " : ":"
                members[key]!.write(to: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "}"
        }
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
