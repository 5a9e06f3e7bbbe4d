#if canImport(Glibc)
import Glibc
#endif

/// The proxy's listening socket (issue 12): TCP on the given address, or a Unix socket
/// DIR/.s.PGSQL.PORT, the file 0600 in a directory that is the user's own and 0700. A socket
/// file left by a proxy that was killed is found (nobody answers on it) and replaced; a live
/// one, or a TCP address in use, is a clear error.
package struct ProxyListener {
    let fd: Int32
    /// The socket file, removed when the proxy stops.
    let path: String?

    package struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        package let description: String
    }

    package static func open(_ address: ListenAddress) throws(Failure) -> ProxyListener {
        switch address {
        case .tcp(let host, let port): return ProxyListener(fd: try tcp(host: host, port: port, shown: address.description), path: nil)
        case .unix(let directory, let port): return try unix(directory: directory, port: port)
        }
    }

    package func close() {
        Glibc.close(fd)
        if let path { unlink(path) }
    }

    private static func tcp(host: String, port: UInt16, shown: String) throws(Failure) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let address = found else {
            throw Failure(description: "could not resolve \"\(host)\": \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(found) }
        let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "could not create a socket: \(String(cString: strerror(errno)))") }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0, listen(fd, SOMAXCONN) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw Failure(description: "could not listen on \(shown): \(reason)")
        }
        return fd
    }

    private static func unix(directory: String, port: UInt16) throws(Failure) -> ProxyListener {
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw Failure(description: "could not create directory \"\(directory)\": \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard lstat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw Failure(description: "\"\(directory)\" is not a directory")
        }
        guard info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            throw Failure(description: "the socket directory \"\(directory)\" must belong to you and have mode 0700, so that no other user can reach the proxy")
        }
        let path = "\(directory)/.s.PGSQL.\(port)"
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                throw Failure(description: "\"\(path)\" exists and is not a socket")
            }
            // A live proxy answers; a killed one's file only refuses.
            let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            let live = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, length) == 0 }
            }
            Glibc.close(probe)
            guard !live else { throw Failure(description: "could not listen on \(path): another server is listening on it") }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "could not create a socket: \(String(cString: strerror(errno)))") }
        // The file is made 0600 from the start (umask), never briefly open to others.
        let saved = umask(0o177)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 }
        }
        umask(saved)
        guard bound, listen(fd, SOMAXCONN) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw Failure(description: "could not listen on \(path): \(reason)")
        }
        return ProxyListener(fd: fd, path: path)
    }
}
