/// Runs a helper program (az, azd) to completion: the seam the CLI credentials are tested through.
public protocol ProcessRunner: Sendable {
    func run(_ invocation: ProcessInvocation) throws(ProcessError) -> ProcessOutput
}

public struct ProcessInvocation: Sendable, Equatable {
    /// An absolute path: the caller searched PATH, so "not installed" is its own clear error.
    public var executable: String
    /// argv after argv[0]. Never holds a secret: other users can read it from /proc.
    public var arguments: [String]
    public var environment: [String: String]
    public var workingDirectory: String?
    /// Seconds before the process group is killed.
    public var timeout: Double

    public init(
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

public struct ProcessOutput: Sendable, Equatable {
    public var exitStatus: Int32
    public var standardOutput: String
    public var standardError: String

    public init(exitStatus: Int32, standardOutput: String, standardError: String) {
        self.exitStatus = exitStatus
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

public enum ProcessError: Error, Equatable, Sendable, CustomStringConvertible {
    case couldNotStart(String)
    case timedOut(seconds: Double)
    /// stdout or stderr passed `limit` bytes; the program was killed.
    case outputTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .couldNotStart(let detail): "could not start: \(detail)"
        case .timedOut(let seconds): "did not finish within \(Int(seconds)) seconds"
        case .outputTooLarge(let limit): "wrote more than \(limit / 1024) KiB"
        }
    }
}
