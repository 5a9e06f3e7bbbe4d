import Foundation
import TestSupport

/// A PostgreSQL of the regression scripts' own, one per release, where each run gets a fresh
/// database named `regression` (the scripts name it: `\dt regression.pg_catalog.pg_class` is the
/// current database, `nonesuch.…` another) with test_setup.sql's tables the scripts read.
///
/// Both programs sign in as the managed identity's role (RoleDatabase), made a superuser as
/// pg_regress's user is: the scripts create roles and an access method, and read and write files
/// on the server with COPY.
final class RegressionServer: @unchecked Sendable {
    static let database = "regression"

    let server: RoleDatabase
    let scratch = TemporaryDirectory(prefix: "pgentra-regress")

    private static let started = ServersByRelease { try RegressionServer($0) }

    /// The server of `release`, started on first use.
    static func shared(_ release: PostgresRelease) throws -> RegressionServer {
        try started.server(release)
    }

    private init(_ release: PostgresRelease) throws {
        server = try RoleDatabase(Self.database, release: release)
        let granted = server.postgres.superuserSQL("alter role \"\(RoleDatabase.role)\" superuser")
        guard granted.status == 0 else { throw RoleDatabase.SetupError(description: "superuser: \(granted.stderr)") }
    }

    /// What one run of a program printed (stdout and stderr in one stream) and its exit status.
    struct Run {
        let status: Int32
        let output: String
    }

    /// Runs `program` (the reference psql or pgentra) as pg_regress runs psql on a script, in a
    /// fresh `regression` database: `-X -a -q`, the script on stdin, `2>&1`. The umask lets the
    /// server (another OS user when the tests run as root) write over the files the client made.
    func run(_ program: String, script: String, name: String) throws -> Run {
        try recreateDatabase()
        let directory = scratch.makeDirectory(name, mode: 0o777)
        scratch.makeDirectory("\(name)/results", mode: 0o777)
        let input = scratch.write("\(name).sql", script, mode: 0o644)
        var variables = program == References.psql ? server.psqlVariables : server.environment.variables
        variables["PGTZ"] = "America/Los_Angeles"
        variables["PGDATESTYLE"] = "Postgres, MDY"
        variables["PG_ABS_BUILDDIR"] = directory
        variables["LC_ALL"] = "C.UTF-8"
        let result = ChildProcess.run(
            "/bin/sh", ["-c", "umask 000; exec \"$0\" \"$@\" 2>&1", program, "-X", "-a", "-q"] + server.connection,
            environment: variables, timeout: 300, standardInput: input)
        return Run(status: result.status, output: result.stdout + result.stderr)
    }

    /// Drops the database a run left behind with the roles it made, then creates it again,
    /// owned by the role, with the fixtures.
    private func recreateDatabase() throws {
        let role = RoleDatabase.role
        let reset = server.postgres.superuserScript("""
            drop database if exists \(Self.database) with (force);
            do $$ declare r name; begin
              for r in select rolname from pg_roles where rolname like 'regress\\_%' loop
                execute format('drop role %I', r);
              end loop;
            end $$;
            create database \(Self.database) owner "\(role)" template template0;
            """)
        guard reset.status == 0 else { throw RoleDatabase.SetupError(description: "recreate \(Self.database): \(reset.stderr)") }
        try server.runAsRole(Self.fixtureSQL, making: "fixtures")
    }

    /// test_setup.sql's onek and tenk1, with its columns; the rows are generated (unique1 and
    /// unique2 run from 0, as in the data files, so the scripts' `order by unique2 limit 19` and
    /// `max(unique1)` see the same numbers).
    static let fixtureSQL = """
    grant all on schema public to public;
    create table onek (unique1 int4, unique2 int4, two int4, four int4, ten int4, twenty int4, hundred int4,
      thousand int4, twothousand int4, fivethous int4, tenthous int4, odd int4, even int4,
      stringu1 name, stringu2 name, string4 name);
    insert into onek select g, g, g % 2, g % 4, g % 10, g % 20, g % 100, g % 1000, g % 2000, g % 5000, g % 10000,
      (g % 100) * 2 + 1, (g % 100) * 2, 'A' || g, 'B' || g, 'AAAAxx' from generate_series(0, 999) g;
    create table tenk1 (like onek);
    insert into tenk1 select g, g, g % 2, g % 4, g % 10, g % 20, g % 100, g % 1000, g % 2000, g % 5000, g % 10000,
      (g % 100) * 2 + 1, (g % 100) * 2, 'A' || g, 'B' || g, 'AAAAxx' from generate_series(0, 9999) g;
    analyze onek;
    analyze tenk1;
    """
}
