import TestSupport
import Testing
@testable import PGEntraShell

/// A catalog with a fixed schema: `items`, `orders` and a view in `public`, `things` in
/// `extra`, a few functions, roles, databases and settings. Names come back quoted, as the
/// server's `quote_ident` returns them.
final class FixedCatalog: CompletionCatalog {
    private(set) var asked: [CatalogQuery] = []
    var failing = false

    static let relations: [(name: String, kind: Character, schema: String)] = [
        ("items", "r", "public"), ("orders", "r", "public"), ("stock_view", "v", "public"), ("items_pkey", "i", "public"),
        ("orders_id_seq", "S", "public"), ("\"MixedCase\"", "r", "public"), ("things", "r", "extra"),
    ]
    static let columns = ["items": ["id", "quantity", "label"], "orders": ["id", "item_id", "placed"], "things": ["id", "qty"]]

    func names(_ query: CatalogQuery) -> [String]? {
        asked.append(query)
        if failing { return nil }
        switch query {
        case .relations(let kinds, let schema):
            return Self.relations.filter { kinds.letters.contains($0.kind) && $0.schema == (schema.map(LibpqCompletionCatalog.identifier) ?? "public") }.map(\.name)
        case .columns(let relations):
            return Array(Set(relations.flatMap { Self.columns[LibpqCompletionCatalog.identifier($0)] ?? [] }))
        case .functions(let schema): return schema == nil ? ["count", "lower", "quote_ident"] : ["upper"]
        case .functionSignatures: return ["count(\"any\")", "count()", "lower(text)", "lower(anyrange)", "quote_ident(text)", "\"Odd(Name\"(integer)"]
        case .schemas: return ["public", "extra", "pg_catalog", "information_schema"]
        case .roles: return ["app", "\"pg-reader\"", "postgres"]
        case .databases: return ["postgres", "shop", "template1"]
        case .settings(let settable): return ["search_path", "work_mem"] + (settable ? [] : ["server_version"])
        case .extensions: return ["plpgsql"]
        case .tablespaces: return ["pg_default"]
        case .schemaList(let list, nil) where list == .datatypes: return ["int4", "text"]
        case .publications: return ["some_publication"]
        // The constraint lists answer with the fixture's names, as the server would.
        case .named(let query, let reference?) where query == .constraintOfTable:
            let parts = reference.split(separator: ".").map { LibpqCompletionCatalog.identifier(String($0)) }
            return parts.last == "items" && (parts.count == 1 || parts.first == "public") ? ["items_pkey", "\"Positive\""] : []
        case .named(let query, nil) where query == .allTableConstraints: return ["items_pkey", "\"Positive\"", "things_pkey"]
        case .named(let query, let reference?) where query == .tablesForConstraint || query == .tablesForConstraintInSchema:
            let tables = ["items_pkey": ("items", "public"), "things_pkey": ("things", "extra")]
            let parts = reference.split(separator: ".").map(String.init)
            let schema = parts.count == 2 ? LibpqCompletionCatalog.identifier(parts[0]) : "public"
            guard let (table, home) = tables[parts.last ?? ""], home == schema else { return [] }
            return [table]
        // The other named lists and schema queries answer with their own name, lower case as
        // a server's quote_ident would leave a name, so a test sees which list a rule asked
        // for (and, with a reference object, for which).
        case .named(let query, let reference): return [(reference.map { "\(query.name)[\($0)]" } ?? query.name).lowercased()]
        case .schemaList(let list, let schema): return [(schema.map { "\(list.name)[\($0)]" } ?? list.name).lowercased()]
        case .settingType(let name):
            return ["intervalstyle": ["enum"], "enable_seqscan": ["bool"], "work_mem": ["integer"]][name.lowercased()] ?? []
        case .settingValues(let name):
            return name.lowercased() == "intervalstyle" ? ["iso_8601", "postgres", "postgres_verbose", "sql_standard"] : []
        case .timeZones: return ["America/New_York", "America/Chicago", "Europe/Amsterdam", "UTC"]
        case .enumLabels(let type): return LibpqCompletionCatalog.identifier(type) == "mood" ? ["'bar'", "'baz'", "'BLACK'"] : []
        }
    }
}

