import PGEntraDatabase
import PGEntraShell
import PGEntraSystem

/// The server `run` and `proxy` point at, as libpq resolves it (PQconndefaults, then -h, -p,
/// -U, -d and a conninfo inside it), and then with the TLS the shell would add for it:
/// verify-full against the system roots for a remote host with no sslmode chosen, and a
/// warning for a weak one (Connector.secure).
struct TargetParameters {
    let given: ConnectionParameters
    let resolved: ResolvedParameters
    /// libpq's defaults, read once for both resolutions and `run`'s variable names.
    let defaults: ConnectionDefaults

    /// Resolves what was given; a bad connection string is an error before any token is fetched.
    init(invocation: Invocation) throws(ErrorReport) {
        given = ConnectionParameters(
            host: invocation.connection.host, port: invocation.connection.port,
            user: invocation.connection.username, dbname: invocation.connection.dbname, terminalEncoding: false)
        defaults = ConnectionDefaults()
        resolved = given.resolve(defaults: defaults)
        if let error = resolved.error { throw ErrorReport(Connector.trim(error)) }
    }

    /// The parameters secured as the shell secures a connection, `user` (`run`'s derived role)
    /// replacing the given one, and libpq's values for them.
    func secured(
        user: String? = nil, context: IdentityContext, environment: Environment, console: Console
    ) throws(ErrorReport) -> (parameters: ConnectionParameters, resolved: ResolvedParameters) {
        let connector = Connector(
            passwords: TokenPasswordSource(provider: context.provider, explicitScope: nil, tenant: context.request.tenant),
            environmentSSLMode: environment["PGSSLMODE"] != nil, warn: { console.warning($0) })
        let parameters = connector.secure(user.map { given.with("user", $0) } ?? given, resolved)
        let values = parameters.resolve(defaults: defaults)
        if let error = values.error { throw ErrorReport(Connector.trim(error)) }
        return (parameters, values)
    }
}
