import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Where script lines come from: a file or stdin. Lines are returned without their newline.
/// Bytes that are not UTF-8 are carried as LosslessText escapes, so that they reach the server
/// (or any other exit) exactly as read, as psql's fgets-based gets_fromFile passes them on.
package final class InputSource {
    /// The name in `pgentra:NAME:LINE:` prefixes; nil for piped stdin, whose messages are bare.
    let name: String?
    /// The file's directory, for `\ir`.
    let directory: String?
    private(set) var lineNumber = 0
    /// Whether this reads stdin (`\prompt` then reads its lines from here, as psql's stdio does).
    var readsStandardInput: Bool { fd == 0 }
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: bytes before it (from `start`) hold none,
    /// so a line longer than one read is searched once, not once per read.
    private var searched = 0
    private var atEnd = false

    enum OpenError: Error, Equatable, Sendable, CustomStringConvertible {
        case cannotOpen(path: String, reason: String)
        var description: String {
            switch self {
            case .cannotOpen(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    package init(descriptor: Int32, name: String?) {
        fd = descriptor
        ownsDescriptor = false
        self.name = name
        directory = nil
    }

    init(path: String) throws(OpenError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .cannotOpen(path: path, reason: String(cString: strerror(EISDIR)))
        }
        fd = descriptor
        ownsDescriptor = true
        name = path
        let slash = path.lastIndex(of: "/")
        directory = slash.map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// The next line, or nil at end of input.
    func readLine() -> String? {
        while true {
            if let newline = nextNewline() {
                let line = LosslessText.string(decoding: buffer[start..<newline])
                start = newline + 1
                searched = start
                lineNumber += 1
                compact()
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = LosslessText.string(decoding: buffer[start...])
                start = buffer.count
                lineNumber += 1
                return line
            }
            fill()
        }
    }

    /// psql's `fgets(buf, limit + 1, stdin)` on the stream the script itself comes from (the
    /// SINGLESTEP reply): at most `limit` bytes, up to and including a newline. The rest of the
    /// line stays, to be read as the script's next line, as it does in psql.
    func readBytes(upTo limit: Int) -> [UInt8] {
        var taken: [UInt8] = []
        while taken.count < limit {
            guard start < buffer.count else {
                if atEnd { break }
                fill()
                continue
            }
            let byte = buffer[start]
            start += 1
            taken.append(byte)
            if byte == UInt8(ascii: "\n") { break }
        }
        return taken
    }

    /// The index of the first newline at or after `searched`, else nil (with `searched` moved
    /// to the end of what has been read).
    private func nextNewline() -> Int? {
        let from = max(searched, start)
        let found = buffer.withUnsafeBytes { bytes -> Int? in
            guard from < bytes.count, let base = bytes.baseAddress,
                  let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), bytes.count - from) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        if found == nil { searched = buffer.count }
        return found
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
            return
        }
    }

    private func compact() {
        if start > (1 << 16) && start * 2 > buffer.count {
            buffer.removeFirst(start)
            searched -= start
            start = 0
        }
    }
}
