import Foundation
import TestSupport
import Testing

/// One server release with the emulator and a database of fixtures, shared by every differential
/// case on that release: psql 18.6 signs in with a token the emulator issued (PGPASSWORD), pgentra
/// gets the same token from its own cache, so both talk to the same server as the same role.
final class DifferentialServer: @unchecked Sendable {
    static let role = RoleDatabase.role
    static let database = "difftest"
    /// A SQL_ASCII database, where the server stores whatever bytes it gets and psql (whose
    /// client encoding follows the database's when not on a terminal) prints them as they are.
    static let sqlASCIIDatabase = "difftest_sql_ascii"

    let release: PostgresRelease
    let server: RoleDatabase
    var postgres: PostgresServer { server.postgres }
    var environment: TestEnvironment { server.environment }
    let scratch = TemporaryDirectory(prefix: "pgentra-diff")
    /// The server's `server_version_num`, for cases that need a feature of a newer release.
    let versionNumber: Int

    /// Who shares a set of servers: the differential cases (and the completion queries run on
    /// their fixtures), or the dump-restore tests, whose CREATE and DROP DATABASE would race
    /// the cases that list every database (`\l`) between psql's run and pgentra's.
    enum Pool: Hashable, Sendable {
        case differential, dumpRestore
    }

    private static let differential = ServersByRelease { try DifferentialServer($0) }
    private static let dumpRestore = ServersByRelease { try DifferentialServer($0) }

    /// The server of `release` in `pool`, started on first use; a failure to start (a missing
    /// reference, a fixture the release refuses) is thrown to every case on it, with its message.
    static func shared(_ release: PostgresRelease, pool: Pool = .differential) throws -> DifferentialServer {
        switch pool {
        case .differential: try differential.server(release)
        case .dumpRestore: try dumpRestore.server(release)
        }
    }

