import PGEntraSystem

/// `\pset format csv` / `--csv` (psql-compat.md §6.5): a header line unless tuples-only, no
/// title or footer, `\n` line ends. A field is quoted (inner quotes doubled) when it holds the
/// separator, a quote, CR or LF, is exactly `\.`, or the separator is `\` or `.` (so COPY never
/// reads an end-of-data marker). Expanded: one `name,value` line per value. Streams each batch.
///
/// Each value is scanned once through a byte-class table that answers both "must quote" and
/// "has non-ASCII bytes" (which then go through `UTF8Repair`, as psql validates every cell).
struct CSVPrinter: TablePrinter {
    private let options: PrintOptions
    private let expanded: Bool
    private let separator: UInt8
    /// Always quote: the separator is `\` or `.`.
    private let quotesEverything: Bool
    /// Per byte: 1 = forces quoting, 2 = non-ASCII.
    private let classes: [UInt8]
    private var headers: [[UInt8]] = []
    private var reader = CellReader(columns: [], options: PrintOptions())
    private var repairScratch: [UInt8] = []

    init(options: PrintOptions) {
        self.options = options
        expanded = options.expanded == .on
        separator = options.csvFieldSeparator
        quotesEverything = separator == UInt8(ascii: "\\") || separator == UInt8(ascii: ".")
        var classes = [UInt8](repeating: 0, count: 256)
        for byte in [separator, UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n")] {
            classes[Int(byte)] = 1
        }
        for byte in 0x80...0xFF { classes[byte] |= 2 }
        self.classes = classes
    }

    mutating func begin(columns: [TableColumn], sink: ByteSink) {
        headers = columns.map { options.encoding.printable($0.name) }
        reader = CellReader(columns: columns, options: options)
        guard !expanded && !options.tuplesOnly else { return }
        for (i, header) in headers.enumerated() {
            if i > 0 { sink.write(byte: separator) }
            header.withUnsafeBufferPointer { writeField($0, sink: sink) }
        }
        sink.write(byte: 0x0A)
    }

    mutating func rows(_ batch: some RowBatch, sink: ByteSink) {
        let n = headers.count
        guard n > 0 else { return }
        var reader = self.reader  // not `self.reader`: writeField mutates self meanwhile
        defer { self.reader = reader }
        for row in 0..<batch.rowCount {
            for column in 0..<n {
                if expanded {
                    headers[column].withUnsafeBufferPointer { writeField($0, sink: sink) }
                    sink.write(byte: separator)
                }
                reader.withUncheckedCell(batch, row: row, column: column) { bytes, _ in
                    writeField(bytes, sink: sink)
                }
                sink.write(byte: expanded || column == n - 1 ? 0x0A : separator)
            }
        }
    }

    mutating func finish(sink: ByteSink) {}

    /// psql's `csv_print_field`, repairing non-ASCII values first.
    @inline(__always)
    private mutating func writeField(_ bytes: UnsafeBufferPointer<UInt8>, sink: ByteSink) {
        var seen: UInt8 = 0
        classes.withUnsafeBufferPointer { classes in
            for byte in bytes { seen |= classes[Int(byte)] }
        }
        if seen & 2 != 0 && reader.encoding == .utf8 && !UTF8Repair.isClean(bytes) {
            repairScratch.removeAll(keepingCapacity: true)
            UTF8Repair.repair(bytes, into: &repairScratch)
            let repaired = repairScratch
            repaired.withUnsafeBufferPointer { emit($0, quoted: needsQuotes($0, seen: seen), sink: sink) }
            return
        }
        emit(bytes, quoted: needsQuotes(bytes, seen: seen), sink: sink)
    }

    @inline(__always)
    private func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, seen: UInt8) -> Bool {
        seen & 1 != 0 || quotesEverything
            || (bytes.count == 2 && bytes[0] == UInt8(ascii: "\\") && bytes[1] == UInt8(ascii: "."))
    }

    @inline(__always)
    private func emit(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, sink: ByteSink) {
        guard quoted else {
            sink.write(bytes)
            return
        }
        sink.write(byte: UInt8(ascii: "\""))
        var start = 0
        for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\"") {
            // Write through the quote, then the quote again.
            sink.write(UnsafeBufferPointer(rebasing: bytes[start...i]))
            start = i
        }
        sink.write(UnsafeBufferPointer(rebasing: bytes[start...]))
        sink.write(byte: UInt8(ascii: "\""))
    }
}
