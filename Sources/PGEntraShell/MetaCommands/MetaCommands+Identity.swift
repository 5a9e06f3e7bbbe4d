import PGEntraDatabase
import PGEntraIdentity

/// The Entra ID side of the shell: `\conninfo`'s identity rows, `\whoami`, `\refresh`. Each
/// names the token's credential and lifetime, never the token.
extension MetaCommands {
    /// The rows after psql's in `\conninfo`'s table, when the session signs in with a token.
    func conninfoIdentityRows() -> [(String, String)] {
        guard let provided = session.tokenSource?.current else { return [] }
        let claims = try? JWT(decoding: provided.token.token).claims
        let who = claims.map { "\($0.principalName ?? "(unnamed)") (\($0.principalKind.rawValue))" } ?? "(unknown principal)"
        return [("Signed in as", who), ("Token", "from \(provided.credential.className), \(Self.lifetime(of: provided))")]
    }

    /// `expires in 54 min 10 s (at 2026-11-29 10:32:05 UTC)`.
    static func lifetime(of provided: TokenProvider.Provided) -> String {
        let expires = provided.token.expiresOn
        let when = SignInSummary.lifetime(expiresOn: expires, now: Clock.system.epochSeconds, sayingExpires: true)
        return "\(when) (at \(CivilTime.format(expires)))"
    }

    /// What `pgentra whoami` prints, for the token this session signed in with.
    func whoami(at location: ScriptLocation?) -> Outcome {
        guard let provided = signedIn("whoami", at: location) else { return .failed }
        do throws(JWT.DecodingError) {
            let claims = try JWT(decoding: provided.token.token).claims
            let role = session.connection.map { ($0.user, "the current connection") }
            session.printStandard(SignInSummary.text(provided, claims: claims, role: role, now: Clock.system.epochSeconds))
            return .ok
        } catch {
            session.error("\\whoami: \(error.description)", at: location)
            return .failed
        }
    }

    /// Drops the token (and its cache entry), gets a new one and reconnects with it the way
    /// `\c` and the reset do; on failure the old connection stays.
    func refresh(at location: ScriptLocation?) -> Outcome {
        guard let source = session.tokenSource, signedIn("refresh", at: location) != nil else { return .failed }
        guard let old = session.connection else {
            session.error("You are currently not connected to a database.", at: location)
            return .failed
        }
        source.forgetCurrentToken()
        do throws(ConnectionError) {
            let fresh = try session.connector.connect(old.parameters)
            session.connection = fresh
            session.attach(fresh)
        } catch {
            session.error("\\refresh: \(error.description)", at: location)
            session.report("Previous connection kept", at: nil)
            return .failed
        }
        guard let provided = source.current else { return .ok }
        session.printStandard("New token from \(provided.credential.className), \(Self.lifetime(of: provided)); reconnected.\n")
        return .ok
    }

    private func signedIn(_ command: String, at location: ScriptLocation?) -> TokenProvider.Provided? {
        guard let provided = session.tokenSource?.current else {
            session.error("\\\(command): this session does not sign in with Microsoft Entra ID", at: location)
            return nil
        }
        return provided
    }
}
