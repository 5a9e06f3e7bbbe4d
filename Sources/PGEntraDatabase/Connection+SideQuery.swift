import CLibpq
import PGEntraSystem
import Synchronization
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
    /// and what arrives in a second is drained. Parameters travel out of band.
    ///
    /// Inside the user's transaction block the query runs under a savepoint that is rolled back
    /// afterwards, so that neither a cancel nor an error aborts the block. psql's
    /// _complete_from_query runs its query bare in the block and waits as long as the server
    /// takes (an error there aborts the user's transaction); here the block is kept and Tab
    /// still gives up after `timeout`.
    package func sideQuery(_ sql: String, parameters: [String], timeout: Int32) -> [String]? {
        let state = PQtransactionStatus(handle)
        guard state == PQTRANS_IDLE || state == PQTRANS_INTRANS, PQisBusy(handle) == 0 else { return nil }
        guard state == PQTRANS_INTRANS else { return Self.rows(handle, sql, parameters, timeout: timeout, patient: false) }
        // SAVEPOINT and ROLLBACK TO take no locks, so they are waited for: cancelling either
        // would abort the block.
        guard Self.command(handle, "SAVEPOINT pgentra_completion") else { return nil }
        // Inside the block, an abandoned query is waited for until it has ended and the cancel
        // has been delivered, however long that takes: a rollback sent while it still runs
        // would fail and leave the savepoint, and a late cancel landing on the rollback would
        // abort the block.
        let names = Self.rows(handle, sql, parameters, timeout: timeout, patient: true)
        // Should the rollback fail all the same, it is tried once more.
        for _ in 0..<2 where Self.command(handle, "ROLLBACK TO SAVEPOINT pgentra_completion") {
            Self.command(handle, "RELEASE SAVEPOINT pgentra_completion")
            break
        }
        return names
    }

    private static func rows(_ handle: OpaquePointer, _ sql: String, _ parameters: [String], timeout: Int32, patient: Bool) -> [String]? {
        let copies = parameters.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var values = copies.map { UnsafePointer($0) }
        guard PQsendQueryParams(handle, sql, Int32(values.count), nil, &values, nil, nil, 0) == 1 else { return nil }
        var names: [String] = []
        var failed = false
        while true {
            guard waitForResult(handle, milliseconds: timeout) else {
                abandon(handle, patient: patient)
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

    /// A command of the side query's own (no rows), waited for without a deadline; true when
    /// it succeeded.
    @discardableResult
    private static func command(_ handle: OpaquePointer, _ sql: String) -> Bool {
        guard PQsendQuery(handle, sql) == 1 else { return false }
        var succeeded = true
        while waitForResult(handle, milliseconds: .max), let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK { succeeded = false }
            PQclear(result)
        }
        return succeeded && PQisBusy(handle) == 0
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
    /// (Ctrl-C belongs to the main thread's waits), and drain what arrives in a second. Then
    /// wait, within that same second, for PQcancel to have returned: by then the server has
    /// signalled the backend, so the request cannot land on a later statement (a backend that
    /// gets it between statements ignores it), such as the user's next query. A `patient`
    /// caller (inside the user's transaction block) waits for both without a deadline.
    private static func abandon(_ handle: OpaquePointer, patient: Bool) {
        let delivered = Delivery()
        if let key = PQgetCancel(handle) {
            let address = UInt(bitPattern: key)
            let started = DetachedThread.start(blocking: [SIGINT]) { [delivered] in
                guard let key = OpaquePointer(bitPattern: address) else { return }
                CancelKey.send(key)
                CancelKey.free(key)
                delivered.done.store(true, ordering: .releasing)
            }
            if !started {
                CancelKey.free(key)
                delivered.done.store(true, ordering: .releasing)
            }
        } else {
            delivered.done.store(true, ordering: .releasing)
        }
        let deadline = MonotonicClock.milliseconds() + 1000
        let left = { patient ? Int32.max : Int32(clamping: max(0, deadline - MonotonicClock.milliseconds())) }
        while waitForResult(handle, milliseconds: left()), let result = PQgetResult(handle) {
            PQclear(result)
        }
        while !delivered.done.load(ordering: .acquiring) && left() > 0 {
            usleep(2000)
        }
    }

    /// Set by the cancel thread once PQcancel has returned.
    private final class Delivery: Sendable {
        let done = Atomic<Bool>(false)
    }
}
