#if canImport(Glibc)
import Glibc
#endif

/// How a shell command ended, from its wait status (what system() and pclose() return), as psql
/// reads it for SHELL_ERROR and SHELL_EXIT_CODE and its messages (wait_error.c's
/// wait_result_to_exit_code and wait_result_to_str).
struct ShellResult: Equatable {
    let waitStatus: Int32

    private var terminationSignal: Int32 { waitStatus & 0x7f }
    private var exited: Bool { terminationSignal == 0 }
    /// WIFSIGNALED: neither exited nor stopped (0x7f), and not system()'s -1.
    private var signaled: Bool { waitStatus != -1 && terminationSignal != 0 && terminationSignal != 0x7f }

    /// The exit code in shell terms: the status, 128 + the signal, or -1.
    var exitCode: Int32 {
        if exited { return (waitStatus >> 8) & 0xff }
        if signaled { return 128 + terminationSignal }
        return -1
    }

    /// psql's wording for a command that did not succeed; nil when it did.
    var failure: String? {
        guard waitStatus != 0 else { return nil }
        if exited { return "child process exited with exit code \(exitCode)" }
        if signaled {
            let name = strsignal(terminationSignal).map { String(cString: $0) } ?? "unrecognized signal"
            return "child process was terminated by signal \(terminationSignal): \(name)"
        }
        return "child process exited with unrecognized status \(waitStatus)"
    }
}

extension Session {
    /// psql's SetShellResultVariables, after `\!`, a backquoted command, and a `\o`, `\g`, `\w`
    /// or `\copy` pipe is closed.
    func setShellResultVariables(_ result: ShellResult) {
        try? variables.set("SHELL_ERROR", result.waitStatus == 0 ? "false" : "true")
        try? variables.set("SHELL_EXIT_CODE", String(result.exitCode))
    }
}
