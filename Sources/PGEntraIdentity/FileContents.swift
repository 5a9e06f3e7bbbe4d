#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads without Foundation: token files, certificates, key files. Every one of them
/// can be planted or swapped by someone else (issue 11), so a read never blocks and never grows
/// without bound: the open is non-blocking (a FIFO or a device answers at once), the file type
/// is checked on the open descriptor before anything is read, and the size is capped.
package enum FileContents {
    package enum ReadError: Error, Equatable, CustomStringConvertible {
        case cannotOpen(String)
        case notRegularFile(String)
        case tooLarge(limit: Int)
        case readFailed(String)

        package var description: String {
            switch self {
            case .cannotOpen(let reason), .readFailed(let reason): reason
            case .notRegularFile(let kind): "it is \(kind), not a regular file"
            case .tooLarge(let limit): "it is larger than \(limit) bytes"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them. `followLinks` false
    /// refuses a symbolic link as the last component (O_NOFOLLOW); Kubernetes' projected token
    /// files are links, so the federated token file must follow them.
    package static func read(_ path: String, limit: Int, followLinks: Bool = true) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            throw .cannotOpen(errno == ELOOP && !followLinks ? "it is a symbolic link" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .readFailed(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(kind(of: info.st_mode)) }
        guard info.st_size <= limit else { throw .tooLarge(limit: limit) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            // The file may grow after fstat.
            guard count <= limit - bytes.count else { throw .tooLarge(limit: limit) }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// What a non-regular file is, in `ls -l`'s terms, for the error.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}
