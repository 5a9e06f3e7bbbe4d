/// How much screen a result claims before it is printed: psql's line estimate from
/// `IsPagerNeeded` (and `print_aligned_text`'s extra lines for multi-line and wrapped cells),
/// which the Shell compares with the terminal's height to choose the pager.
///
/// The estimate is psql's, not the printed line count: the default `(N rows)` footer, the
/// title and the separator lines are not counted, a header counts its height on top of the
/// `rows + 1`, and each explicit footer counts one line however long it is. Matching psql here
/// means a result pages in pgentra exactly when it pages in psql.
package enum PagerDemand: Equatable, Sendable {
    /// psql asks no pager question (expanded output of no rows).
    case none
    /// The estimated height; `Int.max` when the table is wider than the terminal, which pages
    /// whenever the pager is on.
    case lines(Int)

    /// Measures a result as psql does before printing it with `options`.
    ///
    /// - Parameter targetWidth: psql's `output_columns` (`\pset columns`, else `COLUMNS`, else
    ///   the terminal's width); 0 when unknown, which skips the width check.
    package static func of(
        columns: [TableColumn], batches: [any RowBatch], options: PrintOptions, content: TableContentOptions,
        targetWidth: Int
    ) -> PagerDemand {
        let rowCount = batches.reduce(0) { $0 + $1.rowCount }
        let footerCount = options.tuplesOnly ? 0 : (content.footers?.count ?? 0)
        let vertical = (columns.count + 1) * rowCount + footerCount
        guard options.format == .aligned || options.format == .wrapped else {
            return .lines(options.expanded == .on ? vertical : rowCount + 1 + footerCount)
        }
        // psql's expanded printer returns before its pager check when there are no rows.
        let expandedDemand: PagerDemand = rowCount == 0 ? .none : .lines(vertical)
        if options.expanded == .on { return expandedDemand }

        let width = options.columns > 0 ? options.columns : targetWidth
        var measured = Measurements(columns: columns, options: options, batches: batches)
        var layout = HorizontalLayout(
            headerWidths: measured.headerMetrics.map(\.width), cellWidths: measured.cellWidths,
            widthSums: measured.widthSums, rowCount: rowCount, options: options)
        if options.format == .wrapped { layout.wrap(to: width) }
        let tooWide = width > 0 && (width < layout.totalHeaderWidth || width < layout.totalWidth)
        if options.expanded == .auto && tooWide && columns.count > 1 { return expandedDemand }
        if tooWide { return .lines(.max) }
        let extra = measured.extraLines(wrapWidths: layout.wrapWidths, batches: batches)
        return .lines(rowCount + 1 + footerCount + extra)
    }
}

/// The two passes psql makes over a table's cells: widths first, then the display lines each
/// row adds beyond its first at the widths finally chosen.
private struct Measurements {
    let headerMetrics: [CellLayout.Metrics]
    private(set) var cellWidths: [Int]
    private(set) var widthSums: [Int]
    private var reader: CellReader

    init(columns: [TableColumn], options: PrintOptions, batches: [any RowBatch]) {
        headerMetrics = columns.map { options.encoding.printable($0.name).withUnsafeBufferPointer { CellLayout.measure($0, options.encoding) } }
        cellWidths = Array(repeating: 0, count: columns.count)
        widthSums = cellWidths
        reader = CellReader(columns: columns, options: options)
        for batch in batches { measureWidths(batch) }
    }

    private mutating func measureWidths(_ batch: some RowBatch) {
        for row in 0..<batch.rowCount {
            for column in 0..<cellWidths.count {
                let width = reader.withCell(batch, row: row, column: column) { [encoding = reader.encoding] bytes, _ in CellLayout.measure(bytes, encoding).width }
                cellWidths[column] = max(cellWidths[column], width)
                widthSums[column] += width
            }
        }
    }

    /// psql's `extra_output_lines`: the tallest header's height, plus per row the most lines
    /// any of its cells adds by newlines or by wrapping at `wrapWidths`.
    mutating func extraLines(wrapWidths: [Int], batches: [any RowBatch]) -> Int {
        var extra = headerMetrics.map(\.lines).max() ?? 0
        for batch in batches { extra += rowExtraLines(batch, wrapWidths: wrapWidths) }
        return extra
    }

    private mutating func rowExtraLines(_ batch: some RowBatch, wrapWidths: [Int]) -> Int {
        var total = 0
        for row in 0..<batch.rowCount {
            var tallest = 0
            for column in 0..<wrapWidths.count where wrapWidths[column] > 0 {
                let metrics = reader.withCell(batch, row: row, column: column) { [encoding = reader.encoding] bytes, _ in CellLayout.measure(bytes, encoding) }
                guard metrics.width > 0 else { continue }
                tallest = max(tallest, (metrics.width - 1) / wrapWidths[column] + metrics.lines - 1)
            }
            total += tallest
        }
        return total
    }
}
