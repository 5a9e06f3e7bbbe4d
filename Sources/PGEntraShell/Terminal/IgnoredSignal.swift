#if canImport(Glibc)
import Glibc
#endif

/// A signal ignored for a while, then given back its old disposition (psql's
/// disable_sigpipe_trap / restore_sigpipe_trap). While pgentra writes into a command's pipe
/// (`\o |cmd`, `\g |cmd`, `\w |cmd`, `\copy ... TO PROGRAM`), SIGPIPE is ignored: a command that
/// exits without reading makes the writes fail instead of killing pgentra.
struct IgnoredSignal {
    private let signal: Int32
    private var saved = sigaction()

    init(_ signal: Int32) {
        self.signal = signal
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(signal, &ignore, &saved)
    }

    /// Gives the signal its disposition from before.
    func restore() {
        var saved = saved
        sigaction(signal, &saved, nil)
    }
}
