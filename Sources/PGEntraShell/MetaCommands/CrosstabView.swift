import PGEntraOutput
import PGEntraScanner
import PGEntraSystem

/// `\crosstabview`'s pivot (psql 18's crosstabview.c, PrintResultInCrosstab and printCrosstab):
/// the distinct values of one column become the rows, those of another the columns, and a third
/// fills the cells. A pure function of a result's columns and rows; the session prints the table
/// through its normal table writer, or reports the typed error.
///
/// psql compares values as C strings (strcmp), so header values stay bytes here; a NULL sorts
/// after every value and all NULLs are one header entry.
enum CrosstabView {
    /// psql's CROSSTABVIEW_MAX_COLUMNS: the horizontal header's limit.
    static let maximumColumns = 1600

    /// Pivots `rows` (whose columns are `columns`) as `\crosstabview` does with `arguments`:
    /// up to four words as psql's lexer returned them (OT_NORMAL, so double quotes are still
    /// there), nil where absent. `nullDisplay` is psql's `popt.nullPrint`: nil until `\pset null`
    /// set it; it names NULL headers and fills NULL cells, and "(null)" stands for it in errors.
    static func pivot<Source: RowBatch>(
        _ rows: Source, columns: [TableColumn], arguments: [String?], nullDisplay: String?
    ) throws(CrosstabError) -> CrosstabTable<Source> {
        guard columns.count >= 3 else { throw .tooFewColumns }
        // The column the argument at `position` names, if it was given; psql checks them in order.
        func column(_ position: Int) throws(CrosstabError) -> Int? {
            guard position < arguments.count, let word = arguments[position] else { return nil }
            return try columnIndex(word, in: columns)
        }
        let vertical = try column(0) ?? 0
        let horizontal = try column(1) ?? 1
        guard vertical != horizontal else { throw .sameHeaderColumns }
        let data: Int
        if let given = try column(2) {
            data = given
        } else {
            // Only with exactly three columns is the one left over unambiguous.
            guard columns.count == 3 else { throw .dataColumnRequired }
            data = (0..<3).first { $0 != vertical && $0 != horizontal } ?? 2
        }
        let sort = try column(3)

        // Distinct header values, each ranked by its first appearance (psql's avlMergeValue);
        // a horizontal value keeps the sort column's value from that same first row.
        var columnHeader = HeaderValues()
        var rowHeader = HeaderValues()
        for row in 0..<rows.rowCount {
            let sortValue = sort.flatMap { value(rows, row: row, column: $0) }
            columnHeader.merge(value(rows, row: row, column: horizontal), sortValue: sortValue)
            if columnHeader.count > maximumColumns { throw .tooManyColumns }
            rowHeader.merge(value(rows, row: row, column: vertical), sortValue: nil)
        }
        if sort != nil { columnHeader.rankBySortValue() }

        // The vertical header keeps its column's name and alignment; the others align as the
        // data column's type does.
        let nullBytes = nullDisplay.map { LosslessText.bytes(of: $0) }
        let dataColumn = columns[data]
        let tableColumns = [columns[vertical]] + columnHeader.valuesByRank.map {
            TableColumn(name: LosslessText.string(decoding: $0 ?? nullBytes ?? []), typeOID: dataColumn.typeOID, alignment: dataColumn.alignment)
        }
        var table = CrosstabTable(
            source: rows, columns: tableColumns, rowNames: rowHeader.valuesByRank.map { $0 ?? nullBytes ?? [] },
            dataColumn: data, nullDisplay: nullBytes ?? [])
        for row in 0..<rows.rowCount {
            let rowName = value(rows, row: row, column: vertical)
            let columnName = value(rows, row: row, column: horizontal)
            let cell = CrosstabTable<Source>.Cell(row: rowHeader.rank(of: rowName), column: columnHeader.rank(of: columnName))
            guard table.filled[cell] == nil else {
                func shown(_ name: [UInt8]?) -> String {
                    LosslessText.string(decoding: name ?? nullBytes ?? Array("(null)".utf8))
                }
                throw .multipleValues(row: shown(rowName), column: shown(columnName))
            }
            table.filled[cell] = row
        }
        return table
    }

