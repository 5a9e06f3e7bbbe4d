import Testing
@testable import PGEntraOutput
@testable import PGEntraSystem

extension OutputTests {
    /// psql's `mbvalidate` drops bytes it does not accept as UTF-8 (psql-compat.md §6.1); the
    /// server never sends such bytes, so these cases come from psql's source, not its output.
    @Suite struct UTF8RepairTests {
        private func repaired(_ bytes: [UInt8]) -> [UInt8] { UTF8Repair.repaired(bytes) }

        @Test func validTextIsKept() {
            let text = Array("aé日😀\u{FFFF}".utf8)
            #expect(repaired(text) == text)
            #expect(text.withUnsafeBufferPointer(UTF8Repair.isClean))
        }

        @Test func strayAndTruncatedBytesAreDropped() {
            #expect(repaired([0x61, 0x80, 0x62]) == [0x61, 0x62])
            #expect(repaired([0x61, 0xE6, 0x97]) == [0x61])
            #expect(repaired([0xFF, 0x61]) == [0x61])
        }

        @Test func overlongTwoByteFormsAreDropped() {
            #expect(repaired([0xC0, 0x80, 0x61]) == [0x61])
            #expect(repaired([0xC1, 0xBF]) == [])
        }

        @Test func planeNoncharactersAreDroppedButUFFFFIsNot() {
            #expect(repaired(Array("a\u{1FFFE}b\u{10FFFF}".utf8)) == Array("ab".utf8))
            #expect(repaired(Array("\u{FFFE}".utf8)) == Array("\u{FFFE}".utf8))
        }

        @Test func asciiIsRecognisedEightBytesAtATime() {
            let text = Array("0123456789abcdefé".utf8)
            text.withUnsafeBufferPointer { bytes in
                #expect(!UTF8Repair.isASCII(bytes))
                #expect(UTF8Repair.isASCII(UnsafeBufferPointer(rebasing: bytes[0..<16])))
            }
        }

        @Test func everyPrinterSeesTheRepairedBytes() {
            var options = PrintOptions()
            options.format = .csv
            let sink = ByteSink(.memory)
            let rows = RawRows(values: [[0x61, 0x80, 0x62]])
            var printer = options.makePrinter()
            printer.begin(columns: [TableColumn(name: "x", typeOID: 25)], sink: sink)
            printer.rows(rows, sink: sink)
            printer.finish(sink: sink)
            #expect(sink.text == "x\nab\n")
        }
    }
}

/// A one-column batch of arbitrary bytes (StringRows only holds valid UTF-8).
struct RawRows: RowBatch {
    var values: [[UInt8]?]
    var rowCount: Int { values.count }
    var columnCount: Int { 1 }
    func isNull(row: Int, column: Int) -> Bool { values[row] == nil }
    func withValue<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try (values[row] ?? []).withUnsafeBufferPointer(body)
    }
}
