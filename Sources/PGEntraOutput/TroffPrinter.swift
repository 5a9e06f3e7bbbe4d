/// `\pset format troff-ms` (psql-compat.md §6.6): a tbl table for troff's ms macros, `\`
/// escaped as `\(rs`. Streams each batch. A port of psql's `print_troff_ms_text` and
/// `print_troff_ms_vertical`.
struct TroffPrinter: TablePrinter {
    private let options: PrintOptions
    private let content: TableContentOptions
    private let expanded: Bool
    private let border: Int
    private var columns = DocumentColumns()
    private var rowCount = 0
    /// Expanded mode's current tbl format: 0 none yet, 1 record heading, 2 name/value rows.
    private var currentFormat = 0

    init(options: PrintOptions, content: TableContentOptions) {
        self.options = options
        self.content = content
        expanded = options.expanded == .on
        border = options.textBorder
    }

    private static func escape(_ byte: UInt8) -> StaticString? { byte == UInt8(ascii: "\\") ? "\\(rs" : nil }

    private static func write(_ text: [UInt8], _ sink: ByteSink) {
        DocumentColumns.writeEscaped(text, sink: sink, replacement: escape)
    }

    mutating func begin(columns tableColumns: [TableColumn], sink: ByteSink) {
        columns = DocumentColumns(columns: tableColumns, options: options)
        rowCount = 0
        currentFormat = 0
        if !options.tuplesOnly, let title = content.title {
            sink.write(".LP\n.DS C\n")
            Self.write(Array(title.utf8), sink)
            sink.write("\n.DE\n")
        }
        sink.write(".LP\n.TS\n")
        sink.write(border == 2 ? "center box;\n" : "center;\n")
        if expanded {
            if options.tuplesOnly { sink.write("c l;\n") }
            return
        }
        for i in 0..<columns.count {
            sink.write(byte: columns.alignLetter(i))
            if border > 0 && i < columns.count - 1 { sink.write(" | ") }
        }
        sink.write(".\n")
        if !options.tuplesOnly {
            for (i, header) in columns.headers.enumerated() {
                if i != 0 { sink.write(byte: 0x09) }
                sink.write("\\fI")
                Self.write(header, sink)
                sink.write("\\fP")
            }
            sink.write("\n_\n")
        }
    }

    mutating func rows(_ batch: some RowBatch, sink: ByteSink) {
        let n = columns.count
        guard n > 0 else {
            rowCount += batch.rowCount
            return
        }
        for row in 0..<batch.rowCount {
            rowCount += 1
            if expanded {
                if !options.tuplesOnly {
                    if currentFormat != 1 {
                        if border == 2 && rowCount > 1 { sink.write("_\n") }
                        if currentFormat != 0 { sink.write(".T&\n") }
                        sink.write("c s.\n")
                        currentFormat = 1
                    }
                    sink.write("\\fIRecord ")
                    sink.write(decimal: rowCount)
                    sink.write("\\fP\n")
                }
                if border >= 1 { sink.write("_\n") }
            }
            for column in 0..<n {
                if expanded {
                    if !options.tuplesOnly && currentFormat != 2 {
                        if currentFormat != 0 { sink.write(".T&\n") }
                        sink.write(border != 1 ? "c l.\n" : "c | l.\n")
                        currentFormat = 2
                    }
                    Self.write(columns.headers[column], sink)
                    sink.write(byte: 0x09)
                }
                columns.reader.withCell(batch, row: row, column: column) { bytes, _ in
                    DocumentColumns.writeEscaped(bytes, sink: sink, replacement: Self.escape)
                }
                sink.write(byte: expanded || column == n - 1 ? 0x0A : 0x09)
            }
        }
    }

    mutating func finish(sink: ByteSink) {
        sink.write(".TE\n.DS L\n")
        let footers = expanded ? content.addedFooters : TablePiece().footers(content, options: options, rowCount: rowCount)
        if !options.tuplesOnly, let footers {
            for footer in footers {
                Self.write(Array(footer.utf8), sink)
                sink.write(byte: 0x0A)
            }
        }
        sink.write(".DE\n")
    }
}
