/// Tries credentials in order (credentials.md §8.3): an *unavailable* member is recorded and
/// the next one tried; any other failure stops the chain. The first token wins.
struct CredentialChain: Sendable {
    /// A member, or the reason it could not be built (reported as unavailable, like the SDKs' stand-ins).
    enum Member: Sendable {
        case ready(any TokenCredential)
        case unbuildable(CredentialKind, CredentialError)

        var kind: CredentialKind {
            switch self {
            case .ready(let credential): credential.kind
            case .unbuildable(let kind, _): kind
            }
        }
    }

    let members: [Member]
    let clock: Clock
    let log: DiagnosticLog

    /// Tries each member not in `skipping`; `earlier` attempts are reported as if made now.
    func token(
        for request: TokenRequest, skipping: Set<CredentialKind> = [], earlier: [ChainError.Attempt] = []
    ) throws(ChainError) -> (AccessToken, CredentialKind) {
        var attempts = earlier
        for member in members where !skipping.contains(member.kind) {
            let started = clock.now()
            let outcome: CredentialError
            switch member {
            case .unbuildable(_, let error):
                outcome = error
            case .ready(let credential):
                do throws(CredentialError) {
                    let token = try credential.token(for: request)
                    try Self.validate(token, now: clock.epochSeconds)
                    log.debug("\(member.kind.className): token acquired in \(Self.milliseconds(since: started, clock)) ms, expires \(token.expiresOn)")
                    return (token, member.kind)
                } catch {
                    outcome = error
                }
            }
            log.debug("\(member.kind.className): \(outcome.isUnavailable ? "unavailable" : "failed") after \(Self.milliseconds(since: started, clock)) ms: \(outcome.message)")
            attempts.append(ChainError.Attempt(kind: member.kind, error: outcome))
            if !outcome.isUnavailable { throw ChainError(attempts: attempts, stopped: true) }
        }
        throw ChainError(attempts: attempts, stopped: false)
    }

    /// A token the server would reject anyway is an error here, where the credential is known:
    /// it must be a JWT and must not have expired.
    static func validate(_ token: AccessToken, now: Int64) throws(CredentialError) {
        do throws(JWT.DecodingError) {
            _ = try JWT(decoding: token.token)
        } catch {
            throw .authenticationFailed("returned a malformed token: \(error)")
        }
        guard token.expiresOn > now else {
            throw .authenticationFailed("returned a token that expired \(now - token.expiresOn) seconds ago (check the clock of this machine)")
        }
    }

    private static func milliseconds(since start: Double, _ clock: Clock) -> Int {
        Int((clock.now() - start) * 1000)
    }
}

/// Every credential tried and why each gave no token.
package struct ChainError: Error, Equatable, Sendable, CustomStringConvertible {
    struct Attempt: Equatable, Sendable {
        let kind: CredentialKind
        let error: CredentialError
    }

    let attempts: [Attempt]
    /// True when a member failed after being set up (the chain stopped there); false when none was available.
    let stopped: Bool

    package var description: String {
        (["could not get an access token"] + attempts.map { "\($0.kind.className): \($0.error.message)" })
            .joined(separator: "\n")
    }
}
