import Testing
@testable import PGEntraIdentity

@Suite struct DatabaseScopeTests {
    @Test(arguments: [
        ("srv.postgres.database.azure.com", "https://ossrdbms-aad.database.windows.net/.default"),
        ("SRV.Postgres.Database.Azure.com", "https://ossrdbms-aad.database.windows.net/.default"),
        ("srv.postgres.database.usgovcloudapi.net", "https://ossrdbms-aad.database.usgovcloudapi.net/.default"),
        ("srv.postgres.database.chinacloudapi.cn", "https://ossrdbms-aad.database.chinacloudapi.cn/.default"),
        ("c-cluster.abc.postgres.cosmos.azure.com", "https://token.postgres.cosmos.azure.com/.default"),
        ("localhost", "https://ossrdbms-aad.database.windows.net/.default"),
        ("/var/run/postgresql", "https://ossrdbms-aad.database.windows.net/.default"),
        ("postgres.database.usgovcloudapi.net.evil.example", "https://ossrdbms-aad.database.windows.net/.default"),
    ])
    func theHostPicksTheCloud(_ host: String, _ scope: String) {
        #expect(DatabaseScope.scope(explicit: nil, host: host) == scope)
    }

    @Test func noHostMeansThePublicCloud() {
        #expect(DatabaseScope.scope(explicit: nil, host: nil) == DatabaseScope.publicCloud)
    }

    @Test func anExplicitScopeAlwaysWins() {
        #expect(DatabaseScope.scope(explicit: "api://custom/.default", host: "srv.postgres.database.usgovcloudapi.net") == "api://custom/.default")
    }

    @Test func theFirstOfSeveralHostsDecides() {
        #expect(DatabaseScope.scope(explicit: nil, host: "a.postgres.database.chinacloudapi.cn,b.postgres.database.azure.com")
            == "https://ossrdbms-aad.database.chinacloudapi.cn/.default")
    }

    @Test func theResourceIsTheScopeWithoutDefault() {
        #expect(TokenRequest(scope: DatabaseScope.publicCloud).resource == Vector.resource)
        #expect(TokenRequest(scope: DatabaseScope.management).resource == "https://management.azure.com")
        #expect(TokenRequest(scope: "api://x").resource == "api://x")
    }
}
