import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `\watch [i[nterval]=SEC] [c[ount]=TIMES] [m[in_rows]=ROWS] [SEC]` (psql 18's
/// exec_command_watch and do_watch): run the query buffer, or the previous query, every SEC
/// seconds under a title naming the time, until Ctrl-C, an error, the count of runs, or a run
/// with fewer than ROWS rows.
extension MetaCommands {
    func watch(_ arguments: inout ArgumentReader, buffer: inout String, at location: ScriptLocation?) -> Outcome {
        if let refused = refusedInPipeline("watch", at: location) {
            // psql still resets the buffer as for \r.
            buffer = ""
            arguments.scanner.reset()
            return refused
        }
        var texts: [String] = []
        while let argument = arguments.next() { texts.append(argument.text) }
        let query = singleCommand ? "" : buffer.isEmpty ? session.previousQuery ?? "" : buffer
        // psql resets the buffer as for \r whether or not the arguments were good.
        buffer = ""
        arguments.scanner.reset()
        let options: WatchOptions
        do throws(WatchOptions.Problem) {
            options = try WatchOptions.parse(texts, interval: session.variables.double("WATCH_INTERVAL"))
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
        guard !query.isEmpty else {
            session.error("\\watch cannot be used with an empty query", at: location)
            return .failed
        }
        let saved = (options: session.printOptions, previous: session.previousQuery)
        session.watching = true
        defer {
            (session.printOptions, session.previousQuery) = (saved.options, saved.previous)
            session.watching = false
        }
        // psql turns the pager off for \watch (unless PSQL_WATCH_PAGER, which pgentra lacks).
        session.printOptions.pager = .off
        let interval = options.interval
        let every = " (every " + Session.format("%g", interval) + "s)\n"
        var deadline = MonotonicClock.seconds()
        var succeeded = true
        var runsLeft = options.count
        _ = CancelSignal.takeCancelPressed()
        while true {
            session.printOptions.title = (saved.options.title.map { $0 + "\t" } ?? "") + Self.localTime() + every
            guard session.run(query, at: location) else {
                succeeded = false
                break
            }
            // psql's PSQLexecWatch: a result shorter than min_rows is shown, then ends the watch.
            if options.minRows > 0 && session.lastRowCount < options.minRows { break }
            if runsLeft > 0 {
                runsLeft -= 1
                if runsLeft == 0 { break }
            }
            // A Ctrl-C between the query's end and the wait below reached the handler, not the wait.
            if CancelSignal.takeCancelPressed() { break }
            deadline += interval
            if Self.interruptedWhileWaiting(until: deadline) { break }
            deadline = max(deadline, MonotonicClock.seconds())
        }
        // psql's newline for the prompt after a `^C` the terminal echoed.
        session.printStandard("\n")
        return succeeded ? .ok : .failed
    }

    /// `Sun Nov 29 09:55:54 2026`: strftime's `%c`, as psql uses (pgentra keeps the C locale).
    static func localTime() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 128)
        let count = strftime(&buffer, buffer.count, "%c", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Waits with SIGINT blocked and taken by sigtimedwait, as psql's sigwait loop does, so
    /// Ctrl-C between runs ends the watch without a cancel request. True when it came.
    private static func interruptedWhileWaiting(until deadline: Double) -> Bool {
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        var old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &interrupt, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        while true {
            let remaining = deadline - MonotonicClock.seconds()
            if remaining <= 0 { return false }
            var timeout = timespec(tv_sec: Int(remaining), tv_nsec: Int((remaining - remaining.rounded(.down)) * 1e9))
            if sigtimedwait(&interrupt, nil, &timeout) == SIGINT { return true }
        }
    }
}
