import CLinux
import PGEntraIdentity
import PGEntraSystem
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `pgentra proxy` (issue 12): a local PostgreSQL endpoint. Each client connection is read up to
/// its StartupMessage on a thread of its own (SSLRequest and GSSENCRequest answered 'N', a
/// CancelRequest passed on to the server), then becomes a new server connection signed in with
/// a valid token (ServerConnection), and from then on one of the relay loops moves its bytes.
/// What the server says during sign-in reaches the client as the server said it; what the proxy
/// itself refuses is told in an ErrorResponse (ProxyRefusal).
///
/// `@unchecked Sendable`: its state is atomics, mutexes and values fixed at start.
package final class ProxyServer: @unchecked Sendable {
    package struct Settings: Sendable {
        package var listen: ListenAddress
        package var target: UpstreamTarget
        var maximumConnections = 100
        /// Seconds a client has to send its StartupMessage (and password).
        var clientTimeout = 30.0
        /// Seconds a server connection may take to be opened and signed in.
        var serverTimeout = 30.0
        /// Seconds open connections get to end after SIGINT or SIGTERM.
        var grace = 30.0
        var verbose = false
        /// The password local clients must give, when set (`--local-password`).
        var localPassword: [UInt8]?

        package init(
            listen: ListenAddress, target: UpstreamTarget, maximumConnections: Int = 100, clientTimeout: Double = 30,
            serverTimeout: Double = 30, grace: Double = 30, verbose: Bool = false, localPassword: [UInt8]? = nil
        ) {
            self.listen = listen
            self.target = target
            self.maximumConnections = maximumConnections
            self.clientTimeout = clientTimeout
            self.serverTimeout = serverTimeout
            self.grace = grace
            self.verbose = verbose
            self.localPassword = localPassword
        }
    }

    let settings: Settings
    private let credentials: ProxyCredentials
    private let tls: TLSClientContext
    private let log: @Sendable (String) -> Void
    private let loops: [RelayLoop]
    private let open = Atomic<Int>(0)
    private let served = Atomic<Int>(0)
    /// Backends this proxy's clients are signed in to: only their cancel requests are passed on.
    private let backends = Mutex<Set<ServerConnection.BackendKey>>([])

    package init(settings: Settings, credentials: ProxyCredentials, tls: TLSClientContext, log: @escaping @Sendable (String) -> Void) {
        self.settings = settings
        self.credentials = credentials
        self.tls = tls
        self.log = log
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        loops = (0..<cores).map { _ in RelayLoop() }
    }

    // MARK: - Running

    /// Accepts clients on `listener` until SIGINT or SIGTERM arrives on `signals` (a signalfd),
    /// closes it (removing a socket file), then gives open connections the grace period.
    /// SIGHUP fetches a fresh token in the background.
    package func run(listener socket: ProxyListener, signals: Int32) {
        let listener = socket.fd
        for loop in loops { DetachedThread.start { loop.run() } }
        var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: signals, events: Int16(POLLIN), revents: 0)]
        accepting: while true {
            if poll(&fds, 2, -1) < 0 { continue }
            if fds[1].revents != 0 {
                switch Self.takeSignal(signals) {
                case SIGHUP:
                    credentials.renewNow()
                    log("pgentra proxy: SIGHUP: fetching a fresh token")
                case SIGINT, SIGTERM:
                    break accepting
                default:
                    break
                }
            }
            if fds[0].revents != 0 { accept(listener) }
        }
        socket.close()
        let waiting = open.load(ordering: .relaxed)
        if waiting > 0 {
            log("pgentra proxy: no longer accepting; waiting up to \(Int(settings.grace)) s for \(waiting) connection\(waiting == 1 ? "" : "s")")
        }
        let deadline = MonotonicClock.seconds() + settings.grace
        while open.load(ordering: .relaxed) > 0 && MonotonicClock.seconds() < deadline {
            // A second SIGINT or SIGTERM ends the wait.
            var entry = pollfd(fd: signals, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 100) > 0, [SIGINT, SIGTERM].contains(Self.takeSignal(signals)) { break }
        }
    }

    private static func takeSignal(_ signals: Int32) -> Int32 {
        var info = signalfd_siginfo()
        guard Glibc.read(signals, &info, MemoryLayout<signalfd_siginfo>.size) == MemoryLayout<signalfd_siginfo>.size else { return 0 }
        return Int32(info.ssi_signo)
    }

    private func accept(_ listener: Int32) {
        let client = pgentra_accept_nonblocking(listener)
        guard client >= 0 else {
            // Out of descriptors: the listener stays readable, so wait rather than spin.
            if errno == EMFILE || errno == ENFILE {
                log("pgentra proxy: out of file descriptors; accepting again in 100 ms")
                usleep(100_000)
            }
            return
        }
        if open.add(1, ordering: .relaxed).newValue > settings.maximumConnections {
            Self.writeAll(client, OutgoingMessage.fatal(.tooManyConnections), deadline: MonotonicClock.seconds() + 1)
            close(client)
            open.subtract(1, ordering: .relaxed)
            log("pgentra proxy: refused a connection: already \(settings.maximumConnections) (--max-connections)")
            return
        }
        // As PostgreSQL sets it on its clients' sockets: a reply written in two pieces must not
        // wait for the client's ACK of the first (a Unix socket ignores it).
        var on: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        let started = DetachedThread.start { [self] in serve(client) }
        if !started {
            close(client)
            open.subtract(1, ordering: .relaxed)
        }
    }

    // MARK: - One client

    /// Reads the client's start, signs in for it and hands the pair to a relay loop; any
    /// failure is told to the client and the connection closed.
    private func serve(_ client: Int32) {
        let number = served.add(1, ordering: .relaxed).newValue
        let started = MonotonicClock.seconds()
        var handedOver = false
        defer {
            if !handedOver {
                close(client)
                open.subtract(1, ordering: .relaxed)
            }
        }
        let deadline = started + settings.clientTimeout
        let version: UInt32
        let parameters: [StartupPacket.Parameter]
        switch readStartup(client, deadline: deadline) {
        case .startup(let asked, let given):
            version = asked
            parameters = given
        case .cancel(let processID, let key):
            forwardCancel(ServerConnection.BackendKey(processID: processID, key: key))
            return
        case .refused(let refusal):
            refuse(client, refusal, number: number)
            return
        case .gone:
            if settings.verbose { log("pgentra proxy: connection \(number): closed before its start-up packet") }
            return
        }
        if let expected = settings.localPassword {
            guard checkLocalPassword(client, expected: expected, deadline: deadline) else {
                refuse(client, .localPasswordFailed, number: number)
                return
            }
        }
        let database = parameters.first { $0.nameText == "database" }?.valueText
        switch signIn(version: version, parameters: parameters) {
        case .failure(let failure):
            switch failure {
            case .refusal(let refusal): refuse(client, refusal, number: number)
            case .server(let response, let reason):
                Self.writeAll(client, response, deadline: MonotonicClock.seconds() + 5)
                if settings.verbose { log("pgentra proxy: connection \(number): the server refused it: \(reason)") }
            }
        case .success(let (server, signedIn, user)):
            if let key = signedIn.backendKey { _ = backends.withLock { $0.insert(key) } }
            let milliseconds = Int((MonotonicClock.seconds() - started) * 1000)
            if settings.verbose {
                log("pgentra proxy: connection \(number): signed in as \(user) to database \(database ?? user) in \(milliseconds) ms")
            }
            let pair = RelayPair(client: client, server: server, pending: signedIn.forwarded) { [self] in
                if let key = signedIn.backendKey { _ = backends.withLock { $0.remove(key) } }
                open.subtract(1, ordering: .relaxed)
                if settings.verbose { log("pgentra proxy: connection \(number): closed") }
            }
            handedOver = true
            loops[number % loops.count].add(pair)
        }
    }

    private enum Start {
        case startup(UInt32, [StartupPacket.Parameter])
        case cancel(processID: UInt32, key: [UInt8])
        case refused(ProxyRefusal)
        case gone
    }

    /// The client's packets up to its StartupMessage: SSLRequest and GSSENCRequest, once each,
    /// are answered 'N' (the proxy is reached on loopback or a Unix socket).
    private func readStartup(_ client: Int32, deadline: Double) -> Start {
        var answeredSSL = false
        var answeredGSS = false
        while true {
            guard let header = Self.readExactly(client, 4, deadline: deadline) else { return .gone }
            let length: Int
            do throws(StartupPacket.Invalid) {
                length = try StartupPacket.length(fromHeader: header)
            } catch {
                return .refused(.protocolViolation(error.description))
            }
            guard let rest = Self.readExactly(client, length - 4, deadline: deadline) else { return .gone }
            let packet: StartupPacket
            do throws(StartupPacket.Invalid) {
                packet = try StartupPacket.parse(header + rest)
            } catch {
                return .refused(.protocolViolation(error.description))
            }
            switch packet {
            case .sslRequest where !answeredSSL, .gssEncryptionRequest where !answeredGSS:
                if case .sslRequest = packet { answeredSSL = true } else { answeredGSS = true }
                guard Self.writeAll(client, [UInt8(ascii: "N")], deadline: deadline) else { return .gone }
            case .sslRequest, .gssEncryptionRequest:
                return .refused(.protocolViolation("unsupported frontend protocol: a second encryption request"))
            case .cancel(let processID, let key):
                return .cancel(processID: processID, key: key)
            case .startup(let version, let parameters):
                return .startup(version, parameters)
            }
        }
    }

    /// `--local-password`: asked for in cleartext, as a server with `password` authentication
    /// asks, and compared in constant time.
    private func checkLocalPassword(_ client: Int32, expected: [UInt8], deadline: Double) -> Bool {
        guard Self.writeAll(client, OutgoingMessage.authenticationCleartextPassword(), deadline: deadline) else { return false }
        var framer = MessageFramer(maximumLength: 1024)
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            do throws(MessageFramer.Invalid) {
                if let message = try framer.next() {
                    guard message.type == UInt8(ascii: "p"), message.body.last == 0 else { return false }
                    let given = Array(message.body.dropLast())
                    var difference = UInt8(given.count == expected.count ? 0 : 1)
                    for index in 0..<min(given.count, expected.count) { difference |= given[index] ^ expected[index] }
                    return difference == 0
                }
            } catch {
                return false
            }
            guard ServerConnection.waitFor(client, readable: true, deadline: deadline) else { return false }
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }; return false }
            framer.append(buffer.prefix(count))
        }
    }

    private enum SignInFailure: Error {
        case refusal(ProxyRefusal)
        /// The server's own ErrorResponse, and why, for the log.
        case server([UInt8], String)
    }

    /// A signed-in server connection: the client's user, else the token's role; a token the
    /// server refuses (it may have been revoked, or the password rotated) is replaced once.
    private func signIn(
        version: UInt32, parameters: [StartupPacket.Parameter]
    ) -> Result<(ServerConnection, ServerConnection.SignedIn, String), SignInFailure> {
        for attempt in 1...2 {
            let current: ProxyCredentials.Current
            do throws(ProxyRefusal) {
                current = try credentials.current()
            } catch {
                return .failure(.refusal(error))
            }
            let given = parameters.first { $0.nameText == "user" }.map(\.value) ?? []
            guard let user = given.isEmpty ? current.role.map({ Array($0.utf8) }) : given else {
                return .failure(.refusal(ProxyRefusal(
                    sqlState: "28000", message: "pgentra proxy: no PostgreSQL role to sign in as",
                    detail: "The client gave no user name, and the token's claims name no role.",
                    hint: RoleResolver.noRoleHint)))
            }
            let deadline = MonotonicClock.seconds() + settings.serverTimeout
            do throws(ServerConnection.Failure) {
                let server = try ServerConnection.connect(to: settings.target, tls: tls, deadline: deadline)
                let signedIn = try server.signIn(
                    version: version, parameters: parameters, user: user, password: Array(current.token.token.utf8),
                    deadline: deadline)
                return .success((server, signedIn, LosslessText.string(decoding: user)))
            } catch {
                switch error {
                case .refused(let state, let message, let response):
                    if state == "28P01" && attempt == 1 {
                        log("pgentra proxy: the server refused the token (\(message)); getting a fresh one")
                        credentials.refused(current.token)
                        continue
                    }
                    return .failure(.server(response, message))
                case .unreachable(let reason):
                    return .failure(.refusal(.serverUnreachable(reason)))
                case .protocolViolation(let reason):
                    return .failure(.refusal(ProxyRefusal(sqlState: "08P01", message: "pgentra proxy: \(reason)")))
                }
            }
        }
        return .failure(.refusal(.serverUnreachable("the server refused two tokens")))
    }

    /// Passes a client's CancelRequest to the server, over TLS as libpq sends it, when the key is
    /// one of this proxy's backends; nothing is answered, as the server answers nothing.
    private func forwardCancel(_ key: ServerConnection.BackendKey) {
        guard backends.withLock({ $0.contains(key) }) else {
            if settings.verbose { log("pgentra proxy: ignored a cancel request for a backend this proxy does not know") }
            return
        }
        let deadline = MonotonicClock.seconds() + settings.serverTimeout
        do throws(ServerConnection.Failure) {
            let server = try ServerConnection.connect(to: settings.target, tls: tls, deadline: deadline)
            try server.sendAll(OutgoingMessage.cancelRequest(processID: key.processID, key: key.key), deadline: deadline)
            // As PQcancel does: the server closes once it has acted on the request, and only
            // then is the client told it was sent (by the close of its own connection), so its
            // next query cannot be the one cancelled.
            var buffer = [UInt8](repeating: 0, count: 256)
            waiting: while true {
                switch buffer.withUnsafeMutableBytes({ server.read(into: $0) }) {
                case .done: continue
                case .wouldBlock(let readable):
                    guard ServerConnection.waitFor(server.socket, readable: readable, deadline: deadline) else { break waiting }
                case .closed, .failed: break waiting
                }
            }
            if settings.verbose { log("pgentra proxy: passed a cancel request on to backend \(key.processID)") }
        } catch {
            log("pgentra proxy: could not pass a cancel request on: \(error)")
        }
    }

    private func refuse(_ client: Int32, _ refusal: ProxyRefusal, number: Int) {
        Self.writeAll(client, OutgoingMessage.fatal(refusal), deadline: MonotonicClock.seconds() + 5)
        if settings.verbose { log("pgentra proxy: connection \(number): refused: \(refusal.message)") }
    }

    // MARK: - Client I/O during start-up

    private static func readExactly(_ fd: Int32, _ count: Int, deadline: Double) -> [UInt8]? {
        try? BlockingTransfer.readExactly(count, socket: fd, deadline: deadline) { BlockingTransfer.receive(fd, into: $0) }
    }

    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], deadline: Double) -> Bool {
        (try? BlockingTransfer.writeAll(bytes, socket: fd, deadline: deadline) { BlockingTransfer.send(fd, $0) }) != nil
    }
}
