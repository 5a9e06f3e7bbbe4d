/// `\pset format unaligned` / `-A` (psql-compat.md §6.4): values joined by `fieldsep`, rows by
/// `recordsep`, a final newline (or NUL with `recordsep_zero`); no padding, no escaping. In
/// expanded mode each value is a `name|value` line and records are separated by an empty line.
/// Streams: every batch is written as it arrives. A port of psql's `print_unaligned_text` and
/// `print_unaligned_vertical`.
struct UnalignedPrinter: TablePrinter {
    private let options: PrintOptions
    private let content: TableContentOptions
    private let expanded: Bool
    private let fieldSeparator: [UInt8]
    private let recordSeparator: [UInt8]
    private var headers: [[UInt8]] = []
    private var reader = CellReader(columns: [], options: PrintOptions())
    private var needsRecordSeparator = false
    private var rowCount = 0

    init(options: PrintOptions, content: TableContentOptions) {
        self.options = options
        self.content = content
        expanded = options.expanded == .on
        fieldSeparator = options.fieldSeparator.bytes
        recordSeparator = options.recordSeparator.bytes
    }

    mutating func begin(columns: [TableColumn], sink: ByteSink) {
        headers = columns.map { options.encoding.printable($0.name) }
        reader = CellReader(columns: columns, options: options)
        needsRecordSeparator = false
        rowCount = 0
        guard !options.tuplesOnly else { return }
        if let title = content.title {
            sink.write(title)
            if expanded {
                needsRecordSeparator = true
            } else {
                sink.write(recordSeparator)
            }
        }
        if !expanded {
            for (i, header) in headers.enumerated() {
                if i > 0 { sink.write(fieldSeparator) }
                sink.write(header)
            }
            needsRecordSeparator = true
        }
    }

    mutating func rows(_ batch: some RowBatch, sink: ByteSink) {
        let n = headers.count
        rowCount += batch.rowCount
        guard n > 0 else { return }
        fieldSeparator.withUnsafeBufferPointer { fieldSeparator in
            recordSeparator.withUnsafeBufferPointer { recordSeparator in
                for row in 0..<batch.rowCount {
                    for column in 0..<n {
                        if needsRecordSeparator {
                            sink.write(recordSeparator)
                            if expanded { sink.write(recordSeparator) }
                            needsRecordSeparator = false
                        }
                        if expanded {
                            sink.write(headers[column])
                            sink.write(fieldSeparator)
                        }
                        reader.withCell(batch, row: row, column: column) { bytes, _ in sink.write(bytes) }
                        if column < n - 1 {
                            sink.write(expanded ? recordSeparator : fieldSeparator)
                        } else {
                            needsRecordSeparator = true
                        }
                    }
                }
            }
        }
    }

    mutating func finish(sink: ByteSink) {
        if !options.tuplesOnly {
            if expanded {
                if let footers = content.footers {
                    sink.write(recordSeparator)
                    for footer in footers {
                        sink.write(recordSeparator)
                        sink.write(footer)
                    }
                }
            } else if let footers = TablePiece().footers(content, options: options, rowCount: rowCount) {
                for footer in footers {
                    if needsRecordSeparator {
                        sink.write(recordSeparator)
                        needsRecordSeparator = false
                    }
                    sink.write(footer)
                    needsRecordSeparator = true
                }
            }
        }
        if needsRecordSeparator {
            if options.recordSeparator == .zero {
                sink.write(byte: 0)
            } else {
                sink.write(byte: 0x0A)
            }
        }
    }
}
