import CLibedit
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// A `LineEditor` over libedit's readline emulation: editing keys, history recall, and the
/// history file (read at start, written at exit with mode 0600, psql-compat.md §9).
package final class LibeditLineEditor: LineEditor {
    /// The history file; nil keeps history for this run only.
    let historyPath: String?
    /// The plain reader of the same terminal (COPY data): lines it read past the end of the
    /// data (SQL pasted after `\.`) come back to the prompt before anything typed later.
    let plainInput: TerminalInput?
    /// Where `^C` goes when Ctrl-C ends a read (libedit writes the prompt itself).
    let console: Console

    package init(historyPath: String?, plainInput: TerminalInput? = nil, console: Console) {
        self.historyPath = historyPath
        self.plainInput = plainInput
        self.console = console
        // Ctrl-C goes to CancelSignal's handler, not through libedit's own.
        pgentra_rl_set_catch_signals(0)
        // Keys are read by LibeditKeyReader (Ctrl-C-safe); lines go back to UTF-8 in this locale.
        pgentra_rl_set_getc_function(LibeditKeyReader.callback)
        setlocale(LC_CTYPE, "C.UTF-8")
        using_history()
        if let historyPath, Self.isPlainFile(historyPath), access(historyPath, R_OK) == 0 {
            _ = read_history(historyPath)
        }
    }

    /// Turns on Tab completion: `complete` gets the current line up to the cursor, and the
    /// rest of the line after it.
    package func completeWith(_ complete: @escaping (_ before: String, _ after: String) -> Completion) {
        LibeditCompletion.install(complete)
    }

    package func readLine(prompt: String) -> LineInput {
        if let plainInput { LibeditKeyReader.putBack(plainInput.takeBuffered()) }
        guard let line = CLibedit.readline(prompt) else {
            // Ctrl-C made the read fail (CancelSignal); GNU readline, which psql uses, shows `^C`.
            guard CancelSignal.takeInterrupt() else { return .end }
            console.output("^C")
            return .interrupted
        }
        defer { free(line) }
        return .line(LosslessText.string(decoding: UnsafeRawBufferPointer(start: line, count: strlen(line))))
    }

    /// A regular file of this user's, not a link to one.
    private static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_uid == geteuid()
    }

    package func addHistory(_ entry: String) {
        _ = LosslessText.withCString(entry) { add_history($0) }
    }

    package func historyEntries() -> [String]? {
        let base = pgentra_history_base()
        return (0..<max(0, pgentra_history_length())).compactMap { offset in
            history_get(base + offset).flatMap { $0.pointee.line }.map { LosslessText.string(cString: $0) }
        }
    }

    package func saveHistory(limit: Int) {
        guard let historyPath else { return }
        if limit >= 0 { stifle_history(Int32(clamping: limit)) }
        // Created 0600 before anything is written, and kept so if it existed with wider modes.
        // Never through a link or into a FIFO (issue 11): libedit's write_history follows
        // links, so anything but a plain file of one's own is left alone.
        let fd = open(historyPath, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { return }
        var info = stat()
        let plain = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_uid == geteuid()
        close(fd)
        guard plain else { return }
        chmod(historyPath, 0o600)
        _ = write_history(historyPath)
        chmod(historyPath, 0o600)
    }
}
