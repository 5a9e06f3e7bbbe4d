import Foundation
import TestSupport

/// A PostgreSQL 15 of its own with a database of every kind of object the `\d` family shows,
/// and the two shells the golden tests compare on it: the reference psql 18.6 and pgentra, each
/// interactive on a pseudo-terminal of the same fixed size.
///
/// Both sign in as the same role, the managed identity's that owns the database (RoleDatabase):
/// psql with the emulator's token as PGPASSWORD, pgentra with the same token from its cache.
/// psql as the superuser over the socket would also work, but then what follows the current user
/// would differ and need masking: the prompt (`=#` against `=>`), `search_path`'s `"$user"`, and
/// privilege-dependent columns such as `\l+`'s sizes; as one role nothing is masked.
final class DescribeTerminalServer: @unchecked Sendable {
    static let database = "shop"
    /// What both show as PROMPT1 by default for a role that is not a superuser.
    static let prompt = "\(database)=> "
    static let columns: UInt16 = 160
    static let rows: UInt16 = 48

    let server: RoleDatabase

    static let shared = Result { try DescribeTerminalServer() }

    private init() throws {
        server = try RoleDatabase(Self.database)
        server.environment["TERM"] = "dumb"
        // Never run: both get `-P pager=off`; were a pager started, `cat` would add nothing.
        server.environment["PAGER"] = "cat"
        let roles = server.postgres.superuserSQL("""
            create role auditor nologin connection limit 3;
            comment on role auditor is 'Reads the books';
            grant auditor to "\(RoleDatabase.role)";
            """)
        guard roles.status == 0 else { throw RoleDatabase.SetupError(description: "roles: \(roles.stderr)") }
        try server.runAsRole(Self.schemaSQL, making: "schema")
    }

    /// Created by the role both shells sign in as, so it owns everything.
    static let schemaSQL = """
    create schema inventory;
    comment on schema inventory is 'Stock kept elsewhere';
    create extension if not exists pg_trgm schema inventory;
    create type mood as enum ('sad', 'ok', 'happy');
    create domain posint as int check (value > 0);
    create table items (
      id serial primary key,
      name text not null,
      price numeric(8,2) default 0 check (price >= 0),
      sku varchar(12) unique,
      feeling mood,
      created timestamptz default now());
    comment on table items is 'Things for sale';
    comment on column items.name is 'Shown to buyers';
    create index items_name_idx on items (lower(name));
    create index items_name_trgm on items using gin (name inventory.gin_trgm_ops);
    create table orders (
      id bigint generated always as identity primary key,
      item_id int not null references items(id) on delete cascade,
      qty posint not null default 1,
      placed date);
    create index orders_item_idx on orders (item_id);
    insert into items (name, price, sku) values ('apple', 1.50, 'A-1'), ('pear', 2.25, 'P-1');
    insert into orders (item_id, qty) values (1, 3), (2, 5);
    create view cheap_items as select id, name from items where price < 10;
    comment on view cheap_items is 'Under ten';
    create materialized view item_counts as select item_id, count(*) as n from orders group by item_id;
    create sequence invoice_no start 1000 increment 5;
    create function add_one(i int) returns int language sql immutable as 'select i + 1';
    create function add_one(i bigint) returns bigint language sql immutable as 'select i + 1';
    comment on function add_one(int) is 'Adds one';
    create procedure restock(n int) language plpgsql as $$ begin perform n; end $$;
    create table inventory.stock (item_id int references public.items(id), qty int default 0);
    create table measurements (id int, taken date not null, value float8, item_id int references items(id)) partition by range (taken);
    create table measurements_2024 partition of measurements for values from ('2024-01-01') to ('2025-01-01');
    create table measurements_default partition of measurements default;
    create index measurements_taken_idx on measurements (taken);
    """

    /// The reference psql, interactive: no startup file, no pager.
    func psql() throws -> PseudoTerminal {
        try PseudoTerminal(References.psql, ["-X", "-P", "pager=off"] + server.connection, environment: server.psqlVariables,
                           columns: Self.columns, rows: Self.rows)
    }

    /// pgentra, interactive with the same options; its token comes from its cache.
    func pgentra() throws -> PseudoTerminal {
        try PseudoTerminal(BuiltProducts.pgentra, ["-X", "-P", "pager=off"] + server.connection,
                           environment: server.environment.variables, columns: Self.columns, rows: Self.rows)
    }
}
