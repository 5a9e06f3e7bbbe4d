import PGEntraOutput
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// A running pager that output is written into (psql's `PageOutput` / `ClosePager`): the
/// command runs through `sh -c` by popen, and closing waits for the user to leave it.
///
/// While it runs, SIGPIPE is ignored, so a pager quit early turns the remaining writes into
/// failed writes (the sink stops) rather than killing pgentra, and SIGINT is ignored, so Ctrl-C
/// meant for the pager does not end the shell. SIGINT is ignored only after popen has started
/// the child, which therefore keeps Ctrl-C. Both dispositions are put back on close.
final class PagerPipe {
    let sink: ByteSink
    private var file: UnsafeMutablePointer<FILE>?
    private var savedPipeAction = sigaction()
    private var savedInterruptAction = sigaction()

    /// Starts `command`; nil if popen fails, in which case output stays on stdout as in psql.
    static func open(_ command: String) -> PagerPipe? {
        Console.flushStandardStreams()
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var savedPipe = sigaction()
        sigaction(SIGPIPE, &ignore, &savedPipe)
        guard let file = popen(command, "w") else {
            sigaction(SIGPIPE, &savedPipe, nil)
            return nil
        }
        var savedInterrupt = sigaction()
        sigaction(SIGINT, &ignore, &savedInterrupt)
        return PagerPipe(file: file, savedPipe: savedPipe, savedInterrupt: savedInterrupt)
    }

    private init(file: UnsafeMutablePointer<FILE>, savedPipe: sigaction, savedInterrupt: sigaction) {
        self.file = file
        sink = ByteSink(.descriptor(fileno(file)))
        savedPipeAction = savedPipe
        savedInterruptAction = savedInterrupt
    }

    /// Sends what is buffered, waits for the pager to exit, and restores the signals.
    func close() {
        guard let file else { return }
        self.file = nil
        sink.flush()
        pclose(file)
        sigaction(SIGINT, &savedInterruptAction, nil)
        sigaction(SIGPIPE, &savedPipeAction, nil)
    }

    /// A table abandoned midway (a failed FETCH) still lets its pager finish.
    deinit { close() }
}
