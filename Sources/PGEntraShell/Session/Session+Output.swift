import PGEntraOutput
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Where query output goes (`\o`, psql's setQFout) and the `\timing` line.
extension Session {
    /// Sends query output to `target`: nil or empty for stdout, `|cmd` for a pipe, else a file
    /// (truncated). On failure the old target stays and the error text is returned.
    func setQueryOutput(_ target: String?) -> String? {
        output.flush()
        let sink: ByteSink
        var handle: QueryOutputHandle?
        var pipe: UnsafeMutablePointer<FILE>?
        if let target, target.hasPrefix("|") {
            Console.flushStandardStreams()
            guard let opened = popen(String(target.dropFirst()), "w") else {
                return "\(target.dropFirst()): \(String(cString: strerror(errno)))"
            }
            sink = ByteSink(.descriptor(fileno(opened)))
            pipe = opened
        } else if let target, !target.isEmpty {
            let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard fd >= 0 else { return "\(target): \(String(cString: strerror(errno)))" }
            sink = ByteSink(.descriptor(fd))
            handle = .file(fd)
        } else {
            sink = standardOutput
            handle = nil
        }
        // The old target is closed first, so it gives SIGPIPE back before the new pipe ignores it.
        closeQueryOutput()
        if let pipe { handle = .pipe(pipe, IgnoredSignal(SIGPIPE)) }
        output = sink
        queryOutputHandle = handle
        return nil
    }

    /// `\g FILE`: runs `body` with the query's rows going to `target`. As psql's SetupGOutput,
    /// the file is opened when rows arrive (`openGOutput`), so a command without rows never
    /// creates it and runs even when it cannot be opened; status lines stay on the query output.
    func withQueryOutput(_ target: String, _ body: () -> Bool) -> Bool {
        gOutput = GOutput(target: target)
        var ok = body()
        if let pending = gOutput {
            if pending.failed {
                // SetResultVariables for a query whose rows could not be written: no SQLSTATE.
                setErrorVariables(sqlState: "", message: "")
                ok = false
            }
            if let (savedOutput, savedHandle) = pending.replaced {
                closeQueryOutput()
                (output, queryOutputHandle) = (savedOutput, savedHandle)
            }
        }
        gOutput = nil
        return ok
    }

    /// Opens `\g`'s file before a query's rows are printed, once; when it cannot be opened the
    /// error is shown and the rows are read and dropped.
    func openGOutput() {
        guard let pending = gOutput, pending.replaced == nil else { return }
        let saved = (output, queryOutputHandle)
        // setQueryOutput closes the current handle: the `\o` target stays open underneath.
        queryOutputHandle = nil
        if let message = setQueryOutput(pending.target) {
            error(message, at: currentLocation)
            (output, queryOutputHandle) = (ByteSink(.discarded), nil)
            gOutput?.failed = true
        }
        gOutput?.replaced = saved
    }

    /// Where command tags and notifications go: the query output, also while `\g FILE` holds
    /// the rows (psql's printQueryFout against its gfile_fout).
    var statusOutput: ByteSink {
        gOutput?.replaced?.0 ?? output
    }

    /// Closes a `\o` file or pipe (waiting for the command), leaving output on stdout.
    package func closeQueryOutput() {
        output.flush()
        guard let handle = queryOutputHandle else { return }
        queryOutputHandle = nil
        output = standardOutput
        if let result = handle.close() { setShellResultVariables(result) }
    }

    /// What psql prints with printf/puts: on stdout whatever `\o` says (messages, listings).
    func printStandard(_ text: String) {
        output.flush()
        standardOutput.write(text)
        standardOutput.flush()
    }

    /// psql's PrintTiming, on stdout whatever `\o` says.
    func printTiming(_ milliseconds: Double) {
        guard timing else { return }
        printStandard(Self.timingLine(milliseconds))
    }

    static func timingLine(_ ms: Double) -> String {
        let base = "Time: " + format("%.3f", ms) + " ms"
        guard ms >= 1000 else { return base + "\n" }
        var seconds = ms / 1000
        var minutes = (seconds / 60).rounded(.down)
        seconds -= 60 * minutes
        if minutes < 60 {
            return base + " (" + format("%02d", Int(minutes)) + ":" + format("%06.3f", seconds) + ")\n"
        }
        var hours = (minutes / 60).rounded(.down)
        minutes -= 60 * hours
        if hours < 24 {
            return base + " (" + format("%02d", Int(hours)) + ":" + format("%02d", Int(minutes)) + ":" + format("%06.3f", seconds) + ")\n"
        }
        let days = (hours / 24).rounded(.down)
        hours -= 24 * days
        return base + " (" + format("%.0f", days) + " d " + format("%02d", Int(hours)) + ":" + format("%02d", Int(minutes)) + ":" + format("%06.3f", seconds) + ")\n"
    }

    static func format(_ pattern: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, pattern, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func format(_ pattern: String, _ value: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([Int32(value)]) { vsnprintf(&buffer, buffer.count, pattern, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Milliseconds on the monotonic clock, for `\timing`.
    static func now() -> Double {
        MonotonicClock.seconds() * 1000
    }
}

/// A file or pipe opened by `\o` (or `\g FILE`).
enum QueryOutputHandle {
    case file(Int32)
    case pipe(UnsafeMutablePointer<FILE>, IgnoredSignal)

    /// Closes it; for a pipe, how the command ended.
    func close() -> ShellResult? {
        switch self {
        case .file(let fd):
            _ = Glibc.close(fd)
            return nil
        case .pipe(let pipe, let sigpipe):
            defer { sigpipe.restore() }
            return ShellResult(waitStatus: pclose(pipe))
        }
    }
}

extension Console {
    /// Before a child process starts writing to the same terminal or file.
    static func flushStandardStreams() {
        fflush(nil)
    }
}
