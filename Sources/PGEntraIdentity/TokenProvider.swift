/// The one place that decides whether a new token is needed (credentials.md §8.4, cli.md
/// "Token cache"): every connection attempt asks it, so a fresh token arrives whenever a
/// reconnect needs one.
package struct TokenProvider: Sendable {
    /// A cached token is replaced once fewer than this many seconds of its life remain.
    static let refreshMargin: Int64 = 300

    package let selection: CredentialSelection
    let settings: IdentitySettings
    let cache: TokenCache?
    let factory: CredentialFactory
    let clock: Clock
    let log: DiagnosticLog

    package init(
        selection: CredentialSelection, settings: IdentitySettings, cache: TokenCache?,
        http: any HTTPClient, runner: any ProcessRunner, clock: Clock, log: DiagnosticLog
    ) {
        self.selection = selection
        self.settings = settings
        self.cache = cache
        self.factory = CredentialFactory(settings: settings, http: http, runner: runner, clock: clock, log: log)
        self.clock = clock
        self.log = log
    }

    /// A token and where it came from.
    package struct Provided: Sendable {
        package let token: AccessToken
        package let credential: CredentialKind
        package let fromCache: Bool
    }

    /// A token for `request` with at least `minimumLifetime` seconds left (default: the refresh margin).
    /// With `fallingBack`, a failed early refresh returns the cached token that is still valid
    /// (credentials.md §8.4 rule 3); without it, the failure is thrown: for the proxy's
    /// background renewal, which already holds that token and must hear of the failure to back
    /// off. `pastTheCache` asks the chain whatever the cache holds (the proxy's SIGHUP), and
    /// caches what it gets; a failure leaves the cache as it was.
    package func token(
        for request: TokenRequest, minimumLifetime: Int64? = nil, fallingBack: Bool = true, pastTheCache: Bool = false
    ) throws(ChainError) -> Provided {
        let needed = max(minimumLifetime ?? 0, Self.refreshMargin)
        // Past the cache: never a hit, and nothing stale to fall back on.
        func look(quiet: Bool) -> (hit: Provided?, stale: (AccessToken, CredentialKind)?) {
            pastTheCache ? (nil, nil) : lookUp(request, needed: needed, minimumLifetime: minimumLifetime, quiet: quiet)
        }
        let first = look(quiet: false)
        if let hit = first.hit { return hit }
        guard let cache else {
            return try fetch(request, minimumLifetime: minimumLifetime, stale: fallingBack ? first.stale : nil)
        }
        // Coalesced with every other pgentra after the same token (TokenCache+Lock.swift).
        return try cache.exclusively(lockKey(request), waitingAtMost: Self.lockWait, clock: clock) { () throws(ChainError) -> Provided in
            // The process that held the lock may have fetched the token meanwhile.
            let again = look(quiet: true)
            if let hit = again.hit { return hit }
            return try fetch(request, minimumLifetime: minimumLifetime, stale: fallingBack ? again.stale : nil)
        }
    }

    /// How long a process waits for another that is getting the same token: longer than a
    /// developer tool may run (10 s) plus the managed-identity probe and its retries.
    static let lockWait: Double = 30

    /// The cached token if it has `needed` seconds left and no refresh is due; otherwise a
    /// still-valid one to fall back on if a refresh fails (credentials.md §8.4 rule 3).
    private func lookUp(
        _ request: TokenRequest, needed: Int64, minimumLifetime: Int64?, quiet: Bool = false
    ) -> (hit: Provided?, stale: (AccessToken, CredentialKind)?) {
        let now = clock.epochSeconds
        guard let kind = preferredCredential(for: request), let cached = cache?.token(for: cacheKey(kind, request)) else {
            if !quiet { log.debug(cache == nil ? "token cache: disabled" : "token cache: miss") }
            return (nil, nil)
        }
        let remaining = cached.expiresOn - now
        let refreshDue = cached.refreshOn.map { now >= $0 } ?? false
        if remaining > needed && !refreshDue {
            log.debug("token cache: hit for \(kind.className), \(remaining) s left")
            return (Provided(token: cached, credential: kind, fromCache: true), nil)
        }
        if !quiet {
            log.debug("token cache: \(kind.className) token has \(remaining) s left\(refreshDue ? ", refresh due" : ""); getting a new one")
        }
        let usable = remaining > (minimumLifetime ?? 0) && remaining > 0
        return (nil, usable ? (cached, kind) : nil)
    }

    /// Asks the chain, keeping `stale` if the chain fails.
    private func fetch(
        _ request: TokenRequest, minimumLifetime: Int64?, stale: (AccessToken, CredentialKind)?
    ) throws(ChainError) -> Provided {
        let now = clock.epochSeconds
        do throws(ChainError) {
            let (token, kind) = try acquire(request, preferred: preferredCredential(for: request))
            if let minimumLifetime, token.expiresOn - now < minimumLifetime {
                log.warning("the new token has only \(token.expiresOn - now) s left, less than the \(minimumLifetime) s asked for")
            }
            return Provided(token: token, credential: kind, fromCache: false)
        } catch {
            // Credentials.md §8.4 rule 3: a failed early refresh keeps the still-valid token.
            if let (token, kind) = stale {
                log.debug("refresh failed; using the cached token, which is still valid")
                return Provided(token: token, credential: kind, fromCache: true)
            }
            throw error
        }
    }

    /// A token that lives in memory for one use and is never written to the cache: the
    /// management-scope token a role lookup needs (issue 11). An ARM token can do far more than
    /// a database token, so it gets no file. The credential that served `like` goes first, so
    /// a developer machine does not pay the managed-identity probe for it; a management token
    /// an older pgentra cached is deleted.
    package func transientToken(for request: TokenRequest, like databaseRequest: TokenRequest) throws(ChainError) -> Provided {
        let (token, kind) = try acquire(request, preferred: preferredCredential(for: databaseRequest), persist: false)
        cache?.remove(cacheKey(kind, request))
        return Provided(token: token, credential: kind, fromCache: false)
    }

    /// Forgets the cached token the server just rejected (cli.md: 28P01/28000 with a cached token),
    /// so the next `token(for:)` fetches a fresh one.
    /// `reason` completes the debug line: "after the server rejected it", "as \\refresh asked".
    package func discardCachedToken(for request: TokenRequest, credential: CredentialKind, reason: String) {
        cache?.remove(cacheKey(credential, request))
        log.debug("token cache: dropped the \(credential.className) token \(reason)")
    }

    private func acquire(
        _ request: TokenRequest, preferred: CredentialKind?, persist: Bool = true
    ) throws(ChainError) -> (AccessToken, CredentialKind) {
        let chain = factory.chain(selection)
        var earlier: [ChainError.Attempt] = []
        var skipping: Set<CredentialKind> = []
        // The member that worked last time goes first, alone; the full chain is the fallback,
        // so a developer machine never pays the managed-identity probe twice.
        if let preferred, !selection.isSingle, let member = chain.members.first(where: { $0.kind == preferred }) {
            log.debug("trying \(preferred.className) first: it worked last time")
            do throws(ChainError) {
                let result = try CredentialChain(members: [member], clock: clock, log: log).token(for: request)
                if persist { remember(result, request) }
                return result
            } catch {
                // Set up but refused (an expired secret, say): stop, as the chain would, rather
                // than fall through to another member that signs in as someone else.
                if error.stopped { throw error }
                earlier = error.attempts
                skipping = [preferred]
            }
        }
        let result = try chain.token(for: request, skipping: skipping, earlier: earlier)
        if persist { remember(result, request) }
        return result
    }

    private func remember(_ result: (AccessToken, CredentialKind), _ request: TokenRequest) {
        guard let cache else { return }
        cache.store(result.0, for: cacheKey(result.1, request))
        if !selection.isSingle {
            cache.setPreferredCredential(
                result.1, chain: selection.name, tenant: request.tenant ?? settings.tenantID,
                clientID: settings.clientID, scope: request.scope, selectors: selectors(nil))
        }
    }

    private func preferredCredential(for request: TokenRequest) -> CredentialKind? {
        if selection.isSingle { return selection.members[0] }
        return cache?.preferredCredential(
            chain: selection.name, tenant: request.tenant ?? settings.tenantID,
            clientID: settings.clientID, scope: request.scope, selectors: selectors(nil))
            .flatMap { selection.members.contains($0) ? $0 : nil }
    }

    /// The lock every process after this request's token shares, whichever credential serves it.
    private func lockKey(_ request: TokenRequest) -> TokenCache.Key {
        TokenCache.Key(kind: "chain-\(selection.name)", tenant: request.tenant ?? settings.tenantID,
                       clientID: settings.clientID, scope: request.scope, selectors: selectors(nil))
    }

    private func cacheKey(_ kind: CredentialKind, _ request: TokenRequest) -> TokenCache.Key {
        TokenCache.Key(kind: kind.rawValue, tenant: request.tenant ?? settings.tenantID,
                       clientID: settings.clientID, scope: request.scope, selectors: selectors(kind))
    }

    /// The selectors beyond tenant, client id and scope (issue 11): the managed identity asked
    /// for (AZURE_CLIENT_OBJECT_ID and AZURE_CLIENT_RESOURCE_ID were once left out, so switching
    /// them returned the previous identity's token), the authority host, and for az and azd the
    /// account they are signed in as. `kind` nil leaves the account out, for the record of
    /// which credential worked.
    private func selectors(_ kind: CredentialKind?) -> String {
        var parts: [String] = []
        if let selector = settings.managedIdentity.selector { parts.append(selector.keyText) }
        if let host = settings.authorityHost { parts.append("authority=\(host)") }
        if let kind, let account = SignedInAccount.fingerprint(of: kind, environment: settings.toolEnvironment) {
            parts.append("account=\(account)")
        }
        return parts.joined(separator: ",")
    }
}