    /// psql's indexOfColumn: all digits is a 1-based number (as C's atoi reads it), anything else
    /// a name, dequoted and lower-cased outside quotes like an SQL identifier, that must match
    /// exactly one column.
    static func columnIndex(_ word: String, in columns: [TableColumn]) throws(CrosstabError) -> Int {
        let bytes = Array(word.utf8)
        if !bytes.isEmpty && bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // psql's int arithmetic: atoi(arg) - 1, and the message shows that plus one again.
            let number = atoi(bytes)
            let index = number &- 1
            guard index >= 0 && Int(index) < columns.count else {
                throw .columnNumberOutOfRange(number: index &+ 1, count: columns.count)
            }
            return Int(index)
        }
        let name = String(decoding: ArgumentLexer.dequoted(bytes, lowercasing: true), as: UTF8.self)
        let matches = columns.indices.filter { Array(columns[$0].name.utf8) == Array(name.utf8) }
        guard let first = matches.first else { throw .columnNameNotFound(name) }
        guard matches.count == 1 else { throw .ambiguousColumnName(name) }
        return first
    }

    /// C's atoi as glibc has it: strtol, which stops at the first non-digit and saturates at
    /// the long's limits, then truncated to an int. Only digits and an optional leading `-`
    /// reach here.
    static func atoi(_ bytes: [UInt8]) -> Int32 {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { break }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 {
                value = negative ? Int64.min : Int64.max
                break
            }
            value = sum
        }
        return Int32(truncatingIfNeeded: value)
    }

    private static func value(_ rows: some RowBatch, row: Int, column: Int) -> [UInt8]? {
        rows.isNull(row: row, column: column) ? nil : rows.withValue(row: row, column: column) { Array($0) }
    }
}

/// One header's distinct values: psql's AVL tree of pivot_field, kept as a hash of ranks.
private struct HeaderValues {
    private var values: [[UInt8]?] = []
    private var sortValues: [[UInt8]?] = []
    private var ranks: [[UInt8]?: Int] = [:]
    /// Per value (in first-appearance order), its place in the header.
    private var order: [Int] = []

    var count: Int { values.count }

    mutating func merge(_ value: [UInt8]?, sortValue: [UInt8]?) {
        guard ranks[value] == nil else { return }
        ranks[value] = values.count
        order.append(values.count)
        values.append(value)
        sortValues.append(sortValue)
    }

    func rank(of value: [UInt8]?) -> Int { order[ranks[value] ?? 0] }

    /// The values in header order.
    var valuesByRank: [[UInt8]?] {
        var result = [[UInt8]?](repeating: nil, count: values.count)
        for (index, place) in order.enumerated() { result[place] = values[index] }
        return result
    }

    /// psql's rankSort: the header ordered by the sort column's value read as an integer (0 when
    /// it is NULL or not `-?[0-9]*`), ties in strcmp order of the values (NULL last), because
    /// psql sorts its name-ordered array with glibc's qsort, a stable merge sort. Its comparator
    /// subtracts ints, so the merge below compares with the same wrapping subtraction.
    mutating func rankBySortValue() {
        let byName = values.indices.sorted { Self.precedes(values[$0], values[$1]) }
        var keyed = byName.map { (key: Self.rank(sortValues[$0]), index: $0) }
        Self.mergeSort(&keyed[...]) { $0.key &- $1.key <= 0 }
        for (place, entry) in keyed.enumerated() { order[entry.index] = place }
    }

    /// psql's pivotFieldCompare: byte order, NULL after everything.
    private static func precedes(_ a: [UInt8]?, _ b: [UInt8]?) -> Bool {
        guard let b else { return a != nil }
        guard let a else { return false }
        return a.lexicographicallyPrecedes(b)
    }

