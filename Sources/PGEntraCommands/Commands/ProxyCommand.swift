import CLinux
import PGEntraDatabase
import PGEntraIdentity
import PGEntraProxy
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `pgentra proxy --listen ADDRESS` (issue 12): checks the settings, opens the listener and
/// the token source, and runs ProxyServer until SIGINT or SIGTERM. Every failure before it
/// accepts is a one-line error with exit status 1.
struct ProxyCommand {
    let invocation: Invocation
    let environment: Environment
    let console: Console

    func run() -> ExitStatus {
        do throws(ErrorReport) {
            let (settings, credentials, tls) = try prepare()
            let listener: ProxyListener
            do throws(ProxyListener.Failure) {
                listener = try ProxyListener.open(settings.listen)
            } catch {
                throw ErrorReport(error.description)
            }
            // Signals arrive through a signalfd, read by the accept loop: no handler, and every
            // thread started from here on inherits the blocked mask. SIGPIPE is ignored, as a
            // server does: a client or server gone away is a closed connection, not our death.
            var mask = sigset_t()
            sigemptyset(&mask)
            for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&mask, signal) }
            pthread_sigmask(SIG_BLOCK, &mask, nil)
            signal(SIGPIPE, SIG_IGN)
            // Two descriptors per connection: as many as the hard limit allows, as servers do.
            var limit = rlimit()
            if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 && limit.rlim_cur < limit.rlim_max {
                limit.rlim_cur = limit.rlim_max
                setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            }
            let signals = signalfd(-1, &mask, Int32(SFD_CLOEXEC))
            guard signals >= 0 else {
                listener.close()
                throw ErrorReport("could not create a signalfd: \(String(cString: strerror(errno)))")
            }
            let server = ProxyServer(settings: settings, credentials: credentials, tls: tls) { [console] line in
                console.error(line + "\n")
            }
            credentials.startRenewing { reason in console.warning("could not renew the token: \(reason)") }
            console.error("pgentra proxy: listening on \(settings.listen), signing in to \(settings.target.host):\(settings.target.port)\n")
            server.run(listener: listener, signals: signals)
            // Relay and sign-in threads may still be inside OpenSSL: leave without running
            // exit handlers (OpenSSL's own cleanup among them) under their feet.
            _exit(ExitStatus.success.rawValue)
        } catch {
            console.report(error)
            return .failure
        }
    }

    /// Everything checked before the listener opens: the address, the upstream target as libpq
    /// resolves it, TLS, the local password, and the first token (so a proxy that cannot sign
    /// anyone in says so at once rather than to its first client).
    private func prepare() throws(ErrorReport) -> (ProxyServer.Settings, ProxyCredentials, TLSClientContext) {
        guard let options = invocation.proxy, let listenText = options.listen else {
            throw ErrorReport(CommandLineError.missingListenAddress.description)
        }
        let listen: ListenAddress
        do throws(ListenAddress.Invalid) {
            listen = try ListenAddress.parse(listenText)
        } catch {
            throw ErrorReport(error.description)
        }
        if !listen.isLoopback {
            guard options.allowRemote else {
                throw ErrorReport(
                    "\(listen) is not a loopback address",
                    hint: "Anyone who reaches it is signed in as your identity. Use 127.0.0.1, [::1] or unix:DIR, or --allow-remote with --local-password.")
            }
            console.warning("listening on \(listen), which other machines can reach: every client that connects is signed in as your identity, and clients talk to the proxy without TLS\(options.localPassword ? "" : "; consider --local-password")")
        }
        var localPassword: [UInt8]?
        if options.localPassword || environment["PGENTRA_PROXY_PASSWORD"] != nil {
            // Environment's subscript treats an empty value as unset: an empty password is no password.
            guard let password = environment["PGENTRA_PROXY_PASSWORD"] else {
                throw ErrorReport("--local-password needs the password in PGENTRA_PROXY_PASSWORD", hint: "Secrets never go on the command line, where other users can read them.")
            }
            localPassword = Array(password.utf8)
        }

        let context = try IdentityContext(invocation: invocation, environment: environment, console: console)
        let target = try Self.target(TargetParameters(invocation: invocation)
            .secured(context: context, environment: environment, console: console).resolved)
        let tls: TLSClientContext
        do throws(TLSClientContext.Failure) {
            tls = try TLSClientContext(target)
        } catch {
            throw ErrorReport(error.description)
        }

        let credentials = ProxyCredentials(
            fetch: { (purpose: ProxyCredentials.Purpose) throws(ProxyRefusal) -> ProxyCredentials.Current in
                let provided: TokenProvider.Provided
                do throws(ErrorReport) {
                    provided = try context.token(fallingBack: purpose == .connection, pastTheCache: purpose == .forcedRenewal)
                } catch {
                    throw .noToken(([error.primary] + error.details).joined(separator: "; "))
                }
                return ProxyCredentials.Current(
                    token: provided.token, credential: provided.credential,
                    role: context.role(for: provided.token)?.name, fetchedAt: Clock.system.epochSeconds)
            },
            discard: { current in
                context.provider.discardCachedToken(for: context.request, credential: current.credential, reason: "as the proxy asked")
            },
            now: { Clock.system.epochSeconds })
        do throws(ProxyRefusal) {
            _ = try credentials.current()
        } catch {
            throw ErrorReport(error.message, details: error.detail.map { [$0] } ?? [], hint: error.hint)
        }
        let settings = ProxyServer.Settings(
            listen: listen, target: target, maximumConnections: options.maximumConnections,
            clientTimeout: Double(options.clientTimeout), grace: Double(options.grace), verbose: options.verbose,
            localPassword: localPassword)
        return (settings, credentials, tls)
    }

    /// What libpq would do for these settings and the proxy does not. They are refused at
    /// start, never dropped: whoever asked for a client certificate, a revocation list, channel
    /// binding or a restricted set of authentication methods must not get a connection without it.
    /// `value` nil: refused whatever its value.
    static let unsupported: [(keyword: String, value: String?, what: String)] = [
        ("sslcert", nil, "client certificates"),
        ("sslkey", nil, "client certificates"),
        ("sslcrl", nil, "certificate revocation lists"),
        ("sslcrldir", nil, "certificate revocation lists"),
        ("require_auth", nil, "require_auth"),
        ("channel_binding", "require", "channel binding (SCRAM-SHA-256-PLUS)"),
        ("gssencmode", "require", "GSSAPI encryption"),
    ]

    /// The one server the proxy signs in to, from libpq's resolved options.
    static func target(_ resolved: ResolvedParameters) throws(ErrorReport) -> UpstreamTarget {
        for setting in unsupported {
            guard let value = resolved[setting.keyword], setting.value.map({ $0 == value }) ?? true else { continue }
            throw ErrorReport(
                "pgentra proxy does not support \(setting.what) (\(setting.keyword)=\(value))",
                hint: "Remove the setting, or connect with pgentra itself or pgentra run, which pass it to libpq.")
        }
        let hosts = (resolved["host"] ?? "").split(separator: ",")
        guard hosts.count <= 1 else { throw ErrorReport("pgentra proxy signs in to one host; \"\(resolved["host"] ?? "")\" names several") }
        guard let host = hosts.first.map(String.init), !host.hasPrefix("/") else {
            throw ErrorReport("pgentra proxy needs a TCP host for the server (-h HOST)", hint: "A Unix socket directory is a local server, which needs no token.")
        }
        let portText = resolved["port"] ?? "5432"
        guard let port = UInt16(portText), port > 0 else { throw ErrorReport("invalid port number: \"\(portText)\"") }
        let modeText = resolved["sslmode"] ?? "prefer"
        guard let mode = UpstreamTarget.SSLMode(rawValue: modeText) else { throw ErrorReport("invalid sslmode value: \"\(modeText)\"") }
        return UpstreamTarget(
            host: host, address: resolved["hostaddr"], port: port, sslMode: mode,
            rootCertificates: resolved["sslrootcert"].flatMap { $0 == "system" ? nil : $0 })
    }
}