    private init(_ release: PostgresRelease) throws {
        self.release = release
        server = try RoleDatabase(Self.database, release: release)
        server.environment["PGTZ"] = "UTC"
        server.environment["LC_ALL"] = "C.UTF-8"
        let version = server.postgres.superuserSQL("show server_version_num")
        guard version.status == 0, let number = Int(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw RoleDatabase.SetupError(description: "server_version_num: \(version.stderr)")
        }
        versionNumber = number
        let tablespace = scratch.makeDirectory("tablespace", mode: 0o700)
        if geteuid() == 0 { _ = ChildProcess.run("/bin/chown", ["postgres:postgres", tablespace], environment: [:]) }
        let privileged = postgres.superuserScript(Self.superuserFixtureSQL(version: number, tablespace: tablespace), database: Self.database)
        guard privileged.status == 0 else {
            throw RoleDatabase.SetupError(description: "superuser fixtures on \(release): \(privileged.stderr)")
        }
        let fixtures = psql(["-v", "ON_ERROR_STOP=1", "-q", "-c", Self.fixtureSQL(version: number)])
        guard fixtures.status == 0 else {
            throw RoleDatabase.SetupError(description: "fixtures on \(release): \(fixtures.stderr)")
        }
        let reported = psql(["-X", "-At", "-c", "select version()"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        print("differential: \(References.psql) (psql 18.6) and pgentra against \(reported) on port \(postgres.port)")
    }

    /// What the role cannot create itself, made by the superuser in the test database: a dummy
    /// foreign-data wrapper and server, a tablespace, publications and a subscription that never
    /// connects, and (16 and later) role grants from two grantors with INHERIT and SET options.
    static func superuserFixtureSQL(version: Int, tablespace: String) -> String {
        var sql = """
        create foreign data wrapper dummy_fdw;
        create server dummy_server foreign data wrapper dummy_fdw options (host 'nowhere', port '1');
        create user mapping for "\(role)" server dummy_server options (user 'remote');
        grant usage on foreign server dummy_server to "\(role)";
        create tablespace extra_space location '\(tablespace)';
        grant create on tablespace extra_space to "\(role)";
        grant create on database \(database) to "\(role)";
        create publication pub_for_subscription;
        create subscription diff_sub connection 'host=127.0.0.1 port=1 dbname=nowhere' publication pub_for_subscription
          with (connect = false, enabled = false, create_slot = false, slot_name = none);
        create database \(sqlASCIIDatabase) encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C' template template0 owner "\(role)";
        alter role "\(role)" set work_mem = '8MB';
        alter role "\(role)" in database \(database) set statement_timeout = '1min';
        create role diff_group nologin;
        create role diff_granter_a nologin;
        create role diff_granter_b nologin;
        grant diff_group to diff_granter_a with admin option;
        grant diff_group to diff_granter_b with admin option;

        """
        if version >= 160000 {
            sql += """
            set role diff_granter_a;
            grant diff_group to "\(role)" with inherit true, set false;
            reset role;
            set role diff_granter_b;
            grant diff_group to "\(role)" with inherit false, set true;
            reset role;

            """
        } else {
            sql += "grant diff_group to \"\(role)\";\n"
        }
        return sql
    }

    /// The role's own fixtures: the common set, then what the release adds.
    static func fixtureSQL(version: Int) -> String {
        var sql = commonFixtureSQL + """

        create foreign table extra.remote (id int options (column_name 'remote_id'), v text)
          server dummy_server options (table_name 'remote_items');
        create table spaced (i int primary key using index tablespace extra_space, t text) tablespace extra_space;
        create index spaced_t on spaced (t) tablespace extra_space;
        create publication pub_items for table items, orders (id, qty);
        create statistics extra.audit_mcv (mcv, dependencies) on n, m from extra.audit;
        create view extra."Checked View" with (security_barrier, check_option = local) as
          select id, name from items where id > 0;
        create function extra.body_std(a int) returns int language sql begin atomic select a * 2; end;

        """
        if version >= 180000 {
            sql += "create table extra.virtual_cols (a int not null, b int generated always as (a * 2) virtual, c int generated always as (a + 1) stored);\n"
        }
        return sql
    }

    static let commonFixtureSQL = """
    create table items (id serial primary key, name text not null, price numeric(6,2), note text);
    create index items_name_idx on items (name);
    insert into items (name, price, note) values ('apple', 1.50, null), ('banana, "ripe"', 0.25, 'yellow'),
      ('日本語の名前', 12.00, E'two\\nlines'), ('emoji 🎉', 3.10, E'tab\\there');
    create table orders (id int generated always as identity primary key,
      item_id int references items(id) on delete cascade, qty int check (qty > 0));
    insert into orders (item_id, qty) values (1, 3), (2, 5);
    create view v_items as select id, name from items;
    create sequence myseq;
    create domain posint as int check (value > 0);
    create table kinds (i int, n numeric, f float8, m money, o oid, b bool, d date, p posint, t text);
    insert into kinds values (1, 1.5, 2.25, 3.5, 26, true, '2024-02-29', 7, 'x'), (-10, -100.125, -0.5, -1, 0, false, '1999-12-31', 1, null);
    create schema extra;
    create table extra.things (id int primary key, label varchar(20) default 'x' unique, qty int check (qty >= 0) check (qty < 100));
    create table extra.child_things (note text) inherits (extra.things);
    create materialized view mv_items as select id, name from items;
    create function add_one(i int) returns int language sql immutable as 'select i + 1';
    create unique index things_label_lower on extra.things (lower(label)) where qty > 0;
    create table extra.audit (id int generated by default as identity, body text collate "C", n int, m int,
      total int generated always as (n + m) stored) with (fillfactor = 70);
    create function extra.touch() returns trigger language plpgsql as 'begin return new; end';
    create trigger audit_touch before insert on extra.audit for each row execute function extra.touch();
    create trigger audit_off after update on extra.audit for each row execute function extra.touch();
    alter table extra.audit disable trigger audit_off;
    alter table extra.audit enable row level security;
    create policy audit_read on extra.audit for select to public using (n > 0);
    create statistics extra.audit_stats (ndistinct) on n, m from extra.audit;
    create table extra.parts (k int references items(id), v text) partition by list (k);
    create table extra.parts_1 partition of extra.parts for values in (1);
    create table extra.parts_rest partition of extra.parts default;
    create index parts_k on extra.parts (k);
    create function add_one(i bigint) returns bigint language sql immutable as 'select i + 1';
    """

    /// The connection arguments both programs get.
    var connectionArguments: [String] { server.connection }

    /// Real psql, signed in with the emulator's token as PGPASSWORD: the one pgentra holds now
    /// (the local server keeps one password per role, so a token pgentra replaced after a
    /// refused sign-in would no longer work, unlike on Azure).
    func psql(_ arguments: [String], standardInput: String? = nil, overrides: [String] = [], byteExact: String? = nil) -> ChildProcess.Result {
        reference(References.psql, arguments, standardInput: standardInput, overrides: overrides, byteExact: byteExact)
    }

    /// Any reference program that takes libpq's connection options (psql, pg_dump), signed in
    /// the way `psql` is.
    func reference(
        _ program: String, _ arguments: [String], standardInput: String? = nil, overrides: [String] = [],
        byteExact: String? = nil
    ) -> ChildProcess.Result {
        var variables = environment.variables
        variables["PGPASSWORD"] = environment.pgentra(["token"]).stdout.trimmingCharacters(in: .newlines)
        return ChildProcess.run(
            program, arguments + connectionArguments + overrides, environment: variables, timeout: 120,
            standardInput: standardInput, byteExact: byteExact)
    }

    /// pgentra, which finds the same token in its cache.
    func pgentra(_ arguments: [String], standardInput: String? = nil, overrides: [String] = [], byteExact: String? = nil) -> ChildProcess.Result {
        ChildProcess.run(
            BuiltProducts.pgentra, arguments + connectionArguments + overrides, environment: environment.variables,
            timeout: 120, standardInput: standardInput, byteExact: byteExact)
    }
}
