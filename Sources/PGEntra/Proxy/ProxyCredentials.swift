import Synchronization

/// The token every new server connection signs in with, and the role it names when a client
/// gives none (issue 12). Kept in memory and fetched again when less than 5 minutes, or half of
/// a short token's life, remain, so a connection seldom waits for Entra; one fetch at a time,
/// and connections that need a token meanwhile wait for that one.
///
/// `@unchecked Sendable`: `fetch` and `discard` reach the token provider and its cache, and run
/// only while the mutex is held, so they never run concurrently.
final class ProxyCredentials: @unchecked Sendable {
    struct Current: Sendable {
        let token: AccessToken
        let credential: CredentialKind
        /// The role for clients that name none; nil when the token names none.
        let role: String?
        let fetchedAt: Int64
    }

    private let state = Mutex<Current?>(nil)
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

    /// The token to use now, fetched first when it is due.
    func current() throws(ProxyRefusal) -> Current {
        try state.withLock { (held: inout Current?) throws(ProxyRefusal) -> Current in
            if let held, !Self.isDue(held, now: now()) { return held }
            let fresh = try fetch()
            held = fresh
            return fresh
        }
    }

    /// After the server refused `token`: it is dropped (from the cache too) and the next
    /// connection fetches a new one, once for all the connections that saw it refused.
    func refused(_ token: AccessToken) {
        state.withLock { held in
            guard let current = held, current.token == token else { return }
            discard(current)
            held = nil
        }
    }

    /// SIGHUP: the token is dropped, from the cache too, and the next connection fetches one.
    func forget() {
        state.withLock { held in
            if let current = held { discard(current) }
            held = nil
        }
    }

    /// Due 5 minutes before expiry, or at half the life of a token that lives less than 10.
    static func isDue(_ current: Current, now: Int64) -> Bool {
        let life = current.token.expiresOn - current.fetchedAt
        let margin = life < 600 ? life / 2 : 300
        return now >= current.token.expiresOn - margin
    }
}
