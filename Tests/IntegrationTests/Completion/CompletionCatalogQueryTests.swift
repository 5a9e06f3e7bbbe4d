import Foundation
import TestSupport
import Testing
@testable import PGEntraDatabase
@testable import PGEntraShell

/// Every catalog list Tab completion can ask for, through the shell's own LibpqCompletionCatalog
/// on a real connection to each server release the differential suite runs (15, 16, 17, 18), on
/// that suite's fixture database: the query must work on the release and give the fixtures'
/// names. The pty suites prove the completer uses these answers; this one proves the answers
/// on every release. The queries read only catalog columns that exist since server 11.
@Suite struct CompletionCatalogQueryTests {
    /// What one query must give on the fixtures: names it must offer, names it must not, or
    /// exactly these names. A switch without `default`, so a new kind of query needs its case.
    static func expectation(_ query: CatalogQuery) -> (includes: Set<String>, excludes: Set<String>, exactly: Set<String>?) {
        switch query {
        case .relations(let kinds, let schema):
            switch (kinds, schema) {
            case (.selectable, nil): return (["items", "orders", "v_items", "myseq", "mv_items", "kinds"], ["items_pkey", "things"], nil)
            case (.tables, "extra"): return (["things", "audit", "parts", "parts_1", "child_things"], ["remote", "audit_mcv"], nil)
            case (.tables, "EXTRA"): return (["things"], [], nil)
            case (.updatable, nil): return (["items", "v_items"], ["mv_items", "myseq"], nil)
            case (.views, nil): return (["v_items"], ["items"], nil)
            case (.materializedViews, nil): return ([], [], ["mv_items"])
            case (.indexes, nil): return (["items_pkey", "items_name_idx"], ["items"], nil)
            case (.sequences, nil): return (["myseq", "items_id_seq"], ["items"], nil)
            case (.foreignTables, "extra"): return ([], [], ["remote"])
            case (.any, nil): return (["items", "items_pkey", "v_items", "mv_items", "myseq"], ["things"], nil)
            default: return ([], [], nil)
            }
        case .columns(let relations):
            switch relations {
            case ["items"]: return ([], [], ["id", "name", "price", "note"])
            case ["extra.remote"]: return ([], [], ["id", "v"])
            case ["EXTRA.\"Checked View\""]: return ([], [], ["id", "name"])
            case ["items", "orders"]: return ([], [], ["id", "name", "price", "note", "item_id", "qty"])
            default: return ([], [], nil)
            }
        case .functions(let schema):
            return schema == nil ? (["add_one", "lower"], ["touch"], nil) : (["touch", "body_std"], ["add_one"], nil)
        // pg_get_function_identity_arguments: the types alone, one row per overload.
        case .functionSignatures: return (["lower(text)", "lower(anyrange)", "upper(text)", "count(\"any\")"], ["lower"], nil)
        case .schemas: return (["public", "extra", "pg_catalog", "information_schema", "pg_toast"], [], nil)
        case .roles: return (["diff_group", "diff_granter_a", "\"\(RoleDatabase.role)\""], [], nil)
        case .databases: return (["difftest", "postgres", "template1"], [], nil)
        case .settings(let settable):
            return settable ? (["work_mem", "search_path", "statement_timeout"], ["shared_buffers", "port"], nil)
                : (["work_mem", "shared_buffers", "port"], [], nil)
        case .extensions: return (["plpgsql"], [], nil)
        case .tablespaces: return (["pg_default", "extra_space"], [], nil)
        case .publications: return (["pub_items"], [], nil)
        // psql's own lists, which the rule table carries: they must run on every release
        // (everyQueryOfTheRuleTableRuns); what they find is psql's business.
        case .named, .schemaList: return ([], [], nil)
        case .settingType: return ([], [], ["enum"])
        case .settingValues: return ([], [], ["iso_8601", "postgres", "postgres_verbose", "sql_standard"])
        case .timeZones: return (["America/New_York", "UTC", "Europe/Amsterdam"], [], nil)
        // The test's own enum, made in its transaction (quote_literal, in enumsortorder).
        case .enumLabels: return ([], [], ["'happy'", "'Sad'", "'it''s'"])
        }
    }

    static let queries: [CatalogQuery] = [
        .relations(.selectable, schema: nil), .relations(.tables, schema: "extra"), .relations(.tables, schema: "EXTRA"),
        .relations(.updatable, schema: nil), .relations(.views, schema: nil), .relations(.materializedViews, schema: nil),
        .relations(.indexes, schema: nil), .relations(.sequences, schema: nil), .relations(.foreignTables, schema: "extra"),
        .relations(.any, schema: nil),
        .columns(of: ["items"]), .columns(of: ["extra.remote"]), .columns(of: ["EXTRA.\"Checked View\""]),
        .columns(of: ["items", "orders"]),
        .functions(schema: nil), .functions(schema: "extra"), .functionSignatures, .schemas, .roles, .databases,
        .settings(settable: true), .settings(settable: false), .extensions, .tablespaces,
        .publications, .settingType("IntervalStyle"), .settingValues("intervalstyle"), .timeZones, .enumLabels(type: "EXTRA.mood"),
    ]

