/// `\pset format latex` and `latex-longtable` (psql-compat.md §6.6): a `tabular` or `longtable`
/// environment with LaTeX's special characters escaped; expanded mode (both formats) prints a
/// two-column `tabular` with a `Record N` heading per record. Streams each batch. A port of
/// psql's `print_latex_text`, `print_latex_longtable_text` and `print_latex_vertical`.
struct LaTeXPrinter: TablePrinter {
    private let options: PrintOptions
    private let content: TableContentOptions
    private let longtable: Bool
    private let expanded: Bool
    /// psql clamps to 3 for tables (3 adds a rule under every row) and to 2 when expanded.
    private let border: Int
    private var columns = DocumentColumns()
    private var rowCount = 0

    init(options: PrintOptions, content: TableContentOptions, longtable: Bool) {
        self.options = options
        self.content = content
        self.longtable = longtable
        expanded = options.expanded == .on
        border = min(max(options.border, 0), expanded ? 2 : 3)
    }

    /// psql's `latex_escaped_print`, after Scott Pakin's symbol list.
    private static func escape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "#"): return "\\#"
        case UInt8(ascii: "$"): return "\\$"
        case UInt8(ascii: "%"): return "\\%"
        case UInt8(ascii: "&"): return "\\&"
        case UInt8(ascii: "<"): return "\\textless{}"
        case UInt8(ascii: ">"): return "\\textgreater{}"
        case UInt8(ascii: "\\"): return "\\textbackslash{}"
        case UInt8(ascii: "^"): return "\\^{}"
        case UInt8(ascii: "_"): return "\\_"
        case UInt8(ascii: "{"): return "\\{"
        case UInt8(ascii: "|"): return "\\textbar{}"
        case UInt8(ascii: "}"): return "\\}"
        case UInt8(ascii: "~"): return "\\~{}"
        case UInt8(ascii: "\n"): return "\\\\"
        default: return nil
        }
    }

    private static func write(_ text: [UInt8], _ sink: ByteSink) {
        DocumentColumns.writeEscaped(text, sink: sink, replacement: escape)
    }

    private static func write(_ text: String, _ sink: ByteSink) { write(Array(text.utf8), sink) }

    mutating func begin(columns tableColumns: [TableColumn], sink: ByteSink) {
        columns = DocumentColumns(columns: tableColumns, options: options)
        rowCount = 0
        if expanded {
            beginVertical(sink: sink)
        } else if longtable {
            beginLongtable(sink: sink)
        } else {
            beginTabular(sink: sink)
        }
    }

    private func writeTitleBlock(sink: ByteSink) {
        if !options.tuplesOnly, let title = content.title {
            sink.write("\\begin{center}\n")
            Self.write(title, sink)
            sink.write("\n\\end{center}\n\n")
        }
    }

    private func beginVertical(sink: ByteSink) {
        writeTitleBlock(sink: sink)
        sink.write("\\begin{tabular}{")
        switch border {
        case 0: sink.write("cl")
        case 1: sink.write("c|l")
        default: sink.write("|c|l|")
        }
        sink.write("}\n")
    }

    private func beginTabular(sink: ByteSink) {
        writeTitleBlock(sink: sink)
        sink.write("\\begin{tabular}{")
        if border >= 2 { sink.write("| ") }
        for i in 0..<columns.count {
            sink.write(byte: columns.alignLetter(i))
            if border != 0 && i < columns.count - 1 { sink.write(" | ") }
        }
        if border >= 2 { sink.write(" |") }
        sink.write("}\n")
        if !options.tuplesOnly && border >= 2 { sink.write("\\hline\n") }
        if !options.tuplesOnly {
            for (i, header) in columns.headers.enumerated() {
                if i != 0 { sink.write(" & ") }
                sink.write("\\textit{")
                Self.write(header, sink)
                sink.write("}")
            }
            sink.write(" \\\\\n\\hline\n")
        }
    }

    private func beginLongtable(sink: ByteSink) {
        sink.write("\\begin{longtable}{")
        if border >= 2 { sink.write("| ") }
        // `tableattr` gives widths (fractions of \textwidth) for left-aligned columns in turn;
        // the last one given repeats.
        let widths = (options.tableAttributes ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        var next = 0
        var last: Substring?
        for i in 0..<columns.count {
            if !columns.rightAligned[i] && options.tableAttributes != nil {
                if next < widths.count {
                    last = widths[next]
                    next += 1
                }
                if let width = last {
                    sink.write("p{")
                    sink.write(String(width))
                    sink.write("\\textwidth}")
                } else {
                    sink.write("l")
                }
            } else {
                sink.write(byte: columns.alignLetter(i))
            }
            if border != 0 && i < columns.count - 1 { sink.write(" | ") }
        }
        if border >= 2 { sink.write(" |") }
        sink.write("}\n")
        guard !options.tuplesOnly else { return }
        func headerRow() {
            if border >= 2 { sink.write("\\toprule\n") }
            for (i, header) in columns.headers.enumerated() {
                if i != 0 { sink.write(" & ") }
                sink.write("\\small\\textbf{\\textit{")
                Self.write(header, sink)
                sink.write("}}")
            }
            sink.write(" \\\\\n")
        }
        headerRow()
        sink.write("\\midrule\n\\endfirsthead\n")
        headerRow()
        if border != 3 { sink.write("\\midrule\n") }
        sink.write("\\endhead\n")
        if let title = content.title {
            if border == 2 { sink.write("\\bottomrule\n") }
            sink.write("\\caption[")
            Self.write(title, sink)
            sink.write(" (Continued)]{")
            Self.write(title, sink)
            sink.write("}\n\\endfoot\n")
            if border == 2 { sink.write("\\bottomrule\n") }
            sink.write("\\caption[")
            Self.write(title, sink)
            sink.write("]{")
            Self.write(title, sink)
            sink.write("}\n\\endlastfoot\n")
        } else if border >= 2 {
            sink.write("\\bottomrule\n\\endfoot\n\\bottomrule\n\\endlastfoot\n")
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
                    if border == 2 {
                        sink.write("\\hline\n\\multicolumn{2}{|c|}{\\textit{Record ")
                    } else {
                        sink.write("\\multicolumn{2}{c}{\\textit{Record ")
                    }
                    sink.write(decimal: rowCount)
                    sink.write("}} \\\\\n")
                }
                if border >= 1 { sink.write("\\hline\n") }
            }
            for column in 0..<n {
                if expanded {
                    Self.write(columns.headers[column], sink)
                    sink.write(" & ")
                } else if longtable {
                    if column != 0 { sink.write("\n&\n") }
                    sink.write("\\raggedright{")
                }
                columns.reader.withCell(batch, row: row, column: column) { bytes, _ in
                    DocumentColumns.writeEscaped(bytes, sink: sink, replacement: Self.escape)
                }
                if expanded {
                    sink.write(" \\\\\n")
                } else if longtable {
                    sink.write("}")
                    if column == n - 1 {
                        sink.write(" \\tabularnewline\n")
                        if border == 3 { sink.write(" \\hline\n") }
                    }
                } else if column == n - 1 {
                    sink.write(" \\\\\n")
                    if border == 3 { sink.write("\\hline\n") }
                } else {
                    sink.write(" & ")
                }
            }
        }
    }

    mutating func finish(sink: ByteSink) {
        if longtable && !expanded {
            sink.write("\\end{longtable}\n")
            return
        }
        let footers = expanded ? content.addedFooters : TablePiece().footers(content, options: options, rowCount: rowCount)
        if border == 2 { sink.write("\\hline\n") }
        sink.write("\\end{tabular}\n\n\\noindent ")
        if !options.tuplesOnly, let footers {
            for footer in footers {
                Self.write(footer, sink)
                sink.write(" \\\\\n")
            }
        }
        sink.write(byte: 0x0A)
    }
}
