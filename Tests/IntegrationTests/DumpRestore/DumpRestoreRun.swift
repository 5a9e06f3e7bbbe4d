import TestSupport
import Testing

/// Whose pg_dump dumps which server: pg_dump 18.6 every server, pg_dump 15 only server 15 (it
/// refuses newer ones).
struct DumpRestoreRun: Sendable, CustomTestStringConvertible {
    let dumper: PostgresRelease
    let release: PostgresRelease

    var testDescription: String { "pg_dump \(dumper.major) of \(release)" }

    static let all: [DumpRestoreRun] = PostgresRelease.servers.map { DumpRestoreRun(dumper: .v18, release: $0) }
        + [DumpRestoreRun(dumper: .debian15, release: .debian15)]
}
