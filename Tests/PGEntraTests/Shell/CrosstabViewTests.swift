import Testing
@testable import PGEntraOutput
@testable import PGEntraShell

/// `\crosstabview`'s pivot as psql 18's crosstabview.c computes it: header order, sort column,
/// column references and every refusal. The differential suite prints it against psql.
@Suite struct CrosstabViewTests {
    private static let int4: UInt32 = 23
    private static let text: UInt32 = 25

    private static func columns(_ names: [String], types: [UInt32]? = nil) -> [TableColumn] {
        names.enumerated().map { TableColumn(name: $1, typeOID: types?[$0] ?? text) }
    }

    /// The pivoted table as text: header names, then each row's cells.
    private static func pivot(
        _ rows: [[String?]], columns names: [String], _ arguments: [String?] = [], nullDisplay: String? = nil
    ) throws(CrosstabError) -> [[String]] {
        let table = try CrosstabView.pivot(
            StringRows(rows, columnCount: names.count), columns: columns(names), arguments: arguments,
            nullDisplay: nullDisplay)
        var lines = [table.columns.map(\.name)]
        for row in 0..<table.rowCount {
            lines.append((0..<table.columnCount).map { column in
                #expect(!table.isNull(row: row, column: column))
                return table.withValue(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
            })
        }
        return lines
    }

    @Test func headersFollowFirstAppearanceAndMissingCellsAreEmpty() throws {
        let rows: [[String?]] = [["v2", "h1", "a"], ["v1", "h0", "b"], ["v2", "h0", "c"], [nil, "h1", "d"], ["v1", nil, nil]]
        #expect(try Self.pivot(rows, columns: ["v", "h", "d"]) == [
            ["v", "h1", "h0", ""],
            ["v2", "a", "c", ""],
            ["v1", "", "b", ""],
            ["", "d", "", ""],
        ])
        // `\pset null` names NULL headers and fills NULL cells.
        #expect(try Self.pivot(rows, columns: ["v", "h", "d"], nullDisplay: "#") == [
            ["v", "h1", "h0", "#"],
            ["v2", "a", "c", ""],
            ["v1", "", "b", "#"],
            ["#", "d", "", ""],
        ])
    }

    @Test func columnsAreChosenByNumberOrName() throws {
        let rows: [[String?]] = [["1", "2", "3", "4"]]
        let names = ["a", "Foo", "22", "b"]
        #expect(try Self.pivot(rows, columns: names, ["4", "1", "2"]) == [["b", "1"], ["4", "2"]])
        // Unquoted names fold to lower case; quoted ones keep their case, even all digits.
        #expect(try Self.pivot(rows, columns: names, ["B", "\"Foo\"", "\"22\""]) == [["b", "2"], ["4", "3"]])
        #expect(try Self.pivot(rows, columns: names, ["b", "a", "\"F\"OO"]) == [["b", "1"], ["4", "2"]])
        // atoi wraps as psql's does: 2^32 + 1 is column 1.
        #expect(try Self.pivot(rows, columns: names, ["4294967297", "b", "3"]) == [["a", "4"], ["1", "3"]])
    }

    @Test(arguments: [
        (["a", "b"], ["a", "b"], CrosstabError.tooFewColumns),
        (["a", "b", "c"], ["5"], .columnNumberOutOfRange(number: 5, count: 3)),
        (["a", "b", "c"], ["0"], .columnNumberOutOfRange(number: 0, count: 3)),
        (["a", "b", "c"], ["9999999999999999999"], .columnNumberOutOfRange(number: -1, count: 3)),
        (["a", "b", "c"], ["2147483648"], .columnNumberOutOfRange(number: Int32.min, count: 3)),
        (["a", "b", "c"], ["\"1\""], .columnNameNotFound("1")),
        (["a", "b", "c"], [""], .columnNameNotFound("")),
        (["a", "b", "a"], ["a"], .ambiguousColumnName("a")),
        (["a", "b", "c"], ["a", "A"], .sameHeaderColumns),
        (["a", "b", "c"], ["2", "1", "9"], .columnNumberOutOfRange(number: 9, count: 3)),
        (["a", "b", "c", "d"], ["a", "b"], .dataColumnRequired),
        (["a", "b", "c", "d"], ["a", "b", "c", "x"], .columnNameNotFound("x")),
    ] as [([String], [String], CrosstabError)])
    func badColumnReferencesAreRefused(_ names: [String], _ arguments: [String], _ error: CrosstabError) {
        #expect(throws: error) { try Self.pivot([], columns: names, arguments) }
    }

    @Test func aCellFilledTwiceIsRefusedNamingItsHeaders() {
        #expect(throws: CrosstabError.multipleValues(row: "1", column: "b")) {
            try Self.pivot([["1", "b", "x"], ["1", "a", "y"], ["1", "b", "z"]], columns: ["v", "h", "d"])
        }
        // Until `\pset null` sets it, psql's null display is a NULL pointer, shown as "(null)".
        #expect(throws: CrosstabError.multipleValues(row: "(null)", column: "(null)")) {
            try Self.pivot([[nil, nil, "x"], [nil, nil, "y"]], columns: ["v", "h", "d"])
        }
        #expect(throws: CrosstabError.multipleValues(row: "", column: "h")) {
            try Self.pivot([[nil, "h", "x"], [nil, "h", "y"]], columns: ["v", "h", "d"], nullDisplay: "")
        }
        #expect(CrosstabError.multipleValues(row: "1", column: "10").description
            == "\\crosstabview: query result contains multiple data values for row \"1\", column \"10\"")
    }

    @Test func moreThan1600HorizontalValuesAreRefused() throws {
        let rows = (1...1601).map { ["v", String($0), "x"] as [String?] }
        #expect(throws: CrosstabError.tooManyColumns) { try Self.pivot(rows, columns: ["v", "h", "d"]) }
        #expect(try Self.pivot(Array(rows.prefix(1600)), columns: ["v", "h", "d"])[0].count == 1601)
        #expect(CrosstabError.tooManyColumns.description == "\\crosstabview: maximum number of columns (1600) exceeded")
    }

    @Test func theSortColumnOrdersTheHorizontalHeader() throws {
        // Invalid or NULL sort values count as 0; ties keep strcmp order of the names.
        let rows: [[String?]] = [
            ["1", "b", "1", "2"], ["1", "a", "2", "1"], ["1", "c", "3", "x"], ["1", "d", "4", nil],
            ["1", "e", "5", "-"], ["1", "f", "6", ""], ["1", "g", "7", "-1"],
        ]
        #expect(try Self.pivot(rows, columns: ["v", "h", "d", "s"], ["v", "h", "d", "s"])[0]
            == ["v", "g", "c", "d", "e", "f", "a", "b"])
        // Values beyond an int are read by atoi, and compared by psql's subtraction.
        let wide: [[String?]] = [
            ["1", "b", "1", "2147483647"], ["1", "a", "2", "-2"], ["1", "c", "3", "0"], ["1", "d", "4", "-2147483648"],
            ["1", "e", "5", "4294967296"], ["1", "f", "6", "99999999999999999999"],
        ]
        #expect(try Self.pivot(wide, columns: ["v", "h", "d", "s"], ["v", "h", "d", "s"])[0]
            == ["v", "d", "a", "f", "c", "e", "b"])
        // A name's first row gives its sort value; sorting by the header itself sorts by name.
        let repeated: [[String?]] = [["1", "b", "1", nil], ["1", "a", "2", "5"], ["2", "b", "3", "1"], ["2", "a", "4", "2"]]
        #expect(try Self.pivot(repeated, columns: ["v", "h", "d", "s"], ["v", "h", "d", "s"])[0] == ["v", "b", "a"])
        let bytes: [[String?]] = [["1", "B", "1"], ["1", "a", "2"], ["1", "_", "3"], ["2", "é", "3"], ["2", "e", "1"], ["2", "Z", "5"]]
        #expect(try Self.pivot(bytes, columns: ["v", "h", "d"], ["v", "h", "d", "h"])[0] == ["v", "B", "Z", "_", "a", "e", "é"])
    }

    @Test func cellsAlignAsTheDataColumnsType() throws {
        let table = try CrosstabView.pivot(
            StringRows([["x", "1", "2"]]), columns: Self.columns(["v", "h", "d"], types: [Self.text, Self.text, Self.int4]),
            arguments: [], nullDisplay: nil)
        #expect(table.columns.map(\.alignment) == [.left, .right])
        let swapped = try CrosstabView.pivot(
            StringRows([["x", "1", "2"]]), columns: Self.columns(["v", "h", "d"], types: [Self.text, Self.text, Self.int4]),
            arguments: ["d", "h", "v"], nullDisplay: nil)
        #expect(swapped.columns.map(\.alignment) == [.right, .left])
    }
}
