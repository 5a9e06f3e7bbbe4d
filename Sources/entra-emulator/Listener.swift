import Foundation

/// A listening TCP socket on a loopback address. The emulator binds nothing else, ever: it is a
/// test and demo tool and must not be reachable from the network.
struct Listener: Sendable {
    enum Loopback: Sendable {
        case ipv4
        case ipv6

        var address: String { self == .ipv4 ? "127.0.0.1" : "::1" }
    }

    let fileDescriptor: Int32
    let port: Int
    let loopback: Loopback

    struct BindError: Error, CustomStringConvertible {
        let description: String
    }

    /// Binds `port` (0 = any free port) and starts listening.
    static func open(_ loopback: Loopback, port: Int) throws -> Listener {
        let family = loopback == .ipv4 ? AF_INET : AF_INET6
        let socketFD = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { throw BindError(description: "socket: \(String(cString: strerror(errno)))") }
        var enable: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &enable, socklen_t(MemoryLayout<Int32>.size))

        let bound: Int32
        switch loopback {
        case .ipv4:
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, loopback.address, &address.sin_addr)
            bound = bind(socketFD, to: address)
        case .ipv6:
            setsockopt(socketFD, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &enable, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            inet_pton(AF_INET6, loopback.address, &address.sin6_addr)
            bound = bind(socketFD, to: address)
        }
        guard bound == 0, listen(socketFD, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(socketFD)
            throw BindError(description: "cannot listen on \(loopback.address) port \(port): \(reason)")
        }
        return Listener(fileDescriptor: socketFD, port: try boundPort(socketFD), loopback: loopback)
    }

    /// bind(2) with a `sockaddr_in` or `sockaddr_in6`, passed as the `sockaddr` it begins with
    /// and its own size.
    private static func bind<Address>(_ socketFD: Int32, to address: Address) -> Int32 {
        withUnsafePointer(to: address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.bind(socketFD, $0, socklen_t(MemoryLayout<Address>.size))
            }
        }
    }

    /// The port the kernel chose when asked for port 0.
    private static func boundPort(_ socketFD: Int32) throws -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard status == 0 else { throw BindError(description: "getsockname: \(String(cString: strerror(errno)))") }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer -> Int in
            if family == sa_family_t(AF_INET) {
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
        }
    }
}
