#if canImport(Glibc)
import Glibc
#endif

/// One token request per identity however many processes start at once (issue 11): a process
/// that misses the cache takes an exclusive flock on the entry's lock file, looks again, and
/// only then asks the chain. The others wait for the lock and find the winner's token, so
/// twenty parallel cold starts send one token request and at most one IMDS probe, which IMDS's
/// throttling (about 5 requests a second per VM) needs.
extension TokenCache {
    /// Runs `body` holding the lock named by `key`, waiting for it at most `limit` seconds.
    /// A lock that cannot be had (an untrusted file, a holder that never lets go) is logged
    /// and `body` runs anyway: the lock saves requests, it never decides whether a token is had.
    func exclusively<T, E: Error>(
        _ key: Key, waitingAtMost limit: Double, clock: Clock, _ body: () throws(E) -> T
    ) throws(E) -> T {
        guard let fd = openLock(key) else { return try body() }
        defer { close(fd) }
        let deadline = clock.now() + limit
        var waited = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, clock.now() < deadline else {
                log.debug("token cache: no lock on \(key.lockName) after \(waited ? Int(limit) : 0) s; going on without it")
                return try body()
            }
            if !waited { log.debug("token cache: another pgentra is getting this token; waiting for it") }
            waited = true
            clock.sleep(0.05)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// The lock file, created 0600 without following links, and trusted only as a regular
    /// file of this user (the same rules as the entries). Non-blocking open: a FIFO is refused.
    private func openLock(_ key: Key) -> Int32? {
        guard usableDirectory(create: true) else { return nil }
        let path = "\(directory)/\(key.lockName)"
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            log.debug("token cache: cannot open \(path): \(String(cString: strerror(errno)))")
            return nil
        }
        var info = stat()
        guard fstat(fd, &info) == 0, trusted(info, path: path, expectedMode: 0o600, what: "file") else {
            close(fd)
            return nil
        }
        return fd
    }
}

extension TokenCache.Key {
    /// Lock files sit beside the entries, named after the same hash.
    var lockName: String { ".\(kind)-\(FNV1a.hex(text.utf8)).lock" }
}
