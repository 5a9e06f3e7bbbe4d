import Testing
@testable import PGEntraOutput
@testable import PGEntraSystem

extension OutputTests {
    /// Results arrive in the client encoding, and psql measures and validates them in it
    /// (mbprint.c: pg_wcswidth, pg_wcsformat and mbvalidate with `topt.encoding`): in LATIN1 or
    /// SQL_ASCII every byte is a character one column wide, and nothing is dropped.
    @Suite struct OutputEncodingTests {
        @Test func clientEncodingNamesChooseTheRules() {
            #expect(OutputEncoding(clientEncoding: "UTF8") == .utf8)
            #expect(OutputEncoding(clientEncoding: nil) == .utf8)
            #expect(OutputEncoding(clientEncoding: "LATIN1") == .singleByte)
            #expect(OutputEncoding(clientEncoding: "SQL_ASCII") == .singleByte)
        }

        @Test func aSingleByteEncodingMeasuresEachByteAsOneColumn() {
            let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x85, 0x09, 0x01]
            bytes.withUnsafeBufferPointer { input in
                let metrics = CellLayout.measure(input, .singleByte)
                // 5 characters, a tab to column 8, and \x01.
                #expect(metrics.width == 12)
                let output = UnsafeMutablePointer<UInt8>.allocate(capacity: metrics.formattedSize)
                defer { output.deallocate() }
                var lines: [CellLayout.Line] = []
                CellLayout.format(input, .singleByte, into: output, lines: &lines)
                #expect(Array(UnsafeBufferPointer(start: output, count: lines[0].count))
                    == [0x63, 0x61, 0x66, 0xE9, 0x85, 0x20, 0x20, 0x20, 0x5C, 0x78, 0x30, 0x31])
                #expect(DisplayWidth.prefix(of: input, from: 0, fitting: 4, encoding: .singleByte) == (4, 4))
            }
        }

        @Test func aLatin1TableIsAlignedByBytesAndKeepsThem() {
            var options = PrintOptions()
            options.encoding = .singleByte
            let sink = ByteSink(.memory)
            let rows = RawRows(values: [[0x63, 0x61, 0x66, 0xE9], [0x78]])
            var printer = options.makePrinter()
            printer.begin(columns: [TableColumn(name: LosslessText.string(decoding: [0xE9, 0xE9, 0xE9, 0xE9, 0xE9, 0xE9]), typeOID: 25)], sink: sink)
            printer.rows(rows, sink: sink)
            printer.finish(sink: sink)
            sink.flush()
            // The header is six columns wide, so the rule is eight dashes; a last, left-aligned
            // column is not padded.
            let e: UInt8 = 0xE9
            let lines = sink.captured.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            #expect(lines.prefix(4) == [[0x20, e, e, e, e, e, e, 0x20], Array("--------".utf8), [0x20, 0x63, 0x61, 0x66, e], [0x20, 0x78]])
        }

        /// SJIS-like rules: a byte from 0x81 to 0x9F starts a two-byte character two columns
        /// wide, whatever its second byte (which may be a backslash).
        private static let doubleByte = CharacterRules(encodingID: 35) { bytes in
            (0x81...0x9F).contains(bytes[0]) ? (min(bytes.count, 2), 2) : (1, bytes[0] < 0x20 ? -1 : 1)
        }

        @Test func aMultibyteEncodingStepsOverWholeCharacters() {
            let encoding = OutputEncoding.multibyte(Self.doubleByte)
            let bytes: [UInt8] = [0x61, 0x95, 0x5C, 0xB1, 0x95, 0x0A, 0x62]
            bytes.withUnsafeBufferPointer { input in
                let metrics = CellLayout.measure(input, encoding)
                // a, 表 (2), ｱ: 4 columns; the 0x0A after 0x95 is that character's second byte.
                #expect(metrics.width == 7)
                #expect(metrics.lines == 1)
                #expect(DisplayWidth.prefix(of: input, from: 0, fitting: 2, encoding: encoding) == (1, 1))
                #expect(DisplayWidth.prefix(of: input, from: 1, fitting: 2, encoding: encoding) == (2, 2))
            }
            #expect(OutputEncoding(clientEncoding: "SJIS", rules: Self.doubleByte) == encoding)
            #expect(OutputEncoding(clientEncoding: "SJIS") == .singleByte)
        }

        @Test func utf8StillDropsWhatMbvalidateDrops() {
            var options = PrintOptions()
            options.format = .unaligned
            options.tuplesOnly = true
            let sink = ByteSink(.memory)
            var printer = options.makePrinter()
            printer.begin(columns: [TableColumn(name: "x", typeOID: 25)], sink: sink)
            printer.rows(RawRows(values: [[0x63, 0xE9]]), sink: sink)
            printer.finish(sink: sink)
            #expect(sink.text == "c\n")
        }
    }
}
