#if canImport(Glibc)
import Glibc
#endif

/// Bytes carried in a Swift `String` without loss, whatever their encoding.
///
/// psql never decodes text: a script's bytes go to the server as they are (psqlscan.l only
/// steps over multibyte characters), and results come back in the client encoding and are
/// printed as they are. pgentra keeps most text in `String`s, which hold only valid Unicode,
/// so bytes that are not UTF-8 (a Latin-1 script, a raw 0xE9 the server must refuse) would be
/// replaced by U+FFFD and the query silently changed. Instead, as Python's `surrogateescape`:
/// every byte that does not start a valid UTF-8 character becomes one private-use code point,
/// U+10FF00 plus the byte (U+10FF80 to U+10FFFF), and a genuine occurrence of one of those code
/// points is escaped the same way, byte by byte. `bytes(of:)` maps them back, so
/// `bytes(of: string(decoding: b)) == b` for every byte string `b`. The escapes are four
/// non-ASCII bytes, so a lexer working on the UTF-8 form sees what psql's sees for a high byte:
/// part of a word. Every exit (libpq, the output streams, files) maps them back.
package enum LosslessText {
    /// The code point standing for byte 0x80 + n is `escapeBase + 0x80 + n`.
    static let escapeBase: UInt32 = 0x10FF00

    /// `bytes` as a string; bytes that are not UTF-8 are escaped.
    package static func string<C: Collection<UInt8>>(decoding bytes: C) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ decode($0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { decode($0) }
    }

    /// A NUL-terminated C string as a string; bytes that are not UTF-8 are escaped.
    package static func string(cString pointer: UnsafePointer<CChar>) -> String {
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length + 1) { bytes in
            decode(UnsafeBufferPointer(start: bytes, count: length))
        }
    }

    /// The bytes `text` stands for: its UTF-8, with each escape turned back into its byte.
    package static func bytes(of text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            guard mayHoldEscapes(utf8) else { return Array(utf8) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            unescape(utf8) { out.append(contentsOf: $0) }
            return out
        }
    }

    /// Calls `body` with the bytes `text` stands for, without a copy when it holds no escape.
    package static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8 { utf8 in
            guard mayHoldEscapes(utf8) else { return try body(utf8) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            unescape(utf8) { out.append(contentsOf: $0) }
            return try out.withUnsafeBufferPointer(body)
        }
    }

    /// Calls `body` with the bytes `text` stands for as a NUL-terminated C string, for libpq:
    /// like `String.withCString`, which stops at the first NUL byte just as libpq does.
    package static func withCString<R>(_ text: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        var text = text
        let plain = text.withUTF8 { !mayHoldEscapes($0) }
        if plain { return try text.withCString(body) }
        var bytes = self.bytes(of: text)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Whether the string's UTF-8 holds the two bytes every escape begins with.
    @inline(__always)
    private static func mayHoldEscapes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count >= 4, let base = utf8.baseAddress else { return false }
        var index = 0
        while index + 3 < utf8.count {
            guard let hit = memchr(base + index, 0xF4, utf8.count - 3 - index) else { return false }
            index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if utf8[index + 1] == 0x8F && utf8[index + 2] >= 0xBE { return true }
            index += 1
        }
        return false
    }

    /// Walks valid UTF-8, handing on runs of plain bytes and the byte of each escape.
    private static func unescape(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var runStart = 0, index = 0
        while index < utf8.count {
            if index + 3 < utf8.count, utf8[index] == 0xF4, utf8[index + 1] == 0x8F, utf8[index + 2] >= 0xBE {
                emit(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                // F4 8F BE 80...BF BF is U+10FF80...U+10FFFF: byte 0x80 + the low seven bits.
                var byte = 0x80 | ((utf8[index + 2] & 0x01) << 6) | (utf8[index + 3] & 0x3F)
                withUnsafePointer(to: &byte) { emit(UnsafeBufferPointer(start: $0, count: 1)) }
                index += 4
                runStart = index
            } else {
                index += 1
            }
        }
        emit(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // The common cases: ASCII, and valid UTF-8 without escape-range code points, pass as
        // they are.
        if UTF8Repair.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var clean = true
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let length = validLength(bytes, at: index), !isEscapeRange(bytes, at: index, length: length) else {
                clean = false
                break
            }
            index += length
        }
        if clean { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = Array(bytes[..<index])
        out.reserveCapacity(bytes.count + 8)
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                out.append(lead)
                index += 1
            } else if let length = validLength(bytes, at: index), !isEscapeRange(bytes, at: index, length: length) {
                out.append(contentsOf: bytes[index..<(index + length)])
                index += length
            } else {
                // U+10FF80 + (lead - 0x80) in UTF-8.
                out.append(contentsOf: [0xF4, 0x8F, 0xBE | ((lead >> 6) & 0x01), 0x80 | (lead & 0x3F)])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the valid character at `index` is one of the escape code points.
    @inline(__always)
    private static func isEscapeRange(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        length == 4 && bytes[index] == 0xF4 && bytes[index + 1] == 0x8F && bytes[index + 2] >= 0xBE
    }

    /// The length of the well-formed UTF-8 character at `index` (Unicode's table 3-7: no
    /// overlong forms, no surrogates, nothing past U+10FFFF), else nil.
    @inline(__always)
    private static func validLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < bytes.count && (low...high).contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }
}
