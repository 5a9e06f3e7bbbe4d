extension PrintOptions {
    /// The printer for these options (psql's `printTable` switch). Use a new one per result.
    ///
    /// - Parameters:
    ///   - content: title and footers; nil means a query result: the `\pset title` and the
    ///     default `(N rows)` footer.
    ///   - terminalWidth: the width to fit when `\pset columns` is 0, known only when output
    ///     goes to a terminal (psql: `COLUMNS`, else the terminal's size); nil for pipes and
    ///     files, so `\x auto` and `wrapped` behave as psql does there.
    package func makePrinter(
        content: TableContentOptions? = nil, terminalWidth: Int? = nil
    ) -> any TablePrinter {
        let content = content ?? TableContentOptions(title: title)
        switch format {
        case .aligned, .wrapped:
            return AlignedPrinter(options: self, content: content, terminalWidth: terminalWidth)
        case .unaligned:
            return UnalignedPrinter(options: self, content: content)
        case .csv:
            return CSVPrinter(options: self)
        case .html:
            return HTMLPrinter(options: self, content: content)
        case .json:
            return JSONPrinter()
        case .asciidoc:
            return AsciidocPrinter(options: self, content: content)
        case .latex:
            return LaTeXPrinter(options: self, content: content, longtable: false)
        case .latexLongtable:
            return LaTeXPrinter(options: self, content: content, longtable: true)
        case .troffMS:
            return TroffPrinter(options: self, content: content)
        }
    }

    /// Prints a whole in-memory table at once: describe output built client-side, tests.
    func printTable(
        columns: [TableColumn], rows: StringRows, content: TableContentOptions? = nil,
        terminalWidth: Int? = nil, to sink: ByteSink
    ) {
        var printer = makePrinter(content: content, terminalWidth: terminalWidth)
        printer.begin(columns: columns, sink: sink)
        printer.rows(rows, sink: sink)
        printer.finish(sink: sink)
    }

    /// A command's status line (`INSERT 0 1`, `CREATE TABLE`) as psql prints it for a result
    /// without rows, unless QUIET: the tag and a newline, or `<p>TAG</p>` in HTML.
    package func writeStatus(_ commandTag: String, to sink: ByteSink) {
        if format == .html {
            sink.write("<p>")
            HTMLPrinter.writeEscaped(Array(commandTag.utf8), sink: sink)
            sink.write("</p>\n")
        } else {
            sink.write(commandTag)
            sink.write(byte: 0x0A)
        }
    }
}
