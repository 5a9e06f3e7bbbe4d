import Testing
@testable import PGEntraOutput

/// One result as the real psql 18.6 printed it: the columns and text values the server sent, the
/// `-P` settings psql ran with, and its exact stdout. The cases live in PsqlGoldens.swift,
/// written by scripts/capture-output-goldens.py.
struct PsqlGolden: Sendable, CustomTestStringConvertible {
    let name: String
    /// The query psql ran, to reproduce a case by hand.
    let sql: String
    /// `-P NAME=VALUE` settings, applied here through `PsetCommand.apply(assignment:to:)`.
    let pset: [String]
    /// psql's FETCH_COUNT: rows arrive in batches of this size, printed as they come.
    let fetchCount: Int?
    let columns: [TableColumn]
    let rows: [[String?]]
    /// Describe commands: the title and footers psql's describe code passes to the printer.
    let title: String?
    let footers: [String]?
    let expected: String

    init(
        name: String, sql: String, pset: [String], fetchCount: Int? = nil, columns: [(String, UInt32)],
        rows: [[String?]], title: String? = nil, footers: [String]? = nil, expected: [String]
    ) {
        self.title = title
        self.footers = footers
        self.name = name
        self.sql = sql
        self.pset = pset
        self.fetchCount = fetchCount
        self.columns = columns.map { TableColumn(name: $0.0, typeOID: $0.1) }
        self.rows = rows
        self.expected = expected.joined(separator: "\n")
    }

    var testDescription: String { name }

    func options() throws -> PrintOptions {
        var options = PrintOptions()
        for assignment in pset { try PsetCommand.apply(assignment: assignment, to: &options) }
        return options
    }

    /// Prints the rows in the given batches and returns the bytes.
    /// - Parameter chunked: FETCH_COUNT mode, as psql prints chunks to a stdout that is a pipe.
    func render(batches: [[[String?]]], chunked: Bool = false) throws -> String {
        let options = try options()
        let sink = ByteSink(.memory)
        let content = TableContentOptions(
            title: title ?? options.title, footers: footers, printsEachBatch: chunked, pagesChunks: chunked)
        var printer = options.makePrinter(content: content)
        printer.begin(columns: columns, sink: sink)
        for batch in batches { printer.rows(StringRows(batch, columnCount: columns.count), sink: sink) }
        printer.finish(sink: sink)
        return sink.text
    }

    /// The chunks psql 17+ prints for FETCH_COUNT (PQsetChunkedRowsMode): full ones, then a short
    /// last one. A result without rows comes whole, not chunked.
    var chunks: [[[String?]]]? {
        guard let size = fetchCount, !rows.isEmpty else { return nil }
        return stride(from: 0, to: rows.count, by: size).map { Array(rows[$0..<min($0 + size, rows.count)]) }
    }
}
