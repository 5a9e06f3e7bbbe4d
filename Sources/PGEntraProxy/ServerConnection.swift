import CLinux
import COpenSSL
import PGEntraIdentity
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// One connection to the server, opened and signed in for one client (issue 12): TCP, TLS as
/// libpq negotiates it for the sslmode (an SSLRequest first; verify-full checks the host name
/// or IP address as libpq's verify_peer_name_matches_certificate does), then the client's own
/// StartupMessage, the token answering whatever the server asks for: a cleartext password (what
/// Azure asks), MD5 or SCRAM-SHA-256. The socket is non-blocking throughout; sign-in waits with
/// poll up to a deadline, and the relay drives `read` and `write` itself.
///
/// `@unchecked Sendable`: used by one thread at a time, handed from sign-in to a relay loop.
final class ServerConnection: @unchecked Sendable {
    let socket: Int32
    private(set) var tls: OpaquePointer?

    enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// No connection: refused, timed out, or TLS that could not be set up or verified.
        case unreachable(String)
        /// The server answered the sign-in with an ErrorResponse, kept whole for the client.
        case refused(sqlState: String, message: String, errorResponse: [UInt8])
        /// The server spoke something other than the protocol.
        case protocolViolation(String)

        var description: String {
            switch self {
            case .unreachable(let reason): reason
            case .refused(let sqlState, let message, _): "\(message) (SQLSTATE \(sqlState))"
            case .protocolViolation(let reason): "protocol violation from the server: \(reason)"
            }
        }
    }

    /// What a non-blocking read or write did.
    enum Transfer: Equatable {
        case done(Int)
        /// Try again when the socket is readable (or writable): TLS may need either for either.
        case wouldBlock(readable: Bool)
        case closed
        case failed(String)
    }

    private init(socket: Int32) {
        self.socket = socket
    }

    deinit {
        if let tls { SSL_free(tls) }
        close(socket)
    }

    // MARK: - Connecting

    /// TCP to `target`, then TLS as its sslmode says, by `deadline` (CLOCK_MONOTONIC seconds).
    static func connect(to target: UpstreamTarget, tls context: TLSClientContext, deadline: Double) throws(Failure) -> ServerConnection {
        let connection = ServerConnection(socket: try openSocket(target, deadline: deadline))
        guard target.sslMode.triesTLS else { return connection }
        try connection.sendAll(OutgoingMessage.sslRequest(), deadline: deadline)
        let answer = try connection.receive(deadline: deadline, atMost: 1)
        switch answer.first {
        case UInt8(ascii: "S"):
            try connection.startTLS(target, context: context, deadline: deadline)
        case UInt8(ascii: "N"):
            if target.sslMode.needsTLS {
                throw .unreachable("server does not support SSL, but SSL was required")
            }
        default:
            throw .protocolViolation("received invalid response to SSL negotiation")
        }
        return connection
    }

    private static func openSocket(_ target: UpstreamTarget, deadline: Double) throws(Failure) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        let name = target.address ?? target.host
        let status = getaddrinfo(name, String(target.port), &hints, &found)
        guard status == 0, let first = found else {
            throw .unreachable("could not translate host name \"\(name)\" to address: \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(found) }
        var reason = "no address for \"\(name)\""
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let candidate = entry {
            entry = candidate.pointee.ai_next
            let fd = Glibc.socket(candidate.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            if Glibc.connect(fd, candidate.pointee.ai_addr, candidate.pointee.ai_addrlen) == 0 || errno == EINPROGRESS {
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if waitFor(fd, readable: false, deadline: deadline),
                   getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 {
                    // No Nagle delay, as libpq's connectNoDelay. Keepalives as libpq's
                    // keepalives=1, but after 2 minutes idle rather than the kernel's 2 hours:
                    // Azure's load balancers drop a flow idle for 4 minutes, and a relayed
                    // session may sit idle for longer (a pool's spare connection).
                    for (level, option, value) in [
                        (Int32(IPPROTO_TCP), TCP_NODELAY, Int32(1)), (SOL_SOCKET, SO_KEEPALIVE, 1),
                        (Int32(IPPROTO_TCP), TCP_KEEPIDLE, 120), (Int32(IPPROTO_TCP), TCP_KEEPINTVL, 30),
                        (Int32(IPPROTO_TCP), TCP_KEEPCNT, 4),
                    ] {
                        var setting = value
                        setsockopt(fd, level, option, &setting, socklen_t(MemoryLayout<Int32>.size))
                    }
                    return fd
                }
                reason = error != 0 ? String(cString: strerror(error)) : "timeout expired"
            } else {
                reason = String(cString: strerror(errno))
            }
            close(fd)
        }
        throw .unreachable("connection to server at \"\(name)\", port \(target.port) failed: \(reason)")
    }

    private func startTLS(_ target: UpstreamTarget, context: TLSClientContext, deadline: Double) throws(Failure) {
        ERR_clear_error()
        guard let ssl = SSL_new(context.context) else { throw .unreachable("SSL_new failed") }
        tls = ssl
        SSL_set_fd(ssl, socket)
        let isAddress = Self.isIPAddress(target.host)
        // SNI, as libpq sends it (sslsni=1) for a host name, never for an address.
        if !isAddress { _ = pgentra_SSL_set_tlsext_host_name(ssl, target.host) }
        if target.sslMode == .verifyFull {
            let set = isAddress
                ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), target.host)
                : SSL_set1_host(ssl, target.host)
            guard set == 1 else { throw .unreachable("could not set the host name to verify") }
        }
        while true {
            let result = SSL_connect(ssl)
            if result == 1 { return }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ:
                guard Self.waitFor(socket, readable: true, deadline: deadline) else { throw .unreachable("timeout expired during the TLS handshake") }
            case SSL_ERROR_WANT_WRITE:
                guard Self.waitFor(socket, readable: false, deadline: deadline) else { throw .unreachable("timeout expired during the TLS handshake") }
            default:
                let verify = SSL_get_verify_result(ssl)
                if verify != X509_V_OK {
                    throw .unreachable("SSL error: certificate verify failed: \(String(cString: X509_verify_cert_error_string(verify)))")
                }
                throw .unreachable("SSL error: \(Self.openSSLError())")
            }
        }
    }

    // MARK: - Signing in

    /// What the client must receive once its server connection is signed in, byte for byte:
    /// any NegotiateProtocolVersion and notices, AuthenticationOk, and the session's start up to
    /// its first ReadyForQuery (ParameterStatus, BackendKeyData...), with the backend's key,
    /// which the proxy needs to pass a client's CancelRequest on.
    struct SignedIn: Equatable {
        var forwarded: [UInt8]
        var backendKey: BackendKey?
    }

    /// A backend's process id and secret key (BackendKeyData).
    struct BackendKey: Hashable, Sendable {
        let processID: UInt32
        let key: [UInt8]
    }

    /// Sends the client's StartupMessage (with `user` in it), answers the server's
    /// authentication with `password`, and reads the session's start up to ReadyForQuery.
    func signIn(
        version: UInt32, parameters: [StartupPacket.Parameter], user: [UInt8], password: [UInt8], deadline: Double
    ) throws(Failure) -> SignedIn {
        var startup = parameters.filter { $0.name != Array("user".utf8) }
        startup.insert(StartupPacket.Parameter(name: Array("user".utf8), value: user), at: 0)
        try sendAll(OutgoingMessage.startup(version: version, parameters: startup), deadline: deadline)
        var framer = MessageFramer()
        var forwarded: [UInt8] = []
        var scram: SCRAMClient?
        var authenticated = false
        var scramVerified = false
        var backendKey: BackendKey?
        while true {
            let next: MessageFramer.Message?
            do throws(MessageFramer.Invalid) {
                next = try framer.next()
            } catch {
                throw .protocolViolation(error.description)
            }
            guard let message = next else {
                framer.append(try receive(deadline: deadline, atMost: 16_384))
                continue
            }
            if authenticated {
                // The session's start, for the client as it came; an error ends it as before.
                forwarded += WireBytes.message(message.type, message.body)
                // It must fit the relay's buffer, which takes it whole (notices from a login
                // trigger could otherwise make it any size).
                guard forwarded.count <= RelayBuffer.capacity / 2 else {
                    throw .protocolViolation("the server's start of the session is larger than \(RelayBuffer.capacity / 2 / 1024) KiB")
                }
                switch message.type {
                case UInt8(ascii: "K"):
                    guard message.body.count >= 8, message.body.count <= 4 + StartupPacket.maximumCancelKey else {
                        throw .protocolViolation("invalid BackendKeyData")
                    }
                    backendKey = BackendKey(processID: WireBytes.uint32(message.body, at: 0), key: Array(message.body[4...]))
                case UInt8(ascii: "Z"):
                    // Nothing follows ReadyForQuery before the client speaks; a server that
                    // sent more is cut off here rather than overflowing the relay's buffer.
                    let remainder = framer.takeRemainder()
                    guard forwarded.count + remainder.count <= RelayBuffer.capacity else {
                        throw .protocolViolation("the server sent more than \(RelayBuffer.capacity / 1024) KiB before the client's first query")
                    }
                    return SignedIn(forwarded: forwarded + remainder, backendKey: backendKey)
                case UInt8(ascii: "E"):
                    throw Self.refusal(message)
                default:
                    break
                }
                continue
            }
            switch message.type {
            case UInt8(ascii: "R"):
                let request: AuthenticationRequest
                do throws(AuthenticationRequest.Invalid) {
                    request = try AuthenticationRequest.parse(message.body)
                } catch {
                    throw .protocolViolation(error.description)
                }
                switch request {
                case .ok:
                    // After SCRAM, only a server that proved it knows the password is believed.
                    if scram != nil && !scramVerified {
                        throw .protocolViolation("the server ended SCRAM authentication without its signature")
                    }
                    authenticated = true
                    forwarded += WireBytes.message(message.type, message.body)
                case .cleartextPassword:
                    try sendAll(OutgoingMessage.password(password), deadline: deadline)
                case .md5Password(let salt):
                    try sendAll(OutgoingMessage.password(PasswordDigest.md5Response(password: password, user: user, salt: salt)), deadline: deadline)
                case .sasl(let mechanisms):
                    guard mechanisms.contains(SCRAMClient.mechanism) else {
                        throw .protocolViolation("none of the server's SASL mechanisms (\(mechanisms.joined(separator: ", "))) is supported")
                    }
                    let client = SCRAMClient(password: password, clientNonce: Self.nonce())
                    scram = client
                    try sendAll(OutgoingMessage.saslInitialResponse(mechanism: SCRAMClient.mechanism, client.firstMessage), deadline: deadline)
                case .saslContinue(let data):
                    guard var client = scram else { throw .protocolViolation("SASL continue without a SASL exchange") }
                    let final: [UInt8]
                    do throws(SCRAMClient.Failure) {
                        final = try client.finalMessage(answering: data)
                    } catch {
                        throw .protocolViolation(error.description)
                    }
                    scram = client
                    try sendAll(OutgoingMessage.saslResponse(final), deadline: deadline)
                case .saslFinal(let data):
                    do throws(SCRAMClient.Failure) {
                        guard let client = scram else { throw .malformed("SASL final without a SASL exchange") }
                        try client.verify(serverFinal: data)
                        scramVerified = true
                    } catch {
                        throw .protocolViolation(error.description)
                    }
                case .unsupported(let code):
                    throw .protocolViolation("authentication method \(code) is not supported")
                }
            case UInt8(ascii: "E"):
                throw Self.refusal(message)
            case UInt8(ascii: "v"), UInt8(ascii: "N"):
                // NegotiateProtocolVersion and notices reach the client before AuthenticationOk.
                forwarded += WireBytes.message(message.type, message.body)
            default:
                throw .protocolViolation("unexpected message type \"\(String(decoding: [message.type], as: UTF8.self))\" during sign-in")
            }
        }
    }

    /// A server's ErrorResponse during sign-in, kept whole for the client.
    private static func refusal(_ message: MessageFramer.Message) -> Failure {
        let fields = errorFields(message.body)
        return .refused(sqlState: fields["C"] ?? "", message: fields["M"] ?? "",
                        errorResponse: WireBytes.message(message.type, message.body))
    }

    /// An ErrorResponse's fields by their code letter.
    static func errorFields(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        var index = 0
        while index < body.count, body[index] != 0 {
            let code = String(decoding: [body[index]], as: UTF8.self)
            guard let end = body[(index + 1)...].firstIndex(of: 0) else { break }
            fields[code] = String(decoding: body[(index + 1)..<end], as: UTF8.self)
            index = end + 1
        }
        return fields
    }

    /// 18 random bytes in base64, as libpq makes its SCRAM nonce.
    private static func nonce() -> String {
        var bytes = [UInt8](repeating: 0, count: 18)
        precondition(RAND_bytes(&bytes, 18) == 1, "RAND_bytes failed")
        return Base64URL.encodeStandard(bytes)
    }

    // MARK: - Non-blocking I/O

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Transfer {
        guard let tls else { return BlockingTransfer.receive(socket, into: buffer) }
        ERR_clear_error()
        let count = SSL_read(tls, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        return count > 0 ? .done(Int(count)) : tlsTransfer(count)
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> Transfer {
        guard let tls else { return BlockingTransfer.send(socket, buffer) }
        ERR_clear_error()
        let count = SSL_write(tls, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        return count > 0 ? .done(Int(count)) : tlsTransfer(count)
    }

    /// Whether TLS has decrypted bytes not read yet: they wait in OpenSSL, not in the socket,
    /// so epoll does not report them.
    var holdsDecryptedBytes: Bool {
        guard let tls else { return false }
        return SSL_pending(tls) > 0
    }

    private func tlsTransfer(_ result: Int32) -> Transfer {
        switch SSL_get_error(tls, result) {
        case SSL_ERROR_WANT_READ: return .wouldBlock(readable: true)
        case SSL_ERROR_WANT_WRITE: return .wouldBlock(readable: false)
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL where errno == 0 || errno == ECONNRESET || errno == EPIPE: return .closed
        default: return .failed("SSL error: \(Self.openSSLError())")
        }
    }

    // MARK: - Blocking helpers for sign-in

    /// Sends all of `bytes` by `deadline` (a CancelRequest, after `connect`).
    func sendAll(_ bytes: [UInt8], deadline: Double) throws(Failure) {
        do throws(BlockingTransfer.Stop) {
            try BlockingTransfer.writeAll(bytes, socket: socket, deadline: deadline) { write($0) }
        } catch {
            throw Self.unreachable(error)
        }
    }

    private func receive(deadline: Double, atMost limit: Int) throws(Failure) -> [UInt8] {
        do throws(BlockingTransfer.Stop) {
            return try BlockingTransfer.read(atMost: limit, socket: socket, deadline: deadline) { read(into: $0) }
        } catch {
            throw Self.unreachable(error)
        }
    }

    private static func unreachable(_ stop: BlockingTransfer.Stop) -> Failure {
        switch stop {
        case .timedOut: .unreachable("timeout expired")
        case .closed: .unreachable("server closed the connection unexpectedly")
        case .failed(let reason): .unreachable(reason)
        }
    }

    /// poll for one event until `deadline`; false when it passed.
    static func waitFor(_ fd: Int32, readable: Bool, deadline: Double) -> Bool {
        while true {
            let remaining = deadline - MonotonicClock.seconds()
            guard remaining > 0 else { return false }
            var entry = pollfd(fd: fd, events: Int16(readable ? POLLIN : POLLOUT), revents: 0)
            let ready = poll(&entry, 1, Int32(min(remaining, 3600) * 1000) + 1)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return false }
        }
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    private static func openSSLError() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return errno != 0 ? String(cString: strerror(errno)) : "unknown error" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
