import CLinux
#if canImport(Glibc)
import Glibc
#endif

/// Start-up I/O that waits, on the client's socket before the proxy knows what it wants
/// (ProxyServer) and on the server's during sign-in (ServerConnection): each step is one
/// non-blocking `ServerConnection.Transfer` (recv/send on a plain socket, or SSL_read/SSL_write),
/// repeated after poll until `deadline`, as libpq's pqWait loops wait for the socket. Both
/// sides of the proxy share these loops; the relay drives its own transfers.
enum BlockingTransfer {
    /// Why a transfer stopped short.
    enum Stop: Error, Equatable {
        case timedOut
        case closed
        case failed(String)
    }

    /// Writes all of `bytes` with `write`, waiting on `socket` when it would block.
    static func writeAll(
        _ bytes: [UInt8], socket: Int32, deadline: Double, _ write: (UnsafeRawBufferPointer) -> ServerConnection.Transfer
    ) throws(Stop) {
        var offset = 0
        while offset < bytes.count {
            offset += try moved(bytes[offset...].withUnsafeBytes(write), socket: socket, deadline: deadline) ?? 0
        }
    }

    /// What one successful `read` gives, at most `limit` bytes, waiting on `socket` until then.
    static func read(
        atMost limit: Int, socket: Int32, deadline: Double, _ read: (UnsafeMutableRawBufferPointer) -> ServerConnection.Transfer
    ) throws(Stop) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            if let count = try moved(buffer.withUnsafeMutableBytes(read), socket: socket, deadline: deadline) {
                return Array(buffer.prefix(count))
            }
        }
    }

    /// Exactly `count` bytes, however many reads they take.
    static func readExactly(
        _ count: Int, socket: Int32, deadline: Double, _ read: (UnsafeMutableRawBufferPointer) -> ServerConnection.Transfer
    ) throws(Stop) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            bytes += try self.read(atMost: count - bytes.count, socket: socket, deadline: deadline, read)
        }
        return bytes
    }

    /// recv on a plain socket as one step.
    static func receive(_ socket: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ServerConnection.Transfer {
        let count = recv(socket, buffer.baseAddress, buffer.count, 0)
        if count > 0 { return .done(count) }
        if count == 0 { return .closed }
        return errno == EAGAIN || errno == EINTR ? .wouldBlock(readable: true) : .failed(String(cString: strerror(errno)))
    }

    /// send on a plain socket as one step. MSG_NOSIGNAL: a peer gone away is an error here,
    /// never a SIGPIPE.
    static func send(_ socket: Int32, _ buffer: UnsafeRawBufferPointer) -> ServerConnection.Transfer {
        let count = Glibc.send(socket, buffer.baseAddress, buffer.count, pgentra_MSG_NOSIGNAL)
        if count >= 0 { return .done(count) }
        return errno == EAGAIN || errno == EINTR ? .wouldBlock(readable: false) : .failed(String(cString: strerror(errno)))
    }

    /// The bytes one step moved, or nil once `socket` is ready for the next try.
    private static func moved(_ transfer: ServerConnection.Transfer, socket: Int32, deadline: Double) throws(Stop) -> Int? {
        switch transfer {
        case .done(let count):
            return count
        case .wouldBlock(let readable):
            guard ServerConnection.waitFor(socket, readable: readable, deadline: deadline) else { throw .timedOut }
            return nil
        case .closed:
            throw .closed
        case .failed(let reason):
            throw .failed(reason)
        }
    }
}
