import Testing
@testable import PGEntraDatabase

@Suite struct ConnectionTargetTests {
    private func target(host: String? = nil, username: String? = nil, dbname: String? = nil, pgHost: String? = nil, pgUser: String? = nil)
        throws(ConnectionTarget.Invalid) -> ConnectionTarget
    {
        try ConnectionTarget(host: host, username: username, dbname: dbname, pgHost: pgHost, pgUser: pgUser)
    }

    @Test func explicitOptionsComeFirst() throws {
        let found = try target(host: "h", username: "u", dbname: "db", pgHost: "ph", pgUser: "pu")
        #expect(found.host == "h")
        #expect(found.user?.name == "u")
        #expect(found.user?.source == .option)
    }

    @Test func environmentFillsTheGaps() throws {
        let found = try target(dbname: "plain-name", pgHost: "ph", pgUser: "pu")
        #expect(found.host == "ph")
        #expect(found.user?.name == "pu")
        #expect(found.user?.source == .environment)
    }

    @Test func aConninfoStringGivesHostAndUser() throws {
        let found = try target(dbname: "host=srv.postgres.database.azure.com user=alice@contoso.com dbname=app", pgHost: "ph", pgUser: "pu")
        #expect(found.host == "srv.postgres.database.azure.com")
        #expect(found.user?.name == "alice@contoso.com")
        #expect(found.user?.source == .connectionString)
    }

    @Test func aURIGivesHostAndUser() throws {
        let found = try target(dbname: "postgresql://bob%40contoso.com@srv.postgres.database.usgovcloudapi.net:5432/app?sslmode=verify-full")
        #expect(found.host == "srv.postgres.database.usgovcloudapi.net")
        #expect(found.user?.name == "bob@contoso.com")
    }

    @Test func hostaddrStandsInForAMissingHost() throws {
        #expect(try target(dbname: "hostaddr=10.0.0.5 dbname=x").host == "10.0.0.5")
    }

    /// psql passes -h/-U before the expanded dbname, so the connection string's values win.
    @Test func theConnectionStringUserWinsOverDashU() throws {
        let found = try target(host: "h", username: "explicit", dbname: "host=fromconninfo user=fromconninfo")
        #expect(found.user?.name == "fromconninfo")
        #expect(found.host == "fromconninfo")
    }

    @Test func nothingGivenMeansNoUser() throws {
        let found = try target()
        #expect(found.host == nil)
        #expect(found.user == nil)
    }

    @Test func aBrokenConnectionStringIsAnError() {
        do throws(ConnectionTarget.Invalid) {
            _ = try target(dbname: "host='unterminated")
            Issue.record("accepted a broken conninfo")
        } catch {
            #expect(error.description.hasPrefix("invalid connection string: "))
        }
        #expect(throws: ConnectionTarget.Invalid.self) { try target(dbname: "nosuchkeyword=1") }
    }

    @Test func connectionStringRecognitionFollowsLibpq() {
        #expect(ConnectionTarget.isConnectionString("postgresql://h/db"))
        #expect(ConnectionTarget.isConnectionString("postgres://h/db"))
        #expect(ConnectionTarget.isConnectionString("dbname=x"))
        #expect(!ConnectionTarget.isConnectionString("mydb"))
    }
}
