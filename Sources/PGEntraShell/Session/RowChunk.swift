import PGEntraDatabase
import PGEntraOutput

/// Rows that arrived one at a time (libpq's single-row mode), printed together as one of the
/// chunks psql 18 prints when FETCH_COUNT is set (PQsetChunkedRowsMode, which libpq 15 lacks).
struct RowChunk: RowBatch {
    /// One-row results, in order.
    var rows: [QueryResult] = []

    var rowCount: Int { rows.count }
    var columnCount: Int { rows.first?.columnCount ?? 0 }

    func isNull(row: Int, column: Int) -> Bool {
        rows[row].isNull(row: 0, column: column)
    }

    func withValue<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try rows[row].withValue(row: 0, column: column, body)
    }
}