extension FixedCatalog {
    /// What Tab offers after `text` over a fresh FixedCatalog, with these psql variables set:
    /// the one check of the rule-table suites.
    static func offered(_ text: String, variables: [String: String] = [:]) -> [String] {
        var values = Variables()
        for (name, value) in variables {
            do { try values.set(name, value) } catch { Issue.record("cannot set \(name) to \(value): \(error)") }
        }
        return TabCompleter(catalog: FixedCatalog(), home: nil) { values }.complete(text).candidates
    }
}

@Suite struct TabCompleterTests {
    private func completer(_ catalog: FixedCatalog = FixedCatalog(), variables: [String: String] = [:], home: String? = nil) -> TabCompleter {
        var values = Variables()
        for (name, value) in variables {
            do { try values.set(name, value) } catch { Issue.record("cannot set \(name) to \(value): \(error)") }
        }
        return TabCompleter(catalog: catalog, home: home) { values }
    }

    private func offered(_ text: String, variables: [String: String] = [:]) -> [String] {
        completer(variables: variables).complete(text).candidates
    }

    // MARK: Keywords and their case

    @Test func aStatementStartsWithPsqlsCommandWords() {
        let all = offered("")
        #expect(all.contains("SELECT") && all.contains("INSERT INTO") && all.contains("CREATE") && all.contains("BEGIN"))
        #expect(offered("sel") == ["select"])
        #expect(offered("SEL") == ["SELECT"])
        #expect(offered("Sel") == ["SELECT"])
        #expect(offered("dele") == ["delete from"])
        #expect(offered("select 1;\nupd") == ["update"], "after a finished statement a new one starts")
    }

    @Test func compKeywordCaseDecidesTheCase() {
        #expect(offered("SEL", variables: ["COMP_KEYWORD_CASE": "lower"]) == ["select"])
        #expect(offered("sel", variables: ["COMP_KEYWORD_CASE": "upper"]) == ["SELECT"])
        #expect(offered("Sel", variables: ["COMP_KEYWORD_CASE": "preserve-lower"]) == ["SELECT"])
        #expect(offered("", variables: ["COMP_KEYWORD_CASE": "preserve-lower"]).contains("select"))
        #expect(offered("").contains("SELECT"))
        #expect(KeywordCase(variable: "PRESERVE-LOWER") == .preserveLower)
        #expect(KeywordCase(variable: "bogus") == .preserveUpper)
    }

    @Test func keywordSequencesFollowTheWordsBefore() {
        #expect(offered("create ta") == ["table", "tablespace"])
        #expect(offered("CREATE UNIQUE ") == ["INDEX"])
        #expect(offered("create or replace v") == ["view"])
        #expect(offered("insert ") == ["INTO"])
        #expect(offered("delete ") == ["FROM"])
        // psql's rule: TailMatches("DELETE", "FROM", MatchAny) completes with USING and WHERE only.
        #expect(offered("delete from items ") == ["USING", "WHERE"])
        #expect(offered("update items ") == ["SET"], "psql's TailMatches(\"UPDATE\", MatchAny) offers SET alone")
        #expect(offered("select * fr") == ["from"])
        #expect(offered("select count(*) f") == ["from"])
        #expect(offered("select * from items o") == ["offset", "order by"])
        #expect(offered("select * from items order ") == ["BY"])
        #expect(offered("begin ") == ["DEFERRABLE", "ISOLATION LEVEL", "NOT DEFERRABLE", "READ", "TRANSACTION", "WORK"])
        #expect(offered("drop table items ") == ["CASCADE", "RESTRICT"])
        #expect(offered("select * from items where label is n") == ["not", "null"])
    }

