import PGEntraIdentity
import PGEntraSystem

/// `pgentra token`: the raw access token and a newline, nothing else, for `PGPASSWORD=$(pgentra token)`.
struct TokenCommand {
    let invocation: Invocation
    let environment: Environment
    let console: Console

    func run() -> ExitStatus {
        do throws(ErrorReport) {
            let context = try IdentityContext(invocation: invocation, environment: environment, console: console)
            let provided = try context.token(minimumLifetime: invocation.minimumLifetime.map(Int64.init))
            guard invocation.json else {
                console.output(provided.token.token + "\n")
                return .success
            }
            let role = context.role(for: provided.token)
            let object: [String: JSONValue] = [
                "token": .string(provided.token.token),
                "expires_on": .number(Double(provided.token.expiresOn)),
                "credential": .string(provided.credential.rawValue),
                "user": role.map { .string($0.name) } ?? .null,
            ]
            console.output(JSONValue.object(object).encoded() + "\n")
            return .success
        } catch {
            console.report(error)
            return .failure
        }
    }
}
