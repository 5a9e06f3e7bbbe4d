import CLibpq
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// The libpq keywords pgentra passes for a connection: psql's options turned into keywords,
/// with `dbname` expanded by libpq itself (conninfo strings and URIs), so merging with
/// PG* variables and service files is libpq's, not ours (psql-compat.md §1).
package struct ConnectionParameters: Sendable, Equatable {
    /// In order; later entries do not override earlier ones except as libpq's rules say
    /// (an expanded `dbname` overrides keywords before it, as psql's own list does).
    var keywords: [(String, String)]

    package static func == (lhs: ConnectionParameters, rhs: ConnectionParameters) -> Bool {
        lhs.keywords.map { "\($0.0)=\($0.1)" } == rhs.keywords.map { "\($0.0)=\($0.1)" }
    }

    /// psql's order (startup.c): host, port, user, password, dbname (expanded), then
    /// fallback_application_name and client_encoding.
    ///
    /// The client encoding as psql's startup.c and do_connect choose it: on a terminal
    /// (`terminalEncoding`: stdin and stdout are terminals and PGCLIENTENCODING is unset) the
    /// terminal's, otherwise none, so the server uses the database's encoding (or libpq
    /// PGCLIENTENCODING's) and a script's bytes reach it exactly as psql sends them. psql asks
    /// for `auto`, which libpq takes from the locale psql set with setlocale(LC_ALL, ""); pgentra
    /// sets no locale (libpq would find "C" and choose SQL_ASCII), so on a terminal it asks for
    /// UTF8, what `auto` gives in the UTF-8 locales pgentra supports.
    package init(host: String?, port: String?, user: String?, dbname: String?, terminalEncoding: Bool) {
        var keywords: [(String, String)] = []
        if let host { keywords.append(("host", host)) }
        if let port { keywords.append(("port", port)) }
        if let user { keywords.append(("user", user)) }
        if let dbname { keywords.append(("dbname", dbname)) }
        keywords.append(("fallback_application_name", "pgentra"))
        if terminalEncoding { keywords.append(("client_encoding", "UTF8")) }
        self.keywords = keywords
    }

    package init(keywords: [(String, String)]) {
        self.keywords = keywords
    }

    package func with(_ keyword: String, _ value: String) -> ConnectionParameters {
        ConnectionParameters(keywords: keywords + [(keyword, value)])
    }

    /// The value libpq will use for each keyword once it has merged conninfo, service file,
    /// environment and defaults. Usually that is libpq's defaults (`defaults`, PQconndefaults:
    /// PG* variables, PGSERVICE, compiled defaults) overlaid with the keywords in order, an
    /// expanded `dbname` parsed by libpq. Only a `service` named in the keywords themselves
    /// needs the slower way: letting libpq build (but not complete) a connection and asking it.
    package func resolve(defaults: ConnectionDefaults = ConnectionDefaults()) -> ResolvedParameters {
        var values = defaults.values
        var namesService = false
        for (keyword, value) in keywords {
            if keyword == "dbname" && ConnectionTarget.isConnectionString(value) {
                let expanded: [String: String]
                do throws(ConninfoOption.ParseFailure) {
                    expanded = try ConninfoOption.parse(value)
                } catch {
                    return ResolvedParameters(values: values, error: error.message)
                }
                namesService = namesService || expanded["service"] != nil
                values.merge(expanded) { $1 }
            } else {
                namesService = namesService || keyword == "service"
                values[keyword] = value
            }
        }
        return namesService ? resolveByStartingConnection() : ResolvedParameters(values: values, error: nil)
    }

    /// libpq's own answer, from a connection it sets up and that is closed before its first poll
    /// sends anything (the server still sees a TCP connection open and close).
    private func resolveByStartingConnection() -> ResolvedParameters {
        withKeywordArrays(keywords) { names, values in
            guard let connection = PQconnectStartParams(names, values, 1) else {
                return ResolvedParameters(values: [:], error: "out of memory")
            }
            defer { PQfinish(connection) }
            var values: [String: String] = [:]
            if let options = PQconninfo(connection) {
                values = ConninfoOption.values(options)
                PQconninfoFree(options)
            }
            let failed = PQstatus(connection) == CONNECTION_BAD
            return ResolvedParameters(
                values: values, error: failed ? String(cString: PQerrorMessage(connection)) : nil)
        }
    }
}

/// What libpq made of the parameters; `error` when they could not even be parsed.
package struct ResolvedParameters: Sendable, Equatable {
    var values: [String: String]
    package var error: String?

    package subscript(_ keyword: String) -> String? {
        values[keyword].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every host is a Unix socket directory or a loopback address: where TLS protects nothing
    /// a local attacker couldn't read anyway, and the token is not at risk on the wire.
    var isLocal: Bool {
        let hosts = (self["host"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
        let addresses = (self["hostaddr"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
        if hosts.isEmpty && addresses.isEmpty { return true }
        for (index, host) in hosts.enumerated() {
            let address = index < addresses.count ? String(addresses[index]) : ""
            if !address.isEmpty {
                if !Loopback.isLoopbackHost(address) { return false }
                continue
            }
            if host.isEmpty || host.hasPrefix("/") || host.hasPrefix("@") { continue }
            if !Loopback.isLoopbackHost(String(host)) { return false }
        }
        return true
    }
}

/// NULL-terminated keyword and value arrays for libpq's *Params functions (PQconnectdbParams,
/// PQconnectStartParams), which take them as `const char *const *`.
func withKeywordArrays<R>(
    _ keywords: [(String, String)],
    _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R
) -> R {
    CStringArray.withArray(keywords.map(\.0), lossless: false) { names in
        CStringArray.withArray(keywords.map(\.1), lossless: false) { values in
            let constNames = names.map { UnsafePointer($0) }
            let constValues = values.map { UnsafePointer($0) }
            return constNames.withUnsafeBufferPointer { namePointer in
                constValues.withUnsafeBufferPointer { valuePointer in
                    body(namePointer.baseAddress!, valuePointer.baseAddress!)
                }
            }
        }
    }
}
