import CLibpq

/// libpq's defaults as PQconndefaults gives them: each keyword's value from its PG* variable,
/// the service file PGSERVICE names, or the compiled-in default, and the variable libpq reads
/// for it. Read once and handed to every `resolve` that needs it, so that `run` and `proxy`
/// call PQconndefaults once however often they resolve their target.
package struct ConnectionDefaults: Sendable {
    /// The keywords that have a default value.
    let values: [String: String]
    /// The environment variable libpq reads for each keyword that has one (PQconndefaults'
    /// `envvar`: `host` is PGHOST, `sslrootcert` PGSSLROOTCERT), as this libpq knows them.
    package let environmentNames: [String: String]

    /// PQconndefaults now; none when it fails (out of memory).
    package init() {
        guard let defaults = PQconndefaults() else {
            values = [:]
            environmentNames = [:]
            return
        }
        defer { PQconninfoFree(defaults) }
        let options = ConninfoOption.list(defaults)
        values = ConninfoOption.values(options)
        environmentNames = Dictionary(
            options.compactMap { option in option.environmentName.map { (option.keyword, $0) } },
            uniquingKeysWith: { first, _ in first })
    }
}
