import Testing
@testable import PGEntraOutput

extension OutputTests {
    /// Unaligned, CSV, HTML and JSON write each batch as it arrives (psql-compat.md §6; the
    /// Database layer feeds libpq results batch by batch), so a 2,000,000-row result never sits in
    /// memory; aligned output must wait for its widths.
    @Suite struct StreamingTests {
        private func bytesAfterFirstBatch(_ format: OutputFormat) -> String {
            var options = PrintOptions()
            options.format = format
            let sink = ByteSink(.memory)
            var printer = options.makePrinter()
            printer.begin(columns: [TableColumn(name: "n", typeOID: 23)], sink: sink)
            printer.rows(StringRows([["41"], ["42"]]), sink: sink)
            return sink.text
        }

        @Test(arguments: [OutputFormat.unaligned, .csv, .html, .json, .asciidoc, .latex, .latexLongtable, .troffMS])
        func streamingFormatsWriteRowsBeforeFinish(_ format: OutputFormat) {
            #expect(bytesAfterFirstBatch(format).contains("42"))
        }

        @Test(arguments: [OutputFormat.aligned, .wrapped])
        func alignedFormatsWaitForTheWholeResult(_ format: OutputFormat) {
            #expect(bytesAfterFirstBatch(format).isEmpty)
        }

        @Test func manyBatchesStreamThroughASinkOfFixedSize() {
            var options = PrintOptions()
            options.format = .csv
            let sink = ByteSink(.memory)
            var printer = options.makePrinter()
            printer.begin(columns: [TableColumn(name: "n", typeOID: 23), TableColumn(name: "t", typeOID: 25)], sink: sink)
            let batch = StringRows((0..<1000).map { [String($0), "value, \($0)"] })
            for _ in 0..<50 { printer.rows(batch, sink: sink) }
            printer.finish(sink: sink)
            let lines = sink.text.split(separator: "\n")
            #expect(lines.count == 50_001)
            #expect(lines[1000] == "999,\"value, 999\"")
        }
    }
}

extension OutputTests {
    @Suite struct ByteSinkTests {
        @Test func writesNumbersStringsAndRepeatsInOrder() {
            let sink = ByteSink(.memory)
            sink.write(decimal: 0)
            sink.write(byte: 0x20)
            sink.write(decimal: -1234567890)
            sink.write("|")
            sink.write(repeating: UInt8(ascii: "-"), count: 3)
            sink.write([0x41])
            #expect(sink.text == "0 -1234567890|---A")
        }

        @Test func writesLargerThanTheBufferArriveWhole() {
            let sink = ByteSink(.memory)
            let big = [UInt8](repeating: UInt8(ascii: "x"), count: ByteSink.flushThreshold * 3 + 7)
            sink.write("a")
            sink.write(big)
            sink.write(repeating: UInt8(ascii: "y"), count: ByteSink.flushThreshold + 1)
            let expected = [UInt8(ascii: "a")] + big
                + [UInt8](repeating: UInt8(ascii: "y"), count: ByteSink.flushThreshold + 1)
            sink.flush()
            let same = sink.captured == expected  // not in #expect: a failure would print megabytes
            #expect(same)
        }
    }
}
