import CLibpq
import PGEntraSystem

/// An open libpq connection. Every attempt to open one (first connect, retry, reconnect) goes
/// through `Connector`, which takes the password from a PasswordSource.
package final class Connection {
    let handle: OpaquePointer
    /// The keywords it was opened with (no password), for reconnecting with the same target.
    package let parameters: ConnectionParameters
    private let notices = NoticeBox()

    init(handle: OpaquePointer, parameters: ConnectionParameters) {
        self.handle = handle
        self.parameters = parameters
        PQsetNoticeProcessor(handle, { context, message in
            guard let context, let message else { return }
            Unmanaged<NoticeBox>.fromOpaque(context).takeUnretainedValue().handler?(LosslessText.string(cString: message))
        }, Unmanaged.passUnretained(notices).toOpaque())
    }

    deinit { PQfinish(handle) }

    /// Called with each notice or warning as libpq formats it (`NOTICE:  …\n`).
    package func onNotice(_ handler: @escaping (String) -> Void) {
        notices.handler = handler
    }

    package var isOK: Bool { PQstatus(handle) == CONNECTION_OK }
    package var database: String { string(PQdb(handle)) }
    package var user: String { string(PQuser(handle)) }
    package var host: String { string(PQhost(handle)) }
    package var port: String { string(PQport(handle)) }
    package var serverVersion: Int { Int(PQserverVersion(handle)) }
    package var backendPID: Int { Int(PQbackendPID(handle)) }
    package var errorMessage: String { string(PQerrorMessage(handle)) }
    package var usesSSL: Bool { PQsslInUse(handle) == 1 }

    package enum TransactionState: Sendable { case idle, active, inTransaction, failed, unknown }

    package var transactionState: TransactionState {
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE: .idle
        case PQTRANS_ACTIVE: .active
        case PQTRANS_INTRANS: .inTransaction
        case PQTRANS_INERROR: .failed
        default: .unknown
        }
    }

    package func parameterStatus(_ name: String) -> String? {
        PQparameterStatus(handle, name).map { String(cString: $0) }
    }

    /// Sends one query string (which may hold several statements); results follow from `nextResult`.
    package func send(_ sql: String) -> Bool {
        LosslessText.withCString(sql) { PQsendQuery(handle, $0) == 1 }
    }

    /// Streams the next result row by row (libpq single-row mode); call right after `send`.
    package func streamRows() -> Bool {
        PQsetSingleRowMode(handle) == 1
    }

    /// The next result of the query sent, or nil when all have arrived.
    package func nextResult() -> QueryResult? {
        PQgetResult(handle).map(QueryResult.init)
    }

    /// Runs `sql` and returns its last result (for internal queries such as BEGIN).
    package func execute(_ sql: String) -> QueryResult? {
        LosslessText.withCString(sql) { PQexec(handle, $0) }.map(QueryResult.init)
    }

    /// The next row of a COPY TO STDOUT, or nil when the copy is over.
    package func copyData() -> [UInt8]? {
        var buffer: UnsafeMutablePointer<CChar>?
        let length = PQgetCopyData(handle, &buffer, 0)
        guard length > 0, let buffer else { return nil }
        defer { PQfreemem(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    /// Ends a COPY FROM STDIN, failing it with `error` when given.
    package func endCopyIn(error: String?) {
        _ = PQputCopyEnd(handle, error)
    }

    /// Asks the server to cancel the running query (safe from a signal handler's helper thread).
    func cancel() -> Bool {
        guard let key = CancelKey.make(for: self) else { return false }
        defer { CancelKey.free(key) }
        return CancelKey.send(key)
    }

    /// Verbosity and context visibility of error messages (VERBOSITY, SHOW_CONTEXT).
    package func setErrorVerbosity(_ verbosity: ErrorVerbosity, context: ErrorContextVisibility) {
        PQsetErrorVerbosity(handle, verbosity.libpq)
        PQsetErrorContextVisibility(handle, context.libpq)
    }

    /// A notification received (LISTEN/NOTIFY), if any is waiting; `readingInput` first reads
    /// what the server has sent.
    package func nextNotification(readingInput: Bool = true) -> (channel: String, payload: String, pid: Int)? {
        if readingInput { PQconsumeInput(handle) }
        guard let notify = PQnotifies(handle) else { return nil }
        defer { PQfreemem(notify) }
        return (LosslessText.string(cString: notify.pointee.relname), LosslessText.string(cString: notify.pointee.extra), Int(notify.pointee.be_pid))
    }

    private func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { LosslessText.string(cString: $0) } ?? ""
    }
}

private final class NoticeBox {
    var handler: ((String) -> Void)?
}

/// psql's VERBOSITY values.
package enum ErrorVerbosity: String, Sendable {
    case `default`, verbose, terse, sqlstate

    var libpq: PGVerbosity {
        switch self {
        case .default: PQERRORS_DEFAULT
        case .verbose: PQERRORS_VERBOSE
        case .terse: PQERRORS_TERSE
        case .sqlstate: PQERRORS_SQLSTATE
        }
    }
}

/// psql's SHOW_CONTEXT values.
package enum ErrorContextVisibility: String, Sendable {
    case never, errors, always

    var libpq: PGContextVisibility {
        switch self {
        case .never: PQSHOW_CONTEXT_NEVER
        case .errors: PQSHOW_CONTEXT_ERRORS
        case .always: PQSHOW_CONTEXT_ALWAYS
        }
    }
}