    /// The token the emulator issued for the fixtures' role, as the password of every attempt.
    struct IssuedToken: PasswordSource {
        let token: String
        func password(forHost host: String?) throws(ConnectionError) -> Password {
            Password(secret: token, fromCache: false, origin: "the emulator")
        }
        func rejected(_ password: Password) {}
    }

    /// A connection to the release's fixture database, as the fixtures' role.
    static func connect(_ release: PostgresRelease) throws -> Connection {
        let server = try DifferentialServer.shared(release)
        let parameters = ConnectionParameters(
            host: "127.0.0.1", port: "\(server.postgres.port)", user: DifferentialServer.role,
            dbname: DifferentialServer.database, terminalEncoding: true)
        let connector = Connector(passwords: IssuedToken(token: server.server.token), environmentSSLMode: false, warn: { _ in })
        return try connector.connect(parameters)
    }

    @Test(arguments: PostgresRelease.servers)
    func everyCompletionQueryWorksAndFindsTheFixtures(_ release: PostgresRelease) throws {
        let connection = try Self.connect(release)
        #expect(connection.serverVersion / 10000 == release.major)
        let catalog = LibpqCompletionCatalog(connection: { connection }, lost: { _ in })
        // An enum for .enumLabels, in a transaction rolled back at the end, so that the fixtures
        // the differential suite compares stay as they are.
        _ = connection.execute("BEGIN")
        _ = connection.execute("CREATE TYPE extra.mood AS ENUM ('happy', 'Sad', 'it''s')")
        defer { _ = connection.execute("ROLLBACK") }
        for query in Self.queries {
            let names = try #require(catalog.names(query), "\(query) failed on \(release)")
            let expected = Self.expectation(query)
            let offered = Set(names)
            #expect(expected.includes.subtracting(offered).isEmpty, "\(query) on \(release) lacks \(expected.includes.subtracting(offered).sorted())")
            #expect(expected.excludes.isDisjoint(with: offered), "\(query) on \(release) offers \(expected.excludes.intersection(offered).sorted())")
            if let exactly = expected.exactly { #expect(offered == exactly, "\(query) on \(release)") }
            #expect(expected.includes.count + (expected.exactly?.count ?? 0) > 0, "\(query) has no expectation")
        }
    }

    /// Every psql list the rule table asks for (CompletionRuleTable.queries) runs on every
    /// release without an error, qualified by a schema when it is a schema query, and, when it
    /// belongs to another object, with a reference to one of the fixtures' tables. A schema
    /// list (domains) and the constraint lists show that the answers are the fixtures' names,
    /// a reference's schema included.
    @Test(arguments: PostgresRelease.servers)
    func everyQueryOfTheRuleTableRuns(_ release: PostgresRelease) throws {
        let connection = try Self.connect(release)
        let catalog = LibpqCompletionCatalog(connection: { connection }, lost: { _ in })
        #expect(catalog.names(.schemaList(.domains, schema: nil))?.contains("posint") == true, "domains on \(release)")
        #expect(catalog.names(.schemaList(.domains, schema: "pg_catalog")) == [], "no domain in pg_catalog on \(release)")
        let types = Set(catalog.names(.schemaList(.datatypes, schema: nil)) ?? [])
        #expect(types.isSuperset(of: ["int4", "text", "posint"]) && !types.contains("_int4"), "datatypes on \(release): typname, no arrays")
        #expect(catalog.names(.named(.constraintOfTable, reference: "items"))?.contains("items_pkey") == true, "on \(release)")
        #expect(catalog.names(.named(.constraintOfTable, reference: "public.items"))?.contains("items_pkey") == true, "on \(release)")
        #expect(catalog.names(.named(.constraintOfTable, reference: "extra.items"))?.contains("items_pkey") == false, "on \(release)")
        #expect(catalog.names(.named(.constraintOfTable, reference: "extra.\"things\"")).map(Set.init)?.isSuperset(of: ["things_pkey", "things_label_key"]) == true, "on \(release)")
        let constraints = Set(catalog.names(.named(.allTableConstraints, reference: nil)) ?? [])
        #expect(constraints.isSuperset(of: ["items_pkey", "orders_pkey", "things_pkey", "orders_qty_check"]), "on \(release)")
        #expect(catalog.names(.named(.tablesForConstraint, reference: "items_pkey")) == ["items"], "on \(release)")
        #expect(catalog.names(.named(.tablesForConstraintInSchema, reference: "Extra.things_pkey")) == ["things"], "on \(release)")
        for query in CompletionRuleTable.queries {
            let variants: [CatalogQuery]
            switch query {
            // A reference only for a list that reads one ($1): the server refuses a parameter
            // the statement does not use.
            case .named(let named, _) where !named.sql.contains("$1"): variants = [.named(named, reference: nil)]
            case .named(let named, _): variants = [.named(named, reference: "items"), .named(named, reference: "public.items")]
            case .schemaList(let list, _): variants = [.schemaList(list, schema: nil), .schemaList(list, schema: "public")]
            default: variants = [query]
            }
            for variant in variants {
                #expect(catalog.names(variant) != nil, "\(variant) failed on \(release)")
            }
        }
    }
}
