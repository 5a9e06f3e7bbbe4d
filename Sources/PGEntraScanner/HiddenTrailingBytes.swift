import PGEntraSystem

/// The copy of an input buffer that psql's lexers classify in a client-only encoding (SJIS,
/// BIG5, GBK, UHC, GB18030, JOHAB, SHIFT_JIS_2004), made as psqlscan.l's
/// psqlscan_prepare_buffer makes it.
///
/// In those encodings the second byte of a character may be an ASCII byte: SJIS's 表 is
/// 0x95 0x5C, and 0x5C is a backslash, which inside `E'...'` or a `\echo` argument would
/// escape the closing quote. psql therefore lexes a copy where every byte after the first of
/// each character (as PQmblen counts them, from the start of the buffer) is 0xFF, a byte no
/// rule treats specially, and copies the text it keeps from the original at the same offsets.
///
/// pgentra's buffers are the UTF-8 form of `LosslessText`, where each byte that is not UTF-8
/// is a four-byte escape and every ASCII byte stands for itself. Trailing bytes of 0x80 and
/// over already classify as high bytes in that form, so only the ASCII ones need hiding: the
/// copy differs from the original exactly there, and offsets stay shared.
package enum HiddenTrailingBytes {
    /// What a hidden trailing byte reads as (psqlscan_prepare_buffer's `(char) 0xFF`).
    static let hidden: UInt8 = 0xFF

    /// The copy to classify `utf8` (a LosslessText buffer) with, or nil when no ASCII byte in
    /// it is the trailing byte of a character of `rules`' encoding.
    package static func classificationCopy(of utf8: [UInt8], rules: CharacterRules) -> [UInt8]? {
        // ASCII text has no multibyte characters to step over: no copy, and no second pass.
        guard utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        // The bytes the buffer stands for, and where each one sits in the UTF-8 form.
        var raw: [UInt8] = []
        var offsets: [Int] = []
        raw.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            offsets.append(index)
            if byte == 0xF4, index + 3 < utf8.count, utf8[index + 1] == 0x8F, utf8[index + 2] >= 0xBE {
                // U+10FF80...U+10FFFF: LosslessText's escape of byte 0x80 + the low seven bits.
                raw.append(0x80 | ((utf8[index + 2] & 0x01) << 6) | (utf8[index + 3] & 0x3F))
                index += 4
            } else {
                raw.append(byte)
                index += 1
            }
        }
        var copy: [UInt8]?
        raw.withUnsafeBufferPointer { raw in
            var position = 0
            while position < raw.count {
                // psqlscan_prepare_buffer: PQmblen's length, cut at the end of the buffer.
                let length = rules.character(in: raw, at: position).length
                var trailing = position + 1
                while trailing < min(position + length, raw.count) {
                    if raw[trailing] < 0x80 {
                        if copy == nil { copy = utf8 }
                        copy![offsets[trailing]] = hidden
                    }
                    trailing += 1
                }
                position = trailing
            }
        }
        return copy
    }
}
