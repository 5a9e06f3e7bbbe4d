/// How many terminal columns text takes, as psql computes it with libpq's `PQdsplen` and
/// `PQmblen` for UTF-8 (psql-compat.md §6.1): East Asian wide and fullwidth characters take 2,
/// non-spacing characters (marks, format characters such as the zero width joiner) 0, controls
/// are "-1" (the caller shows them escaped). The tables are read from the reference libpq 18.6
/// (scripts/generate-display-width.py), so widths match psql 18's without linking libpq into the
/// Output layer.
package enum DisplayWidth {
    /// `PQdsplen` for one code point: -1 for a control character, else 0, 1 or 2.
    static func of(_ scalar: UInt32) -> Int {
        if scalar < 0x7F { return scalar >= 0x20 ? 1 : (scalar == 0 ? 0 : -1) }
        if scalar < 0xA0 { return -1 }
        if scalar > 0x10FFFF { return -1 }
        if contains(DisplayWidthTables.combining, scalar) { return 0 }
        if contains(DisplayWidthTables.wide, scalar) { return 2 }
        return 1
    }

    /// Binary search over inclusive (low, high) pairs.
    private static func contains(_ table: [UInt32], _ scalar: UInt32) -> Bool {
        table.withUnsafeBufferPointer { pairs in
            var low = 0, high = pairs.count / 2 - 1
            if scalar < pairs[0] || scalar > pairs[pairs.count - 1] { return false }
            while low <= high {
                let mid = (low + high) / 2
                if scalar > pairs[2 * mid + 1] {
                    low = mid + 1
                } else if scalar < pairs[2 * mid] {
                    high = mid - 1
                } else {
                    return true
                }
            }
            return false
        }
    }

    /// `PQmblen` for UTF-8: the sequence length its lead byte announces (1 for a stray byte).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead & 0x80 == 0 { return 1 }
        if lead & 0xE0 == 0xC0 { return 2 }
        if lead & 0xF0 == 0xE0 { return 3 }
        if lead & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    /// The code point at `index` (psql's `utf8_to_unicode`, no checks: input is repaired first).
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        let c0 = UInt32(bytes[index])
        switch length {
        case 2: return ((c0 & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F)
        case 3:
            return ((c0 & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
                | (UInt32(bytes[index + 2]) & 0x3F)
        case 4:
            return ((c0 & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
        default: return c0
        }
    }

    /// Width of text known to be on one line, ignoring controls (psql's `pg_wcswidth`); for
    /// titles, labels and other short strings.
    package static func width(of text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var total = 0, i = 0
            while i < bytes.count {
                let length = sequenceLength(bytes[i])
                if i + length > bytes.count { break }
                let w = of(scalar(bytes, at: i, length: length))
                if w > 0 { total += w }
                i += length
            }
            return total
        }
    }

    /// psql's `strlen_max_width`: how many bytes of `line` (already formatted, so free of
    /// controls) fit in `target` columns, and the columns they take. The first character is
    /// taken even if it alone is wider than `target`.
    static func prefix(
        of line: UnsafeBufferPointer<UInt8>, from start: Int, fitting target: Int, encoding: OutputEncoding = .utf8
    ) -> (bytes: Int, width: Int) {
        var i = start, width = 0
        while i < line.count {
            let lead = line[i]
            let length: Int, w: Int
            if lead < 0x80 {
                length = 1
                w = lead >= 0x20 && lead < 0x7F ? 1 : (lead == 0 ? 0 : -1)
            } else if encoding == .singleByte {
                length = 1
                w = 1
            } else if case .multibyte(let rules) = encoding {
                (length, w) = rules.character(in: line, at: i)
            } else {
                length = sequenceLength(lead)
                w = i + length <= line.count ? of(scalar(line, at: i, length: length)) : 1
            }
            if target < width + w && width != 0 { break }
            width += w
            i = min(i + length, line.count)
        }
        return (i - start, width)
    }
}
