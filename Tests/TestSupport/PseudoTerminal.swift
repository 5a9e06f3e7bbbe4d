import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a pseudo-terminal (forkpty), as a user at a terminal would: the test
/// types with `send` and waits for text with `expect`, every read bounded by a deadline.
package final class PseudoTerminal: @unchecked Sendable {
    package let pid: pid_t
    private let primary: Int32
    private var received: [UInt8] = []
    /// Where the last `expect` stopped: later expectations look only past it.
    private var cursor = 0
    private var exitStatus: Int32?

    package struct StartError: Error, CustomStringConvertible {
        package let description: String
    }

    /// Starts `executable` with exactly `environment` on a new terminal of `columns` × `rows`,
    /// in `workingDirectory` (else the test's own): relative file names typed at it, such as
    /// psql's filename completion of `tab_comp_dir/some`, resolve there.
    package init(_ executable: String, _ arguments: [String], environment: [String: String],
                columns: UInt16 = 200, rows: UInt16 = 50, workingDirectory: String? = nil) throws {
        // Everything the child touches is allocated before fork.
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let directory = workingDirectory.flatMap { strdup($0) }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            free(directory)
        }
        guard let path = argv[0] else { throw StartError(description: "out of memory") }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var descriptor: Int32 = -1
        let child = forkpty(&descriptor, nil, nil, &size)
        if child == 0 {
            // The test runner's threads may block signals; a terminal's program starts with none.
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
            if let directory, chdir(directory) != 0 { _exit(126) }
            execve(path, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw StartError(description: "forkpty: \(String(cString: strerror(errno)))") }
        pid = child
        primary = descriptor
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(primary)
    }

    /// Everything the program wrote so far.
    package var transcript: String { String(decoding: received, as: UTF8.self) }

    /// Types `text` (use "\r" or "\n" for Enter, "\u{4}" for Ctrl-D), first waiting up to a
    /// second for the program to read key by key. libedit draws its prompt and only then leaves
    /// canonical mode, so on a loaded machine keys sent the moment the prompt shows would be
    /// taken by the kernel's line discipline (echoed twice, a Ctrl-D lost). Where the program
    /// reads whole lines on purpose (COPY data, a password) the wait just runs out.
    package func send(_ text: String) {
        _ = waitForKeyByKeyInput(timeout: 1)
        send(bytes: Array(text.utf8))
    }

    /// Ctrl-C at once, for a program that is busy (a running query, `\watch`, a pager), where
    /// waiting for the editor would only delay it.
    package func interrupt() {
        send(bytes: [3])
    }

    /// Types raw bytes (binary garbage, a pasted megabyte). What the program echoes meanwhile is
    /// read as it comes, so a long paste cannot stall on a full terminal buffer in either direction.
    package func send(bytes: [UInt8]) {
        var bytes = bytes[...]
        while !bytes.isEmpty {
            var poller = pollfd(fd: primary, events: Int16(POLLIN | POLLOUT), revents: 0)
            guard poll(&poller, 1, 1000) >= 0 || errno == EINTR else { return }
            if poller.revents & Int16(POLLIN) != 0 {
                _ = readSome(timeout: 0)
            }
            guard poller.revents & Int16(POLLOUT) != 0 else {
                if poller.revents & Int16(POLLHUP | POLLERR) != 0 { return }
                continue
            }
            let written = bytes.prefix(4096).withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Types Ctrl-D until `answer` appears (up to five times, three seconds each): one that
    /// still lands in canonical mode is taken by the line discipline, and a person types it again.
    package func sendEndOfInput(until answer: String) -> String? {
        for _ in 0..<5 {
            send("\u{4}")
            if let output = expect(answer, timeout: 3) { return output }
        }
        return nil
    }

    /// Waits up to `timeout` seconds for `text` after the previous match; returns the output
    /// from there up to and including `text`, or nil on timeout or end of output.
    @discardableResult
    package func expect(_ text: String, timeout: Double = 20) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        let needle = Array(text.utf8)
        // Only new output can complete a match: a long transcript is searched once, not per read.
        var searchFrom = cursor
        while true {
            if let range = find(needle, from: searchFrom) {
                let output = String(decoding: received[cursor..<range], as: UTF8.self)
                cursor = range
                return output
            }
            searchFrom = max(cursor, received.count - needle.count + 1)
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, readSome(timeout: remaining) else { return nil }
        }
    }

    /// How many bytes the program has written so far: a mark for `output(after:timeout:until:)`.
    package var mark: Int { received.count }

    /// Waits up to `timeout` seconds until what the program wrote after `mark` satisfies
    /// `isComplete`; returns that output and whether it did. Unlike `expect`, it neither looks
    /// before `mark` nor moves the cursor: a check that waits for a pattern in the output of the
    /// keys it sent (psql's 010_tab_completion.pl, whose `$out` starts empty each time) cannot be
    /// satisfied by what an earlier check left on the screen.
    package func output(after mark: Int, timeout: Double, until isComplete: (String) -> Bool) -> (text: String, complete: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = String(decoding: received[min(mark, received.count)...], as: UTF8.self)
            if isComplete(text) { return (text, true) }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, readSome(timeout: remaining) else { return (text, false) }
        }
    }

    /// Waits until the program reads key by key (canonical mode off), as a line editor does
    /// once it is ready for typing. libedit draws its prompt before it leaves canonical mode, so
    /// keys sent in between are echoed twice (by the terminal and by the editor): tests that
    /// compare what follows a typed line wait for this first. False on timeout.
    package func waitForKeyByKeyInput(timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var settings = termios()
        // On Linux the primary side reports the secondary's settings.
        while tcgetattr(primary, &settings) == 0 {
            if settings.c_lflag & tcflag_t(ICANON) == 0 { return true }
            guard deadline.timeIntervalSinceNow > 0 else { return false }
            _ = readSome(timeout: 0.01)
        }
        return false
    }

    /// Waits for the program to exit, reading its output meanwhile; nil on timeout.
    package func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                let exited = status & 0x7f == 0
                exitStatus = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                while readSome(timeout: 0.05) {}
                break
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            if !readSome(timeout: min(remaining, 0.1)) { usleep(20_000) }
        }
        return exitStatus
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, received.count - start >= needle.count else { return nil }
        var index = start
        while index + needle.count <= received.count {
            if received[index] == needle[0] && Array(received[index..<index + needle.count]) == needle {
                return index + needle.count
            }
            index += 1
        }
        return nil
    }

    /// Reads what is available within `timeout`; false when nothing came (or the terminal closed).
    private func readSome(timeout: Double) -> Bool {
        var poller = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(max(0, timeout * 1000)))
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(primary, &chunk, chunk.count)
        guard count > 0 else {
            // EIO: the program closed its side; do not spin.
            usleep(20_000)
            return false
        }
        received += chunk[0..<count]
        return true
    }
}
