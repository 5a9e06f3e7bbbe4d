#if canImport(Glibc)
import Glibc
#endif

/// A detached POSIX thread running a closure: the proxy's relay loops and its per-connection
/// sign-ins, and the cancel request of a Tab completion query that took too long. Threads
/// inherit the signal mask of the thread that starts them.
package enum DetachedThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts `body` on a new thread, with `signals` blocked in it as well as those blocked in
    /// the caller; false when the system has no thread to give.
    @discardableResult
    package static func start(blocking signals: [Int32] = [], _ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        var set = sigset_t()
        var saved = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        let started = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        guard started == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}
