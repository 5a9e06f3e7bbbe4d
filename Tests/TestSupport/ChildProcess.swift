import Foundation
import PGEntra

/// Runs a program to completion with a deadline, capturing its output: the real binary under test.
public struct ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var seconds: Double
    }

    /// Runs `executable` with exactly `environment` (nothing inherited) and stdin from
    /// `standardInput` (a file path), else /dev/null.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], timeout: Double = 60,
        standardInput: String? = nil
    ) -> Result {
        let started = Date()
        var program = executable
        var argv = arguments
        if standardInput != nil {
            // The product's runner always reads /dev/null; a shell redirects for the test.
            program = "/bin/sh"
            argv = ["-c", "exec \"$0\" \"$@\" < \"$STDIN_FILE_FOR_TEST\"", executable] + arguments
        }
        var environment = environment
        if let standardInput { environment["STDIN_FILE_FOR_TEST"] = standardInput }
        do {
            let output = try SpawnedProcessRunner().run(ProcessInvocation(
                executable: program, arguments: argv, environment: environment, timeout: timeout))
            return Result(status: output.exitStatus, stdout: output.standardOutput,
                          stderr: output.standardError, seconds: Date().timeIntervalSince(started))
        } catch {
            return Result(status: -1, stdout: "", stderr: "\(executable): \(error)",
                          seconds: Date().timeIntervalSince(started))
        }
    }

    /// A free TCP port on 127.0.0.1, chosen by the kernel.
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
