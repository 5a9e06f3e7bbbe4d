import PGEntraSystem

/// psql's default table (psql-compat.md §6.2) and the `wrapped` format (§6.6): buffers the
/// result, measures every column, then draws it with `border` 0/1/2 in the chosen line style.
/// Expanded output (`\x on`, or `\x auto` when the table is wider than the target width) is
/// drawn by `ExpandedPrinter` from the same buffer. A port of `print_aligned_text`: every
/// padding and marker rule below matches it, since output must be byte-identical.
struct AlignedPrinter: TablePrinter {
    private let options: PrintOptions
    private let content: TableContentOptions
    /// psql's `output_columns`: `\pset columns`, else the terminal's width, else 0 (unknown).
    private let targetWidth: Int
    private var table = BufferedTable(columns: [])
    private var reader = CellReader(columns: [], options: PrintOptions())
    private var piece = TablePiece()

    init(options: PrintOptions, content: TableContentOptions, terminalWidth: Int?) {
        self.options = options
        self.content = content
        targetWidth = options.columns > 0 ? options.columns : (terminalWidth ?? 0)
    }

    mutating func begin(columns: [TableColumn], sink: ByteSink) {
        table = BufferedTable(columns: columns, encoding: options.encoding)
        reader = CellReader(columns: columns, options: options)
        piece = TablePiece(startsTable: true, stopsTable: false, priorRecords: 0)
    }

    mutating func rows(_ batch: some RowBatch, sink: ByteSink) {
        table.append(batch, reader: &reader)
        guard content.printsEachBatch else { return }
        // ExecQueryAndProcessResults prints each chunk as it comes, as a middle piece with its
        // own widths; the table is closed by the empty result that ends it (`finish`).
        render(sink: sink)
        piece.startsTable = false
        piece.priorRecords += table.rowCount
        table.removeAllRows()
    }

    mutating func finish(sink: ByteSink) {
        piece.stopsTable = true
        render(sink: sink)
    }

    // MARK: - Rendering

    private func render(sink: ByteSink) {
        // printTable: "In expanded-auto mode, force vertical if a pager is passed in".
        if options.expanded == .on || (options.expanded == .auto && content.pagesChunks) {
            ExpandedPrinter.render(
                table, options: options, content: content, piece: piece, targetWidth: targetWidth, sink: sink)
            return
        }
        var layout = HorizontalLayout(table: table, options: options)
        if options.format == .wrapped { layout.wrap(to: targetWidth) }
        if options.expanded == .auto && targetWidth > 0 && table.columnCount > 1
            && (targetWidth < layout.totalHeaderWidth || targetWidth < layout.totalWidth)
        {
            ExpandedPrinter.render(
                table, options: options, content: content, piece: piece, targetWidth: targetWidth, sink: sink)
            return
        }
        var drawing = HorizontalDrawing(
            table: table, layout: layout, options: options, style: options.resolvedLineStyle, sink: sink)
        drawing.draw(content: content, piece: piece)
    }
}

/// Column widths of a horizontal table, before and after `wrapped` narrows them.
struct HorizontalLayout {
    var headerWidths: [Int]
    var maxWidths: [Int]
    var averageWidths: [Int]
    /// Widths the table is drawn with (psql's `width_wrap`).
    var wrapWidths: [Int]
    var totalWidth: Int
    var totalHeaderWidth: Int

    init(table: BufferedTable, options: PrintOptions) {
        self.init(
            headerWidths: table.headerMetrics.map(\.width), cellWidths: table.maxWidth, widthSums: table.widthSum,
            rowCount: table.rowCount, options: options)
    }

    /// From per-column measurements: header widths, the widest cell and the sum of cell widths.
    init(headerWidths: [Int], cellWidths: [Int], widthSums: [Int], rowCount: Int, options: PrintOptions) {
        let n = headerWidths.count
        self.headerWidths = headerWidths
        maxWidths = (0..<n).map { max(headerWidths[$0], cellWidths[$0]) }
        averageWidths = (0..<n).map { rowCount > 0 ? widthSums[$0] / rowCount : 0 }
        wrapWidths = maxWidths
        let decoration: Int
        switch options.textBorder {
        case 0: decoration = n
        case 1: decoration = n * 3 - (n > 0 ? 1 : 0)
        default: decoration = n * 3 + 1
        }
        totalWidth = decoration + maxWidths.reduce(0, +)
        totalHeaderWidth = decoration + headerWidths.reduce(0, +)
    }

