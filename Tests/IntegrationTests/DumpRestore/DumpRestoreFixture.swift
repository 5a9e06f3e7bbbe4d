/// The source database every dump is taken from (issue 10, item 6): what a plain dump carries and
/// a restore must bring back, written as the test role (it owns the database) so pg_dump's
/// `ALTER ... OWNER TO` lines restore as the same role. Text values hold tabs, newlines, carriage
/// returns, backslashes, a lone `\.` and UTF-8, so COPY's escaping decides whether the data
/// comes back; `diff_group` is a role the differential server's superuser fixtures create.
enum DumpRestoreFixture {
    static let sql = #"""
    create schema shop;
    comment on schema shop is 'the shop';
    create table shop.items (id int generated always as identity primary key, name text not null unique,
      price numeric(8,2) default 0 check (price >= 0), note text, tags text[], created date default '2024-01-01');
    comment on table shop.items is 'what we sell';
    comment on column shop.items.note is E'free text, with \'quotes\'';
    insert into shop.items (name, price, note, tags) values
      ('apple', 1.50, null, '{red,green}'),
      (E'tab\there', 0.25, E'two\nlines', null),
      (E'back\\slash', 12.00, E'carriage\rreturn', '{"a b","c,d"}'),
      ('日本語 🎉', 3.10, E'\\.', '{}'),
      ('dot', null, '\.', null);
    create table shop.orders (id bigserial primary key, item_id int not null references shop.items(id) on delete cascade,
      qty int not null default 1 check (qty > 0), placed timestamptz default '2024-02-29 12:00+00');
    insert into shop.orders (item_id, qty) select i % 5 + 1, i from generate_series(1, 40) i;
    create index orders_item_idx on shop.orders (item_id, qty desc);
    create sequence shop.counter start 100 increment 7;
    select setval('shop.counter', 1234, true);
    create table plain_nulls (a int, b text, c bytea, d jsonb);
    insert into plain_nulls values (null, null, null, null), (1, '', '\x00ff', '{"k": [1, "two", null]}');
    create view shop.cheap as select id, name from shop.items where price < 2;
    comment on view shop.cheap is 'under two';
    create materialized view shop.totals as select item_id, sum(qty) as qty from shop.orders group by item_id;
    create function shop.double(x int) returns int language sql immutable as $$ select x * 2 $$;
    comment on function shop.double(int) is 'twice';
    create function shop.stamp() returns trigger language plpgsql as $$
    begin
      if new.qty > 1000 then
        raise exception 'too many: %', new.qty;
      end if;
      return new;
    end
    $$;
    create trigger orders_stamp before insert or update on shop.orders for each row execute function shop.stamp();
    comment on trigger orders_stamp on shop.orders is 'guards qty';
    grant usage on schema shop to public;
    grant select on shop.items to public;
    grant select (id, qty) on shop.orders to public;
    grant select, insert on shop.orders to diff_group;

    """#
}
