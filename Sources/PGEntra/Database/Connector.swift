import CLibpq

/// Opens connections the way cli.md says: libpq merges the target, pgentra adds the secure
/// TLS default for remote hosts and the token as password, and one authentication failure with
/// a cached token is retried with a fresh one.
public struct Connector {
    /// The distribution's CA bundle: libpq 15 has no `sslrootcert=system`.
    public static let systemRootCertificates = "/etc/ssl/certs/ca-certificates.crt"

    let passwords: (any PasswordSource)?
    /// Whether PGSSLMODE is set (libpq reads it itself; this only tells whether sslmode was chosen).
    let environmentSSLMode: Bool
    let warn: (String) -> Void

    /// `passwords` nil means `--password-auth`: libpq's own password sources (PGPASSWORD, .pgpass).
    public init(passwords: (any PasswordSource)?, environmentSSLMode: Bool, warn: @escaping (String) -> Void) {
        self.passwords = passwords
        self.environmentSSLMode = environmentSSLMode
        self.warn = warn
    }

    /// Connects; `resolved` is the caller's `parameters.resolve()` when it already has it.
    public func connect(_ parameters: ConnectionParameters, resolved known: ResolvedParameters? = nil) throws(ConnectionError) -> Connection {
        let resolved = known ?? parameters.resolve()
        if let error = resolved.error {
            throw .failed(message: Self.trim(error), authentication: false)
        }
        let secured = secure(parameters, resolved)
        guard let passwords else { return try attempt(secured, password: nil) }

        let password = try passwords.password(forHost: resolved["host"])
        do {
            return try attempt(secured, password: password.secret)
        } catch .failed(_, authentication: true) where password.fromCache {
            // cli.md: a cached token the server refuses is dropped and replaced, once.
            passwords.rejected(password)
            let fresh = try passwords.password(forHost: resolved["host"])
            return try attempt(secured, password: fresh.secret)
        }
    }

    /// Adds `sslmode=verify-full` against the system roots for a remote host when no sslmode was
    /// chosen anywhere, and warns when a weaker one was (cli.md "TLS").
    func secure(_ parameters: ConnectionParameters, _ resolved: ResolvedParameters) -> ConnectionParameters {
        guard !resolved.isLocal else { return parameters }
        let explicit = environmentSSLMode || Self.explicitKeywords(parameters).contains("sslmode")
            || resolved["service"] != nil && resolved["sslmode"] != "prefer"
        if explicit {
            let mode = resolved["sslmode"] ?? "prefer"
            if ["disable", "allow", "prefer", "require"].contains(mode), passwords != nil {
                warn("sslmode=\(mode) does not verify the server's identity: the access token can be captured in transit and replayed until it expires; use sslmode=verify-full")
            }
            return parameters
        }
        var secured = parameters.with("sslmode", "verify-full")
        if resolved["sslrootcert"] == nil {
            secured = secured.with("sslrootcert", Self.systemRootCertificates)
        }
        return secured
    }

    /// Keywords given explicitly, including those inside an expanded dbname.
    static func explicitKeywords(_ parameters: ConnectionParameters) -> Set<String> {
        var names = Set(parameters.keywords.map(\.0))
        for (keyword, value) in parameters.keywords where keyword == "dbname" && ConnectionTarget.isConnectionString(value) {
            if let parsed = try? ConnectionTarget.parse(value) { names.formUnion(parsed.keys) }
        }
        return names
    }

    private func attempt(_ parameters: ConnectionParameters, password: String?) throws(ConnectionError) -> Connection {
        let keywords = password.map { parameters.keywords + [("password", $0)] } ?? parameters.keywords
        let handle: OpaquePointer? = withKeywordArrays(keywords) { names, values in
            PQconnectdbParams(names, values, 1)
        }
        guard let handle else { throw .failed(message: "out of memory", authentication: false) }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trim(String(cString: PQerrorMessage(handle)))
            PQfinish(handle)
            throw .failed(message: message, authentication: ConnectionError.isAuthenticationFailure(message))
        }
        return Connection(handle: handle, parameters: parameters)
    }

    static func trim(_ message: String) -> String {
        var text = message
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
