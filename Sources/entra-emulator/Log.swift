import Foundation

/// Diagnostics on stderr, one line each, prefixed with the program name. Callers pass paths,
/// names and reasons only: a token must never reach this (credentials.md, style.md "Errors").
enum Log {
    static func info(_ message: String) {
        let line = Array("entra-emulator: \(message)\n".utf8)
        line.withUnsafeBytes { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
