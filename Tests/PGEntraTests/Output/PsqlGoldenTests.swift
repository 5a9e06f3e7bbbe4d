import Testing

extension OutputTests {
    /// Every printer against what the real psql 18.6 printed for the same result and settings
    /// (psql-compat.md §6 and §11 items 1–14), byte for byte.
    @Suite struct PsqlGoldenTests {
        @Test(arguments: PsqlGolden.all)
        func printsWhatPsqlPrinted(_ golden: PsqlGolden) throws {
            if let chunks = golden.chunks {
                #expect(try golden.render(batches: chunks, chunked: true) == golden.expected)
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
