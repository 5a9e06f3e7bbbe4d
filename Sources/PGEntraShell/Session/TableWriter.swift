import PGEntraOutput

/// One result table on its way out: to the query output with the session's print settings and,
/// with `-L`, to the log as well, where psql always writes the aligned (or wrapped) layout.
///
/// With a `PagerGate` the rows are held until the table's size is known, then the table goes
/// to the pager or to the output as psql decides; a FETCH_COUNT table (`printsEachBatch`) goes
/// to the pager with its first chunk, as psql 17+ forces the pager for chunks.
struct TableWriter {
    private var printer: any TablePrinter
    private var logPrinter: (any TablePrinter)?
    private var sink: ByteSink
    private let log: ByteSink?
    /// The pager question, while it is open.
    private var pending: PendingTable?
    private var pager: PagerPipe?

    private struct PendingTable {
        let gate: PagerGate
        let columns: [TableColumn]
        let options: PrintOptions
        let content: TableContentOptions
        let terminalWidth: Int
        var batches: [any RowBatch] = []
    }

    /// - Parameter terminalWidth: psql's `output_columns` for a terminal (see `makePrinter`).
    init(
        columns: [TableColumn], options: PrintOptions, content: TableContentOptions?, output: ByteSink, log: ByteSink?,
        terminalWidth: Int? = nil, pager: PagerGate? = nil
    ) {
        printer = options.makePrinter(content: content, terminalWidth: terminalWidth)
        sink = output
        self.log = log
        if let pager {
            pending = PendingTable(
                gate: pager, columns: columns, options: options,
                content: content ?? TableContentOptions(title: options.title), terminalWidth: terminalWidth ?? 0)
        } else {
            printer.begin(columns: columns, sink: output)
        }
        if let log {
            // psql's printTable logs with print_aligned_text and the table's own options, so
            // border, line style, title and wrapping apply there too, expanded output never.
            var logged = options
            if logged.format != .wrapped { logged.format = .aligned }
            logged.expanded = .off
            var logTable = logged.makePrinter(content: content)
            logTable.begin(columns: columns, sink: log)
            logPrinter = logTable
        }
    }

    mutating func rows(_ batch: some RowBatch) {
        if let log { logPrinter?.rows(batch, sink: log) }
        guard pending == nil else {
            pending?.batches.append(batch)
            if let held = pending, held.content.printsEachBatch { release(.lines(.max)) }
            return
        }
        printer.rows(batch, sink: sink)
    }

    mutating func finish() {
        if let held = pending {
            release(PagerDemand.of(
                columns: held.columns, batches: held.batches, options: held.options, content: held.content,
                targetWidth: held.terminalWidth))
        }
        printer.finish(sink: sink)
        pager?.close()
        if let log { logPrinter?.finish(sink: log) }
    }

    /// A table printed in chunks that an error cut short: the chunks printed so far stay,
    /// without a closing piece, as psql 18 leaves them before it shows the error.
    mutating func abandon() {
        if pending != nil { release(.lines(.max)) }
        sink.flush()
        pager?.close()
    }

    /// Answers the pager question and prints the rows held so far.
    private mutating func release(_ demand: PagerDemand) {
        guard let held = pending else { return }
        pending = nil
        sink.flush()
        if let opened = held.gate.open(for: demand, options: held.options) {
            pager = opened
            sink = opened.sink
        }
        printer.begin(columns: held.columns, sink: sink)
        for batch in held.batches { printer.rows(batch, sink: sink) }
    }
}
