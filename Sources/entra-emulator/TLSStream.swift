import COpenSSL

/// A connection on the https listener, after a successful handshake.
final class TLSStream: ClientStream {
    let fileDescriptor: Int32
    private let ssl: OpaquePointer

    init(ssl: OpaquePointer, fileDescriptor: Int32) {
        self.ssl = ssl
        self.fileDescriptor = fileDescriptor
    }

    func read(into buffer: inout [UInt8], maximum: Int) -> Int {
        if buffer.count < maximum { buffer = [UInt8](repeating: 0, count: maximum) }
        let count = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32(maximum)) }
        if count > 0 { return Int(count) }
        let reason = SSL_get_error(ssl, count)
        ERR_clear_error()
        return reason == SSL_ERROR_ZERO_RETURN ? 0 : -1
    }

    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                SSL_write(ssl, $0.baseAddress! + offset, Int32(bytes.count - offset))
            }
            if written <= 0 {
                ERR_clear_error()
                return false
            }
            offset += Int(written)
        }
        return true
    }

    func close() {
        // Sends close_notify; the peer's reply is not awaited (SocketCloser drains it).
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
        SSL_free(ssl)
        SocketCloser.close(fileDescriptor)
    }
}