    @Test func alterTableOffersItsActionsAndColumns() {
        let actions = offered("alter table items ")
        #expect(["ADD", "ALTER", "DROP", "RENAME", "OWNER TO", "SET"].allSatisfy(actions.contains))
        #expect(offered("alter table items drop ") == ["COLUMN", "CONSTRAINT"])
        #expect(offered("alter table items drop column q") == ["quantity"])
        #expect(offered("alter table items rename ") == ["COLUMN", "CONSTRAINT", "TO", "id", "label", "quantity"])
        #expect(offered("alter table items rename column label ") == ["TO"])
        // psql 18: Matches("ALTER", "TABLE", MatchAny, "ALTER", "COLUMN", MatchAny) offers ADD, not ADD GENERATED.
        #expect(offered("alter table items alter column quantity ") == ["ADD", "DROP", "RESET", "RESTART", "SET", "TYPE"])
        #expect(offered("alter table items set schema ") == ["extra", "information_schema", "pg_catalog", "public"])
        #expect(offered("alter table it") == ["items"])
    }

    // MARK: Relations and columns

    @Test func relationsFollowFromJoinIntoUpdateAndTable() {
        #expect(offered("select * from ite") == ["items"])
        #expect(offered("SELECT * FROM items JOIN ord") == ["orders", "orders_id_seq"])
        #expect(offered("select * from items, st") == ["stock_view"])
        #expect(offered("insert into s") == ["stock_view"], "views may be written to")
        #expect(offered("update s") == ["stock_view"])
        #expect(offered("select * from or") == ["orders", "orders_id_seq"], "sequences can be read")
        #expect(offered("table st") == ["stock_view"])
        #expect(offered("truncate it") == ["items"])
        let from = offered("select * from ")
        #expect(from.contains("items") && from.contains("orders") && from.contains("public.") && from.contains("extra."))
        #expect(!from.contains("pg_catalog."), "system schemas only when their name is typed")
        #expect(offered("select * from pg_") == ["pg_catalog."])
        #expect(!offered("select * from ").contains("items_pkey"), "indexes are not read from")
        #expect(offered("drop index it") == ["items_pkey"])
        #expect(offered("drop sequence or") == ["orders_id_seq"])
        #expect(offered("drop view ") == ["extra.", "information_schema.", "public.", "stock_view"], "psql offers the names alone")
        #expect(offered("drop table if exists it").isEmpty, "psql 18 has no rule after DROP ... IF EXISTS")
    }

    @Test func schemaQualifiedNamesListThatSchema() {
        #expect(offered("select * from public.it") == ["public.items"])
        #expect(offered("select * from extra.") == ["extra.things"])
        #expect(offered("select * from Extra.t") == ["extra.things"], "the typed schema is folded, as psql's parse_identifier folds it")
        #expect(offered("select * from PUBLIC.I") == ["public.items"])
        #expect(offered("select * from \"extra\".t") == ["\"extra\".things"], "a quoted part stays quoted")
        #expect(offered("select pg_catalog.up") == ["pg_catalog.upper"])
    }

    @Test func quotedNamesMatchExactlyAndUnquotedOnesIgnoreCase() {
        #expect(offered("select * from \"Mi") == ["\"MixedCase\""])
        #expect(offered("select * from mi").isEmpty, "a name that needs quotes only for empty or quoted input")
        #expect(offered("select * from \"mi").isEmpty, "quoted input is not folded")
        #expect(offered("select * from ITE") == ["items"])
    }

    /// tab-complete.c's _complete_from_query: the typed quote is taken off for matching and put
    /// on every result, so names that need no quotes are completed inside one too.
    @Test func insideAnOpeningQuoteNamesAreOfferedQuoted() {
        #expect(offered("select * from \"it") == ["\"items\""])
        #expect(offered("select * from \"or") == ["\"orders\"", "\"orders_id_seq\""])
        #expect(completer().complete("select * from \"or").commonPrefix == "\"orders")
        #expect(offered("select * from \"orders_") == ["\"orders_id_seq\""])
        #expect(offered("select * from \"ex") == ["\"extra\"."], "a schema takes the object's quoting")
        #expect(offered("select * from public.\"it") == ["public.\"items\""])
        #expect(offered("select * from ").contains("\"MixedCase\""), "empty input is offered every name")
    }

