import CLibpq
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Queries the client sends for itself on the user's connection (Tab completion's catalog
/// reads), which must never cost the session: psql's completion queries through PSQLexec, with
/// a deadline psql lacks. Here, rather than in the shell, because only Database speaks libpq.
extension Connection {
    /// The first column of `sql`'s rows, or nil when the connection is busy, in a failed
    /// transaction, or the query fails or does not answer within `timeout` milliseconds; then it
    /// is cancelled from another thread (PQcancel opens a new connection, which may itself hang)
    /// and what arrives in a second is drained. Inside the user's transaction block the query is
    /// waited for, as psql always does, because cancelling it would abort the block. Parameters
    /// travel out of band.
    package func sideQuery(_ sql: String, parameters: [String], timeout: Int32) -> [String]? {
        let state = PQtransactionStatus(handle)
        guard state == PQTRANS_IDLE || state == PQTRANS_INTRANS, PQisBusy(handle) == 0 else { return nil }
        let limit = state == PQTRANS_INTRANS ? Int32.max : timeout
        let copies = parameters.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var values = copies.map { UnsafePointer($0) }
        guard PQsendQueryParams(handle, sql, Int32(values.count), nil, &values, nil, nil, 0) == 1 else { return nil }
        var names: [String] = []
        var failed = false
        while true {
            guard Self.waitForResult(handle, milliseconds: limit) else {
                Self.abandon(handle)
                return nil
            }
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_TUPLES_OK else {
                failed = true
                continue
            }
            for row in 0..<PQntuples(result) {
                names.append(String(cString: PQgetvalue(result, row, 0)))
            }
        }
        return failed ? nil : names
    }

    /// Waits until a result can be read without blocking; false on timeout or a broken socket.
    private static func waitForResult(_ handle: OpaquePointer, milliseconds: Int32) -> Bool {
        var remaining = milliseconds
        while PQisBusy(handle) == 1 {
            guard remaining > 0 else { return false }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard descriptor.fd >= 0 else { return true }
            let started = MonotonicClock.milliseconds()
            let ready = poll(&descriptor, 1, remaining)
            remaining -= Int32(clamping: MonotonicClock.milliseconds() - started)
            if ready < 0 && errno != EINTR { return true }
            // A failed read leaves an error result (or a lost connection) for PQgetResult.
            if ready > 0 && PQconsumeInput(handle) == 0 { return true }
        }
        return true
    }

    /// A query that did not answer in time: cancel it from a thread that never takes SIGINT
    /// (Ctrl-C belongs to the main thread's waits), and drain what arrives in a second.
    private static func abandon(_ handle: OpaquePointer) {
        if let key = PQgetCancel(handle) {
            let address = UInt(bitPattern: key)
            let started = DetachedThread.start(blocking: [SIGINT]) {
                guard let key = OpaquePointer(bitPattern: address) else { return }
                CancelKey.send(key)
                CancelKey.free(key)
            }
            if !started { CancelKey.free(key) }
        }
        while waitForResult(handle, milliseconds: 1000), let result = PQgetResult(handle) {
            PQclear(result)
        }
    }
}
