import CLinux
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The token every new server connection signs in with, and the role it names when a client
/// gives none (issue 12). Kept in memory and renewed ahead of time by a background thread
/// (`startRenewing`) when less than 5 minutes, or half of a short token's life, remain, so a
/// connection does not wait for Entra. A renewal that fails is retried with backoff while the
/// old token, until it expires, goes on serving. SIGHUP (`renewNow`) asks for a renewal at
/// once, past the cache, with the same fallback.
///
/// `@unchecked Sendable`: `fetch` and `discard` reach the token provider and its cache, and run
/// only while `fetching` is held, so they never run concurrently.
final class ProxyCredentials: @unchecked Sendable {
    struct Current: Sendable {
        let token: AccessToken
        let credential: CredentialKind
        /// The role for clients that name none; nil when the token names none.
        let role: String?
        let fetchedAt: Int64
    }

    private let held = Mutex<Current?>(nil)
    /// Serializes fetches: connections that find no usable token wait for one fetch.
    private let fetching = Mutex<Void>(())
    /// Gets a token; with `renewing`, a failure is thrown even while the cache still holds a
    /// valid token (the one held here), so that the renewal backs off instead of spinning.
    private let fetch: (_ renewing: Bool) throws(ProxyRefusal) -> Current
    private let discard: (Current) -> Void
    private let now: @Sendable () -> Int64
    /// Set by `renewNow`: the next renewal skips the cache.
    private let forced = Atomic<Bool>(false)
    /// An eventfd that wakes the renewal thread from its wait.
    private let wake = eventfd(0, Int32(EFD_CLOEXEC))

    init(
        fetch: @escaping (_ renewing: Bool) throws(ProxyRefusal) -> Current, discard: @escaping (Current) -> Void,
        now: @escaping @Sendable () -> Int64
    ) {
        self.fetch = fetch
        self.discard = discard
        self.now = now
    }

    /// A token that has not expired: the held one, else one fetched now.
    func current() throws(ProxyRefusal) -> Current {
        if let token = usable() { return token }
        return try fetching.withLock { _ throws(ProxyRefusal) -> Current in
            // Another connection may have fetched one while this one waited.
            if let token = usable() { return token }
            let fresh = try fetch(false)
            held.withLock { $0 = fresh }
            return fresh
        }
    }

    private func usable() -> Current? {
        held.withLock { current in
            guard let token = current, token.token.expiresOn - now() > Self.expiryMargin else { return nil }
            return token
        }
    }

    /// Renews the token ahead of time, on a thread of its own, for as long as the process runs;
    /// `failed` hears of each renewal that did not work.
    func startRenewing(failed: @escaping @Sendable (String) -> Void) {
        DetachedThread.start { [self] in
            var backoff: Int64 = 1
            while true {
                let wait = held.withLock { current in current.map { Self.renewal($0) - now() } ?? 1 }
                if wait > 0 && !forced.load(ordering: .acquiring) {
                    sleep(seconds: min(wait, 60))
                    continue
                }
                do throws(ProxyRefusal) {
                    try fetching.withLock { _ throws(ProxyRefusal) in
                        // Past the cache, which may hold the very token being replaced; the
                        // held one goes on serving until the fetch brings the next.
                        if forced.exchange(false, ordering: .acquiringAndReleasing), let old = held.withLock({ $0 }) {
                            discard(old)
                        }
                        let fresh = try fetch(true)
                        held.withLock { $0 = fresh }
                        // A token already due for renewal (Entra gave one about to expire)
                        // would be fetched again at once: back off as from a failure.
                        let left = fresh.token.expiresOn - now()
                        guard Self.renewal(fresh) > now() else {
                            throw ProxyRefusal.noToken("the new token has only \(left) s left")
                        }
                    }
                    backoff = 1
                } catch {
                    failed("\(error.message)\(error.detail.map { ": \($0)" } ?? ""); retrying in \(backoff) s")
                    sleep(seconds: backoff)
                    backoff = min(backoff * 2, 60)
                }
            }
        }
    }

    /// Waits `seconds`, or until `renewNow` wakes the renewal thread.
    private func sleep(seconds: Int64) {
        var entry = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(seconds * 1000)) > 0 else { return }
        var count: UInt64 = 0
        _ = read(wake, &count, MemoryLayout<UInt64>.size)
    }

    /// SIGHUP: a new token is fetched now, past the cache, in the background; until it arrives,
    /// and if it cannot be had, the held one goes on serving (as a renewal that fails does).
    func renewNow() {
        forced.store(true, ordering: .releasing)
        var one: UInt64 = 1
        _ = write(wake, &one, MemoryLayout<UInt64>.size)
    }

    /// After the server refused `token`: it is dropped (from the cache too), and the next
    /// connection fetches a new one, once for all the connections that saw it refused.
    func refused(_ token: AccessToken) {
        // `fetching` first (the order `current` takes them in): no renewal runs meanwhile, so
        // the cache entry removed is this token's, never a fresh one's.
        fetching.withLock { _ in
            held.withLock { current in
                guard let held = current, held.token == token else { return }
                discard(held)
                current = nil
            }
        }
    }

    /// A token is not handed out in its last seconds: a sign-in takes a moment.
    static let expiryMargin: Int64 = 10

    /// When to renew: 5 minutes before expiry, or at half the life of a token that lives less
    /// than 10 minutes.
    static func renewal(_ current: Current) -> Int64 {
        let life = current.token.expiresOn - current.fetchedAt
        return current.token.expiresOn - (life < 600 ? life / 2 : 300)
    }
}