    @Test func quotedIdentifiersParseAndRequoteAsPsqlDoes() {
        #expect(QuotedIdentifier(parsing: "Public.\"My \"\"T\"") == QuotedIdentifier(schema: "public", object: "My \"T", objectQuoted: true))
        #expect(QuotedIdentifier(parsing: "db.\"S\".x") == QuotedIdentifier(schema: "S", object: "x", schemaQuoted: true))
        #expect(QuotedIdentifier(parsing: "\"my") == QuotedIdentifier(schema: nil, object: "my", objectQuoted: true))
        #expect(QuotedIdentifier.requote(schema: "S", object: "a\"b", quoteSchema: true, quoteObject: true) == "\"S\".\"a\"\"b\"")
        #expect(QuotedIdentifier.requote(schema: "public", object: nil, quoteSchema: false, quoteObject: false) == "public.")
    }

    @Test func columnsComeFromTheRelationsTheStatementNames() {
        #expect(offered("select * from items where qu") == ["quantity"])
        #expect(offered("select * from items where quantity > 1 and la") == ["label"])
        #expect(offered("select * from items i join orders o on i.id = o.") == ["o.id", "o.item_id", "o.placed"])
        #expect(offered("select * from items as i where i.qu") == ["i.quantity"])
        #expect(offered("select * from items join orders on ") == ["id", "item_id", "label", "placed", "quantity"])
        #expect(offered("select * from extra.things where q") == ["qty"])
        #expect(offered("select * from items where quantity = 1 ") .contains("AND"))
        #expect(offered("select * from items order by ") == ["id", "label", "quantity"])
        #expect(offered("update items set ") == ["id", "label", "quantity"])
        #expect(offered("update items set quantity = 1, la") == ["label"])
        #expect(offered("update items set quantity ") == ["="])
        #expect(offered("insert into items (") == ["id", "label", "quantity"])
        #expect(offered("insert into items (id, q") == ["quantity"])
        #expect(offered("insert into items (id) ") == ["OVERRIDING", "SELECT", "TABLE", "VALUES"])
        #expect(offered("insert into items ") == ["(", "DEFAULT VALUES", "OVERRIDING", "SELECT", "TABLE", "VALUES"])
        #expect(offered("delete from items where la") == ["label"])
    }

    /// Past psql: a routine goes in as `name(`, with no space, and a listing shows each
    /// overload's signature.
    @Test func theSelectListOffersColumnsAndFunctionsWithTheirSignatures() {
        #expect(offered("select lo") == ["lower("])
        #expect(offered("select id, quantity, lo") == ["lower("])
        #expect(offered("select count(") == ["\"Odd(Name\"(", "count(", "lower(", "quote_ident("])
        let lower = completer().complete("select lo")
        #expect(!lower.appendsSpace)
        #expect(lower.labels == ["lower(text)", "lower(anyrange)"])
        #expect(offered("select * from items where q") == ["quantity"], "WHERE offers columns alone")
        let mixed = completer().complete("select q")
        #expect(mixed.candidates == ["quote_ident("])
        #expect(mixed.labels == ["quote_ident(text)"])
        #expect(completer().complete("select \"O").candidates == ["\"Odd(Name\"("], "a quoted name with a parenthesis")
        #expect(completer().complete("select id fr").labels == nil, "no routine, no labels")
    }

    @Test func theWholeStatementCountsNotJustTheLine() {
        #expect(offered("select *\nfrom items\nwhere qu") == ["quantity"])
        #expect(offered("select * -- from nowhere\nfrom ite") == ["items"])
        #expect(offered("select * /* from */ from ite") == ["items"])
    }

    @Test func insideALiteralNothingIsOffered() {
        #expect(offered("select 'ite").isEmpty)
        #expect(offered("select * from items where label = 'a b qu").isEmpty)
        #expect(offered("select $$ from ite").isEmpty)
        #expect(offered("select * /* from ite").isEmpty)
    }

