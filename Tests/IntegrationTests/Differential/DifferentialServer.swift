import Foundation
import Testing
import TestSupport

/// The real PostgreSQL, the emulator and a database with fixtures, shared by every differential
/// case: psql signs in with a token the emulator issued (PGPASSWORD), pgentra gets the same
/// token from its own cache, so both talk to the same server as the same role.
final class DifferentialServer: @unchecked Sendable {
    static let role = Fixtures.managedIdentityName
    static let database = "difftest"

    let postgres: PostgresServer
    let emulator: IdentityEmulator
    let environment: TestEnvironment
    let scratch = TemporaryDirectory(prefix: "pgentra-diff")

    static let shared: DifferentialServer = {
        do {
            return try DifferentialServer()
        } catch {
            fatalError("differential fixtures could not start: \(error)")
        }
    }()

    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    private init() throws {
        // Its own server: other suites' emulators set the same role's password on the shared one.
        postgres = try PostgresServer()
        emulator = try Fixtures.emulator(["--lifetime", "7200"], postgres: postgres)
        environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        environment["PGTZ"] = "UTC"
        environment["LC_ALL"] = "C.UTF-8"
        let issued = environment.pgentra(["token"])
        guard issued.status == 0 else { throw SetupError(description: "pgentra token: \(issued.stderr)") }
        let created = postgres.superuserSQL("create database \(Self.database) owner \"\(Self.role)\"")
        guard created.status == 0 else { throw SetupError(description: "create database: \(created.stderr)") }
        let fixtures = psql(["-v", "ON_ERROR_STOP=1", "-q", "-c", Self.fixtureSQL])
        guard fixtures.status == 0 else { throw SetupError(description: "fixtures: \(fixtures.stderr)") }
    }

    static let fixtureSQL = """
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
    """

    /// The connection arguments both programs get.
    var connectionArguments: [String] {
        ["-h", "127.0.0.1", "-p", "\(postgres.port)", "-U", Self.role, "-d", Self.database]
    }

    /// Real psql, signed in with the emulator's token as PGPASSWORD: the one pgentra holds now
    /// (the local server keeps one password per role, so a token pgentra replaced after a
    /// refused sign-in would no longer work, unlike on Azure).
    func psql(_ arguments: [String], standardInput: String? = nil, overrides: [String] = []) -> ChildProcess.Result {
        var variables = environment.variables
        variables["PGPASSWORD"] = environment.pgentra(["token"]).stdout.trimmingCharacters(in: .newlines)
        return ChildProcess.run(
            BuiltProducts.psql, arguments + connectionArguments + overrides, environment: variables, timeout: 120,
            standardInput: standardInput)
    }

    /// pgentra, which finds the same token in its cache.
    func pgentra(_ arguments: [String], standardInput: String? = nil, overrides: [String] = []) -> ChildProcess.Result {
        ChildProcess.run(
            BuiltProducts.pgentra, arguments + connectionArguments + overrides, environment: environment.variables,
            timeout: 120, standardInput: standardInput)
    }
}
