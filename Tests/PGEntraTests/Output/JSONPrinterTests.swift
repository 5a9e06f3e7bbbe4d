import Testing
@testable import PGEntraOutput

extension OutputTests {
    @Suite struct JSONPrinterTests {
        private func json(_ columns: [(String, UInt32)], _ rows: [[String?]], batches: Bool = false) -> String {
            var options = PrintOptions()
            options.format = .json
            let sink = ByteSink(.memory)
            var printer = options.makePrinter()
            printer.begin(columns: columns.map { TableColumn(name: $0.0, typeOID: $0.1) }, sink: sink)
            if batches {
                for row in rows { printer.rows(StringRows([row]), sink: sink) }
            } else {
                printer.rows(StringRows(rows, columnCount: columns.count), sink: sink)
            }
            printer.finish(sink: sink)
            return sink.text
        }

        @Test func oneObjectPerLineInsideOneArray() {
            let columns: [(String, UInt32)] = [("id", 23), ("name", 25)]
            let rows: [[String?]] = [["1", "apple"], ["2", nil]]
            let expected = "[\n{\"id\":1,\"name\":\"apple\"},\n{\"id\":2,\"name\":null}\n]\n"
            #expect(json(columns, rows) == expected)
            #expect(json(columns, rows, batches: true) == expected)
        }

        @Test func noRowsIsAnEmptyArray() {
            #expect(json([("id", 23)], []) == "[]\n")
        }

        @Test func zeroColumnsGiveEmptyObjects() {
            #expect(json([], [[], []]) == "[\n{},\n{}\n]\n")
        }

        @Test func numbersAreBareUnlessJSONCannotSpellThem() {
            let columns: [(String, UInt32)] = [
                ("i2", 21), ("i8", 20), ("f4", 700), ("f8", 701), ("n", 1700), ("o", 26), ("nan", 701), ("inf", 1700),
                ("m", 790), ("x", 28),
            ]
            let rows: [[String?]] = [["-2", "9000000000", "1.5e-07", "-0", "1.50", "26", "NaN", "-Infinity", "$1.00", "7"]]
            #expect(json(columns, rows) == """
                [
                {"i2":-2,"i8":9000000000,"f4":1.5e-07,"f8":-0,"n":1.50,"o":26,"nan":"NaN","inf":"-Infinity","m":"$1.00","x":"7"}
                ]

                """)
        }

        @Test func booleansAndJSONColumnsAreNotStrings() {
            let columns: [(String, UInt32)] = [("t", 16), ("f", 16), ("j", 114), ("b", 3802)]
            let rows: [[String?]] = [["t", "f", "{\"a\" : [1, 2]}", "[\"x\"]"]]
            #expect(json(columns, rows) == "[\n{\"t\":true,\"f\":false,\"j\":{\"a\" : [1, 2]},\"b\":[\"x\"]}\n]\n")
        }

        @Test func stringsAndKeysAreEscaped() {
            let columns: [(String, UInt32)] = [("say \"hi\"", 25), ("bytes", 17)]
            let rows: [[String?]] = [["back\\slash \"q\"\n\t\r\u{1}\u{8}\u{C} é日", "\\x00ff"]]
            #expect(json(columns, rows) == """
                [
                {"say \\"hi\\"":"back\\\\slash \\"q\\"\\n\\t\\r\\u0001\\b\\f é日","bytes":"\\\\x00ff"}
                ]

                """)
        }

        @Test(arguments: ["0", "-0", "12", "1.5", "1e5", "1E+5", "-0.25e-3"])
        func acceptsJSONNumbers(_ text: String) {
            #expect(Array(text.utf8).withUnsafeBufferPointer(JSONPrinter.isJSONNumber))
        }

        @Test(arguments: ["", "-", "01", "1.", ".5", "+1", "1e", "NaN", "Infinity", "1,5", " 1"])
        func rejectsWhatJSONCannotParse(_ text: String) {
            #expect(!Array(text.utf8).withUnsafeBufferPointer(JSONPrinter.isJSONNumber))
        }
    }
}
