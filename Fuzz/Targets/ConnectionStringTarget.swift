@testable import PGEntraDatabase
@testable import PGEntraIdentity
@testable import PGEntraSystem

extension FuzzTarget {
    /// Connection strings and URLs as pgentra reads them before libpq does: `-d`'s conninfo or
    /// URI (ConnectionTarget, libpq's PQconninfoParse underneath), the token scope chosen from
    /// the host (DatabaseScope), the authority host (AuthorityHost) and managed-identity
    /// endpoints (Loopback.host(ofURL:), ManagedIdentitySettings.endpointHosts).
    static let connectionString = FuzzTarget(
        name: "connection-string", summary: "conninfo and URI targets, scope by host, authority and endpoint URLs",
        seeds: [
            // ConnectionTargetTests, DatabaseScopeTests, AuthorityHostTests, IdentitySettingsTests.
            "host=db.postgres.database.azure.com user='alice@contoso.com' dbname=postgres sslmode=require",
            "postgresql://alice%40contoso.com@db.postgres.database.azure.com:5432/postgres?sslmode=verify-full",
            "postgres://[::1]:5433,127.0.0.1/db?target_session_attrs=read-write",
            "host=srv.postgres.database.chinacloudapi.cn hostaddr=10.0.0.1 port=5432",
            "dbname='it''s' options='-c search_path=a\\ b'",
            "https://login.microsoftonline.com/",
            "http://[::1]:8080/metadata/identity/oauth2/token",
            "http://user@127.0.0.1:40342/metadata",
        ].map { Array($0.utf8) },
        prepare: { _ in
            { bytes in
                let text = LosslessText.string(decoding: bytes)
                let target = try? ConnectionTarget(host: nil, username: nil, dbname: text, pgHost: "localhost", pgUser: "postgres")
                _ = DatabaseScope.scope(explicit: nil, host: target?.host ?? text)
                _ = try? AuthorityHost(text)
                _ = Loopback.host(ofURL: text)
                _ = Loopback.isLoopbackURL(text)
                _ = ManagedIdentitySettings(identityEndpoint: text, imdsEndpoint: text).endpointHosts
            }
        })
}