    @Test func rolesSchemasDatabasesAndSettings() {
        #expect(offered("alter table items owner to ") == ["\"pg-reader\"", "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER", "app", "postgres"])
        #expect(offered("grant select on items to p") == ["postgres", "public"])
        #expect(offered("revoke select on items from a") == ["app"])
        #expect(offered("grant select on schema e") == ["extra"])
        #expect(offered("drop database s") == ["shop"])
        #expect(offered("drop role ") == ["\"pg-reader\"", "app", "postgres"])
        #expect(offered("set sea") == ["search_path"])
        #expect(offered("show s") == ["search_path", "server_version", "session authorization"])
        #expect(offered("reset w") == ["work_mem"])
        #expect(offered("set search_path to ") == ["DEFAULT", "extra", "information_schema", "pg_catalog", "public"])
        #expect(offered("set work_mem ") == ["TO"])
        #expect(offered("set local work_mem ").isEmpty, "psql's Matches(\"SET\", MatchAny) does not reach past LOCAL")
        #expect(offered("drop publication s") == ["some_publication"])
        #expect(offered("drop type int") == ["int4", "integer"], "type names, and the SQL names of Keywords_for_list_of_datatypes")
        #expect(offered("select * from p") == ["public."], "no system catalog or pg_ schema until the word starts with pg_")
        #expect(offered("select * from pg_").contains("pg_catalog."))
        #expect(offered("set role ") == ["\"pg-reader\"", "app", "postgres"])
        #expect(offered("SET SEA") == ["search_path"], "GUC names are matched ignoring case")
    }

    // MARK: Values: settings, time zones, enum labels, constraints

    @Test func setOffersTheValuesOfTheSettingsType() {
        #expect(offered("set intervalstyle to ") == ["DEFAULT", "iso_8601", "postgres", "postgres_verbose", "sql_standard"])
        #expect(offered("set IntervalStyle = iso") == ["iso_8601"])
        #expect(offered("set intervalstyle to ISO") == ["iso_8601"], "values are names: unquoted input folds")
        #expect(offered("set enable_seqscan to o") == ["off", "on"])
        #expect(offered("set work_mem to ") == ["DEFAULT"])
        #expect(offered("set no_such_thing to ").isEmpty, "an unknown setting is no setting: nothing offered")
        #expect(offered("set datestyle to i") == ["iso"])
    }

    @Test func timeZonesAreOfferedAsLiterals() {
        #expect(offered("set timezone to am") == ["'America/Chicago'", "'America/New_York'"])
        #expect(completer().complete("set timezone to am").commonPrefix == "'America/")
        #expect(offered("SET TimeZone TO 'america/new_") == ["'America/New_York'"])
        #expect(offered("set time zone ").isEmpty, "psql 18 has no rule for SET TIME ZONE")
        #expect(offered("set timezone to d") == ["default"])
    }

    @Test func enumLabelsAreOfferedQuotedAndMatchedByCase() {
        #expect(offered("alter type mood rename value 'ba") == ["'bar'", "'baz'"])
        #expect(offered("alter type mood rename value 'B") == ["'BLACK'"])
        #expect(offered("alter type mood rename value 'b") == ["'bar'", "'baz'"])
        #expect(offered("ALTER TYPE public.mood RENAME VALUE ") == ["'BLACK'", "'bar'", "'baz'"])
    }

    @Test func constraintsOfTheTableNamed() {
        #expect(offered("alter table items drop constraint i") == ["items_pkey"])
        #expect(offered("alter table ITEMS drop constraint ") == ["\"Positive\"", "items_pkey"])
        #expect(offered("alter table public.\"items\" rename constraint i") == ["items_pkey"])
        #expect(offered("alter table orders drop constraint i").isEmpty)
        #expect(offered("comment on constraint i") == ["items_pkey"])
        #expect(offered("comment on constraint items_pkey ") == ["ON"])
        #expect(offered("comment on constraint items_pkey on it") == ["items"])
        #expect(offered("comment on constraint things_pkey \n on extra.") == ["extra.things"])
        #expect(offered("comment on constraint items_pkey on d") == ["domain"])
    }

    // MARK: Option lists

