import CLinux
import PGEntraIdentity
import PGEntraSystem
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The token every new server connection signs in with, and the role it names when a client
/// gives none (issue 12). Kept in memory and renewed ahead of time by a background thread
/// (`startRenewing`) when less than 5 minutes, or half of a short token's life, remain, so a
/// connection does not wait for Entra. A renewal that fails is retried with backoff while the
/// old token goes on serving; in its last `expiryMargin` seconds a connection first tries for a
/// fresh one itself. SIGHUP (`renewNow`) asks for a renewal at once, past the cache, with the
/// same fallback and retries.
///
/// `@unchecked Sendable`: `fetch` and `discard` reach the token provider and its cache, and run
/// only while `fetching` is held, so they never run concurrently.
package final class ProxyCredentials: @unchecked Sendable {
    package struct Current: Sendable {
        let token: AccessToken
        package let credential: CredentialKind
        /// The role for clients that name none; nil when the token names none.
        let role: String?
        let fetchedAt: Int64

        package init(token: AccessToken, credential: CredentialKind, role: String?, fetchedAt: Int64) {
            self.token = token
            self.credential = credential
            self.role = role
            self.fetchedAt = fetchedAt
        }
    }

    /// Why a token is fetched, which decides how the cache is used.
    package enum Purpose: Equatable, Sendable {
        /// A connection found no usable token: a cached token that is still valid will do if
        /// Entra fails (credentials.md §8.4 rule 3).
        case connection
        /// The background renewal: it holds the cached token already, so a failure must be
        /// thrown, for it to back off, instead of that token being handed back as if renewed.
        case renewal
        /// SIGHUP: past the cache altogether, which is left as it is if Entra fails.
        case forcedRenewal
    }

    private let held = Mutex<Current?>(nil)
    /// Serializes fetches: connections that find no usable token wait for one fetch.
    private let fetching = Mutex<Void>(())
    private let fetch: (Purpose) throws(ProxyRefusal) -> Current
    private let discard: (Current) -> Void
    private let now: @Sendable () -> Int64
    /// Set by `renewNow`, cleared when a forced renewal has succeeded.
    private let forced = Atomic<Bool>(false)
    /// An eventfd that wakes the renewal thread from its wait (-1 if none could be made: then
    /// a SIGHUP is seen at the next wake-up, within a minute).
    private let wake = eventfd(0, Int32(EFD_CLOEXEC))

    package init(
        fetch: @escaping (Purpose) throws(ProxyRefusal) -> Current, discard: @escaping (Current) -> Void,
        now: @escaping @Sendable () -> Int64
    ) {
        self.fetch = fetch
        self.discard = discard
        self.now = now
    }

    deinit {
        if wake >= 0 { close(wake) }
    }

    /// A token that has not expired: the held one, else one fetched now.
    package func current() throws(ProxyRefusal) -> Current {
        if let token = usable() { return token }
        return try fetching.withLock { _ throws(ProxyRefusal) -> Current in
            // Another connection may have fetched one while this one waited.
            if let token = usable() { return token }
            let fresh = try fetch(.connection)
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
    package func startRenewing(failed: @escaping @Sendable (String) -> Void) {
        DetachedThread.start { [self] in
            var backoff: Int64 = 1
            while true {
                let isForced = forced.load(ordering: .acquiring)
                let wait = held.withLock { current in current.map { Self.renewal($0) - now() } ?? 1 }
                if wait > 0 && !isForced {
                    pause(seconds: min(wait, 60))
                    continue
                }
                do throws(ProxyRefusal) {
                    try renew(forced: isForced)
                    if isForced { forced.store(false, ordering: .releasing) }
                    backoff = 1
                } catch {
                    failed("\(error.message)\(error.detail.map { ": \($0)" } ?? ""); retrying in \(backoff) s")
                    pause(seconds: backoff)
                    backoff = min(backoff * 2, 60)
                }
            }
        }
    }

    /// One renewal. A token with hardly any life left (Entra answered with one about to
    /// expire), or one that does not outlive the held token, is a failure, so that the renewal
    /// backs off rather than fetching again at once; the held token then stays.
    func renew(forced: Bool) throws(ProxyRefusal) {
        try fetching.withLock { _ throws(ProxyRefusal) in
            let fresh = try fetch(forced ? .forcedRenewal : .renewal)
            let left = fresh.token.expiresOn - now()
            guard left > Self.expiryMargin else {
                throw ProxyRefusal.noToken("the new token has only \(left) s left")
            }
            // A forced token replaces the held one even if it ends in the same second (asked for
            // on purpose; no renewal is due again at once).
            let replaced = held.withLock { current in
                if !forced, let current, current.token.expiresOn >= fresh.token.expiresOn { return false }
                current = fresh
                return true
            }
            // Taken as a failure too: the same renewal would otherwise be due again at once.
            guard replaced else { throw ProxyRefusal.noToken("the new token expires no later than the current one") }
        }
    }

    /// Waits `seconds`, or until `renewNow` wakes the renewal thread.
    private func pause(seconds: Int64) {
        var entry = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(seconds * 1000)) > 0 else { return }
        var count: UInt64 = 0
        _ = read(wake, &count, MemoryLayout<UInt64>.size)
    }

    /// SIGHUP: a new token is fetched now, past the cache, in the background; until it arrives,
    /// and while it cannot be had (retried with backoff), the held one goes on serving.
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
