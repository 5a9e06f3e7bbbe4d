import FoundationEssentials

/// Any JSON value. Token responses and claims mix numbers and numeric strings freely
/// (credentials.md §4.3), so they are read as values first and interpreted field by field.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses `bytes` as a JSON object; nil for anything else (HTML error pages, truncated bodies).
    public static func object(from bytes: [UInt8]) -> [String: JSONValue]? {
        guard case .object(let object)? = JSONParser.parse(bytes) else { return nil }
        return object
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A whole number given either as a JSON number or as a string of digits.
    public var integerValue: Int64? {
        switch self {
        case .number(let value) where value.rounded() == value && abs(value) < 9e15:
            return Int64(value)
        case .string(let text):
            return Int64(text.trimmingWhitespace())
        default:
            return nil
        }
    }

    /// Compact JSON text with sorted keys, for `--json` output and fixtures.
    public func encoded(pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
