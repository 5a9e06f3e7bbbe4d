import Foundation
import Synchronization

/// An append-only JSON Lines file (issued.jsonl, requests.jsonl) that tests read while the
/// emulator runs. Each record is a single write(2) under a lock, so lines never interleave, and
/// it is in the file (visible to any reader) before the HTTP answer that caused it is sent.
final class JSONLinesLog: Sendable {
    private let fileDescriptor: Mutex<Int32>
    let path: String

    /// Opens `path` empty: every run starts its own record, like ca.pem and jwks.json.
    init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateDirectory.Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        self.path = path
        self.fileDescriptor = Mutex(fd)
    }

    func append(_ record: JSONValue) {
        let line = Array((record.serialized + "\n").utf8)
        let failure: String? = fileDescriptor.withLock { fd in
            let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            return written == line.count ? nil : String(cString: strerror(errno))
        }
        if let failure { Log.info("cannot append to \(path): \(failure)") }
    }
}
