/// The byte classes of psql's lexers (psqlscan.l and psqlscanslash.l), which work on bytes, not
/// characters: every byte ≥ 0x80 counts as a letter, so a multibyte UTF-8 character is always
/// taken whole by identifier, variable-name and dollar-tag runs, and the scanners only ever stop
/// at ASCII bytes — which is what lets them slice UTF-8 without splitting a character.
package enum ScanByte {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    package static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let formFeed: UInt8 = 0x0C
    package static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    package static let backslash = UInt8(ascii: "\\")
    static let backquote = UInt8(ascii: "`")
    static let dollar = UInt8(ascii: "$")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let dash = UInt8(ascii: "-")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let dot = UInt8(ascii: ".")
    static let pipe = UInt8(ascii: "|")

    /// `{space}`: `[ \t\n\r\f]` (psql 15; vertical tab joined only in 17).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn || byte == formFeed
    }

    /// `{newline}`: `[\n\r]`; a `--` comment runs up to, not including, one of these.
    @inline(__always)
    static func isNewline(_ byte: UInt8) -> Bool {
        byte == newline || byte == carriageReturn
    }

    /// `{horiz_space}`: the spaces allowed before the newline of a string continuation.
    @inline(__always)
    static func isHorizontalSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == formFeed
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always)
    static func isOctalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `{ident_start}` and `{dolq_start}`: `[A-Za-z\200-\377_]`.
    @inline(__always)
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || isASCIILetter(byte)
    }

    /// `{ident_cont}`: `[A-Za-z\200-\377_0-9\$]`.
    @inline(__always)
    static func isIdentifierContinuation(_ byte: UInt8) -> Bool {
        isVariableCharacter(byte) || byte == dollar
    }

    /// `{variable_char}` and `{dolq_cont}`: `[A-Za-z\200-\377_0-9]`.
    @inline(__always)
    static func isVariableCharacter(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }
}

/// A read-only view of one input buffer for the scanners: bounds-checked lookahead that fails at
/// the end (flex never matches across the end of a buffer), runs, and slicing to `String`.
///
/// Lookahead, runs and `slice` read the bytes as the lexer classifies them (psql's `yytext`);
/// `string` and `copy` read the original text at the same offsets (psqlscan_emit's `refline`).
/// The two differ only in a client-only encoding (`HiddenTrailingBytes`).
struct ScanText {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The text as typed, which is what gets copied out.
    let original: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    @inline(__always)
    subscript(index: Int) -> UInt8 { bytes[index] }

    /// The byte at `index`, or nil past the end.
    @inline(__always)
    func at(_ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// The end of the run of bytes from `start` satisfying `predicate`.
    @inline(__always)
    func endOfRun(from start: Int, where predicate: (UInt8) -> Bool) -> Int {
        var index = start
        while index < bytes.count && predicate(bytes[index]) { index += 1 }
        return index
    }

    /// The first index at or after `start` holding `byte`, else `count`.
    @inline(__always)
    func firstIndex(of byte: UInt8, from start: Int) -> Int {
        var index = start
        while index < bytes.count && bytes[index] != byte { index += 1 }
        return index
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: original[range]), as: UTF8.self)
    }

    /// The original text in `range`, to copy out.
    func copy(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: original[range])
    }

    /// The original byte at `index`, to copy out.
    @inline(__always)
    func copy(at index: Int) -> UInt8 { original[index] }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }
}
