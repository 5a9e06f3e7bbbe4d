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
            throw Self.report(error, scope: request.scope, selection: selection)
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

    static let noRoleHint = "Pass the PostgreSQL role with -U NAME (or set PGUSER): service principals carry no name in their tokens."

    /// A chain failure as psql-style lines: what failed, one detail per credential, what to do.
    static func report(_ error: ChainError, scope: String, selection: CredentialSelection) -> ErrorReport {
        let details = error.attempts.map { "\($0.kind.className): \($0.error.message)" }
        if error.stopped, let last = error.attempts.last {
            return ErrorReport(
                "\(last.kind.className) could not get an access token for \(scope)", details: details,
                hint: hint(for: last.kind, stopped: true))
        }
        let hint = selection.isSingle
            ? hint(for: selection.members[0], stopped: false)
            : "Sign in with \"az login\" or \"azd auth login\", set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a service principal, or choose a credential with --credential (pgentra --help lists them)."
        return ErrorReport("no credential could get an access token for \(scope)", details: details, hint: hint)
    }

    private static func hint(for kind: CredentialKind, stopped: Bool) -> String {
        switch kind {
        case .environment:
            "Check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)."
        case .workloadIdentity:
            "Check AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE and the identity's federated credential."
        case .managedIdentity:
            "Check that this host has a managed identity and, for a user-assigned one, that AZURE_CLIENT_ID names it."
        case .azureCLI:
            "Run \"az login\", or choose another credential with --credential."
        case .azureDeveloperCLI:
            "Run \"azd auth login\", or choose another credential with --credential."
        case .deviceCode:
            "Run the command again and complete the sign-in in a browser."
        }
    }
}
