/// `\pset format html` / `-H` (psql-compat.md §6.6): a `<table>` with centred `<th>` headers and
/// `<td align="right|left">` cells; `& < > "` escaped, newlines as `<br />`, leading spaces as
/// `&nbsp;`, a blank cell as `&nbsp; `; the footer in a `<p>`. Expanded mode prints one
/// `Record N` row per record and `<th>name</th><td>value</td>` rows. Streams each batch. A port of
/// psql's `print_html_text` and `print_html_vertical`.
struct HTMLPrinter: TablePrinter {
    private let options: PrintOptions
    private let content: TableContentOptions
    private let expanded: Bool
    private var headers: [[UInt8]] = []
    private var alignments: [TableColumn.Alignment] = []
    private var reader = CellReader(columns: [], options: PrintOptions())
    private var rowCount = 0

    init(options: PrintOptions, content: TableContentOptions) {
        self.options = options
        self.content = content
        expanded = options.expanded == .on
    }

    mutating func begin(columns: [TableColumn], sink: ByteSink) {
        headers = columns.map { options.encoding.printable($0.name) }
        alignments = columns.map(\.alignment)
        reader = CellReader(columns: columns, options: options)
        rowCount = 0
        sink.write("<table border=\"")
        sink.write(decimal: options.border)
        sink.write("\"")
        if let attributes = options.tableAttributes {
            sink.write(byte: 0x20)
            sink.write(attributes)
        }
        sink.write(">\n")
        if !options.tuplesOnly, let title = content.title {
            sink.write("  <caption>")
            Self.writeEscaped(Array(title.utf8), sink: sink)
            sink.write("</caption>\n")
        }
        if !expanded && !options.tuplesOnly {
            sink.write("  <tr>\n")
            for header in headers {
                sink.write("    <th align=\"center\">")
                Self.writeEscaped(header, sink: sink)
                sink.write("</th>\n")
            }
            sink.write("  </tr>\n")
        }
    }

    mutating func rows(_ batch: some RowBatch, sink: ByteSink) {
        let n = headers.count
        guard n > 0 else {
            rowCount += batch.rowCount
            return
        }
        for row in 0..<batch.rowCount {
            rowCount += 1
            if expanded {
                if options.tuplesOnly {
                    sink.write("\n  <tr><td colspan=\"2\">&nbsp;</td></tr>\n")
                } else {
                    sink.write("\n  <tr><td colspan=\"2\" align=\"center\">Record ")
                    sink.write(decimal: rowCount)
                    sink.write("</td></tr>\n")
                }
            } else {
                sink.write("  <tr valign=\"top\">\n")
            }
            for column in 0..<n {
                if expanded {
                    sink.write("  <tr valign=\"top\">\n    <th>")
                    Self.writeEscaped(headers[column], sink: sink)
                    sink.write("</th>\n")
                }
                sink.write(alignments[column] == .right ? "    <td align=\"right\">" : "    <td align=\"left\">")
                reader.withCell(batch, row: row, column: column) { bytes, _ in
                    Self.writeCell(bytes, sink: sink)
                }
                sink.write(expanded ? "</td>\n  </tr>\n" : "</td>\n")
            }
            if !expanded { sink.write("  </tr>\n") }
        }
    }

    mutating func finish(sink: ByteSink) {
        sink.write("</table>\n")
        let footers = expanded
            ? content.addedFooters
            : TablePiece().footers(content, options: options, rowCount: rowCount)
        if !options.tuplesOnly, let footers {
            sink.write("<p>")
            for footer in footers {
                Self.writeEscaped(Array(footer.utf8), sink: sink)
                sink.write("<br />\n")
            }
            sink.write("</p>")
        }
        sink.write(byte: 0x0A)
    }

    /// A blank value (only spaces and tabs) prints as `&nbsp; ` so the cell keeps its border.
    private static func writeCell(_ bytes: UnsafeBufferPointer<UInt8>, sink: ByteSink) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            sink.write("&nbsp; ")
        } else {
            writeEscaped(bytes, sink: sink)
        }
    }

    static func writeEscaped(_ bytes: [UInt8], sink: ByteSink) {
        bytes.withUnsafeBufferPointer { writeEscaped($0, sink: sink) }
    }

    /// psql's `html_escaped_print`: leading spaces become `&nbsp;` (for EXPLAIN output).
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, sink: ByteSink) {
        var leadingSpace = true
        var start = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            let replacement: StaticString?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\n"): replacement = "<br />\n"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: " "): replacement = leadingSpace ? "&nbsp;" : nil
            default: replacement = nil
            }
            if byte != UInt8(ascii: " ") { leadingSpace = false }
            if let replacement {
                sink.write(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                sink.write(replacement)
                start = i + 1
            }
        }
        sink.write(UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}
