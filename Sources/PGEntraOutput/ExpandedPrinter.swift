/// Expanded display of an aligned or wrapped table (`\x`, psql-compat.md §6.3): one block per
/// row, a `-[ RECORD n ]` line above it, then `name | value` lines. A port of psql's
/// `print_aligned_vertical` and `print_aligned_vertical_line`; `AlignedPrinter` buffers the
/// rows and calls `render` when expanded output is on, or chosen by `\x auto`.
enum ExpandedPrinter {
    static func render(
        _ table: BufferedTable, options: PrintOptions, content: TableContentOptions, piece: TablePiece,
        targetWidth: Int = 0, sink: ByteSink
    ) {
        var drawing = VerticalDrawing(table: table, options: options, targetWidth: targetWidth, sink: sink)
        drawing.draw(content: content, piece: piece)
    }
}

private struct VerticalDrawing {
    let table: BufferedTable
    let options: PrintOptions
    let style: LineStyle
    let sink: ByteSink
    let border: Int
    let n: Int
    let targetWidth: Int

    init(table: BufferedTable, options: PrintOptions, targetWidth: Int, sink: ByteSink) {
        self.table = table
        self.options = options
        self.targetWidth = targetWidth
        self.sink = sink
        style = options.resolvedLineStyle
        border = options.textBorder
        n = table.columnCount
    }

    @inline(__always)
    private func spaces(_ count: Int) {
        if count > 0 { sink.write(repeating: 0x20, count: count) }
    }

    mutating func draw(content: TableContentOptions, piece: TablePiece) {
        let tuplesOnly = options.tuplesOnly
        let hasCells = n > 0 && table.rowCount > 0
        if !hasCells && piece.startsTable && piece.stopsTable {
            if !tuplesOnly, let footers = piece.footers(content, options: options, rowCount: table.rowCount) {
                for footer in footers {
                    sink.write(footer)
                    sink.write(byte: 0x0A)
                }
            }
            sink.write(byte: 0x0A)
            return
        }

        // Dimensions of the names and of the values.
        var hwidth = 0, hheight = 1, hformat = 0
        var hmultiline = false
        for metrics in table.headerMetrics {
            hwidth = max(hwidth, metrics.width)
            if metrics.lines > hheight {
                hheight = metrics.lines
                hmultiline = true
            }
            hformat = max(hformat, metrics.formattedSize)
        }
        var dwidth = 0, dformat = 0
        var dmultiline = false
        if table.rowCount > 0 {
            for i in 0..<n {
                dwidth = max(dwidth, table.maxWidth[i])
                if table.maxLines[i] > 1 { dmultiline = true }
                dformat = max(dformat, table.maxFormattedSize[i])
            }
        }

        if piece.startsTable, !tuplesOnly, let title = content.title {
            sink.write(title)
            sink.write(byte: 0x0A)
        }

        // Data width: fit the target width when wrapping, and always fit the record labels.
        let oldASCII = style.isOldASCII
        var swidth: Int
        switch border {
        case 0: swidth = 1 + (hmultiline ? 1 : 0)
        case 1: swidth = 3 + (hmultiline && oldASCII ? 1 : 0)
        default: swidth = 7
        }
        if dmultiline && border < 2 && !oldASCII { swidth += 1 }
        var rwidth = 0
        if !tuplesOnly {
            if table.rowCount > 0 { rwidth = String(table.rowCount).utf8.count }
            rwidth += border == 0 ? 9 : (border == 1 ? 12 : 15)
        }
        var newdwidth: Int
        while true {
            let width = max(hwidth + swidth + dwidth, rwidth)
            if options.format == .wrapped && targetWidth > 0 {
                let minWidth = max(hwidth + swidth + 3, rwidth)
                if targetWidth >= width {
                    newdwidth = width - hwidth - swidth
                } else if targetWidth < minWidth {
                    newdwidth = minWidth - hwidth - swidth
                } else {
                    newdwidth = targetWidth - hwidth - swidth
                }
            } else {
                newdwidth = width - hwidth - swidth
            }
            if newdwidth < dwidth && !dmultiline && border < 2 && !oldASCII {
                dmultiline = true
                swidth += 1
                continue
            }
            break
        }
        dwidth = newdwidth

        var header = CellLines(capacity: hformat, encoding: table.encoding)
        var value = CellLines(capacity: dformat, encoding: table.encoding)
        defer {
            header.deallocate()
            value.deallocate()
        }
        let data = style[.data]
        var record = piece.priorRecords + 1
        table.arena.withUnsafeBufferPointer { arena in
            for row in 0..<(n > 0 ? table.rowCount : 0) {
                for column in 0..<n {
                    let index = row * n + column
                    let position: LineStyle.Position = index == 0 ? .top : .middle
                    if column == 0 {
                        let labelWidth = hwidth + (border < 2 && hmultiline && oldASCII ? 1 : 0)
                        if !tuplesOnly {
                            drawRecordLine(record, hwidth: labelWidth, dwidth: dwidth, position: position)
                            record += 1
                        } else if index != 0 || !piece.startsTable || border == 2 {
                            drawRecordLine(0, hwidth: labelWidth, dwidth: dwidth, position: position)
                        }
                    }
                    table.headers[column].withUnsafeBufferPointer { header.load($0, isPlain: false) }
                    value.load(UnsafeBufferPointer(rebasing: arena[table.range(ofCell: index)]),
                               isPlain: table.plain[index])
                    drawField(header: header, value: value, hwidth: hwidth, dwidth: dwidth,
                              hmultiline: hmultiline, dmultiline: dmultiline, data: data)
                }
            }
        }

        if piece.stopsTable {
            if border == 2 { drawRecordLine(0, hwidth: hwidth, dwidth: dwidth, position: .bottom) }
            if !tuplesOnly, let footers = content.footers, !footers.isEmpty {  // none added: psql has no list
                if border < 2 { sink.write(byte: 0x0A) }
                for footer in footers {
                    sink.write(footer)
                    sink.write(byte: 0x0A)
                }
            }
            sink.write(byte: 0x0A)
        }
    }

