/// libpq's `PQmblen` and `PQdsplen` for one client encoding with multibyte characters other
/// than UTF8 (EUC_JP, SJIS, BIG5, GBK, ...), as psql's mbprint.c calls them with
/// `topt.encoding`. Database hands them in (only it links libpq); the printers use them to
/// step over characters and to measure them, so a two-byte character takes the columns psql
/// gives it and its second byte is never read as ASCII.
package struct CharacterRules: Sendable, Equatable {
    /// libpq's encoding number, which makes two rule sets the same.
    let encodingID: Int32
    /// Whether the encoding is one a server never uses (SJIS, BIG5, GBK, UHC, GB18030, JOHAB,
    /// SHIFT_JIS_2004: `!pg_valid_server_encoding_id`), whose trailing bytes can look like
    /// ASCII, so psql's lexer hides them (psqlscan.l's `safe_encoding`; see
    /// `HiddenTrailingBytes`).
    package let isClientOnly: Bool
    private let measure: @Sendable (UnsafeBufferPointer<UInt8>) -> (length: Int, width: Int)

    /// `measure` gets the bytes from a character's start to the end of the text (never empty)
    /// and returns PQmblen's length and PQdsplen's width for that character.
    package init(
        encodingID: Int32, isClientOnly: Bool = false,
        measure: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> (length: Int, width: Int)
    ) {
        self.encodingID = encodingID
        self.isClientOnly = isClientOnly
        self.measure = measure
    }

    /// The character at `index`: its length in bytes (at least 1) and its width.
    @inline(__always)
    package func character(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, width: Int) {
        let found = measure(UnsafeBufferPointer(rebasing: bytes[index...]))
        return (max(found.length, 1), found.width)
    }

    package static func == (lhs: CharacterRules, rhs: CharacterRules) -> Bool {
        lhs.encodingID == rhs.encodingID
    }
}
