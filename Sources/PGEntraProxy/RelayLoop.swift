import CLinux
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A signed-in client and its server connection, relayed by one RelayLoop.
///
/// `@unchecked Sendable`: made on a sign-in thread and handed to one loop, whose thread alone
/// touches it afterwards.
final class RelayPair: @unchecked Sendable {
    let client: Int32
    let server: ServerConnection
    /// Called once, on the loop's thread, when the pair is closed.
    let onClose: @Sendable () -> Void
    var toServer = RelayBuffer()
    var toClient = RelayBuffer()
    var clientClosed = false
    var serverClosed = false
    /// TLS must see the socket writable before a read can go on, or readable before a write.
    var serverReadWaitsForWritable = false
    var serverWriteWaitsForReadable = false
    var registeredClientEvents: UInt32 = 0
    var registeredServerEvents: UInt32 = 0
    /// Whether each socket is still in the loop's epoll set.
    var clientWatched = true
    var serverWatched = true

    /// `pending` is what the server sent during sign-in that the client has not seen yet.
    init(client: Int32, server: ServerConnection, pending: [UInt8], onClose: @escaping @Sendable () -> Void) {
        self.client = client
        self.server = server
        self.onClose = onClose
        toClient.append(pending)
    }
}

/// Moves bytes between signed-in clients and their servers (issue 12): an epoll loop on its
/// own thread, level-triggered, each pair owned by one loop. A direction runs when its source
/// is readable or its destination writable (TLS may swap the two), reads until the buffer is
/// full or the source would block, and writes until the destination would block; a full
/// buffer stops reading its source until the other side has taken bytes.
///
/// `@unchecked Sendable`: `add` is the only entry from other threads (a Mutex and an eventfd);
/// everything else runs on the loop's thread.
final class RelayLoop: @unchecked Sendable {
    private let epoll: Int32
    private let wakeup: Int32
    private let incoming = Mutex<[RelayPair]>([])
    private var pairs: [Int32: RelayPair] = [:]

