import CLibpq
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C in the interactive shell (psql-compat.md §9, psql's cancel.c): while a query runs,
/// SIGINT sends the server a cancel request and prints `Cancel request sent`; at the prompt it
/// leaves the shell alive. A signal handler can reach only global state, so this is the one
/// place that keeps some: the connection's PGcancel, made before any signal can use it.
enum CancelSignal {
    nonisolated(unsafe) private static var cancel: OpaquePointer?
    nonisolated(unsafe) private static var cancelOwner: ObjectIdentifier?
    nonisolated(unsafe) private static var atPrompt = true
    nonisolated(unsafe) private static let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)

    /// Installs the SIGINT handler (BSD semantics: interrupted reads restart).
    static func install() {
        _ = errorBuffer
        blocked { atPrompt = true }
        signal(SIGINT) { _ in CancelSignal.interrupted() }
        // A blocked SIGINT (inherited across exec) would never reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Called around the line editor: at the prompt Ctrl-C cancels nothing.
    static func setAtPrompt(_ value: Bool) {
        blocked { atPrompt = value }
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
        guard !atPrompt, let cancel else { return }
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
