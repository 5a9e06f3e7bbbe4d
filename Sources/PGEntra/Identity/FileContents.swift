#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads without Foundation: token files, certificates, cache entries.
enum FileContents {
    /// The file's bytes, or nil with `errno` set; files larger than `limit` count as unreadable (EFBIG).
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                errno = EFBIG
                return nil
            }
        }
    }
}