    init() {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeup = eventfd(0, Int32(EFD_CLOEXEC) | Int32(EFD_NONBLOCK))
        precondition(epoll >= 0 && wakeup >= 0, "epoll_create1 or eventfd failed")
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(fd: wakeup))
        epoll_ctl(epoll, EPOLL_CTL_ADD, wakeup, &event)
    }

    /// Hands a pair to the loop, from any thread.
    func add(_ pair: RelayPair) {
        incoming.withLock { $0.append(pair) }
        var one: UInt64 = 1
        _ = Glibc.write(wakeup, &one, 8)
    }

    /// Runs forever on the calling thread.
    func run() -> Never {
        var events = [epoll_event](repeating: epoll_event(), count: 128)
        while true {
            let ready = epoll_wait(epoll, &events, Int32(events.count), -1)
            if ready < 0 { continue }
            for index in 0..<Int(ready) {
                let fd = events[index].data.fd
                if fd == wakeup {
                    admitIncoming()
                } else if let pair = pairs[fd] {
                    service(pair, fd: fd, events: events[index].events)
                }
            }
        }
    }

    private func admitIncoming() {
        var count: UInt64 = 0
        _ = Glibc.read(wakeup, &count, 8)
        let admitted = incoming.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        for pair in admitted {
            pairs[pair.client] = pair
            pairs[pair.server.socket] = pair
            var event = epoll_event(events: 0, data: epoll_data_t(fd: pair.client))
            epoll_ctl(epoll, EPOLL_CTL_ADD, pair.client, &event)
            event.data.fd = pair.server.socket
            epoll_ctl(epoll, EPOLL_CTL_ADD, pair.server.socket, &event)
            // Sign-in may have left bytes for the client, and TLS may hold more already read.
            serviceBoth(pair)
        }
    }

    private func service(_ pair: RelayPair, fd: Int32, events: UInt32) {
        let readable = events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
        let writable = events & EPOLLOUT.rawValue != 0
        var upstream = false
        var downstream = false
        if fd == pair.client {
            upstream = readable
            downstream = writable
            // A client gone while its buffer is full would report HUP for ever.
            if events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 && !pair.toServer.hasRoom { pair.clientClosed = true }
        } else {
            downstream = readable || (writable && pair.serverReadWaitsForWritable)
            upstream = writable || (readable && pair.serverWriteWaitsForReadable)
            if events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 && !pair.toClient.hasRoom { pair.serverClosed = true }
        }
        if upstream { clientToServer(pair) }
        if downstream { serverToClient(pair) }
        settle(pair)
    }

    private func serviceBoth(_ pair: RelayPair) {
        clientToServer(pair)
        serverToClient(pair)
        settle(pair)
    }

    /// Client bytes to the server. Writes go on until the server would block; reads go on
    /// until the client would block or the buffer is full, even while the server is blocked,
    /// so that epoll stops reporting a readable client only when the buffer is full (a source
    /// left readable would wake the loop for nothing). A read that did not fill the room took
    /// all the socket had: the next read would only say EAGAIN, so it is left to epoll, which
    /// saves a system call per message.
    private func clientToServer(_ pair: RelayPair) {
        var drained = false
        var serverBlocked = false
        while true {
            if !pair.toServer.isEmpty && !pair.serverClosed && !serverBlocked {
                var transfer = ServerConnection.Transfer.done(0)
                let written = pair.toServer.drain { bytes in
                    transfer = pair.server.write(bytes)
                    if case .done(let count) = transfer { return count }
                    return 0
                }
                pair.serverWriteWaitsForReadable = false
                switch transfer {
                case .done:
                    if written == 0 { serverBlocked = true }
                    if !pair.toServer.isEmpty && !serverBlocked { continue }
                case .wouldBlock(let readable):
                    pair.serverWriteWaitsForReadable = readable
                    serverBlocked = true
                case .closed, .failed:
                    pair.serverClosed = true
                    return
                }
            }
            guard !drained, !pair.clientClosed, pair.toServer.hasRoom else { return }
            var failed = false
            let read = pair.toServer.fill { room in
                let count = recv(pair.client, room.baseAddress, room.count, 0)
                if count < 0 { failed = errno != EAGAIN && errno != EINTR }
                drained = count < room.count
                return count
            }
            if read == 0 || failed {
                pair.clientClosed = true
                return
            }
            if read < 0 { return }
        }
    }

    /// Server bytes to the client, by the same rules; a short read ends the reading unless TLS
    /// still holds decrypted bytes, which epoll cannot see.
    private func serverToClient(_ pair: RelayPair) {
        var drained = false
        var clientBlocked = false
        while true {
            if !pair.toClient.isEmpty && !pair.clientClosed && !clientBlocked {
                var failed = false
                pair.toClient.drain { bytes in
                    // MSG_NOSIGNAL: a client gone away is a closed pair, never a SIGPIPE.
                    let count = send(pair.client, bytes.baseAddress, bytes.count, pgentra_MSG_NOSIGNAL)
                    if count < 0 { failed = errno != EAGAIN && errno != EINTR }
                    return max(count, 0)
                }
                if failed {
                    pair.clientClosed = true
                    return
                }
                clientBlocked = !pair.toClient.isEmpty
            }
            guard !drained, !pair.serverClosed, pair.toClient.hasRoom else { return }
            var transfer = ServerConnection.Transfer.done(0)
            pair.toClient.fill { room in
                transfer = pair.server.read(into: room)
                if case .done(let count) = transfer {
                    drained = count < room.count && !pair.server.holdsDecryptedBytes
                    return count
                }
                return 0
            }
            pair.serverReadWaitsForWritable = false
            switch transfer {
            case .done: continue
            case .wouldBlock(let readable):
                pair.serverReadWaitsForWritable = !readable
                return
            case .closed, .failed:
                pair.serverClosed = true
                return
            }
        }
    }

    /// Closes a finished pair, or asks epoll for what it now waits on.
    private func settle(_ pair: RelayPair) {
        let clientDone = pair.clientClosed && (pair.toServer.isEmpty || pair.serverClosed)
        let serverDone = pair.serverClosed && (pair.toClient.isEmpty || pair.clientClosed)
        if clientDone || serverDone {
            close(pair)
            return
        }
        // A closed side leaves epoll: a hung-up socket reports EPOLLHUP whatever it is asked
        // for, and would wake the loop for nothing until the other side has taken its bytes.
        if pair.clientClosed && pair.clientWatched {
            epoll_ctl(epoll, EPOLL_CTL_DEL, pair.client, nil)
            pair.clientWatched = false
        }
        if pair.serverClosed && pair.serverWatched {
            epoll_ctl(epoll, EPOLL_CTL_DEL, pair.server.socket, nil)
            pair.serverWatched = false
        }
        var clientEvents: UInt32 = 0
        if !pair.clientClosed && pair.toServer.hasRoom { clientEvents |= EPOLLIN.rawValue }
        if !pair.clientClosed && !pair.toClient.isEmpty { clientEvents |= EPOLLOUT.rawValue }
        var serverEvents: UInt32 = 0
        if (!pair.serverClosed && pair.toClient.hasRoom) || pair.serverWriteWaitsForReadable { serverEvents |= EPOLLIN.rawValue }
        if (!pair.serverClosed && !pair.toServer.isEmpty) || pair.serverReadWaitsForWritable { serverEvents |= EPOLLOUT.rawValue }
        if pair.clientWatched && clientEvents != pair.registeredClientEvents {
            var event = epoll_event(events: clientEvents, data: epoll_data_t(fd: pair.client))
            epoll_ctl(epoll, EPOLL_CTL_MOD, pair.client, &event)
            pair.registeredClientEvents = clientEvents
        }
        if pair.serverWatched && serverEvents != pair.registeredServerEvents {
            var event = epoll_event(events: serverEvents, data: epoll_data_t(fd: pair.server.socket))
            epoll_ctl(epoll, EPOLL_CTL_MOD, pair.server.socket, &event)
            pair.registeredServerEvents = serverEvents
        }
    }

    private func close(_ pair: RelayPair) {
        if pair.clientWatched { epoll_ctl(epoll, EPOLL_CTL_DEL, pair.client, nil) }
        if pair.serverWatched { epoll_ctl(epoll, EPOLL_CTL_DEL, pair.server.socket, nil) }
        pairs[pair.client] = nil
        pairs[pair.server.socket] = nil
        Glibc.close(pair.client)
        // The server connection's socket closes when the last reference goes, just below.
        pair.onClose()
    }
}
