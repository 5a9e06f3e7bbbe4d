/// One value split into display lines, reused cell after cell so drawing a table allocates
/// nothing per cell (psql keeps one `format_buf` per column for the same reason). Plain values
/// (printable ASCII) are not copied: their single line points at the caller's bytes, which must
/// outlive the use of `lines`.
struct CellLines {
    struct Line {
        var base: UnsafePointer<UInt8>
        var count: Int
        var width: Int
        /// Printable ASCII: one column per byte, so wrapping needs no decoding.
        var isPlain: Bool

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
    }

    private(set) var lines: [Line] = []
    private let buffer: UnsafeMutablePointer<UInt8>
    private var layoutLines: [CellLayout.Line] = []

    private let encoding: OutputEncoding

    /// `capacity`: the largest `CellLayout.Metrics.formattedSize` this holder will see.
    init(capacity: Int, encoding: OutputEncoding = .utf8) {
        buffer = .allocate(capacity: max(capacity, 1))
        self.encoding = encoding
    }

    /// Frees the buffer; the holder must not be used afterwards.
    func deallocate() { buffer.deallocate() }

    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, isPlain: Bool) {
        lines.removeAll(keepingCapacity: true)
        if isPlain {
            lines.append(Line(base: bytes.baseAddress ?? UnsafePointer(buffer), count: bytes.count,
                              width: bytes.count, isPlain: true))
            return
        }
        CellLayout.format(bytes, encoding, into: buffer, lines: &layoutLines)
        for line in layoutLines {
            lines.append(Line(base: UnsafePointer(buffer + line.start), count: line.count,
                              width: line.width, isPlain: false))
        }
    }

    /// psql's `strlen_max_width` on line `index` from byte `offset`: the bytes that fit in
    /// `width` columns (at least one character) and the columns they take.
    @inline(__always)
    func prefix(line index: Int, from offset: Int, fitting width: Int) -> (bytes: Int, width: Int) {
        let line = lines[index]
        if line.isPlain {
            let remaining = line.count - offset
            let take = remaining == 0 ? 0 : max(1, min(remaining, width))
            return (take, take)
        }
        return DisplayWidth.prefix(of: line.bytes, from: offset, fitting: width, encoding: encoding)
    }
}
