import PGEntraSystem

/// Where `pgentra proxy --listen` takes clients (issue 12): a TCP address (`127.0.0.1:6432`,
/// `[::1]:6432`, `localhost:6432`), or a Unix socket in a directory (`unix:DIR`, or
/// `unix:DIR:PORT`), as libpq finds it with `host=DIR port=PORT`: DIR/.s.PGSQL.PORT, 5432 by
/// default.
package enum ListenAddress: Equatable, Sendable, CustomStringConvertible {
    case tcp(host: String, port: UInt16)
    case unix(directory: String, port: UInt16)

    package struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        package let description: String
    }

    package static func parse(_ text: String) throws(Invalid) -> ListenAddress {
        if text.hasPrefix("unix:") {
            var directory = String(text.dropFirst(5))
            var port: UInt16 = 5432
            if let colon = directory.lastIndex(of: ":"), let number = UInt16(directory[directory.index(after: colon)...]), number > 0 {
                port = number
                directory = String(directory[..<colon])
            }
            guard directory.hasPrefix("/") else {
                throw Invalid(description: "the socket directory in \"\(text)\" must be an absolute path")
            }
            while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
            // sun_path holds 107 bytes and a NUL.
            guard "\(directory)/.s.PGSQL.\(port)".utf8.count <= 107 else {
                throw Invalid(description: "the socket path in \"\(directory)\" is too long for a Unix socket")
            }
            return .unix(directory: directory, port: port)
        }
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw Invalid(description: "\"\(text)\" is not ADDRESS:PORT, [IPv6]:PORT or unix:DIR")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else {
                throw Invalid(description: "\"\(text)\" is not ADDRESS:PORT, [IPv6]:PORT or unix:DIR")
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = UInt16(portText), port > 0 else {
            throw Invalid(description: "\"\(text)\" needs a host and a port from 1 to 65535")
        }
        return .tcp(host: String(host), port: port)
    }

    /// Whether only this machine can reach it: a Unix socket, or a loopback host.
    package var isLoopback: Bool {
        switch self {
        case .unix: true
        case .tcp(let host, _): Loopback.isLoopbackHost(host)
        }
    }

    package var description: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let directory, let port): "unix:\(directory)/.s.PGSQL.\(port)"
        }
    }
}
