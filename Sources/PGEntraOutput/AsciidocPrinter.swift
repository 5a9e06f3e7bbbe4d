/// `\pset format asciidoc` (psql-compat.md §6.6): an AsciiDoc table, `|` escaped as `\|`;
/// expanded mode prints `2+^|Record N` rows and `<l|name >l|value` lines. Streams each batch. A
/// port of psql's `print_asciidoc_text` and `print_asciidoc_vertical`.
struct AsciidocPrinter: TablePrinter {
    private let options: PrintOptions
    private let content: TableContentOptions
    private let expanded: Bool
    private var columns = DocumentColumns()
    private var rowCount = 0

    init(options: PrintOptions, content: TableContentOptions) {
        self.options = options
        self.content = content
        expanded = options.expanded == .on
    }

    private static func escape(_ byte: UInt8) -> StaticString? { byte == UInt8(ascii: "|") ? "\\|" : nil }

    private func writeFrame(sink: ByteSink) {
        // psql switches on the unclamped border: other values add nothing.
        switch options.border {
        case 0: sink.write(",frame=\"none\",grid=\"none\"")
        case 1: sink.write(",frame=\"none\"")
        case 2: sink.write(",frame=\"all\",grid=\"all\"")
        default: break
        }
    }

    mutating func begin(columns tableColumns: [TableColumn], sink: ByteSink) {
        columns = DocumentColumns(columns: tableColumns, options: options)
        rowCount = 0
        sink.write(byte: 0x0A)
        if !options.tuplesOnly, let title = content.title {
            sink.write(".")
            sink.write(title)
            sink.write(byte: 0x0A)
        }
        if expanded {
            sink.write("[cols=\"h,l\"")
        } else {
            sink.write(options.tuplesOnly ? "[cols=\"" : "[options=\"header\",cols=\"")
            for i in 0..<columns.count {
                if i != 0 { sink.write(",") }
                sink.write(columns.rightAligned[i] ? ">l" : "<l")
            }
            sink.write("\"")
        }
        writeFrame(sink: sink)
        sink.write("]\n|====\n")
        if !expanded && !options.tuplesOnly {
            for (i, header) in columns.headers.enumerated() {
                if i != 0 { sink.write(" ") }
                sink.write("^l|")
                DocumentColumns.writeEscaped(header, sink: sink, replacement: Self.escape)
            }
            sink.write("\n")
        }
    }

    mutating func rows(_ batch: some RowBatch, sink: ByteSink) {
        writeRows(batch, sink: sink)
        // FETCH_COUNT mode: psql closes the `|====` block after every chunk, and once more
        // for the empty result that ends them (`finish`).
        if content.printsEachBatch { sink.write("|====\n") }
    }

    private mutating func writeRows(_ batch: some RowBatch, sink: ByteSink) {
        let n = columns.count
        guard n > 0 else {
            rowCount += batch.rowCount
            return
        }
        for row in 0..<batch.rowCount {
            rowCount += 1
            if expanded {
                if options.tuplesOnly {
                    sink.write("2+|\n")
                } else {
                    sink.write("2+^|Record ")
                    sink.write(decimal: rowCount)
                    sink.write(byte: 0x0A)
                }
            }
            for column in 0..<n {
                if expanded {
                    sink.write("<l|")
                    DocumentColumns.writeEscaped(columns.headers[column], sink: sink, replacement: Self.escape)
                    sink.write(columns.rightAligned[column] ? " >l|" : " <l|")
                } else {
                    if column != 0 { sink.write(" ") }
                    sink.write("|")
                }
                let last = column == n - 1
                columns.reader.withCell(batch, row: row, column: column) { bytes, _ in
                    if DocumentColumns.isBlank(bytes) {
                        if expanded || !last { sink.write(" ") }
                    } else {
                        DocumentColumns.writeEscaped(bytes, sink: sink, replacement: Self.escape)
                    }
                }
                if expanded || last { sink.write(byte: 0x0A) }
            }
        }
    }

    mutating func finish(sink: ByteSink) {
        sink.write("|====\n")
        let footers = expanded ? content.addedFooters : TablePiece().footers(content, options: options, rowCount: rowCount)
        if !options.tuplesOnly, let footers {
            sink.write("\n....\n")
            for footer in footers {
                sink.write(footer)
                sink.write(byte: 0x0A)
            }
            sink.write("....\n")
        }
    }
}