    private static func rank(_ value: [UInt8]?) -> Int32 {
        guard let value else { return 0 }
        let digits = value.first == UInt8(ascii: "-") ? value.dropFirst() : value[...]
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return 0 }
        return CrosstabView.atoi(value)
    }

    /// glibc's msort_with_tmp: halves of n/2 and the rest, merged taking from the first half
    /// while `inOrder` says its head may come first.
    private static func mergeSort<T>(_ items: inout ArraySlice<T>, _ inOrder: (T, T) -> Bool) {
        guard items.count > 1 else { return }
        let middle = items.startIndex + items.count / 2
        var first = items[..<middle]
        var second = items[middle...]
        mergeSort(&first, inOrder)
        mergeSort(&second, inOrder)
        var merged: [T] = []
        merged.reserveCapacity(items.count)
        var i = first.startIndex
        var j = second.startIndex
        while i < first.endIndex && j < second.endIndex {
            if inOrder(first[i], second[j]) {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        merged.append(contentsOf: first[i...])
        merged.append(contentsOf: second[j...])
        items.replaceSubrange(items.startIndex..<items.endIndex, with: merged)
    }
}

/// The pivoted table as rows for the table printers: the vertical header's value first, then
/// one cell per horizontal value. Cells are never NULL (psql fills them with the `null` display
/// or an empty string), and only filled cells are stored, so a sparse pivot stays small.
struct CrosstabTable<Source: RowBatch>: RowBatch {
    struct Cell: Hashable {
        var row: Int
        var column: Int
    }

    let source: Source
    /// The vertical header's column, then one column per horizontal value, in header order.
    let columns: [TableColumn]
    let rowNames: [[UInt8]]
    let dataColumn: Int
    let nullDisplay: [UInt8]
    /// Which source row fills each cell.
    var filled: [Cell: Int] = [:]

    init(source: Source, columns: [TableColumn], rowNames: [[UInt8]], dataColumn: Int, nullDisplay: [UInt8]) {
        self.source = source
        self.columns = columns
        self.rowNames = rowNames
        self.dataColumn = dataColumn
        self.nullDisplay = nullDisplay
    }

    var rowCount: Int { rowNames.count }
    var columnCount: Int { columns.count }
    func isNull(row: Int, column: Int) -> Bool { false }

    func withValue<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if column == 0 { return try rowNames[row].withUnsafeBufferPointer(body) }
        guard let sourceRow = filled[Cell(row: row, column: column - 1)] else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        if source.isNull(row: sourceRow, column: dataColumn) { return try nullDisplay.withUnsafeBufferPointer(body) }
        return try source.withValue(row: sourceRow, column: dataColumn, body)
    }
}

/// What `\crosstabview` refuses, with psql 18's messages.
enum CrosstabError: Error, Equatable, CustomStringConvertible {
    case tooFewColumns
    case columnNumberOutOfRange(number: Int32, count: Int)
    case ambiguousColumnName(String)
    case columnNameNotFound(String)
    case sameHeaderColumns
    case dataColumnRequired
    case tooManyColumns
    case multipleValues(row: String, column: String)

    var description: String {
        let text: String
        switch self {
        case .tooFewColumns: text = "query must return at least three columns"
        case .columnNumberOutOfRange(let number, let count): text = "column number \(number) is out of range 1..\(count)"
        case .ambiguousColumnName(let name): text = "ambiguous column name: \"\(name)\""
        case .columnNameNotFound(let name): text = "column name not found: \"\(name)\""
        case .sameHeaderColumns: text = "vertical and horizontal headers must be different columns"
        case .dataColumnRequired: text = "data column must be specified when query returns more than three columns"
        case .tooManyColumns: text = "maximum number of columns (\(CrosstabView.maximumColumns)) exceeded"
        case .multipleValues(let row, let column):
            text = "query result contains multiple data values for row \"\(row)\", column \"\(column)\""
        }
        return "\\crosstabview: " + text
    }
}
