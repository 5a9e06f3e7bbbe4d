import Foundation
import TestSupport

/// `pgentra proxy` running in the background for a test: started with a TestEnvironment's
/// variables, ready once it says it is listening, stopped with SIGTERM (or SIGKILL) and
/// always reaped, its standard error kept in a file.
final class ProxyProcess: @unchecked Sendable {
    let process = Process()
    let log: String
    private let directory = TemporaryDirectory(prefix: "pgentra-proxy")
    /// Its HOME and the hosts file the proxy resolves with must outlive it.
    private let environment: TestEnvironment

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String], environment: TestEnvironment) throws {
        self.environment = environment
        log = directory.file("proxy.log")
        process.executableURL = URL(fileURLWithPath: BuiltProducts.pgentra)
        process.arguments = ["proxy"] + arguments
        process.environment = environment.variables
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let child = process
        ExitCleanup.register(self) {
            if child.isRunning { kill(child.processIdentifier, SIGKILL) }
            child.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(30)
        while !output.contains("pgentra proxy: listening on ") {
            guard process.isRunning, Date() < deadline else {
                stop(signal: SIGKILL)
                throw Failure(description: "pgentra proxy did not start: \(output)")
            }
            usleep(20_000)
        }
    }

    var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// Whether `text` appears in the log within `timeout` seconds: the proxy logs from its own threads.
    func waitFor(_ text: String, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !output.contains(text) {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    /// The exit status once the proxy has left on its own, or nil if it is still running
    /// after `timeout` seconds.
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else { return nil }
            usleep(20_000)
        }
        return process.terminationStatus
    }

    /// Sends `signal` and waits for the exit; returns the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        ExitCleanup.unregister(self)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
