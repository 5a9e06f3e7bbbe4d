#if canImport(Glibc)
import Glibc
#endif

/// What psql's `PageOutput` asks of the terminal before paging: whether stdin and stdout are
/// terminals, and stdout's size. Probed afresh for each result (the window may have been
/// resized); a value so the paging decision can be tested without one.
struct Terminal: Equatable {
    var stdinIsTerminal: Bool
    var stdoutIsTerminal: Bool
    /// stdout's window size from TIOCGWINSZ; nil when the ioctl fails.
    var rows: Int?
    var columns: Int?

    static func current() -> Terminal {
        var size = winsize()
        let known = ioctl(1, UInt(TIOCGWINSZ), &size) != -1
        return Terminal(
            stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1,
            rows: known ? Int(size.ws_row) : nil, columns: known ? Int(size.ws_col) : nil)
    }
}