    /// One `name | value` block, as many lines as the taller of the two needs.
    private func drawField(
        header: CellLines, value: CellLines, hwidth: Int, dwidth: Int, hmultiline: Bool, dmultiline: Bool,
        data: LineStyle.Rule
    ) {
        let oldASCII = style.isOldASCII
        var dline = 0, hline = 0, offset = 0
        var dcomplete = false, hcomplete = false
        var charsLeft = value.lines[0].width
        while !dcomplete || !hcomplete {
            if border == 2 { sink.write(data.left) }
            if !hcomplete {
                if border == 2 || (hmultiline && oldASCII) {
                    if hline > 0 { sink.write(style.headerNewlineLeft) } else { sink.write(byte: 0x20) }
                }
                let shown = header.prefix(line: hline, from: 0, fitting: hwidth).width
                sink.write(header.lines[hline].bytes)
                spaces(hwidth - shown)
                if hline + 1 < header.lines.count {
                    if border > 0 || (hmultiline && !oldASCII) { sink.write(style.headerNewlineRight) }
                    hline += 1
                } else {
                    if border > 0 || (hmultiline && !oldASCII) { sink.write(byte: 0x20) }
                    hcomplete = true
                }
            } else {
                var pad = hwidth + border
                if border < 2 && hmultiline && oldASCII { pad += 1 }
                if border == 0 && !oldASCII && hmultiline { pad += 1 }
                spaces(max(pad, 1))  // psql's `%*s` of " " prints at least one space
            }

            if border > 0 {
                if offset != 0 {
                    sink.write(style.middleWrap)
                } else if dline == 0 {
                    sink.write(data.middle)
                } else {
                    sink.write(style.middleNewline)
                }
            }

            if !dcomplete {
                if offset == 0 { sink.write(byte: 0x20) } else { sink.write(style.wrapLeft) }
                let line = value.lines[dline]
                let fit = value.prefix(line: dline, from: offset, fitting: dwidth)
                sink.write(UnsafeBufferPointer(start: line.base + offset, count: fit.bytes))
                charsLeft -= fit.width
                offset += fit.bytes
                let pad = dwidth - fit.width
                if charsLeft != 0 {
                    if border > 1 || (dmultiline && !oldASCII) {
                        spaces(pad)
                        sink.write(style.wrapRight)
                    }
                } else if dline + 1 < value.lines.count {
                    if border > 1 || (dmultiline && !oldASCII) {
                        spaces(pad)
                        sink.write(style.newlineRight)
                    }
                    dline += 1
                    offset = 0
                    charsLeft = value.lines[dline].width
                } else {
                    if border > 1 {
                        spaces(pad)
                        sink.write(byte: 0x20)
                    }
                    dcomplete = true
                }
                if border == 2 { sink.write(data.right) }
                sink.write(byte: 0x0A)
            } else if border < 2 {
                sink.write(byte: 0x0A)
            } else {
                spaces(dwidth + 2)
                sink.write(data.right)
                sink.write(byte: 0x0A)
            }
        }
    }

    /// psql's `print_aligned_vertical_line`: a rule with an optional `[ RECORD n ]` label
    /// (`* Record n` in border 0) and a `+` where names end, unless the label covers it.
    /// `xheader_width` (psql 16+) stops it at the names (`column`, with the right corner), or
    /// keeps its value part within the target width (`page`) or a given width.
    private func drawRecordLine(_ record: Int, hwidth: Int, dwidth: Int, position: LineStyle.Position) {
        let headerWidth = options.expandedHeaderWidth
        let rule = style[position]
        if border == 2 {
            sink.write(rule.left)
            sink.write(rule.horizontal)
        } else if border == 1 {
            sink.write(rule.horizontal)
        }
        var used = 0
        if record > 0 {
            let label = border == 0 ? "* Record \(record)" : "[ RECORD \(record) ]"
            sink.write(label)
            used = label.utf8.count
        }
        if border != 2 { used += 1 }
        let fill: [UInt8] = border > 0 ? rule.horizontal : [0x20]
        for _ in stride(from: used, to: hwidth, by: 1) { sink.write(fill) }
        used -= hwidth
        if border > 0 {
            if used <= 0 { sink.write(rule.horizontal) }
            used -= 1
            if used <= 0 { sink.write(headerWidth == .column ? rule.right : rule.middle) }
            used -= 1
            if used <= 0 && headerWidth != .column { sink.write(rule.horizontal) }
            used -= 1
        } else {
            if used <= 0 { sink.write(byte: 0x20) }
            used -= 1
        }
        if headerWidth != .column {
            var dwidth = dwidth
            let limit: Int
            switch headerWidth {
            case .exact(let width): limit = width
            case .page: limit = targetWidth
            case .full, .column: limit = 0
            }
            if limit > 0 {
                let separators = border == 0 ? 0 : (border == 1 ? 3 : 7)
                dwidth = min(dwidth, max(0, limit - hwidth - separators))
            }
            if used < 0 { used = 0 }
            for _ in stride(from: used, to: dwidth, by: 1) { sink.write(fill) }
            if border == 2 {
                sink.write(rule.horizontal)
                sink.write(rule.right)
            }
        }
        sink.write(byte: 0x0A)
    }
}
