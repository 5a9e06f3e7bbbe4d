import Foundation
import TestSupport
import Testing

/// Plain dumps restored through pgentra the ways a dump is fed to psql (issue 10, item 6,
/// RestoreWay): on a server of each release (the differential servers' own kind, in a pool of
/// their own), pg_dump 18.6 (and on 15, Debian's pg_dump 15 too) dumps a database full of what
/// dumps carry; the reference psql 18.6 and pgentra each restore it into a fresh database;
/// their status, stdout and stderr (program name normalised) must be equal, and so must a
/// second pg_dump 18.6 of each restored database.
@Suite(.serialized) struct DumpRestoreTests {
    @Test(arguments: DumpRestoreRun.all)
    func restoresLikePsql(_ run: DumpRestoreRun) throws {
        let server = try DifferentialServer.shared(run.release, pool: .dumpRestore)
        let databases = ScratchDatabases(on: server, prefix: "dump\(run.dumper.major)_\(run.release.major)")
        defer { databases.dropAll() }
        let directory = server.scratch.makeDirectory("dump-\(run.dumper.major)-\(run.release.major)", mode: 0o755)
        let dump = try Self.dumpOfFixture(run, on: server, into: databases, directory: directory)

        for way in RestoreWay.allCases {
            let (expected, actual) = try Self.restore(dump, way: way, on: server, into: databases)
            if run.dumper.major == run.release.major {
                // A newer pg_dump's dump sets what older servers lack (transaction_timeout, 17).
                #expect(expected.result.status == 0 && expected.result.stderr.isEmpty,
                        "psql's own restore \(way): \(expected.result.stderr)")
            }
            Self.compare(actual.result, expected.result, way: way)
            let (got, want) = (try Self.redump(actual.database, on: server), try Self.redump(expected.database, on: server))
            #expect(got == want, "second dump after the restore \(way)")
            if way == .file, run.dumper == .v18 {
                // The fixture survives the round trip, so the dumps compared above hold all of it.
                #expect(want == PlainDump.comparable(try String(contentsOfFile: dump, encoding: .utf8)),
                        "psql's restore dumps as the source did")
            }
        }
    }

    /// A COPY that fails in a dump restored with and without ON_ERROR_STOP. One that never
    /// started (its table made with other columns, or never made): without ON_ERROR_STOP psql
    /// reads its data lines and throws them away instead of running them as SQL or
    /// meta-commands (with `\restrict` on, each `\N` would be refused), and the rest of the dump
    /// restores as usual; with it psql stops there with status 3. One that started and failed
    /// on a bad data line has taken its data up to `\.` all the same.
    @Test(arguments: DumpRestoreRun.all, DumpFault.allCases)
    func aFailedCopyRunsNoneOfItsDataLikePsql(_ run: DumpRestoreRun, _ fault: DumpFault) throws {
        let server = try DifferentialServer.shared(run.release, pool: .dumpRestore)
        let databases = ScratchDatabases(on: server, prefix: "copyfail_\(fault)_\(run.dumper.major)_\(run.release.major)")
        defer { databases.dropAll() }
        let directory = server.scratch.makeDirectory("copyfail-\(fault)-\(run.dumper.major)-\(run.release.major)", mode: 0o755)
        let source = try Self.dumpOfFixture(run, on: server, into: databases, directory: directory)
        let dump = try fault.apply(toDumpAt: source, serverVersion: server.versionNumber)
        let dataLines = PlainDump.copyDataLines(try String(contentsOfFile: dump, encoding: .utf8))
        try #require(!dataLines.isEmpty)

        var psqlErrors: [RestoreWay: String] = [:]
        for way in RestoreWay.allCases {
            let (expected, actual) = try Self.restore(dump, way: way, on: server, into: databases, prepare: fault.prepare)
            psqlErrors[way] = expected.result.stderr
            #expect(expected.result.stderr.contains(fault.failure), "psql's restore \(way) meets the fault")
            #expect(expected.result.status == (way.stopsOnError ? 3 : 0), "psql's exit status \(way)")
            if let file = way.fromFile {
                // psql names no script line for standard input; what it says must be what it
                // said reading the same dump from the file, so it skipped the same lines.
                #expect(expected.result.stderr == PlainDump.withoutLocations(psqlErrors[file] ?? "", file: dump),
                        "psql's complaints \(way) are those \(file)")
            } else {
                #expect(PlainDump.complaintsAboutData(expected.result.stderr, file: dump, dataLines: dataLines).isEmpty,
                        "psql skips the data lines \(way)")
                #expect(PlainDump.complaintsAboutData(actual.result.stderr, file: dump, dataLines: dataLines).isEmpty,
                        "pgentra skips the data lines \(way)")
            }
            Self.compare(actual.result, expected.result, way: way)
            #expect(try Self.redump(actual.database, on: server) == (try Self.redump(expected.database, on: server)),
                    "second dump after the restore \(way)")
        }
    }

    /// Status, stdout and stderr of pgentra's restore against psql's.
    static func compare(_ actual: ChildProcess.Result, _ expected: ChildProcess.Result, way: RestoreWay) {
        #expect(actual.status == expected.status, "exit status \(way)")
        #expect(actual.stdout == expected.stdout, "stdout \(way)")
        #expect(actual.stderr == DifferentialTests.normalise(expected.stderr), "stderr \(way)")
    }

    /// A fresh database (`databases.name("source")`) filled with the fixture, dumped by the
    /// run's pg_dump with `options` into `directory`.
    static func dumpOfFixture(_ run: DumpRestoreRun, on server: DifferentialServer, into databases: ScratchDatabases,
                              directory: String, options: [String] = []) throws -> String {
        try run.dumper.verify("pg_dump")
        try PostgresRelease.v18.verify("pg_dump")
        let source = try databases.create("source")
        let filled = server.psql(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", DumpRestoreFixture.sql], overrides: ["-d", source])
        try #require(filled.status == 0, "fixture: \(filled.stderr)")
        let dumped = server.reference("\(run.dumper.binaries)/pg_dump", options, overrides: ["-d", source])
        try #require(dumped.status == 0, "pg_dump: \(dumped.stderr)")
        try #require(dumped.stdout.contains(#"\restrict "#) && dumped.stdout.contains("COPY shop.items"))
        let path = "\(directory)/dump.sql"
        try dumped.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// psql 18.6 and pgentra each restore `dump` one way into a fresh database of its own,
    /// where `prepare` (SQL) ran first.
    static func restore(_ dump: String, way: RestoreWay, on server: DifferentialServer, into databases: ScratchDatabases,
                        prepare: String? = nil) throws -> (expected: Restored, actual: Restored) {
        let (psqlDatabase, pgentraDatabase) = (try databases.create("psql_\(way)"), try databases.create("pgentra_\(way)"))
        if let prepare {
            for database in [psqlDatabase, pgentraDatabase] {
                let prepared = server.psql(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", prepare], overrides: ["-d", database])
                try #require(prepared.status == 0, "prepare: \(prepared.stderr)")
            }
        }
        let expected = server.psql(way.psqlArguments(dump), standardInput: way.standardInput(dump), overrides: ["-d", psqlDatabase])
        let actual = server.pgentra(way.pgentraArguments(dump), standardInput: way.standardInput(dump),
                                    overrides: ["-d", pgentraDatabase])
        return (Restored(database: psqlDatabase, result: expected), Restored(database: pgentraDatabase, result: actual))
    }

    /// pg_dump 18.6 of a restored database, `\restrict` keys normalised.
    static func redump(_ database: String, on server: DifferentialServer) throws -> String {
        let dumped = server.reference("\(PostgresRelease.v18.binaries)/pg_dump", [], overrides: ["-d", database])
        try #require(dumped.status == 0, "pg_dump \(database): \(dumped.stderr)")
        return PlainDump.comparable(dumped.stdout)
    }

    struct Restored {
        let database: String
        let result: ChildProcess.Result
    }
}
