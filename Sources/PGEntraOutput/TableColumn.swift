/// One column of a result as the printers need it: its name and how psql aligns it.
package struct TableColumn: Sendable, Equatable {
    package enum Alignment: Sendable, Equatable { case left, right }

    package var name: String
    /// The server's type OID (0 when unknown), for `--json`'s typing and psql's alignment rule.
    package var typeOID: UInt32
    package var alignment: Alignment

    package init(name: String, typeOID: UInt32, alignment: Alignment? = nil) {
        self.name = name
        self.typeOID = typeOID
        self.alignment = alignment ?? (Self.rightAlignedTypes.contains(typeOID) ? .right : .left)
    }

    /// psql right-aligns exactly these types (psql-compat.md §6.1): int2, int4, int8, float4,
    /// float8, numeric, oid, xid, xid8, cid, money. Domains over them are left-aligned.
    static let rightAlignedTypes: Set<UInt32> = [21, 23, 20, 700, 701, 1700, 26, 28, 5069, 29, 790]
}

/// Rows of raw text values (libpq's text format), however they arrive: a whole result, one row
/// at a time, or a FETCH batch.
package protocol RowBatch {
    var rowCount: Int { get }
    var columnCount: Int { get }
    func isNull(row: Int, column: Int) -> Bool
    /// Calls `body` with the value's bytes (not NUL-terminated; empty for NULL), borrowed for the call.
    func withValue<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
}

/// Rows held in memory, for describe output built client-side and for tests.
package struct StringRows: RowBatch {
    var rows: [[String?]]
    private let storage: [[[UInt8]?]]
    package let columnCount: Int

    /// `columnCount` matters only when there are no rows to count from.
    package init(_ rows: [[String?]], columnCount: Int? = nil) {
        self.rows = rows
        self.columnCount = columnCount ?? rows.first?.count ?? 0
        storage = rows.map { $0.map { $0.map { Array($0.utf8) } } }
    }

    package var rowCount: Int { rows.count }
    package func isNull(row: Int, column: Int) -> Bool { storage[row][column] == nil }

    package func withValue<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let bytes = storage[row][column] else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try bytes.withUnsafeBufferPointer(body)
    }
}
