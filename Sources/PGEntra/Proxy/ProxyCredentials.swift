import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The token every new server connection signs in with, and the role it names when a client
/// gives none (issue 12). Kept in memory and renewed ahead of time by a background thread
/// (`startRenewing`) when less than 5 minutes, or half of a short token's life, remain, so a
/// connection does not wait for Entra. A renewal that fails is retried with backoff while the
/// old token, until it expires, goes on serving.
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
    private let fetch: () throws(ProxyRefusal) -> Current
    private let discard: (Current) -> Void
    private let now: @Sendable () -> Int64

    init(
        fetch: @escaping () throws(ProxyRefusal) -> Current, discard: @escaping (Current) -> Void,
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
            let fresh = try fetch()
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
                if wait > 0 {
                    sleep(UInt32(min(wait, 60)))
                    continue
                }
                do throws(ProxyRefusal) {
                    try fetching.withLock { _ throws(ProxyRefusal) in
                        let fresh = try fetch()
                        held.withLock { $0 = fresh }
                    }
                    backoff = 1
                } catch {
                    failed("\(error.message)\(error.detail.map { ": \($0)" } ?? ""); retrying in \(backoff) s")
                    sleep(UInt32(backoff))
                    backoff = min(backoff * 2, 60)
                }
            }
        }
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

    /// SIGHUP: the token is dropped, from the cache too, and the next connection fetches one.
    func forget() {
        fetching.withLock { _ in
            held.withLock { current in
                if let held = current { discard(held) }
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
