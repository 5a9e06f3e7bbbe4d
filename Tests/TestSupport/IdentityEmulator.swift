import Foundation

/// The `entra-emulator` executable of this package, running for one test: its own state
/// directory, ephemeral loopback ports, and (when given a server) role passwords set to the
/// tokens it issues.
package final class IdentityEmulator: @unchecked Sendable {
    package static let tenant = "00000000-0000-0000-0000-0000000000aa"
    package static let user = "alice@contoso.com"

    package let state: TemporaryDirectory
    package let httpPort: Int
    package let httpsPort: Int?
    private let process: Process

    package struct StartError: Error, CustomStringConvertible {
        package let description: String
    }

    /// Starts the emulator with `arguments` added to `serve --state-dir ...`.
    package init(_ arguments: [String] = [], postgres: PostgresServer? = nil) throws {
        state = TemporaryDirectory(prefix: "pgentra-emulator")
        var all = ["serve", "--state-dir", state.file("state")] + arguments
        if let postgres { all += ["--pg-conninfo", postgres.superuserConninfo] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.emulator)
        process.arguments = all
        process.environment = ["PATH": "/usr/bin:/bin", "TZ": "UTC"]
        _ = FileManager.default.createFile(atPath: state.file("emulator.log"), contents: nil)
        let log = FileHandle(forWritingAtPath: state.file("emulator.log"))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let ready = state.file("state/ready.json")
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: ready) {
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                let output = (try? String(contentsOfFile: state.file("emulator.log"), encoding: .utf8)) ?? ""
                throw StartError(description: "entra-emulator did not become ready: \(output)")
            }
            usleep(20_000)
        }
        let info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ready))) as! [String: Any]
        httpPort = info["http_port"] as! Int
        httpsPort = info["https_port"] as? Int
        let child = process
        let directory = state.path
        ExitCleanup.register(self) {
            child.terminate()
            child.waitUntilExit()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    deinit {
        ExitCleanup.unregister(self)
        process.terminate()
        process.waitUntilExit()
    }

    package var baseURL: String { "http://127.0.0.1:\(httpPort)" }
    package var httpsBaseURL: String? { httpsPort.map { "https://127.0.0.1:\($0)" } }
    package var caFile: String { state.file("state/ca.pem") }

    /// Replaces the running emulator's faults with `specs` (`PREFIX:KIND[:COUNT]`, as
    /// `--fault` takes them); an empty list clears them. Returns whether the emulator took them.
    @discardableResult
    package func setFaults(_ specs: [String]) -> Bool {
        let body = specs.joined(separator: "\n")
        let request = "POST /_emulator/faults HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        guard let fd = LoopbackSocket.connect(port: httpPort, receiveTimeout: 10) else { return false }
        defer { close(fd) }
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var answer = [UInt8](repeating: 0, count: 512)
        let count = recv(fd, &answer, answer.count, 0)
        return count > 0 && String(decoding: answer.prefix(count), as: UTF8.self).hasPrefix("HTTP/1.1 200")
    }

    /// Waits until the wall clock is past `expiry` (epoch seconds, an issued token's `exp`):
    /// from then on PostgreSQL refuses that token as a password, its VALID UNTIL having passed.
    package static func waitUntilPast(_ expiry: Int) {
        while Int(Date().timeIntervalSince1970) <= expiry { usleep(100_000) }
    }

    /// One entry per token issued (never the token itself).
    package func issued() -> [[String: Any]] { jsonLines("issued.jsonl") }
    package func requests() -> [[String: Any]] { jsonLines("requests.jsonl") }

    private func jsonLines(_ name: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: state.file("state/\(name)"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}
