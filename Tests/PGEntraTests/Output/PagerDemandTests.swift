import Testing
@testable import PGEntraOutput

extension OutputTests {
    /// psql 15's line estimate before paging (IsPagerNeeded, print_aligned_text), with the
    /// thresholds observed in the real psql 15 in a 24-row, 80-column terminal.
    @Suite struct PagerDemandTests {
        private let number = [TableColumn(name: "generate_series", typeOID: 23, alignment: .right)]

        private func series(_ count: Int) -> StringRows {
            StringRows((1...max(count, 1)).prefix(count).map { [String($0)] }, columnCount: 1)
        }

        private func demand(
            _ columns: [TableColumn], _ batches: [any RowBatch], options: PrintOptions = PrintOptions(),
            content: TableContentOptions = TableContentOptions(), width: Int = 80
        ) -> PagerDemand {
            PagerDemand.of(columns: columns, batches: batches, options: options, content: content, targetWidth: width)
        }

        @Test func alignedCountsRowsPlusOnePlusTheHeaderHeight() {
            // psql pages generate_series(1,22) but not (1,21) in 24 rows: 22 + 1 + 1 = 24.
            #expect(demand(number, [series(21)]) == .lines(23))
            #expect(demand(number, [series(22)]) == .lines(24))
        }

        @Test func rowsOfSeveralBatchesAddUp() {
            #expect(demand(number, [series(10), series(12)]) == .lines(24))
        }

        @Test func tuplesOnlyStillCountsTheHeaderButNoFooters() {
            var options = PrintOptions()
            options.tuplesOnly = true
            let content = TableContentOptions(footers: ["a", "b"])
            #expect(demand(number, [series(22)], options: options, content: content) == .lines(24))
        }

        @Test func explicitFootersCountOneLineEachButTheDefaultFooterDoesNot() {
            #expect(demand(number, [series(3)], content: TableContentOptions(footers: nil)) == .lines(5))
            #expect(demand(number, [series(3)], content: TableContentOptions(footers: ["Indexes:", "    \"i\"\nx"])) == .lines(7))
        }

        @Test func multiLineCellsAddTheirExtraLines() {
            // psql pages a 22-line cell (1 + 1 + 1 + 21 = 24), not a 21-line one.
            let cell = { (n: Int) in StringRows([[(1...n).map(String.init).joined(separator: "\n")]]) }
            let column = [TableColumn(name: "string_agg", typeOID: 25)]
            #expect(demand(column, [cell(21)]) == .lines(23))
            #expect(demand(column, [cell(22)]) == .lines(24))
        }

        @Test func onlyTheTallestCellOfARowCounts() {
            let columns = [TableColumn(name: "a", typeOID: 25), TableColumn(name: "b", typeOID: 25)]
            let rows = StringRows([["1\n2\n3", "1\n2"], ["x", "y\nz"]])
            #expect(demand(columns, [rows]) == .lines(2 + 1 + 1 + 2 + 1))
        }

        @Test func aMultiLineHeaderCountsItsHeight() {
            let column = [TableColumn(name: "two\nlines", typeOID: 25)]
            #expect(demand(column, [StringRows([["x"]])]) == .lines(1 + 1 + 2))
        }

        @Test func wrappedCellsCountTheLinesTheyWrapInto() {
            // psql: 20 lines of 200 characters wrapped to 78 columns page (2 + 1 + 2 + 19 = 24).
            var options = PrintOptions()
            options.format = .wrapped
            let cell = { (n: Int) in StringRows([[Array(repeating: String(repeating: "x", count: 200), count: n).joined(separator: "\n")]]) }
            let column = [TableColumn(name: "string_agg", typeOID: 25)]
            #expect(demand(column, [cell(19)], options: options) == .lines(23))
            #expect(demand(column, [cell(20)], options: options) == .lines(24))
        }

        @Test func anAlignedTableWiderThanTheTerminalAlwaysAsks() {
            // One column: width 3 * 1 - 1 + content; psql pages 79 x's in 80 columns, not 78.
            let column = [TableColumn(name: "repeat", typeOID: 25)]
            let wide = { (n: Int) in StringRows([[String(repeating: "x", count: n)]]) }
            #expect(demand(column, [wide(78)]) == .lines(3))
            #expect(demand(column, [wide(79)]) == .lines(.max))
            #expect(demand(column, [wide(79)], width: 0) == .lines(3))
        }

        @Test func psetColumnsReplacesTheTerminalWidth() {
            var options = PrintOptions()
            options.columns = 20
            let column = [TableColumn(name: "repeat", typeOID: 25)]
            #expect(demand(column, [StringRows([[String(repeating: "x", count: 30)]])], options: options) == .lines(.max))
        }

        @Test func otherFormatsCountRowsPlusOneAndIgnoreWidth() {
            var options = PrintOptions()
            options.format = .unaligned
            #expect(demand(number, [series(22)], options: options) == .lines(23))
            options.format = .csv
            let column = [TableColumn(name: "repeat", typeOID: 25)]
            #expect(demand(column, [StringRows([[String(repeating: "x", count: 200)]])], options: options) == .lines(2))
        }

        @Test func expandedCountsColumnsPlusOnePerRow() {
            var options = PrintOptions()
            options.expanded = .on
            #expect(demand(number, [series(12)], options: options) == .lines(24))
            options.format = .unaligned
            #expect(demand(number, [series(11)], options: options) == .lines(22))
        }

        @Test func expandedAlignedWithoutRowsAsksNothing() {
            var options = PrintOptions()
            options.expanded = .on
            #expect(demand(number, [series(0)], options: options) == PagerDemand.none)
            options.format = .csv
            #expect(demand(number, [series(0)], options: options) == .lines(0))
        }

        @Test func expandedAutoCountsVerticallyWhenTheTableIsTooWide() {
            var options = PrintOptions()
            options.expanded = .auto
            let columns = [TableColumn(name: "a", typeOID: 25), TableColumn(name: "b", typeOID: 25)]
            let rows = StringRows(Array(repeating: [String(repeating: "x", count: 50), String(repeating: "y", count: 50)], count: 8))
            #expect(demand(columns, [rows], options: options) == .lines(24))
            #expect(demand(columns, [rows], options: options, width: 200) == .lines(8 + 1 + 1))
        }
    }
}
