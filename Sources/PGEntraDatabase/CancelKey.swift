import CLibpq

/// libpq's PGcancel for a connection, as an opaque pointer its owner frees: what the shell's
/// SIGINT handler keeps, because PQcancel is safe to call from a signal handler (psql's
/// cancel.c keeps one the same way).
package enum CancelKey {
    /// PQgetCancel: a key for `connection`'s backend, or nil when it has none.
    package static func make(for connection: Connection) -> OpaquePointer? {
        PQgetCancel(connection.handle)
    }

    /// PQcancel: asks the server to cancel; on failure libpq's reason is in `errorBuffer`.
    /// Async-signal-safe.
    @discardableResult
    package static func send(_ key: OpaquePointer, errorBuffer: UnsafeMutablePointer<CChar>, size: Int32) -> Bool {
        PQcancel(key, errorBuffer, size) == 1
    }

    /// PQcancel with the reason dropped, for callers on an ordinary thread.
    @discardableResult
    package static func send(_ key: OpaquePointer) -> Bool {
        var buffer = [CChar](repeating: 0, count: 256)
        return send(key, errorBuffer: &buffer, size: Int32(buffer.count))
    }

    /// PQfreeCancel.
    package static func free(_ key: OpaquePointer) {
        PQfreeCancel(key)
    }
}
