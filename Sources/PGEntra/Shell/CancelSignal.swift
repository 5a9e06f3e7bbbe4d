import CLibpq
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C in the interactive shell (psql-compat.md §9, psql's cancel.c): while a query runs,
/// SIGINT sends the server a cancel request and prints `Cancel request sent`; while the shell
/// waits for a line (the prompt, COPY data) it interrupts the read, which then reports
/// `LineInput.interrupted` (psql longjmps out of readline instead). A signal handler can reach
/// only global state, so this is the one place that keeps some: the connection's PGcancel,
/// made before any signal can use it, and the flag that a read was interrupted.
enum CancelSignal {
    nonisolated(unsafe) private static var cancel: OpaquePointer?
    nonisolated(unsafe) private static var cancelOwner: ObjectIdentifier?
    nonisolated(unsafe) private static var atPrompt = true
    nonisolated(unsafe) private static var interruptedAtPrompt = false
    nonisolated(unsafe) private static let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)

    /// Installs the SIGINT handler; until the first prompt it cancels what `track` points at.
    static func install() {
        _ = errorBuffer
        setAtPrompt(false)
        // A blocked SIGINT (inherited across exec) would never reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Called around every wait for typed input: there Ctrl-C cancels nothing but makes the
    /// blocked read fail with EINTR (no SA_RESTART); elsewhere interrupted system calls restart,
    /// so a running query, an output write or a pager is never cut short by the signal itself.
    static func setAtPrompt(_ value: Bool) {
        blocked {
            atPrompt = value
            interruptedAtPrompt = false
        }
        setHandler(restartingReads: !value)
    }

    /// Whether Ctrl-C was pressed while waiting for input since the last call (and clears it).
    static func takeInterrupt() -> Bool {
        var taken = false
        blocked {
            taken = interruptedAtPrompt
            interruptedAtPrompt = false
        }
        return taken
    }

    /// One byte from `fd` while waiting for input, or nil at its end or once Ctrl-C was pressed
    /// (the flag stays for `takeInterrupt`). SIGINT is let through only inside pselect, so a Ctrl-C
    /// that comes just before the wait ends it as surely as one during it.
    static func readByte(_ fd: Int32) -> UInt8? {
        var set = sigset_t()
        var old = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        var waiting = old
        sigdelset(&waiting, SIGINT)
        while true {
            if interruptedAtPrompt { return nil }
            var readable = fd_set()
            withUnsafeMutableBytes(of: &readable) { bits in
                bits[Int(fd) / 8] |= UInt8(1) << (UInt8(fd) % 8)
            }
            if pselect(fd + 1, &readable, nil, nil, nil, &waiting) < 0 {
                if errno == EINTR { continue }
                return nil
            }
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return nil
        }
    }

    private static func setHandler(restartingReads: Bool) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in CancelSignal.interrupted() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = restartingReads ? Int32(SA_RESTART) : 0
        sigaction(SIGINT, &action, nil)
    }

    /// Points the handler at `connection`'s cancel key (after a reset or `\c`, a new one).
    static func track(_ connection: Connection?) {
        let owner = connection.map(ObjectIdentifier.init)
        guard owner != cancelOwner else { return }
        let fresh = connection.flatMap { PQgetCancel($0.handle) }
        var old: OpaquePointer?
        blocked {
            old = cancel
            cancel = fresh
            cancelOwner = owner
        }
        if let old { PQfreeCancel(old) }
    }

    private static func interrupted() {
        if atPrompt {
            interruptedAtPrompt = true
            return
        }
        guard let cancel else { return }
        let saved = errno
        if PQcancel(cancel, errorBuffer, 256) == 1 {
            write(2, "Cancel request sent\n", 20)
        } else {
            let text = "Could not send cancel request: "
            write(2, text, text.utf8.count)
            write(2, errorBuffer, strlen(errorBuffer))
        }
        errno = saved
    }

    /// Runs `change` with SIGINT blocked, so the handler never sees a half-made change.
    private static func blocked(_ change: () -> Void) {
        var set = sigset_t()
        var old = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, &old)
        change()
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }
}
