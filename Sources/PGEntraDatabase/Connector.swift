import CLibpq
import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// Opens connections the way cli.md says: libpq merges the target, pgentra adds the secure
/// TLS default for remote hosts and the token as password, and one authentication failure with
/// a cached token is retried with a fresh one. When no token can be had, the connection is
/// still tried without a password, so a server that wants none (trust, peer, certificate
/// sign-in) is served; only if it asks for one is the chain's failure the error.
package struct Connector {
    /// The system's CA bundle where OpenSSL keeps it (X509_get_default_cert_file), not one
    /// distribution's path: libpq 15 has no `sslrootcert=system`. SSL_CERT_FILE is left out on
    /// purpose: it adds CAs for token endpoints (a TLS-inspecting proxy's, say), and must not
    /// replace the public roots an Azure server's certificate chains to.
    package static var systemRootCertificates: String {
        String(cString: X509_get_default_cert_file())
    }

    let passwords: (any PasswordSource)?
    /// Whether PGSSLMODE is set (libpq reads it itself; this only tells whether sslmode was chosen).
    let environmentSSLMode: Bool
    let warn: (String) -> Void

    /// `passwords` nil means `--password-auth`: libpq's own password sources (PGPASSWORD, .pgpass).
    package init(passwords: (any PasswordSource)?, environmentSSLMode: Bool, warn: @escaping (String) -> Void) {
        self.passwords = passwords
        self.environmentSSLMode = environmentSSLMode
        self.warn = warn
    }

    /// Connects; `resolved` is the caller's `parameters.resolve()` when it already has it.
    package func connect(_ parameters: ConnectionParameters, resolved known: ResolvedParameters? = nil) throws(ConnectionError) -> Connection {
        let resolved = known ?? parameters.resolve()
        if let error = resolved.error {
            throw .failed(message: Self.trim(error), authentication: false)
        }
        let secured = secure(parameters, resolved)
        guard let passwords else { return try attempt(secured, password: nil) }

        let password: Password
        do throws(ConnectionError) {
            password = try passwords.password(forHost: resolved["host"])
        } catch .noPassword(let reasons) {
            return try Self.hidingEnvironmentPassword { () throws(ConnectionError) in
                try attempt(Self.withoutPassword(secured), password: nil, passfile: Self.noPasswordFile, unlessAsked: reasons)
            }
        }
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
    package func secure(_ parameters: ConnectionParameters, _ resolved: ResolvedParameters) -> ConnectionParameters {
        guard !resolved.isLocal else { return parameters }
        let explicit = environmentSSLMode || Self.explicitKeywords(parameters).contains("sslmode")
            || resolved["service"] != nil && resolved["sslmode"] != "prefer"
        if explicit {
            let mode = resolved["sslmode"] ?? "prefer"
            if ["disable", "allow", "prefer", "require"].contains(mode), passwords != nil {
                warn("sslmode=\(mode) does not verify the server's identity: the access token can be captured in transit and replayed until it expires; use sslmode=verify-full")
            }
            // verify-ca checks the chain, not the host name: against public roots any server
            // with a publicly trusted certificate passes, and can replay the token (issue 11).
            let root = resolved["sslrootcert"]
            if mode == "verify-ca", passwords != nil, root == nil || root == "system" || root == Self.systemRootCertificates {
                warn("sslmode=verify-ca does not check the server's host name: with public CAs any server holding a publicly trusted certificate passes, and the access token can be replayed; use sslmode=verify-full")
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
    package static func explicitKeywords(_ parameters: ConnectionParameters) -> Set<String> {
        var names = Set(parameters.keywords.map(\.0))
        for (keyword, value) in parameters.keywords where keyword == "dbname" && ConnectionTarget.isConnectionString(value) {
            if let parsed = try? ConnectionTarget.parse(value) { names.formUnion(parsed.keys) }
        }
        return names
    }

    /// `parameters` with any password inside an expanded `dbname` taken out, for the attempt
    /// without a token: libpq skips an empty `password` keyword, so one given last cannot
    /// override it.
    static func withoutPassword(_ parameters: ConnectionParameters) -> ConnectionParameters {
        ConnectionParameters(keywords: parameters.keywords.flatMap { keyword, value -> [(String, String)] in
            guard keyword == "dbname", ConnectionTarget.isConnectionString(value),
                  let parsed = try? ConnectionTarget.parse(value), parsed["password"] != nil else {
                return [(keyword, value)]
            }
            return parsed.filter { $0.key != "password" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        })
    }

    /// Runs `body` with PGPASSWORD out of libpq's sight and puts it back after: libpq reads it
    /// when no password keyword is given, and pgentra's token sign-in ignores it. Only for the
    /// moment of the attempt, so `\!` commands still inherit it as they would from psql.
    static func hidingEnvironmentPassword<T>(_ body: () throws(ConnectionError) -> T) throws(ConnectionError) -> T {
        guard let saved = getenv("PGPASSWORD").map({ String(cString: $0) }) else { return try body() }
        unsetenv("PGPASSWORD")
        defer { setenv("PGPASSWORD", saved, 1) }
        return try body()
    }

    /// A password file that cannot exist (nothing lies under /dev/null), so libpq's stat fails
    /// silently and no ~/.pgpass password is sent where pgentra signs in with tokens.
    static let noPasswordFile = "/dev/null/no-password-file"

    /// One PQconnectdbParams. `password` and `passfile`, when given, come last and so override
    /// the target's. With `reasons`, a server that asks for a password (libpq's
    /// PQconnectionNeedsPassword) fails with those reasons instead of libpq's "no password supplied".
    private func attempt(
        _ parameters: ConnectionParameters, password: String?, passfile: String? = nil, unlessAsked reasons: String? = nil
    ) throws(ConnectionError) -> Connection {
        var keywords = parameters.keywords
        if let password { keywords.append(("password", password)) }
        if let passfile { keywords.append(("passfile", passfile)) }
        let handle: OpaquePointer? = withKeywordArrays(keywords) { names, values in
            PQconnectdbParams(names, values, 1)
        }
        guard let handle else { throw .failed(message: "out of memory", authentication: false) }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trim(String(cString: PQerrorMessage(handle)))
            let asked = PQconnectionNeedsPassword(handle) == 1
            PQfinish(handle)
            if let reasons, asked { throw .noPassword(reasons) }
            throw .failed(message: message, authentication: ConnectionError.isAuthenticationFailure(message))
        }
        return Connection(handle: handle, parameters: parameters)
    }

    package static func trim(_ message: String) -> String {
        var text = message
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
