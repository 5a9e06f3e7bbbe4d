/// The token scope for a PostgreSQL host (cli.md "Scope from the host", credentials.md §9).
package enum DatabaseScope {
    static let publicCloud = "https://ossrdbms-aad.database.windows.net/.default"
    package static let management = "https://management.azure.com/.default"

    static let byHostSuffix: [(suffix: String, scope: String)] = [
        (".postgres.database.azure.com", publicCloud),
        (".postgres.database.usgovcloudapi.net", "https://ossrdbms-aad.database.usgovcloudapi.net/.default"),
        (".postgres.database.chinacloudapi.cn", "https://ossrdbms-aad.database.chinacloudapi.cn/.default"),
        (".postgres.cosmos.azure.com", "https://token.postgres.cosmos.azure.com/.default"),
    ]

    /// `--scope`/`PGENTRA_SCOPE` win; otherwise the cloud the (first) host belongs to; otherwise public.
    package static func scope(explicit: String?, host: String?) -> String {
        if let explicit { return explicit }
        if let host = host?.split(separator: ",").first?.lowercased() {
            for entry in byHostSuffix where host.hasSuffix(entry.suffix) { return entry.scope }
        }
        return publicCloud
    }
}
