import Foundation
import Testing

/// A directory under /tmp that lives as long as the value, removed with everything in it.
/// World-traversable so the `postgres` OS user can reach a data directory inside it.
package final class TemporaryDirectory: @unchecked Sendable {
    package let path: String

    package init(prefix: String = "pgentra-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed: errno \(errno)")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        chmod(path, 0o755)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    package func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Creates `name` (and parents) with `mode`; a failure fails the test, with the error.
    @discardableResult
    package func makeDirectory(_ name: String, mode: Int = 0o700) -> String {
        let full = file(name)
        do {
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        } catch {
            Issue.record("cannot create the directory \(full): \(error)")
        }
        chmod(full, mode_t(mode))
        return full
    }

    /// Written close-on-exec under a temporary name, then renamed: a child another test forks
    /// meanwhile never holds the file open for writing, which would make running it (a fake
    /// `az`) fail with "Text file busy". A failure fails the test, with errno.
    @discardableResult
    package func write(_ name: String, _ contents: String, mode: Int = 0o600) -> String {
        let full = file(name)
        let partial = full + ".partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else {
            Issue.record("cannot create \(partial): errno \(errno)")
            return full
        }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                Issue.record("cannot write \(partial): errno \(errno)")
                break
            }
            written += count
        }
        close(fd)
        chmod(partial, mode_t(mode))
        if rename(partial, full) != 0 { Issue.record("cannot rename \(partial) to \(full): errno \(errno)") }
        return full
    }
}
