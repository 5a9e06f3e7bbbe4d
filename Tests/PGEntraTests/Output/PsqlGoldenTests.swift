import Testing

@testable import PGEntra

extension OutputTests {
    /// Every printer against what the real psql 18.6 printed for the same result and settings
    /// (psql-compat.md §6 and §11 items 1–14), byte for byte.
    @Suite struct PsqlGoldenTests {
        /// FETCH_COUNT cases where psql 17+ prints differently from psql 15 (its chunked fetching
        /// ends a table after an empty last chunk, with the widths of the first chunk, and
        /// `expanded=auto` decides by other widths); pgentra still prints them psql 15's way.
        static let chunkedFetchDifferences: Set<String> = [
            "five rows with border=2 (FETCH_COUNT 2)",
            "five rows with expanded=on, border=2 (FETCH_COUNT 2)",
            "five rows with format=asciidoc (FETCH_COUNT 2)",
            "five rows with linestyle=unicode, border=2 (FETCH_COUNT 2)",
            "five rows with expanded=auto (FETCH_COUNT 10)",
        ]

        @Test(arguments: PsqlGolden.all)
        func printsWhatPsqlPrinted(_ golden: PsqlGolden) throws {
            if golden.fetchCount != nil {
                let rendered = try golden.render(batches: golden.fetchBatches, printsEachBatch: true)
                withKnownIssue("psql 17+'s chunked FETCH_COUNT output is not followed yet") {
                    #expect(rendered == golden.expected)
                } when: {
                    Self.chunkedFetchDifferences.contains(golden.name)
                }
            } else {
                #expect(try golden.render(batches: [golden.rows]) == golden.expected)
            }
        }

        @Test(arguments: PsqlGolden.all.filter { $0.fetchCount == nil && $0.rows.count > 1 })
        func rowsArrivingOneBatchAtATimePrintTheSame(_ golden: PsqlGolden) throws {
            #expect(try golden.render(batches: golden.rows.map { [$0] }) == golden.expected)
        }
    }
}
