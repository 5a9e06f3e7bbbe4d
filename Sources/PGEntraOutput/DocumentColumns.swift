/// What the document formats (asciidoc, LaTeX, troff) share: the cleaned column names, their
/// alignments, the cell reader, and helpers for escaping text piece by piece. Kept small on
/// purpose; each format's layout lives in its own printer.
struct DocumentColumns {
    var headers: [[UInt8]] = []
    var rightAligned: [Bool] = []
    var reader = CellReader(columns: [], options: PrintOptions())

    init() {}

    init(columns: [TableColumn], options: PrintOptions) {
        headers = columns.map { options.encoding.printable($0.name) }
        rightAligned = columns.map { $0.alignment == .right }
        reader = CellReader(columns: columns, options: options)
    }

    var count: Int { headers.count }

    /// psql's `aligns` letter for a column: `r` or `l`.
    func alignLetter(_ column: Int) -> UInt8 { rightAligned[column] ? UInt8(ascii: "r") : UInt8(ascii: "l") }

    /// Writes `bytes`, replacing each byte for which `replacement` answers non-nil.
    static func writeEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, sink: ByteSink, replacement: (UInt8) -> StaticString?
    ) {
        var start = 0
        for i in 0..<bytes.count {
            if let text = replacement(bytes[i]) {
                sink.write(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                sink.write(text)
                start = i + 1
            }
        }
        sink.write(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    static func writeEscaped(_ text: [UInt8], sink: ByteSink, replacement: (UInt8) -> StaticString?) {
        text.withUnsafeBufferPointer { writeEscaped($0, sink: sink, replacement: replacement) }
    }

    /// Only spaces and tabs (or nothing): psql prints such cells specially in several formats.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
