import PGEntraDatabase
import PGEntraIdentity
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `pgentra run [OPTIONS] -- CMD [ARGS...]` (issue 12, cli.md): CMD gets the environment libpq
/// reads, with a token that has `--min-ttl` left as PGPASSWORD, and then replaces pgentra
/// (execvp), so its exit status, signals and stdio are its own. `--print-env` prints the same
/// variables as `export` lines for `eval`. It serves every libpq program (pg_dump, pgbench,
/// psycopg, ...) for as long as one token lasts; `pgentra proxy` serves longer-lived clients.
package struct RunCommand {
    let invocation: Invocation
    let environment: Environment
    let console: Console

    /// Long enough for a pg_dump or a migration to open every connection it needs with the
    /// token it was given (cli.md's `run`).
    static let defaultMinimumLifetime: Int64 = 15 * 60

    func run() -> ExitStatus {
        let variables: [(name: String, value: String)]
        do throws(ErrorReport) {
            variables = try libpqEnvironment()
        } catch {
            console.report(error)
            return .failure
        }
        if invocation.printEnvironment {
            console.output(variables.map { "export \($0.name)=\(Self.shellQuoted($0.value))\n" }.joined())
            return .success
        }
        return execute(variables)
    }

    /// The variables CMD needs, sorted by name. The target is resolved as libpq resolves it
    /// (PQconndefaults, then -h/-p/-d and an expanded conninfo), TLS is secured as the shell
    /// secures it (Connector.secure: verify-full against the system roots for a remote host
    /// with no sslmode chosen, a warning for a weak one), and the role is the shell's.
    func libpqEnvironment() throws(ErrorReport) -> [(name: String, value: String)] {
        let context = try IdentityContext(invocation: invocation, environment: environment, console: console)
        let target = try TargetParameters(invocation: invocation)
        let provided = try context.token(
            minimumLifetime: invocation.minimumLifetime.map(Int64.init) ?? Self.defaultMinimumLifetime)
        guard let role = context.role(for: provided.token) else {
            throw ErrorReport(
                "could not derive a PostgreSQL role from the token's claims",
                details: ["none of xms_mirid, upn, preferred_username, unique_name is present"],
                hint: RoleResolver.noRoleHint)
        }
        let secured = try target.secured(user: role.name, context: context, environment: environment, console: console)

        // What was given here (-h, -p, -d and the keywords inside it, the role, the TLS that
        // secure added) becomes variables; what came from the environment is inherited as is.
        // A password in the target is not passed on: the token is the password.
        let names = target.defaults.environmentNames
        let keywords = Connector.explicitKeywords(secured.parameters).subtracting(["password", "passfile"])
        var variables: [String: String] = [:]
        for keyword in keywords {
            guard let name = names[keyword], let value = secured.resolved[keyword] else { continue }
            variables[name] = value
        }
        variables["PGPASSWORD"] = provided.token.token
        return variables.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// execvp with `variables` set in the environment pgentra has left (main removed the
    /// credential secrets from it). Returns only when CMD could not be started.
    private func execute(_ variables: [(name: String, value: String)]) -> ExitStatus {
        for (name, value) in variables {
            LosslessText.withCString(value) { _ = setenv(name, $0, 1) }
        }
        let program = invocation.command[0]
        let reason = CStringArray.withArray(invocation.command, lossless: true) { arguments in
            execvp(arguments[0]!, arguments)
            return String(cString: strerror(errno))
        }
        console.report(ErrorReport("could not run \"\(program)\": \(reason)"))
        return .failure
    }

    /// `value` in single quotes for a POSIX shell, a `'` written as `'\''`.
    static func shellQuoted(_ value: String) -> String {
        "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
