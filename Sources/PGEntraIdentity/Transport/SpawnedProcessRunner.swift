import PGEntraSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// posix_spawn with stdin from /dev/null, stdout and stderr captured, and a deadline after
/// which the child's whole process group is killed (az is a shell script that starts Python).
package struct SpawnedProcessRunner: ProcessRunner {
    /// The most either stream may hold (issue 11): a CLI's token answer is a few KiB.
    static let outputLimit = 1 << 20

    package init() {}

    package func run(_ invocation: ProcessInvocation) throws(ProcessError) -> ProcessOutput {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        // Close-on-exec from the start: a process started meanwhile from another thread (or a
        // daemon the child leaves behind, as `pg_ctl start` does) must not inherit the write
        // ends, or the reads below would wait for its end instead of this child's. Swift's Glibc
        // lacks pipe2, so these are socket pairs, which socketpair makes close-on-exec atomically.
        let kind = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, kind, 0, &outPipe) == 0 else {
            throw .couldNotStart(String(cString: strerror(errno)))
        }
        guard socketpair(AF_UNIX, kind, 0, &errPipe) == 0 else {
            let reason = String(cString: strerror(errno))
            outPipe.forEach { close($0) }
            throw .couldNotStart(reason)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The tool starts with no signal blocked and default dispositions, whatever the caller
        // holds: the proxy blocks SIGINT, SIGTERM and SIGHUP for its signalfd and ignores SIGPIPE.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        // Swift's Glibc module does not expose posix_spawn_file_actions_addchdir_np, so a
        // working directory is entered by a tiny sh that then execs the program.
        var argv = [invocation.executable] + invocation.arguments
        var path = invocation.executable
        if let directory = invocation.workingDirectory {
            argv = ["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", directory] + argv
            path = "/bin/sh"
        }
        let envp = invocation.environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = CStringArray.withArray(argv, lossless: false) { argvPointers in
            CStringArray.withArray(envp, lossless: false) { envPointers in
                posix_spawn(&pid, path, &actions, &attributes, argvPointers, envPointers)
            }
        }
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw .couldNotStart(String(cString: strerror(status)))
        }

        let deadline = MonotonicClock.seconds() + invocation.timeout
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        var timedOut = false
        var flooded = false
        var buffer = [UInt8](repeating: 0, count: 16384)
        reading: while !open.isEmpty {
            let remaining = deadline - MonotonicClock.seconds()
            if remaining <= 0 {
                timedOut = true
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                // Nothing more can be read: the child is waited for below, to the same deadline.
                break
            }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == outPipe[0] {
                        output.append(contentsOf: buffer[0..<count])
                    } else {
                        errors.append(contentsOf: buffer[0..<count])
                    }
                    // What the tools print is a few KiB; more is refused before it costs memory.
                    if output.count > Self.outputLimit || errors.count > Self.outputLimit {
                        flooded = true
                        break reading
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        for fd in open { close(fd) }
        if timedOut || flooded { kill(-pid, SIGKILL) }
        guard let waitStatus = reap(pid, deadline: deadline, killed: timedOut || flooded) else {
            throw .timedOut(seconds: invocation.timeout)
        }
        if timedOut { throw .timedOut(seconds: invocation.timeout) }
        if flooded { throw .outputTooLarge(limit: Self.outputLimit) }
        let exitStatus: Int32 = (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
        return ProcessOutput(
            exitStatus: exitStatus,
            standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errors, as: UTF8.self))
    }

    /// waitpid with a deadline (issue 11): a child that closed its output can still be running
    /// (or hung), and is killed with its group when `deadline` passes. After a SIGKILL the wait
    /// is bounded too, since a process stuck in the kernel may not die at once; nil when the
    /// deadline passed or no status could be had (such a child stays unreaped).
    private func reap(_ pid: pid_t, deadline: Double, killed alreadyKilled: Bool) -> Int32? {
        var killed = alreadyKilled
        var giveUp = killed ? MonotonicClock.seconds() + Self.reapAfterKill : Double.infinity
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return killed && !alreadyKilled ? nil : status }
            if reaped < 0 && errno != EINTR { return nil }
            let now = MonotonicClock.seconds()
            if !killed && now >= deadline {
                kill(-pid, SIGKILL)
                killed = true
                giveUp = now + Self.reapAfterKill
            } else if killed && now >= giveUp {
                return nil
            }
            usleep(2_000)
        }
    }

    /// How long a killed child may take to be reaped.
    static let reapAfterKill = 5.0

}
