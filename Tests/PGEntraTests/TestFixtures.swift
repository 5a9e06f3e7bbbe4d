import Foundation
import TestSupport
import Testing
@testable import PGEntraIdentity
#if canImport(Glibc)
import Glibc
#endif

/// The synthetic values of credentials.md §11.
enum Vector {
    static let tenant = "00000000-0000-0000-0000-0000000000aa"
    static let client = "11111111-1111-1111-1111-111111111111"
    static let miClient = "22222222-2222-2222-2222-222222222222"
    static let now: Int64 = 1_700_000_000
    static let token = "eyJ.p.s"
    static let resource = "https://ossrdbms-aad.database.windows.net"
    static let scope = "https://ossrdbms-aad.database.windows.net/.default"
    static let tokenURL = "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0/token"
    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    static let entraSuccess = #"{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ.p.s"}"#
}

/// Builds real (unsigned) JWTs: pgentra never verifies the signature.
enum TestJWT {
    static func make(_ claims: [String: Any], header: [String: Any] = ["alg": "RS256", "typ": "JWT"]) -> String {
        encode(header) + "." + encode(claims) + ".c2lnbmF0dXJl"
    }

    /// A token shaped like Entra's: a long header (kid, x5t) and the usual claims.
    static func realistic(extra: [String: Any] = [:], expiresAt: Int64 = Vector.now + 3600) -> String {
        var claims: [String: Any] = [
            "aud": Vector.resource, "iss": "https://sts.windows.net/\(Vector.tenant)/",
            "iat": Vector.now, "nbf": Vector.now, "exp": expiresAt, "tid": Vector.tenant,
            "oid": "33333333-3333-3333-3333-333333333333", "ver": "1.0",
        ]
        claims.merge(extra) { $1 }
        return make(claims, header: [
            "typ": "JWT", "alg": "RS256", "x5t": "L1KfKFI_jnXbwWc22xZxw1sUHH0",
            "kid": "L1KfKFI_jnXbwWc22xZxw1sUHH0-and-some-more-to-make-it-long",
        ])
    }

    static func encode(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return base64URL(data)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: Substring) -> Data? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard)
    }

    /// Header and payload of a compact JWS as JSON objects.
    static func parts(_ jws: String) -> (header: [String: Any], payload: [String: Any], signature: Data)? {
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerData = decodeBase64URL(parts[0]), let payloadData = decodeBase64URL(parts[1]),
              let signature = decodeBase64URL(parts[2]),
              let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
              let payload = try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any]
        else { return nil }
        return (header, payload, signature)
    }
}

/// Captures what Identity reports through a DiagnosticLog.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(DiagnosticLog.Level, String)] = []

    var log: DiagnosticLog { log(debug: true) }

    func log(debug: Bool) -> DiagnosticLog {
        DiagnosticLog(debugEnabled: debug) { [self] level, message in
            lock.withLock { entries.append((level, message)) }
        }
    }

    var warnings: [String] { lock.withLock { entries.filter { $0.0 == .warning }.map(\.1) } }
    var debugLines: [String] { lock.withLock { entries.filter { $0.0 == .debug }.map(\.1) } }
    var all: [String] { lock.withLock { entries.map(\.1) } }
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class ScratchDirectory: @unchecked Sendable {
    let path: String

    init(_ label: String = "pgentra-tests") {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(label).XXXXXX")
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` with `mode`; returns the path. The descriptor is close-on-exec:
    /// tests run in parallel and spawn processes, and a child inheriting a write descriptor to
    /// another test's fake `az` would make exec'ing it fail with ETXTBSY.
    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o600) -> String {
        let target = file(name)
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        precondition(fd >= 0, "cannot write \(target): errno \(errno)")
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            precondition(written > 0 || errno == EINTR, "cannot write \(target): errno \(errno)")
            if written > 0 { offset += written }
        }
        close(fd)
        chmod(target, mode_t(mode))
        return target
    }

    /// An executable stub named `name` (the scripted runner answers for it; it is never run).
    @discardableResult
    func executable(_ name: String) -> String {
        write(name, "#!/bin/sh\necho 'stub must not run' >&2\nexit 99\n", mode: 0o755)
    }
}

/// POSIX mode bits of a path (without following a final symlink), or nil.
func permissions(_ path: String) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o7777)
}

/// Runs a program (the `openssl` CLI) and returns its exit status and output.
@discardableResult
func runTool(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: Data, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let inputPipe = Pipe()
    process.standardInput = inputPipe
    try process.run()
    if let input { inputPipe.fileHandleForWriting.write(input) }
    try inputPipe.fileHandleForWriting.close()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output, String(decoding: error, as: UTF8.self))
}