    /// psql's wrapped-format loop: while too wide, narrow by one the column whose widest value
    /// is furthest above its average (slightly favouring wide columns), never below its header.
    mutating func wrap(to target: Int) {
        guard target > 0 && target >= totalHeaderWidth else { return }
        while totalWidth > target {
            var worst = -1
            var worstRatio = 0.0
            for i in 0..<wrapWidths.count where averageWidths[i] != 0 && wrapWidths[i] > headerWidths[i] {
                let ratio = Double(wrapWidths[i]) / Double(averageWidths[i]) + Double(maxWidths[i]) * 0.01
                if ratio > worstRatio {
                    worstRatio = ratio
                    worst = i
                }
            }
            if worst < 0 { break }
            wrapWidths[worst] -= 1
            totalWidth -= 1
        }
    }
}

/// Draws one horizontal table piece, holding the per-column scratch space psql allocates once
/// per table.
private struct HorizontalDrawing {
    private enum Continuation { case none, wrapped, newline }

    let table: BufferedTable
    let layout: HorizontalLayout
    let options: PrintOptions
    let style: LineStyle
    let sink: ByteSink
    let border: Int
    let n: Int

    private var cells: [CellLines]
    private var continuation: [Continuation]
    /// Per column: the display line being printed and the bytes of it already printed.
    private var current: [Int]
    private var written: [Int]
    private let rightAligned: [Bool]

    init(table: BufferedTable, layout: HorizontalLayout, options: PrintOptions, style: LineStyle, sink: ByteSink) {
        self.table = table
        self.layout = layout
        self.options = options
        self.style = style
        self.sink = sink
        border = options.textBorder
        n = table.columnCount
        cells = (0..<n).map {
            CellLines(capacity: max(table.maxFormattedSize[$0], table.headerMetrics[$0].formattedSize), encoding: table.encoding)
        }
        continuation = Array(repeating: .none, count: n)
        current = Array(repeating: 0, count: n)
        written = Array(repeating: 0, count: n)
        rightAligned = table.columns.map { $0.alignment == .right }
    }

    mutating func draw(content: TableContentOptions, piece: TablePiece) {
        defer { cells.forEach { $0.deallocate() } }
        if piece.startsTable {
            if let title = content.title, !options.tuplesOnly { drawTitle(title) }
            if !options.tuplesOnly { drawHeader() }
        }
        if n > 0 {
            table.arena.withUnsafeBufferPointer { arena in
                for row in 0..<table.rowCount { drawRow(row, arena: arena) }
            }
        }
        if piece.stopsTable {
            if border == 2 { drawRule(.bottom) }
            if !options.tuplesOnly,
                let footers = piece.footers(content, options: options, rowCount: table.rowCount)
            {
                for footer in footers {
                    sink.write(footer)
                    sink.write(byte: 0x0A)
                }
            }
            sink.write(byte: 0x0A)
        }
    }

    private func drawTitle(_ title: String) {
        let width = LosslessText.bytes(of: title).withUnsafeBufferPointer { CellLayout.measure($0, table.encoding) }.width
        if width < layout.totalWidth {
            spaces((layout.totalWidth - width) / 2)
        }
        sink.write(title)
        sink.write(byte: 0x0A)
    }

    private func drawRule(_ position: LineStyle.Position) {
        let rule = style[position]
        if border == 1 {
            sink.write(rule.horizontal)
        } else if border == 2 {
            sink.write(rule.left)
            sink.write(rule.horizontal)
        }
        for i in 0..<n {
            writeRepeated(rule.horizontal, layout.wrapWidths[i])
            if i < n - 1 {
                if border == 0 {
                    sink.write(byte: 0x20)
                } else {
                    sink.write(rule.horizontal)
                    sink.write(rule.middle)
                    sink.write(rule.horizontal)
                }
            }
        }
        if border == 2 {
            sink.write(rule.horizontal)
            sink.write(rule.right)
        } else if border == 1 {
            sink.write(rule.horizontal)
        }
        sink.write(byte: 0x0A)
    }

    private func writeRepeated(_ piece: [UInt8], _ count: Int) {
        if piece.count == 1 {
            sink.write(repeating: piece[0], count: count)
        } else {
            for _ in 0..<max(count, 0) { sink.write(piece) }
        }
    }

