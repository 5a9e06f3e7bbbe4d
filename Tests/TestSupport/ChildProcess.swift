import Foundation
import PGEntraIdentity
import PGEntraSystem
import Testing

/// Runs a program to completion with a deadline, capturing its output: the real binary under test.
package struct ChildProcess {
    package struct Result: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String
        package var seconds: Double
    }

    /// Runs `executable` with exactly `environment` (nothing inherited) and stdin from
    /// `standardInput` (a file path), else /dev/null.
    ///
    /// With `byteExact` (a directory to work in), the output is captured in files there and
    /// decoded with `LosslessText`, so bytes that are not UTF-8 survive into `stdout` and
    /// `stderr` (compare their `utf8`), and an argument holding `LosslessText` escapes reaches
    /// the program as the raw bytes it stands for (through a file the shell reads).
    package static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], timeout: Double = 60,
        standardInput: String? = nil, byteExact directory: String? = nil
    ) -> Result {
        let started = Date()
        var program = executable
        var argv = arguments
        var environment = environment
        if let directory {
            program = "/bin/sh"
            // The directory comes in the environment (no quoting of paths), which the program
            // then does not inherit.
            var script = "d=$BYTE_EXACT_DIRECTORY_FOR_TEST; unset BYTE_EXACT_DIRECTORY_FOR_TEST\n"
            var words: [String] = []
            for (index, argument) in arguments.enumerated() {
                let bytes = LosslessText.bytes(of: argument)
                guard bytes != Array(argument.utf8) else {
                    words.append("\"${\(index + 1)}\"")
                    continue
                }
                if !FileManager.default.createFile(atPath: "\(directory)/argument\(index + 1)", contents: Data(bytes)) {
                    Issue.record("could not write argument \(index + 1) into \(directory)")
                }
                // `$(...)` drops trailing newlines; the x keeps them.
                script += "a\(index)=$(cat \"$d/argument\(index + 1)\"; printf x); a\(index)=${a\(index)%x}\n"
                words.append("\"$a\(index)\"")
            }
            script += "exec \"$0\" \(words.joined(separator: " "))"
                + " >\"$d/stdout\" 2>\"$d/stderr\""
            if standardInput != nil { script += " <\"$STDIN_FILE_FOR_TEST\"" }
            argv = ["-c", script, executable] + arguments
        } else if standardInput != nil {
            // The product's runner always reads /dev/null; a shell redirects for the test.
            program = "/bin/sh"
            argv = ["-c", "exec \"$0\" \"$@\" < \"$STDIN_FILE_FOR_TEST\"", executable] + arguments
        }
        if let standardInput { environment["STDIN_FILE_FOR_TEST"] = standardInput }
        if let directory { environment["BYTE_EXACT_DIRECTORY_FOR_TEST"] = directory }
        do {
            let output = try SpawnedProcessRunner().run(ProcessInvocation(
                executable: program, arguments: argv, environment: environment, timeout: timeout))
            var result = Result(status: output.exitStatus, stdout: output.standardOutput,
                                stderr: output.standardError, seconds: Date().timeIntervalSince(started))
            if let directory {
                func captured(_ name: String) -> String {
                    LosslessText.string(decoding: FileManager.default.contents(atPath: "\(directory)/\(name)") ?? Data())
                }
                result.stdout = captured("stdout") + result.stdout
                result.stderr = captured("stderr") + result.stderr
            }
            return result
        } catch {
            return Result(status: -1, stdout: "", stderr: "\(executable): \(error)",
                          seconds: Date().timeIntervalSince(started))
        }
    }

    /// A free TCP port on 127.0.0.1, chosen by the kernel.
    package static func freePort() -> Int {
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
