import Synchronization
import Testing
@testable import PGEntraIdentity
@testable import PGEntraProxy

/// ProxyCredentials' decisions, with a scripted fetch and a clock that only moves when told:
/// which token a connection gets, and what a renewal keeps. The renewal thread's timing is
/// covered against the emulator in ProxyTests.
@Suite struct ProxyCredentialsTests {
    /// A fetch that answers from a script and records each purpose it was asked for.
    final class Script: @unchecked Sendable {
        let clock = Atomic<Int64>(1_000)
        let answers = Mutex<[Result<ProxyCredentials.Current, ProxyRefusal>]>([])
        let asked = Mutex<[ProxyCredentials.Purpose]>([])
        let discarded = Mutex<[String]>([])

        func token(_ name: String, expiresIn seconds: Int64) -> ProxyCredentials.Current {
            let now = clock.load(ordering: .relaxed)
            return ProxyCredentials.Current(
                token: AccessToken(token: name, expiresOn: now + seconds), credential: .managedIdentity, role: "pg-reader", fetchedAt: now)
        }

        func then(_ answer: Result<ProxyCredentials.Current, ProxyRefusal>) {
            answers.withLock { $0.append(answer) }
        }

        var credentials: ProxyCredentials {
            ProxyCredentials(
                fetch: { [self] (purpose: ProxyCredentials.Purpose) throws(ProxyRefusal) -> ProxyCredentials.Current in
                    asked.withLock { $0.append(purpose) }
                    let answer = answers.withLock { $0.isEmpty ? .failure(.noToken("nothing scripted")) : $0.removeFirst() }
                    return try answer.get()
                },
                discard: { [self] current in discarded.withLock { $0.append(current.token.token) } },
                now: { [self] in clock.load(ordering: .relaxed) })
        }
    }

    @Test func aConnectionGetsTheHeldTokenUntilItsLastSeconds() throws {
        let script = Script()
        let credentials = script.credentials
        script.then(.success(script.token("first", expiresIn: 60)))
        #expect(try credentials.current().token.token == "first")
        #expect(try credentials.current().token.token == "first", "held, not fetched again")
        script.clock.store(1_051, ordering: .relaxed)
        script.then(.success(script.token("second", expiresIn: 60)))
        #expect(try credentials.current().token.token == "second", "9 s left: fetched anew")
        #expect(script.asked.withLock { $0 } == [.connection, .connection])
    }

    /// A renewal that brings a token about to expire, or one ending no later than the held one,
    /// fails (so the renewal thread backs off) and keeps the held token.
    @Test func aRenewalKeepsTheHeldTokenUnlessTheNewOneOutlivesIt() throws {
        let script = Script()
        let credentials = script.credentials
        script.then(.success(script.token("held", expiresIn: 600)))
        _ = try credentials.current()
        for useless in [script.token("dying", expiresIn: 10), script.token("shorter", expiresIn: 500), script.token("same", expiresIn: 600)] {
            script.then(.success(useless))
            #expect(throws: ProxyRefusal.self) { try credentials.renew(forced: false) }
            #expect(try credentials.current().token.token == "held", "\(useless.token.token) did not replace it")
        }
        script.then(.success(script.token("later", expiresIn: 900)))
        try credentials.renew(forced: false)
        #expect(try credentials.current().token.token == "later")
        #expect(script.asked.withLock { $0 } == [.connection, .renewal, .renewal, .renewal, .renewal])
    }

    /// SIGHUP's renewal goes past the cache and replaces the held token even when both end in
    /// the same second; if Entra fails, the held token stays and nothing is discarded.
    @Test func aForcedRenewalGoesPastTheCacheAndKeepsTheTokenOnFailure() throws {
        let script = Script()
        let credentials = script.credentials
        script.then(.success(script.token("held", expiresIn: 600)))
        _ = try credentials.current()
        script.then(.failure(.noToken("Entra said no")))
        #expect(throws: ProxyRefusal.self) { try credentials.renew(forced: true) }
        #expect(try credentials.current().token.token == "held")
        #expect(script.discarded.withLock { $0 }.isEmpty)
        script.then(.success(script.token("fresh", expiresIn: 600)))
        try credentials.renew(forced: true)
        #expect(try credentials.current().token.token == "fresh")
        #expect(script.asked.withLock { $0 } == [.connection, .forcedRenewal, .forcedRenewal])
    }

    /// A token the server refused is dropped from memory and the cache; the next connection fetches.
    @Test func aRefusedTokenIsDiscardedOnce() throws {
        let script = Script()
        let credentials = script.credentials
        script.then(.success(script.token("refused", expiresIn: 600)))
        let first = try credentials.current()
        credentials.refused(first.token)
        credentials.refused(first.token)
        #expect(script.discarded.withLock { $0 } == ["refused"], "once, however many connections saw it")
        script.then(.success(script.token("next", expiresIn: 600)))
        #expect(try credentials.current().token.token == "next")
    }

    @Test func renewalIsDueFiveMinutesBeforeExpiryOrAtHalfAShortLife() {
        let script = Script()
        #expect(ProxyCredentials.renewal(script.token("hour", expiresIn: 3600)) == 1_000 + 3600 - 300)
        #expect(ProxyCredentials.renewal(script.token("short", expiresIn: 40)) == 1_000 + 20)
    }
}
