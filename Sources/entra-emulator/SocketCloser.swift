import Foundation

/// Closing a socket without losing the answer: after our last byte, half-close and drain what
/// the client may still send, because closing with unread input makes the kernel send RST,
/// which can destroy a response the client has not read yet.
enum SocketCloser {
    static func close(_ fileDescriptor: Int32) {
        shutdown(fileDescriptor, Int32(SHUT_WR))
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fileDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var scratch = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 1 << 20 {
            let count = scratch.withUnsafeMutableBytes { recv(fileDescriptor, $0.baseAddress, 4096, 0) }
            if count <= 0 { break }
            drained += count
        }
        Glibc.close(fileDescriptor)
    }
}
