/// Runs a helper program (az, azd) to completion: the seam the CLI credentials are tested through.
package protocol ProcessRunner: Sendable {
    func run(_ invocation: ProcessInvocation) throws(ProcessError) -> ProcessOutput
}

package struct ProcessInvocation: Sendable, Equatable {
    /// An absolute path: the caller searched PATH, so "not installed" is its own clear error.
    package var executable: String
    /// argv after argv[0]. Never holds a secret: other users can read it from /proc.
    package var arguments: [String]
    package var environment: [String: String]
    var workingDirectory: String?
    /// Seconds before the process group is killed.
    var timeout: Double

    package init(
        executable: String, arguments: [String], environment: [String: String],
        workingDirectory: String? = nil, timeout: Double
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
    }
}

package struct ProcessOutput: Sendable, Equatable {
    package var exitStatus: Int32
    package var standardOutput: String
    package var standardError: String

    package init(exitStatus: Int32, standardOutput: String, standardError: String) {
        self.exitStatus = exitStatus
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

package enum ProcessError: Error, Equatable, Sendable, CustomStringConvertible {
    case couldNotStart(String)
    case timedOut(seconds: Double)
    /// stdout or stderr passed `limit` bytes; the program was killed.
    case outputTooLarge(limit: Int)

    package var description: String {
        switch self {
        case .couldNotStart(let detail): "could not start: \(detail)"
        case .timedOut(let seconds): "did not finish within \(Int(seconds)) seconds"
        case .outputTooLarge(let limit): "wrote more than \(limit / 1024) KiB"
        }
    }
}