    @Test func optionListsOfAnalyzeAndCopy() {
        #expect(offered("analyze (") == ["BUFFER_USAGE_LIMIT", "SKIP_LOCKED", "VERBOSE"])
        #expect(offered("analyze (\nverbose, s") == ["skip_locked"])
        #expect(offered("analyze (verbose ") == ["OFF", "ON"])
        #expect(offered("COPY items FROM stdin WITH ( DEF") == ["DEFAULT"])
        #expect(offered("copy items to stdout with (format ") == ["BINARY", "CSV", "TEXT"])
        #expect(offered("create table it") == ["items"], "psql's words_after_create: the tables there are")
    }

    // MARK: Meta-commands

    @Test func metaCommandNamesAreCompletedAsTypedThenIgnoringCase() {
        #expect(offered("\\tim") == ["\\timing"])
        #expect(offered("\\dt") == ["\\dt"])
        #expect(offered("\\con") == ["\\connect", "\\conninfo"])
        #expect(offered("\\who") == ["\\whoami"])
        // tab-complete.c's two passes: the case as typed first, then ignoring case.
        #expect(offered("\\DRD") == ["\\drds"])
        #expect(offered("\\da") == ["\\da"], "\\dA is not offered while \\da matches as typed")
        #expect(offered("\\DA").contains("\\dA") && offered("\\DA").contains("\\da"))
        #expect(offered("select 1 \\g").contains("\\gx"))
    }

    @Test func metaCommandArguments() {
        #expect(offered("\\dt it") == ["items"])
        #expect(offered("\\dt+ public.o") == ["public.orders"])
        #expect(offered("\\d it") == ["items", "items_pkey"])
        #expect(offered("\\dv ") == ["extra.", "information_schema.", "public.", "stock_view"])
        #expect(offered("\\dn ") == ["extra", "information_schema", "pg_catalog", "public"])
        #expect(offered("\\du p") == ["postgres"])
        #expect(offered("\\df q") == ["query_for_list_of_functions"], "psql 18's \\df* takes Query_for_list_of_functions")
        #expect(offered("\\pset FO") == ["footer", "format"], "COMPLETE_WITH_CS's second pass ignores case")
        #expect(offered("\\pset format H") == ["html"])
        #expect(offered("\\c s") == ["shop"])
        #expect(offered("\\connect shop a") == ["app"])
        #expect(offered("\\l t") == ["template1"])
        #expect(offered("\\pset for") == ["format"])
        #expect(offered("\\pset format a") == ["aligned", "asciidoc"])
        #expect(offered("\\pset linestyle ") == ["ascii", "old-ascii", "unicode"])
        #expect(offered("\\x ") == ["auto", "off", "on"])
        #expect(offered("\\set ECHO_") == ["ECHO_HIDDEN"])
        #expect(offered("\\set ECHO ") == ["all", "errors", "none", "queries"])
        #expect(offered("\\unset HIST") == ["HISTCONTROL", "HISTSIZE"])
        #expect(offered("\\copy it") == ["items"])
        #expect(offered("\\copy items f") == ["from"])
        #expect(offered("\\echo ").isEmpty)
    }

    @Test func variableReferencesListTheVariablesSet() {
        #expect(offered("select :fo", variables: ["foo": "1"]) == [":foo"])
        #expect(offered("select :'fo", variables: ["foo": "1"]) == [":'foo'"])
        #expect(offered("select * from :\"fo", variables: ["foo": "1"]) == [":\"foo\""])
        #expect(offered("select 1::in").isEmpty, "a cast is not a variable")
        #expect(offered("\\set fo", variables: ["foo": "1"]) == ["foo"])
        #expect(offered("\\echo :{?fo", variables: ["foo": "1"]) == ["?foo}"], "psql's :{?name} test")
        #expect(offered("select {?fo", variables: ["foo": "1"]).isEmpty, "only after a colon")
    }

