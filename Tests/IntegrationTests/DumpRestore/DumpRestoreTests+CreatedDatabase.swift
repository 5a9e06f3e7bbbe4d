import Foundation
import TestSupport
import Testing

extension DumpRestoreTests {
    /// A dump made with `pg_dump -C` creates its database and `\connect`s to it in the middle of
    /// the script, between an `\unrestrict` and a new `\restrict`: restored from the `postgres`
    /// database, psql and pgentra must print and exit alike, pgentra must sign the new
    /// connection in as psql does (psql's do_connect, reusing the connection's parameters), and
    /// the database each one created must dump alike. Each restore re-creates the source
    /// database, so psql's is dumped and dropped before pgentra's runs.
    @Test(arguments: DumpRestoreRun.all)
    func aDumpThatCreatesItsDatabaseRestoresLikePsql(_ run: DumpRestoreRun) throws {
        let server = try DifferentialServer.shared(run.release, pool: .dumpRestore)
        let granted = server.postgres.superuserSQL("alter role \"\(DifferentialServer.role)\" createdb")
        try #require(granted.status == 0, "createdb: \(granted.stderr)")
        let databases = ScratchDatabases(on: server, prefix: "created\(run.dumper.major)_\(run.release.major)")
        defer { databases.dropAll() }
        let directory = server.scratch.makeDirectory("created-\(run.dumper.major)-\(run.release.major)", mode: 0o755)
        let dump = try Self.dumpOfFixture(run, on: server, into: databases, directory: directory, options: ["-C"])
        let created = databases.name("source")
        try #require(try String(contentsOfFile: dump, encoding: .utf8).contains(#"\connect"#), "pg_dump -C connects")

        for way in RestoreWay.allCases {
            databases.drop(created)
            let expected = server.psql(way.psqlArguments(dump), standardInput: way.standardInput(dump), overrides: ["-d", "postgres"])
            let want = Self.createdDump(created, on: server)
            databases.drop(created)
            let actual = server.pgentra(way.pgentraArguments(dump), standardInput: way.standardInput(dump),
                                        overrides: ["-d", "postgres"])
            let got = Self.createdDump(created, on: server)
            Self.compare(actual, expected, way: way)
            #expect(got == want, "second dump after the restore \(way)")
            if way == .file, run.dumper.major == run.release.major {
                #expect(expected.status == 0 && expected.stderr.isEmpty, "psql's own restore \(way): \(expected.stderr)")
                if run.dumper == .v18 {
                    #expect(want == PlainDump.comparable(try String(contentsOfFile: dump, encoding: .utf8)),
                            "psql's restore dumps as the source did")
                }
            }
        }
    }

    /// pg_dump 18.6 -C of the database a restore created, `\restrict` keys normalised, or what
    /// pg_dump said when there is none (a restore in one transaction cannot CREATE DATABASE).
    static func createdDump(_ database: String, on server: DifferentialServer) -> String {
        let dumped = server.reference("\(PostgresRelease.v18.binaries)/pg_dump", ["-C"], overrides: ["-d", database])
        return dumped.status == 0 ? PlainDump.comparable(dumped.stdout) : "pg_dump failed: \(dumped.stderr)"
    }
}
