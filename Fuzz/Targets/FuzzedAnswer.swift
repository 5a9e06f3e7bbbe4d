@testable import PGEntraIdentity

/// One hostile answer, given to every request a credential makes: over HTTP as status, headers
/// and body, and from a CLI as exit status, standard output and standard error. Credentials
/// that retry get the same answer each time.
struct FuzzedAnswer: HTTPClient, ProcessRunner {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]

    /// `bytes` as header lines (`Name: value`), a NUL, then the body; with no NUL all of it is
    /// the body.
    init(status: Int, bytes: [UInt8]) {
        self.status = status
        guard let split = bytes.firstIndex(of: 0) else {
            headers = [:]
            body = bytes
            return
        }
        var headers: [String: String] = [:]
        for line in bytes[..<split].split(separator: UInt8(ascii: "\n")) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            headers[name] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace()
        }
        self.headers = headers
        body = Array(bytes[(split + 1)...])
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: body)
    }

    func run(_ invocation: ProcessInvocation) throws(ProcessError) -> ProcessOutput {
        let text = String(decoding: body, as: UTF8.self)
        return ProcessOutput(exitStatus: status == 200 ? 0 : Int32(status % 256), standardOutput: text, standardError: text)
    }
}

/// A clock whose sleeps pass at once: retries and device-code polling run to their bounds
/// without waiting, and a loop with no bound shows up as a fuzzer timeout.
final class SteppingClock: @unchecked Sendable {
    private var current: Double = 1_700_000_000

    var clock: Clock {
        Clock(now: { self.current }, sleep: { self.current += max($0, 0.001) })
    }
}
