import PGEntraDatabase
import PGEntraIdentity
import PGEntraOutput
import PGEntraShell
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Why a session could not start, with psql's exit status for it (1 for pgentra's own errors,
/// 2 when the connection could not be made).
struct StartupFailure: Error {
    var report: ErrorReport
    var status: ExitStatus
}

/// Opens the output files and the first connection of a session (psql's startup.c), taking the
/// password from the token provider and the role from the token when none is given.
struct SessionStarter {
    let invocation: Invocation
    let environment: Environment
    let console: Console

    /// Opens the session and runs `body` with it: what every form that runs SQL does. When the
    /// session cannot start, the reason is reported instead and its exit status returned (1, or
    /// 2 when the connection failed, as psql's main exits).
    func withSession(strict: Bool, interactive: Bool, _ body: (SessionSettings, Session) -> ExitStatus) -> ExitStatus {
        do throws(StartupFailure) {
            let (settings, session) = try openSession(strict: strict, interactive: interactive)
            return body(settings, session)
        } catch {
            console.report(error.report)
            return error.status
        }
    }

    /// Reads the session options and connects. `strict` is `exec`'s ON_ERROR_STOP-always mode.
    private func openSession(strict: Bool, interactive: Bool) throws(StartupFailure) -> (SessionSettings, Session) {
        let settings: SessionSettings
        do throws(ErrorReport) {
            settings = try SessionSettings(invocation: invocation, environment: environment, strict: strict)
        } catch {
            throw StartupFailure(report: error, status: .failure)
        }
        return (settings, try start(settings, interactive: interactive))
    }

    func start(_ settings: SessionSettings, interactive: Bool) throws(StartupFailure) -> Session {
        let standardOutput = ByteSink(.descriptor(1))
        let output = try settings.outputPath.map { path throws(StartupFailure) in try openOutput(path) }
        let log = try settings.logPath.map { path throws(StartupFailure) in try openLog(path) }
        let passwordAuth = invocation.credentials.passwordAuth
        var parameters = ConnectionParameters(
            host: invocation.connection.host, port: invocation.connection.port,
            user: invocation.connection.username,
            // psql -l connects to "postgres" unless told otherwise, PGDATABASE included.
            dbname: invocation.connection.dbname ?? (invocation.has(.list) ? "postgres" : nil),
            terminalEncoding: environment["PGCLIENTENCODING"] == nil && isatty(0) == 1 && isatty(1) == 1)
        let resolved = parameters.resolve()
        if let error = resolved.error {
            throw StartupFailure(report: ErrorReport(Connector.trim(error)), status: .connectionFailed)
        }

        var passwords: TokenPasswordSource?
        var roleSource: RoleResolver.Source?
        if !passwordAuth {
            let identity: IdentityContext
            do throws(ErrorReport) {
                identity = try IdentityContext(invocation: invocation, environment: environment, console: console)
            } catch {
                throw StartupFailure(report: error, status: .failure)
            }
            if environment["PGPASSWORD"] != nil || resolved["password"] != nil {
                console.warning("the password in PGPASSWORD or the connection string is ignored: pgentra signs in with a Microsoft Entra token (use --password-auth for password sign-in)")
            }
            let source = TokenPasswordSource(
                provider: identity.provider,
                explicitScope: invocation.credentials.scope ?? environment["PGENTRA_SCOPE"],
                tenant: identity.request.tenant)
            passwords = source
            // The role comes from the token, so the token comes first (cli.md "Role name").
            // Without one there is no role to derive: libpq's default user is tried, and the
            // Connector reports the chain's failure if the server asks for a password.
            if identity.target.user == nil, let password = try? source.password(forHost: resolved["host"]) {
                guard let token = source.current?.token, password.secret == token.token,
                      let role = identity.role(for: token) else {
                    throw StartupFailure(report: ErrorReport(
                        "could not derive a PostgreSQL role from the token's claims",
                        details: ["none of xms_mirid, upn, preferred_username, unique_name is present"],
                        hint: RoleResolver.noRoleHint), status: .connectionFailed)
                }
                parameters = parameters.with("user", role.name)
                roleSource = role.source
            }
        }

        let connector = Connector(
            passwords: passwords, environmentSSLMode: environment["PGSSLMODE"] != nil,
            warn: { console.warning($0) })
        let connection: Connection
        do throws(ConnectionError) {
            connection = try connector.connect(parameters, resolved: resolved)
        } catch {
            // No token handed out: the chain failed and libpq's own attempt is what failed.
            let withoutToken = passwords != nil && passwords?.current == nil
            throw StartupFailure(report: Self.report(error, roleSource: roleSource, withoutToken: withoutToken), status: .connectionFailed)
        }
        let session = Session(
            connection: connection, connector: connector, tokenSource: passwords, variables: settings.variables,
            printOptions: settings.printOptions, standardOutput: standardOutput, output: output, log: log,
            interactive: interactive, diagnostics: { console.error($0) })
        // Only output to a terminal can page: elsewhere the PATH is not searched for `less`.
        if isatty(1) == 1 { session.pagerSettings = PagerSettings(environment: environment) }
        // What the shell's commands see, like the process's own copy: no credential secrets.
        session.environment = environment.with(Dictionary(uniqueKeysWithValues: Environment.secretNames.map { ($0, nil) }))
        session.optionsHelp = HelpText.text(for: .shell)
        return session
    }

    /// libpq's text after `pgentra: error: `; a refused sign-in says how the role was chosen,
    /// unless no token was sent (the server wanted no password, and libpq's words are psql's).
    static func report(_ error: ConnectionError, roleSource: RoleResolver.Source?, withoutToken: Bool = false) -> ErrorReport {
        switch error {
        case .noPassword(let rendered):
            return ErrorReport(rendered: rendered)
        case .failed(let message, let authentication):
            var report = ErrorReport(message)
            let missingRole = message.contains("role \"") && message.contains("does not exist")
            if (authentication || missingRole) && !withoutToken {
                let how = roleSource.map { "The role was derived from \($0)." } ?? "The role was given on the command line or in the environment."
                report.hint = "\(how) Pass the PostgreSQL role that is mapped to this identity with -U NAME (see pgentra whoami)."
            }
            return report
        }
    }

    /// `-o FILE`: query output to a file, truncated.
    private func openOutput(_ path: String) throws(StartupFailure) -> ByteSink {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw StartupFailure(report: ErrorReport("\(path): \(String(cString: strerror(errno)))"), status: .failure)
        }
        return ByteSink(.descriptor(fd))
    }

    private func openLog(_ path: String) throws(StartupFailure) -> ByteSink {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw StartupFailure(report: ErrorReport("could not open log file \"\(path)\": \(String(cString: strerror(errno)))"), status: .failure)
        }
        return ByteSink(.descriptor(fd))
    }
}
