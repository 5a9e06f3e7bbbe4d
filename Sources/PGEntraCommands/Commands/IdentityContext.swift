import PGEntraDatabase
import PGEntraIdentity
import PGEntraSystem

/// What `token`, `whoami` and (later) every connection need to get a token: the validated
/// selection, the settings, the cache and the provider, built once from argv and the environment.
struct IdentityContext {
    let provider: TokenProvider
    let request: TokenRequest
    let target: ConnectionTarget
    let selection: CredentialSelection
    let log: DiagnosticLog

    init(invocation: Invocation, environment: Environment, console: Console) throws(ErrorReport) {
        let debug = invocation.credentials.debug || environment.flag("PGENTRA_DEBUG")
        let log = DiagnosticLog(debugEnabled: debug) { level, message in
            switch level {
            case .debug: console.error("pgentra: debug: \(message)\n")
            case .warning: console.error("pgentra: warning: \(message)\n")
            case .notice: console.error("\(message)\n")
            }
        }
        do throws(CredentialSelection.Invalid) {
            selection = try CredentialSelection.resolve(option: invocation.credentials.credential, environment: environment)
        } catch {
            throw ErrorReport(error.description, hint: "Run \"pgentra --help\" for the list of credentials.")
        }
        do throws(ConnectionTarget.Invalid) {
            target = try ConnectionTarget(
                host: invocation.connection.host, username: invocation.connection.username,
                dbname: invocation.connection.dbname, pgHost: environment["PGHOST"], pgUser: environment["PGUSER"])
        } catch {
            throw ErrorReport(error.description)
        }
        let settings = IdentitySettings(
            environment: environment, tenant: invocation.credentials.tenant, clientID: invocation.credentials.clientID)
        let scope = DatabaseScope.scope(
            explicit: invocation.credentials.scope ?? environment["PGENTRA_SCOPE"], host: target.host)
        request = TokenRequest(scope: scope, tenant: settings.tenantID)

        let noCache = invocation.credentials.noTokenCache || environment.flag("PGENTRA_NO_TOKEN_CACHE")
        let cache = noCache ? nil : TokenCache.defaultDirectory(environment: environment).map {
            TokenCache(directory: $0, log: log)
        }
        let http = CurlHTTPClient(settings: CurlHTTPClient.Settings(
            caFile: environment["SSL_CERT_FILE"], caDirectory: environment["SSL_CERT_DIR"],
            httpProxy: environment["http_proxy"] ?? environment["ALL_PROXY"] ?? environment["all_proxy"],
            httpsProxy: environment["HTTPS_PROXY"] ?? environment["https_proxy"]
                ?? environment["ALL_PROXY"] ?? environment["all_proxy"],
            noProxy: environment["NO_PROXY"] ?? environment["no_proxy"],
            directHosts: settings.managedIdentity.endpointHosts,
            timeoutLimit: environment["PGENTRA_HTTP_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }))
        provider = TokenProvider(
            selection: selection, settings: settings, cache: cache, http: http,
            runner: SpawnedProcessRunner(), clock: .system, log: log)
        self.log = log
        log.debug("credential selection: \(selection.name) (\(selection.members.map(\.className).joined(separator: ", ")))")
        log.debug("scope: \(scope)\(target.host.map { " (host \($0))" } ?? "")")
    }

    /// `fallingBack` and `pastTheCache`: as TokenProvider.token's.
    func token(minimumLifetime: Int64? = nil, fallingBack: Bool = true, pastTheCache: Bool = false) throws(ErrorReport) -> TokenProvider.Provided {
        do throws(ChainError) {
            return try provider.token(for: request, minimumLifetime: minimumLifetime, fallingBack: fallingBack, pastTheCache: pastTheCache)
        } catch {
            throw error.report(scope: request.scope, selection: selection)
        }
    }

    /// The role to sign in as (cli.md "Role name"): an explicit user first, then the token's
    /// claims, then the claims of a management-scope token; nil when nothing names one.
    func role(for token: AccessToken) -> (name: String, source: RoleResolver.Source)? {
        if let user = target.user {
            switch user.source {
            case .option: return (user.name, .option("-U"))
            case .connectionString: return (user.name, .connectionString)
            case .environment: return (user.name, .environment("PGUSER"))
            }
        }
        let resolver = RoleResolver()
        if let claims = try? JWT(decoding: token.token).claims, let found = resolver.role(from: claims) {
            return (found.name, .claim(found.claim))
        }
        log.debug("the token names no role; trying a management-scope token")
        let management = TokenRequest(scope: DatabaseScope.management, tenant: request.tenant)
        guard let provided = try? provider.transientToken(for: management, like: request),
              let claims = try? JWT(decoding: provided.token.token).claims,
              let found = resolver.role(from: claims) else { return nil }
        return (found.name, .managementTokenClaim(found.claim))
    }
}
