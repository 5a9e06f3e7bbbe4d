import Foundation

/// A connection on the plain-HTTP listener.
final class PlainStream: ClientStream {
    let fileDescriptor: Int32

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    func read(into buffer: inout [UInt8], maximum: Int) -> Int {
        if buffer.count < maximum { buffer = [UInt8](repeating: 0, count: maximum) }
        return buffer.withUnsafeMutableBytes { recv(fileDescriptor, $0.baseAddress, maximum, 0) }
    }

    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(fileDescriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    func close() {
        SocketCloser.close(fileDescriptor)
    }
}
