import FoundationEssentials

/// base64url (RFC 4648 §5) as JWTs use it: no padding, `-` and `_` for `+` and `/`.
enum Base64URL {
    static func decode(_ text: Substring) -> [UInt8]? {
        var standard = String(text).replacing("-", with: "+").replacing("_", with: "/")
        guard !standard.contains("=") || standard.hasSuffix("=") else { return nil }
        standard = String(standard.prefix { $0 != "=" })
        switch standard.count % 4 {
        case 0: break
        case 2: standard += "=="
        case 3: standard += "="
        default: return nil
        }
        guard let data = Data(base64Encoded: standard) else { return nil }
        return Array(data)
    }

    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacing("+", with: "-")
            .replacing("/", with: "_")
            .replacing("=", with: "")
    }
}
