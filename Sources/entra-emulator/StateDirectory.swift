import Foundation

/// The files the emulator shares with its callers (tests, the README's try-it path): `ca.pem`,
/// `jwks.json`, `issued.jsonl`, `requests.jsonl` and, last, `ready.json`.
struct StateDirectory: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let path: String

    var caCertificate: String { path + "/ca.pem" }
    var jwks: String { path + "/jwks.json" }
    var issuedLog: String { path + "/issued.jsonl" }
    var requestLog: String { path + "/requests.jsonl" }
    var ready: String { path + "/ready.json" }

    /// Creates the directory (mode 0700) if missing and removes a ready.json left by an earlier
    /// run, so a caller polling for it never mistakes the old one for this run's.
    static func prepare(_ path: String) throws -> StateDirectory {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(description: "cannot create state directory \(path): \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw Failure(description: "state directory \(path) is not a directory")
        }
        let directory = StateDirectory(path: path)
        unlink(directory.ready)
        return directory
    }

    /// Writes a whole file via a temporary name and rename(2), so readers see all of it or none.
    func writeAtomically(_ text: String, to target: String, mode: mode_t = 0o644) throws {
        let temporary = target + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(target): \(String(cString: strerror(errno)))")
        }
    }
}
