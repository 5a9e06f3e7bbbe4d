import Testing
@testable import PGEntraOutput

extension OutputTests {
    @Suite struct DisplayWidthTests {
        @Test(arguments: [
            (UInt32(0x41), 1), (0x20, 1), (0x7E, 1), (0x00, 0), (0x01, -1), (0x1F, -1), (0x7F, -1), (0x85, -1),
            (0x9F, -1), (0xA0, 1), (0xE9, 1), (0x301, 0), (0x200B, 0), (0xAD, 0), (0x200D, 0), (0x65E5, 2), (0xFF46, 2),
            (0x1F600, 2), (0xA00, 0), (0x2A6E0, 2), (0x3134B, 2), (0x110000, -1),
        ])
        func codePointsAreAsWideAsLibpqSays(_ scalar: UInt32, _ width: Int) {
            #expect(DisplayWidth.of(scalar) == width)
        }

        @Test func tablesAreSortedDisjointPairs() {
            for table in [DisplayWidthTables.combining, DisplayWidthTables.wide] {
                #expect(table.count % 2 == 0)
                for i in stride(from: 0, to: table.count, by: 2) {
                    #expect(table[i] <= table[i + 1])
                    if i + 2 < table.count { #expect(table[i + 1] < table[i + 2]) }
                }
            }
        }

        @Test func stringsSumTheirCharacters() {
            #expect(DisplayWidth.width(of: "日本語") == 6)
            #expect(DisplayWidth.width(of: "e\u{301}") == 1)
            #expect(DisplayWidth.width(of: "👩\u{200D}💻") == 4)  // psql 18: the joiner takes no column
            #expect(DisplayWidth.width(of: "a\tb") == 2)  // pg_wcswidth ignores controls
        }

        @Test func aPrefixTakesWholeCharactersThatFit() {
            let text = Array("日本語".utf8)
            text.withUnsafeBufferPointer { bytes in
                #expect(DisplayWidth.prefix(of: bytes, from: 0, fitting: 5) == (6, 4))
                #expect(DisplayWidth.prefix(of: bytes, from: 3, fitting: 10) == (6, 4))
            }
        }

        @Test func aPrefixTakesOneCharacterEvenWhenItIsTooWide() {
            Array("日".utf8).withUnsafeBufferPointer { bytes in
                #expect(DisplayWidth.prefix(of: bytes, from: 0, fitting: 1) == (3, 2))
            }
        }
    }
}

extension OutputTests {
    @Suite struct CellLayoutTests {
        private func layout(_ text: String) -> (CellLayout.Metrics, [String]) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { input in
                let metrics = CellLayout.measure(input, .utf8)
                let output = UnsafeMutablePointer<UInt8>.allocate(capacity: metrics.formattedSize)
                defer { output.deallocate() }
                var lines: [CellLayout.Line] = []
                CellLayout.format(input, .utf8, into: output, lines: &lines)
                let texts = lines.map {
                    String(decoding: UnsafeBufferPointer(start: output + $0.start, count: $0.count), as: UTF8.self)
                }
                let used = lines.last.map { $0.start + $0.count } ?? 0
                #expect(used + lines.count <= metrics.formattedSize)
                #expect(lines.map(\.width).max() == metrics.width)
                return (metrics, texts)
            }
        }

        @Test func plainASCIIIsItsOwnSingleLine() {
            let (metrics, lines) = layout("hello")
            #expect(metrics.isPlain)
            #expect(metrics.width == 5)
            #expect(lines == ["hello"])
        }

        @Test func controlsAreShownEscapedAndTabsExpanded() {
            let (metrics, lines) = layout("a\tb\rc\u{1}d\u{7F}\u{85}")
            #expect(!metrics.isPlain)
            #expect(lines == ["a       b\\rc\\x01d\\x7F\\u0085"])
            #expect(metrics.width == 27)
        }

        @Test func newlinesSplitLinesAndTheWidestCounts() {
            let (metrics, lines) = layout("ab\n日本語\n")
            #expect(metrics.lines == 3)
            #expect(metrics.width == 6)
            #expect(lines == ["ab", "日本語", ""])
        }
    }
}