    @Test func fileArgumentsListTheDirectory() {
        let directory = TemporaryDirectory(prefix: "pgentra-complete")
        _ = directory.write("script.sql", "select 1;\n")
        _ = directory.write(".hidden", "")
        _ = directory.makeDirectory("sub")
        let base = directory.path + "/"
        #expect(offered("\\i \(base)") == [base + "script.sql", base + "sub/"])
        #expect(offered("\\o \(base)sc") == [base + "script.sql"])
        #expect(offered("\\ir \(base).") == [base + ".hidden"])
        #expect(offered("\\i '\(base)s") == ["'" + base + "script.sql", "'" + base + "sub/"])
        #expect(offered("\\copy items from \(base)sc") == [base + "script.sql"])
        let home = completer(home: directory.path).complete("\\i ~/scr").candidates
        #expect(home == ["~/script.sql"])
        #expect(!completer().complete("\\i \(base)su").appendsSpace, "a directory goes on")
        #expect(completer().complete("\\i \(base)sc").appendsSpace)
    }

    /// File names are listed by their base names (readline's printable_part): the completion
    /// says which matches are files, and keywords or table names are not.
    @Test func fileMatchesAreMarkedAsFileNames() {
        let directory = TemporaryDirectory(prefix: "pgentra-complete")
        _ = directory.write("script.sql", "select 1;\n")
        let base = directory.path + "/"
        #expect(completer().complete("\\i \(base)").fileNames)
        #expect(completer().complete("\\copy items from \(base)sc").fileNames)
        #expect(completer().complete("\\copy items from ST").candidates.isEmpty, "psql 18 offers file names alone")
        #expect(completer().complete("select * from it").fileNames == false)
    }

    /// A meta-command's file is quoted only where its argument needs quotes to be read back
    /// (psql's quote_file_name without completion_force_quote): a space, a double quote, a
    /// backquote, the single quote (doubled) or the backslash (doubled for `\i`, not for
    /// `\copy`, whose completion_charp is empty).
    @Test func aClientFileIsQuotedWhereItsArgumentNeedsIt() {
        let directory = TemporaryDirectory(prefix: "pgentra-complete")
        _ = directory.write("my file.sql", "")
        _ = directory.write("plain.sql", "")
        _ = directory.write("it's.sql", "")
        _ = directory.write("back\\slash.sql", "")
        _ = directory.makeDirectory("a dir")
        let base = directory.path + "/"
        #expect(offered("\\i \(base)my") == ["'\(base)my file.sql'"])
        #expect(offered("\\i \(base)pl") == ["\(base)plain.sql"])
        #expect(offered("\\i \(base)it") == ["'\(base)it''s.sql'"])
        #expect(offered("\\i \(base)back") == ["'\(base)back\\\\slash.sql'"])
        #expect(offered("\\copy items from \(base)back") == ["\(base)back\\slash.sql"], "\\copy reads a backslash as it is")
        #expect(offered("\\copy items from \(base)my") == ["'\(base)my file.sql'"])
        #expect(offered("\\i \(base)a") == ["'\(base)a dir/"], "a directory to go into stays open")
        #expect(offered("\\i '\(base)pl") == ["'\(base)plain.sql'"], "a typed quote is kept")
        #expect(offered("\\i \(base)").contains("\(base)plain.sql"))
        #expect(offered("\\i \(base)").contains("'\(base)my file.sql"), "open while choosing")
    }

    /// SQL COPY reads its file name as a string literal, so psql quotes it (complete_from_files
    /// with completion_force_quote): closed for one file, open while choosing or for a directory.
    @Test func copyFileNamesAreQuoted() {
        let directory = TemporaryDirectory(prefix: "pgentra-complete")
        _ = directory.write("somefile", "")
        _ = directory.write("afile123", "")
        _ = directory.write("afile456", "")
        _ = directory.write("it's", "")
        _ = directory.makeDirectory("sub")
        let base = directory.path + "/"
        #expect(offered("COPY items FROM \(base)some") == ["'\(base)somefile'"])
        #expect(offered("copy items from \(base)af") == ["'\(base)afile123", "'\(base)afile456"])
        #expect(offered("copy items from '\(base)some") == ["'\(base)somefile'"], "a typed quote is kept once")
        #expect(offered("copy items to \(base)su") == ["'\(base)sub/"])
        #expect(offered("copy items from \(base)it") == ["'\(base)it''s'"])
        #expect(completer().complete("copy items from \(base)some").appendsSpace)
        #expect(offered("copy items from stdi").isEmpty, "psql 18 offers file names alone (STDIN and PROGRAM come in 19)")
        #expect(offered("\\copy items from \(base)some") == [base + "somefile"], "\\copy reads it unquoted")
    }

