/// The fields of an `application/x-www-form-urlencoded` body or a URL query string, in order.
///
/// Values are accepted raw or percent-encoded: the fake `az`/`azd` scripts used by the tests
/// send `resource=https://…` unencoded over bash's /dev/tcp, real SDKs encode it, and both
/// must mean the same thing. A `%` that does not start a valid escape is kept literally.
struct URLEncodedForm: Sendable {
    struct Field: Sendable {
        let name: String
        let value: String
    }

    let fields: [Field]

    init(parsing text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = URLEncodedForm.decode(Substring(parts[0]))
            let value = parts.count > 1 ? URLEncodedForm.decode(Substring(parts[1])) : ""
            return Field(name: name, value: value)
        }
    }

    /// The first value given for `name`, if any.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first non-empty value given for `name`; an empty parameter counts as missing, as in Entra.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }

    var names: [String] { fields.map(\.name) }

    /// Percent-decoding with `+` as space (form encoding, which Python's urlencode also uses for queries).
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
