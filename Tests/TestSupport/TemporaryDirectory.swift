import Foundation

/// A directory under /tmp that lives as long as the value, removed with everything in it.
/// World-traversable so the `postgres` OS user can reach a data directory inside it.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "pgentra-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed: errno \(errno)")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        chmod(path, 0o755)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    public func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Creates `name` (and parents) with `mode`.
    @discardableResult
    public func makeDirectory(_ name: String, mode: Int = 0o700) -> String {
        let full = file(name)
        try? FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        chmod(full, mode_t(mode))
        return full
    }

    @discardableResult
    public func write(_ name: String, _ contents: String, mode: Int = 0o600) -> String {
        let full = file(name)
        _ = FileManager.default.createFile(atPath: full, contents: Data(contents.utf8))
        chmod(full, mode_t(mode))
        return full
    }
}