    // MARK: Failures and the cache

    @Test func aCatalogThatCannotAnswerOffersNothing() {
        let catalog = FixedCatalog()
        catalog.failing = true
        let completer = completer(catalog)
        #expect(completer.complete("select * from ite").candidates.isEmpty)
        #expect(completer.complete("select * from items where q").candidates.isEmpty)
        #expect(completer.complete("sel").candidates == ["select"], "keywords need no server")
    }

    /// A failed query (a timeout, a lost connection) ends the Tab's asking: the columns past
    /// psql would otherwise ask again, after another second or on the reset connection.
    @Test func aTabAsksNothingMoreAfterAFailure() {
        let catalog = FixedCatalog()
        catalog.failing = true
        let completer = completer(catalog)
        #expect(completer.complete("select * from items where q").candidates.isEmpty)
        #expect(catalog.asked.count == 1, "asked \(catalog.asked)")
        catalog.failing = false
        #expect(completer.complete("select * from items where q").candidates == ["quantity"], "the next Tab asks again")
    }

    @Test func theCacheAsksOnceUntilTheCatalogChanges() {
        let source = FixedCatalog()
        var stamp = CatalogStamp(connection: nil, changes: 0)
        let cached = CachedCatalog(source) { stamp }
        _ = cached.names(.roles)
        _ = cached.names(.roles)
        #expect(source.asked.count == 1)
        stamp.changes = 1
        _ = cached.names(.roles)
        #expect(source.asked.count == 2)
        source.failing = true
        stamp.changes = 2
        #expect(cached.names(.roles) == nil)
        source.failing = false
        #expect(cached.names(.roles) != nil, "a failure is not remembered")
        #expect(source.asked.count == 4)
    }

    @Test func commandTagsThatChangeTheCatalog() {
        #expect(CatalogChange.invalidates("CREATE TABLE"))
        #expect(CatalogChange.invalidates("DROP VIEW"))
        #expect(CatalogChange.invalidates("ALTER TABLE"))
        #expect(CatalogChange.invalidates("SELECT 3"), "SELECT INTO and CREATE TABLE AS end with this tag")
        #expect(CatalogChange.invalidates("ROLLBACK"))
        #expect(CatalogChange.invalidates("DO"), "the first DO in plpgsql loads plpgsql and its settings")
        #expect(CatalogChange.invalidates("LOAD"))
        #expect(!CatalogChange.invalidates("INSERT 0 1"))
        #expect(!CatalogChange.invalidates("UPDATE 2"))
        #expect(!CatalogChange.invalidates(""))
    }

    // MARK: Pieces

    @Test func theCommonPrefixReplacesTheWord() {
        #expect(Completion(word: "it", candidates: ["items", "itemz"]).commonPrefix == "item")
        #expect(Completion(word: "ITE", candidates: ["items"]).commonPrefix == "items")
        #expect(Completion(word: "x", candidates: ["ab", "cd"]).commonPrefix == "x")
        #expect(Completion(word: "\\DR", candidates: ["\\dRp", "\\drds"]).commonPrefix == "\\d", "readline's lcd, shorter than the word")
        #expect(Completion(word: "pu", candidates: ["public."]).appendsSpace == false)
        #expect(Completion(word: "it", candidates: ["items", "itemz"]).appendsSpace == false)
    }

    @Test func identifiersAreFoldedAndUnquotedForTheServer() {
        #expect(LibpqCompletionCatalog.identifier("Public.\"My T\"") == "My T")
        #expect(LibpqCompletionCatalog.identifier("\"a\"\"b\"") == "a\"b")
        #expect(LibpqCompletionCatalog.identifier("Items") == "items")
        let (sql, parameters) = LibpqCompletionCatalog.statement(.columns(of: ["items", "extra.things"]))
        #expect(parameters == ["items", "things", "extra"])
        #expect(sql.contains("$3"))
    }
}