    @inline(__always)
    private func spaces(_ count: Int) {
        if count > 0 { sink.write(repeating: 0x20, count: count) }
    }

    private mutating func drawHeader() {
        if border == 2 { drawRule(.top) }
        var remaining = n
        var lineIndex = 0
        var done = Array(repeating: false, count: n)
        let data = style[.data]
        for i in 0..<n {
            table.headers[i].withUnsafeBufferPointer { header in
                cells[i].load(header, isPlain: false)
            }
        }
        while remaining > 0 {
            if border == 2 { sink.write(data.left) }
            for i in 0..<n {
                if border != 0 || (!style.wrapRightBorder && i > 0) {
                    if lineIndex > 0 { sink.write(style.headerNewlineLeft) } else { sink.write(byte: 0x20) }
                }
                if !done[i] {
                    let line = cells[i].lines[lineIndex]
                    let free = layout.wrapWidths[i] - line.width
                    spaces(free / 2)
                    sink.write(line.bytes)
                    spaces((free + 1) / 2)
                    if lineIndex + 1 >= cells[i].lines.count {
                        remaining -= 1
                        done[i] = true
                    }
                } else {
                    spaces(layout.wrapWidths[i])
                }
                if border != 0 || style.wrapRightBorder {
                    if !done[i] { sink.write(style.headerNewlineRight) } else { sink.write(byte: 0x20) }
                }
                if border != 0 && i < n - 1 { sink.write(data.middle) }
            }
            lineIndex += 1
            if border == 2 { sink.write(data.right) }
            sink.write(byte: 0x0A)
        }
        drawRule(.middle)
    }

    private mutating func drawRow(_ row: Int, arena: UnsafeBufferPointer<UInt8>) {
        let first = row * n
        for j in 0..<n {
            let bytes = UnsafeBufferPointer(rebasing: arena[table.range(ofCell: first + j)])
            cells[j].load(bytes, isPlain: table.plain[first + j])
            current[j] = 0
            written[j] = 0
        }
        let data = style[.data]
        var moreLines: Bool
        repeat {
            moreLines = false
            if border == 2 { sink.write(data.left) }
            for j in 0..<n {
                let width = layout.wrapWidths[j]
                var chars = width
                let padsRight = border == 2 || j < n - 1
                let lineCount = cells[j].lines.count
                if border != 0 {
                    switch continuation[j] {
                    case .wrapped: sink.write(style.wrapLeft)
                    case .newline: sink.write(style.newlineLeft)
                    case .none: sink.write(byte: 0x20)
                    }
                }
                if current[j] >= lineCount {
                    if padsRight { spaces(chars) }
                } else {
                    let line = cells[j].lines[current[j]]
                    let fit = cells[j].prefix(line: current[j], from: written[j], fitting: width)
                    chars = min(fit.width, width)
                    if rightAligned[j] { spaces(width - chars) }
                    sink.write(UnsafeBufferPointer(start: line.base + written[j], count: fit.bytes))
                    written[j] += fit.bytes
                    if written[j] < line.count {
                        moreLines = true
                    } else {
                        current[j] += 1
                        if current[j] < lineCount { moreLines = true }
                        written[j] = 0
                    }
                }
                continuation[j] = .none
                if current[j] < lineCount {
                    if written[j] != 0 {
                        continuation[j] = .wrapped
                    } else if current[j] != 0 {
                        continuation[j] = .newline
                    }
                }
                if !rightAligned[j] && (padsRight || continuation[j] != .none) {
                    spaces(width - chars)
                }
                switch continuation[j] {
                case .wrapped: sink.write(style.wrapRight)
                case .newline: sink.write(style.newlineRight)
                case .none: if padsRight { sink.write(byte: 0x20) }
                }
                if border != 0 && j < n - 1 {
                    switch continuation[j + 1] {
                    case .wrapped: sink.write(style.middleWrap)
                    case .newline: sink.write(style.middleNewline)
                    case .none:
                        if current[j + 1] >= cells[j + 1].lines.count {
                            sink.write(style.middleBlank)
                        } else {
                            sink.write(data.middle)
                        }
                    }
                }
            }
            if border == 2 { sink.write(data.right) }
            sink.write(byte: 0x0A)
        } while moreLines
    }
}
