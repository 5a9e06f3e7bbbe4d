import CLibpq
import PGEntraOutput
import PGEntraSystem

/// One PGresult, owned: freed when the value goes away. Rows are read in place (RowBatch), so
/// printing a result copies no cell. A PGresult is never changed after libpq hands it over,
/// so sharing one across threads (inside an error value) is safe.
package final class QueryResult: RowBatch, @unchecked Sendable {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { PQclear(handle) }

    package enum Status: Sendable, Equatable {
        /// Rows (a SELECT, or one row of single-row mode).
        case tuples
        /// A command without rows (INSERT, CREATE ...).
        case command
        case emptyQuery
        case copyOut, copyIn, copyBoth
        case error
        /// `PGRES_SINGLE_TUPLE`: one row of a streamed result.
        case singleRow
        /// `PGRES_PIPELINE_SYNC`: a pipeline's synchronisation point was reached.
        case pipelineSync
        /// `PGRES_PIPELINE_ABORTED`: a command queued after an error in a pipeline did not run.
        case pipelineAborted
        case other(Int)
    }

    package var status: Status {
        switch PQresultStatus(handle) {
        case PGRES_TUPLES_OK: .tuples
        case PGRES_COMMAND_OK: .command
        case PGRES_EMPTY_QUERY: .emptyQuery
        case PGRES_COPY_OUT: .copyOut
        case PGRES_COPY_IN: .copyIn
        case PGRES_COPY_BOTH: .copyBoth
        case PGRES_SINGLE_TUPLE: .singleRow
        case PGRES_PIPELINE_SYNC: .pipelineSync
        case PGRES_PIPELINE_ABORTED: .pipelineAborted
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE: .error
        case let other: .other(Int(other.rawValue))
        }
    }

    package var rowCount: Int { Int(PQntuples(handle)) }
    package var columnCount: Int { Int(PQnfields(handle)) }

    package func isNull(row: Int, column: Int) -> Bool {
        PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    @inline(__always)
    package func withValue<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        guard let pointer = PQgetvalue(handle, Int32(row), Int32(column)) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: max(length, 1)) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    package func value(row: Int, column: Int) -> String? {
        isNull(row: row, column: column) ? nil : withValue(row: row, column: column) { LosslessText.string(decoding: $0) }
    }

    package var columns: [TableColumn] {
        (0..<columnCount).map { index in
            TableColumn(name: LosslessText.string(cString: PQfname(handle, Int32(index))), typeOID: PQftype(handle, Int32(index)))
        }
    }

    /// The command tag: `INSERT 0 1`, `SELECT 3`, `CREATE TABLE`.
    package var commandTag: String { LosslessText.string(cString: PQcmdStatus(handle)) }

    /// PQoidValue: the OID an INSERT of one row into a table WITH OIDS gave it, else 0 (InvalidOid).
    package var insertedOID: UInt32 { PQoidValue(handle) }

    /// libpq's full error text (`ERROR:  …`, `LINE n:`, caret, DETAIL, HINT), as psql prints it.
    package var errorMessage: String { LosslessText.string(cString: PQresultErrorMessage(handle)) }

    // libpq spells the field codes as character macros (PG_DIAG_SQLSTATE 'C', PG_DIAG_MESSAGE_PRIMARY 'M'),
    // which Swift does not import.
    package var sqlState: String? { field(Int32(UInt8(ascii: "C"))) }
    package var primaryMessage: String? { field(Int32(UInt8(ascii: "M"))) }

    func field(_ code: Int32) -> String? {
        PQresultErrorField(handle, code).map { LosslessText.string(cString: $0) }
    }

    /// The error text again at another verbosity (`\errverbose`).
    package func errorMessage(verbosity: ErrorVerbosity, context: ErrorContextVisibility) -> String {
        guard let text = PQresultVerboseErrorMessage(handle, verbosity.libpq, context.libpq) else { return errorMessage }
        defer { PQfreemem(text) }
        return LosslessText.string(cString: text)
    }
}
