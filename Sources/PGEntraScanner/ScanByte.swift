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
