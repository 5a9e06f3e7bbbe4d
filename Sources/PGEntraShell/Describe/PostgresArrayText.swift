/// The elements of a one-dimensional array in PostgreSQL's text form, `{a,"b c","d\"e"}`, as
/// psql's parsePGArray (fe_utils/string_utils.c) reads them: double quotes group, inside them a
/// backslash takes the next byte as it is, and text outside braces is not an array (no
/// elements). The server writes reloptions this way; malformed text is not rejected as psql
/// would, only read as far as it goes.
enum PostgresArrayText {
    static func elements(_ text: String) -> [String] {
        var bytes = Array(text.utf8)[...]
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return [] }
        bytes = bytes.dropFirst().dropLast()
        guard !bytes.isEmpty else { return [] }
        var elements: [String] = []
        var current: [UInt8] = []
        var quoted = false
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\\") where quoted:
                if let next = bytes.popFirst() { current.append(next) }
            case UInt8(ascii: "\""):
                quoted.toggle()
            case UInt8(ascii: ",") where !quoted:
                elements.append(String(decoding: current, as: UTF8.self))
                current = []
            default:
                current.append(byte)
            }
        }
        elements.append(String(decoding: current, as: UTF8.self))
        return elements
    }
}
