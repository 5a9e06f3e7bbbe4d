/// How psql shows a value inside an aligned table (psql-compat.md §6.1; psql's `pg_wcssize` and
/// `pg_wcsformat`): `\n` starts a new line, a tab becomes spaces up to the next multiple of 8,
/// `\r` shows as the two characters `\r`, other ASCII controls as `\xNN`, C1 controls as
/// `\uNNNN`. `measure` and `format` must agree on every byte, as psql's two functions do.
enum CellLayout {
    /// What `measure` learns about a value.
    struct Metrics {
        /// Display width of the widest line.
        var width = 0
        var lines = 1
        /// Bytes the formatted form needs, line terminators included (psql's `format_size`).
        var formattedSize = 0
        /// True when every byte is printable ASCII: the value is its own single formatted line.
        var isPlain = true
    }

    /// One formatted line: a range of the output buffer and its display width.
    struct Line {
        var start: Int
        var count: Int
        var width: Int
    }

    /// In a single-byte `encoding` every byte from 0x80 is one character one column wide
    /// (pg_ascii_dsplen), shown as it is.
    static func measure(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: OutputEncoding) -> Metrics {
        var metrics = Metrics()
        var lineWidth = 0, size = 0, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F {
                lineWidth += 1
                size += 1
                i += 1
                continue
            }
            metrics.isPlain = false
            if b < 0x80 {
                if b == 0 { break }  // psql stops at the terminator
                switch b {
                case UInt8(ascii: "\n"):
                    metrics.width = max(metrics.width, lineWidth)
                    lineWidth = 0
                    metrics.lines += 1
                    size += 1
                case UInt8(ascii: "\r"):
                    lineWidth += 2
                    size += 2
                case UInt8(ascii: "\t"):
                    let pad = 8 - lineWidth % 8
                    lineWidth += pad
                    size += pad
                default:
                    lineWidth += 4
                    size += 4
                }
                i += 1
            } else if encoding == .singleByte {
                lineWidth += 1
                size += 1
                i += 1
            } else if case .multibyte(let rules) = encoding {
                // pg_wcssize: a character cut short at the end ends the value.
                let (length, w) = rules.character(in: bytes, at: i)
                if i + length > n { break }
                lineWidth += length == 1 ? max(w, 0) : (w < 0 ? 6 : w)
                size += length == 1 ? 1 : (w < 0 ? 6 : length)
                i += length
            } else {
                let length = DisplayWidth.sequenceLength(b)
                if i + length > n { break }
                let w = DisplayWidth.of(DisplayWidth.scalar(bytes, at: i, length: length))
                if w < 0 {
                    lineWidth += 6
                    size += 6
                } else {
                    lineWidth += w
                    size += length
                }
                i += length
            }
        }
        metrics.width = max(metrics.width, lineWidth)
        metrics.formattedSize = size + 1
        return metrics
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Writes the formatted lines of `bytes` to `output` (which has room for
    /// `measure(bytes).formattedSize` bytes) and describes them in `lines`.
    static func format(
        _ bytes: UnsafeBufferPointer<UInt8>, _ encoding: OutputEncoding, into output: UnsafeMutablePointer<UInt8>,
        lines: inout [Line]
    ) {
        lines.removeAll(keepingCapacity: true)
        var lineStart = 0, lineWidth = 0, o = 0, i = 0
        let n = bytes.count
        @inline(__always) func put(_ byte: UInt8) {
            output[o] = byte
            o += 1
        }
        while i < n {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F {
                put(b)
                lineWidth += 1
                i += 1
                continue
            }
            if b < 0x80 {
                if b == 0 { break }
                switch b {
                case UInt8(ascii: "\n"):
                    lines.append(Line(start: lineStart, count: o - lineStart, width: lineWidth))
                    lineStart = o
                    lineWidth = 0
                case UInt8(ascii: "\r"):
                    put(UInt8(ascii: "\\"))
                    put(UInt8(ascii: "r"))
                    lineWidth += 2
                case UInt8(ascii: "\t"):
                    repeat {
                        put(UInt8(ascii: " "))
                        lineWidth += 1
                    } while lineWidth % 8 != 0
                default:
                    put(UInt8(ascii: "\\"))
                    put(UInt8(ascii: "x"))
                    put(hexDigits[Int(b >> 4)])
                    put(hexDigits[Int(b & 0x0F)])
                    lineWidth += 4
                }
                i += 1
            } else if encoding == .singleByte {
                put(b)
                lineWidth += 1
                i += 1
            } else if case .multibyte(let rules) = encoding {
                let (length, w) = rules.character(in: bytes, at: i)
                if i + length > n { break }
                if length > 1 && w < 0 {
                    // pg_wcsformat's "cannot happen" case outside UTF-8.
                    for byte in "\\u????".utf8 { put(byte) }
                    lineWidth += 6
                } else {
                    for k in 0..<length { put(bytes[i + k]) }
                    lineWidth += max(w, 0)
                }
                i += length
            } else {
                let length = DisplayWidth.sequenceLength(b)
                if i + length > n { break }
                let scalar = DisplayWidth.scalar(bytes, at: i, length: length)
                let w = DisplayWidth.of(scalar)
                if w < 0 {
                    put(UInt8(ascii: "\\"))
                    put(UInt8(ascii: "u"))
                    for shift in stride(from: 12, through: 0, by: -4) {
                        put(hexDigits[Int((scalar >> UInt32(shift)) & 0x0F)])
                    }
                    lineWidth += 6
                } else {
                    for k in 0..<length { put(bytes[i + k]) }
                    lineWidth += w
                }
                i += length
            }
        }
        lines.append(Line(start: lineStart, count: o - lineStart, width: lineWidth))
    }
}
