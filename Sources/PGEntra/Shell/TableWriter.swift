/// One result table on its way out: to the query output with the session's print settings and,
/// with `-L`, to the log as well, where psql always writes the plain aligned layout.
struct TableWriter {
    private var printer: any TablePrinter
    private var logPrinter: (any TablePrinter)?
    private let output: ByteSink
    private let log: ByteSink?

    init(columns: [TableColumn], options: PrintOptions, content: TableContentOptions?, output: ByteSink, log: ByteSink?) {
        printer = options.makePrinter(content: content)
        printer.begin(columns: columns, sink: output)
        self.output = output
        self.log = log
        if let log {
            var plain = PrintOptions()
            plain.nullDisplay = options.nullDisplay
            var logTable = plain.makePrinter(content: content)
            logTable.begin(columns: columns, sink: log)
            logPrinter = logTable
        }
    }

    mutating func rows(_ batch: some RowBatch) {
        printer.rows(batch, sink: output)
        if let log { logPrinter?.rows(batch, sink: log) }
    }

    mutating func finish() {
        printer.finish(sink: output)
        if let log { logPrinter?.finish(sink: log) }
    }
}
