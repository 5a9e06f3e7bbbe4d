import PGEntraDatabase
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C in the interactive shell (psql-compat.md §9, psql's cancel.c): while a query runs,
/// SIGINT sends the server a cancel request and prints `Cancel request sent`; while the shell
/// waits for a line (the prompt, COPY data) it ends the wait, which then reports
/// `LineInput.interrupted` (psql longjmps out of readline instead). A signal handler can reach
/// only global state, so this is the one place that keeps some: the connection's PGcancel,
/// made before any signal can use it, and the flag that a read was interrupted. What the handler
/// reads or writes is atomic (lock-free, so safe in a signal handler, as psql's
/// `volatile sig_atomic_t cancel_pressed` is); the rest is changed with SIGINT blocked.
package enum CancelSignal {
    /// The PGcancel's address (an OpaquePointer is not Sendable; its bits are).
    private static let cancel = Atomic<UInt>(0)
    nonisolated(unsafe) private static var cancelOwner: ObjectIdentifier?
    private static let atPrompt = Atomic<Bool>(true)
    private static let interruptedAtPrompt = Atomic<Bool>(false)
    /// psql's cancel_pressed: any Ctrl-C since the last `takeCancelPressed`, wherever it came.
    private static let cancelPressed = Atomic<Bool>(false)
    nonisolated(unsafe) private static let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)

    /// Installs the SIGINT handler (interrupted system calls restart: a running query, an output
    /// write or a pager is never cut short by the signal itself); until the first prompt it
    /// cancels what `track` points at.
    package static func install() {
        // Every global the handler reaches is initialised here, before it can run: a lazy
        // initialiser (swift_once) entered from a signal handler could deadlock.
        _ = errorBuffer
        _ = cancel.load(ordering: .sequentiallyConsistent)
        _ = cancelPressed.load(ordering: .sequentiallyConsistent)
        _ = atPrompt.load(ordering: .sequentiallyConsistent)
        _ = interruptedAtPrompt.load(ordering: .sequentiallyConsistent)
        setAtPrompt(false)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in CancelSignal.interrupted() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        sigaction(SIGINT, &action, nil)
        // A blocked SIGINT (inherited across exec) would never reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Called around every wait for typed input: there Ctrl-C cancels nothing but ends the wait
    /// in `waitAndRead`.
    static func setAtPrompt(_ value: Bool) {
        blocked {
            atPrompt.store(value, ordering: .sequentiallyConsistent)
            interruptedAtPrompt.store(false, ordering: .sequentiallyConsistent)
        }
    }

    /// Whether Ctrl-C was pressed while waiting for input since the last call (and clears it).
    static func takeInterrupt() -> Bool {
        interruptedAtPrompt.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Whether Ctrl-C was pressed anywhere since the last call (and clears it): `\watch` stops
    /// on one that came between two runs, when there was no query to cancel.
    static func takeCancelPressed() -> Bool {
        cancelPressed.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Whether a Ctrl-C at the prompt waits to be taken: a reader serving input it already has
    /// checks this so that a long paste stops at Ctrl-C, not at its end.
    static var interruptIsPending: Bool { interruptedAtPrompt.load(ordering: .sequentiallyConsistent) }

    /// What waiting for typed input gave.
    enum Waited: Equatable {
        /// This many bytes were read into the buffer; 0 at the end of input.
        case read(Int)
        case interrupted
    }

    /// Reads what is available from `fd` into `buffer` while waiting for input. SIGINT is let
    /// through only inside pselect, so a Ctrl-C that comes just before the wait ends it as surely
    /// as one during it (the flag stays for `takeInterrupt`). A read error counts as the end.
    static func waitAndRead(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Waited {
        var set = sigset_t()
        var old = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        var waiting = old
        sigdelset(&waiting, SIGINT)
        while true {
            if interruptedAtPrompt.load(ordering: .sequentiallyConsistent) { return .interrupted }
            var readable = fd_set()
            withUnsafeMutableBytes(of: &readable) { bits in
                bits[Int(fd) / 8] |= UInt8(1) << (UInt8(fd) % 8)
            }
            if pselect(fd + 1, &readable, nil, nil, nil, &waiting) < 0 {
                if errno == EINTR { continue }
                return .read(0)
            }
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return .read(count) }
            if errno != EINTR && errno != EAGAIN { return .read(0) }
        }
    }

    /// Points the handler at `connection`'s cancel key (after a reset or `\c`, a new one).
    package static func track(_ connection: Connection?) {
        let owner = connection.map(ObjectIdentifier.init)
        guard owner != cancelOwner else { return }
        let fresh = connection.flatMap(CancelKey.make)
        var old: OpaquePointer?
        blocked {
            old = OpaquePointer(bitPattern: cancel.exchange(UInt(bitPattern: fresh), ordering: .sequentiallyConsistent))
            cancelOwner = owner
        }
        if let old { CancelKey.free(old) }
    }

    private static func interrupted() {
        cancelPressed.store(true, ordering: .sequentiallyConsistent)
        if atPrompt.load(ordering: .sequentiallyConsistent) {
            interruptedAtPrompt.store(true, ordering: .sequentiallyConsistent)
            return
        }
        guard let cancel = OpaquePointer(bitPattern: cancel.load(ordering: .sequentiallyConsistent)) else { return }
        let saved = errno
        if CancelKey.send(cancel, errorBuffer: errorBuffer, size: 256) {
            write(2, "Cancel request sent\n", 20)
        } else {
            let text = "Could not send cancel request: "
            write(2, text, text.utf8.count)
            write(2, errorBuffer, strlen(errorBuffer))
        }
        errno = saved
    }

    /// Runs `change` with SIGINT blocked, so the handler never sees a half-made change (and a
    /// thread started inside starts with it blocked, leaving Ctrl-C to the main thread).
    static func blocked(_ change: () -> Void) {
        var set = sigset_t()
        var old = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, &old)
        change()
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }
}
