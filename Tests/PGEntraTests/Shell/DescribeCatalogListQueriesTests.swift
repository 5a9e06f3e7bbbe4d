import Testing
@testable import PGEntraShell

/// The catalog-list queries pick, for each server version from 11 to 18, the branch psql 18's
/// src/bin/psql/describe.c picks (describeAggregates, permissionsList, listDomains, describeOperators,
/// listCollations, listLanguages, listExtendedStats, listPublications, describePublications,
/// describeSubscriptions, the foreign-data lists, describeConfigurationParameters,
/// listDefaultACLs, listConversions, listCasts, listEventTriggers, listDbRoleSettings); the texts were checked byte for byte against psql 18.6's `-E` on
/// servers 15 to 18.
@Suite struct DescribeCatalogListQueriesTests {
    static let versions = [110000, 120000, 130000, 140000, 150000, 160000, 170000, 180000]

    private func context(_ version: Int) -> DescribeQueries.Context {
        DescribeQueries.Context(database: "db", serverVersion: version)
    }

    @Test("psql 18 describe.c printACLColumn: an empty ACL shows as (none)")
    func aclColumnShowsNone() {
        #expect(DescribeQueries.privilegeColumn("c.relacl")
            == "CASE WHEN pg_catalog.array_length(c.relacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(c.relacl, E'\\n') END AS \"Access privileges\"")
    }

    @Test("psql 18 describe.c permissionsList: one query on every server, system schemas hidden without S or a pattern", arguments: versions)
    func privileges(_ version: Int) throws {
        let plain = try DescribeQueries.listPrivileges(pattern: nil, system: false, context: context(version))
        #expect(plain.contains("WHERE c.relkind IN ('r','v','m','S','f','p')\n      AND n.nspname <> 'pg_catalog'\n"))
        #expect(plain.contains("polpermissive"))
        #expect(plain.hasSuffix("  AND pg_catalog.pg_table_is_visible(c.oid)\nORDER BY 1, 2;"))
        let system = try DescribeQueries.listPrivileges(pattern: nil, system: true, context: context(version))
        #expect(!system.contains("<> 'pg_catalog'"))
        let named = try DescribeQueries.listPrivileges(pattern: "extra.*", system: false, context: context(version))
        #expect(named.contains("  AND n.nspname OPERATOR(pg_catalog.~) '^(extra)$' COLLATE pg_catalog.default\nORDER BY 1, 2;"))
        #expect(throws: PatternTranslator.Failure.tooManyDots("a.b.c.d")) {
            try DescribeQueries.listPrivileges(pattern: "a.b.c.d", system: false, context: context(version))
        }
    }

    @Test("psql 18 describe.c listDomains: ACL and description only with +", arguments: versions)
    func domains(_ version: Int) throws {
        let plain = try DescribeQueries.listDomains(pattern: "pos*", verbose: false, system: false, context: context(version))
        #expect(!plain.contains("Access privileges") && !plain.contains("pg_description"))
        #expect(plain.contains("WHERE t.typtype = 'd'\n  AND t.typname OPERATOR(pg_catalog.~) '^(pos.*)$' COLLATE pg_catalog.default\n"))
        let verbose = try DescribeQueries.listDomains(pattern: nil, verbose: true, system: false, context: context(version))
        #expect(verbose.contains("), ' ') as \"Check\",\n  CASE WHEN pg_catalog.array_length(t.typacl, 1) = 0"))
        #expect(verbose.contains("     LEFT JOIN pg_catalog.pg_description d ON d.classoid = t.tableoid"))
    }

    @Test("psql 18 describe.c describeOperators: operator names escaped, argument-type patterns join pg_type", arguments: versions)
    func operators(_ version: Int) throws {
        let two = try DescribeQueries.listOperators(
            pattern: "+", argumentTypes: ["integer", "-"], verbose: true, system: false, context: context(version))
        #expect(two.contains("WHERE o.oprname OPERATOR(pg_catalog.~) E'^(\\\\+)$' COLLATE pg_catalog.default\n"))
        #expect(two.contains("LEFT JOIN pg_catalog.pg_type t0 ON t0.oid = o.oprleft\n"))
        #expect(two.contains("LEFT JOIN pg_catalog.pg_type t1 ON t1.oid = o.oprright\n"))
        #expect(two.contains("     LEFT JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode\n"))
        #expect(two.contains("  AND t1.typname IS NULL\nORDER BY 1, 2, 3, 4;"))
        let one = try DescribeQueries.listOperators(
            pattern: "~", argumentTypes: ["-"], verbose: false, system: false, context: context(version))
        #expect(one.contains("LEFT JOIN pg_catalog.pg_type t0 ON t0.oid = o.oprright\n"))
        #expect(one.contains("  AND o.oprleft = 0\n  AND t0.typname IS NULL\n"))
        #expect(!one.contains("Leakproof"))
        let none = try DescribeQueries.listOperators(pattern: nil, verbose: false, system: false, context: context(version))
        #expect(none.contains("WHERE n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n  AND pg_catalog.pg_operator_is_visible(o.oid)\n"))
    }

    @Test("psql 18 describe.c listCollations: Locale, ICU Rules and Deterministic? by server version", arguments: versions)
    func collations(_ version: Int) throws {
        let sql = try DescribeQueries.listCollations(pattern: nil, verbose: true, system: false, context: context(version))
        let locale = version >= 170000 ? "c.colllocale" : version >= 150000 ? "c.colliculocale" : "c.collcollate"
        #expect(sql.contains("  \(locale) AS \"Locale\",\n"))
        #expect(sql.contains(version >= 160000 ? "  c.collicurules AS \"ICU Rules\"" : "  NULL AS \"ICU Rules\""))
        #expect(sql.contains("c.collisdeterministic") == (version >= 120000))
        #expect(sql.contains("'yes' AS \"Deterministic?\"") == (version < 120000))
        #expect(sql.contains("      AND c.collencoding IN (-1, pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding()))\n  AND pg_catalog.pg_collation_is_visible(c.oid)\n"))
    }

    @Test("psql 18 describe.c listLanguages: call-handler filter only without S or a pattern", arguments: versions)
    func languages(_ version: Int) throws {
        let plain = try DescribeQueries.listLanguages(pattern: nil, verbose: false, system: false, context: context(version))
        #expect(plain.hasSuffix("  AND d.objsubid = 0\nWHERE l.lanplcallfoid != 0\nORDER BY 1;"))
        let system = try DescribeQueries.listLanguages(pattern: nil, verbose: true, system: true, context: context(version))
        #expect(system.hasSuffix("  AND d.objsubid = 0\nORDER BY 1;"))
        #expect(system.contains("AS \"Inline handler\",\n       CASE WHEN pg_catalog.array_length(l.lanacl, 1) = 0"))
        let named = try DescribeQueries.listLanguages(pattern: "plpgsql", verbose: false, system: false, context: context(version))
        #expect(named.hasSuffix("WHERE l.lanname OPERATOR(pg_catalog.~) '^(plpgsql)$' COLLATE pg_catalog.default\nORDER BY 1;"))
        #expect(throws: PatternTranslator.Failure.crossDatabase("db.x")) {
            try DescribeQueries.listLanguages(pattern: "db.x", verbose: false, system: false, context: context(version))
        }
    }

    @Test("psql 18 describe.c listExtendedStats: definition from 14, MCV from 12", arguments: versions)
    func extendedStatistics(_ version: Int) throws {
        let sql = try DescribeQueries.listExtendedStatistics(pattern: nil, context: context(version))
        #expect(sql.contains("pg_get_statisticsobjdef_columns") == (version >= 140000))
        #expect(sql.contains("FROM pg_catalog.unnest(es.stxkeys) s(attnum) \n") == (version < 140000))
        #expect(sql.contains("END AS \"MCV\"  \nFROM") == (version >= 120000))
        #expect(sql.contains("END AS \"Dependencies\" \nFROM") == (version < 120000))
        #expect(sql.hasSuffix("WHERE pg_catalog.pg_statistics_obj_is_visible(es.oid)\nORDER BY 1, 2;"))
    }

    @Test("psql 18 describe.c listPublications and describePublications: columns by server version", arguments: versions)
    func publications(_ version: Int) throws {
        let list = try DescribeQueries.listPublications(pattern: nil, context: context(version))
        #expect(list.contains("pubtruncate AS \"Truncates\""))
        #expect(list.contains("CASE pubgencols") == (version >= 180000))
        #expect(list.contains("pubviaroot AS \"Via root\"") == (version >= 130000))
        let find = try DescribeQueries.findPublications(pattern: "pub*", context: context(version))
        #expect(find.contains(", 'none' AS pubgencols") == (version < 180000))
        #expect(find.contains(version >= 130000 ? ", pubviaroot\n" : ", false AS pubviaroot\n"))
        #expect(find.hasSuffix("WHERE pubname OPERATOR(pg_catalog.~) '^(pub.*)$' COLLATE pg_catalog.default\nORDER BY 2;"))
        let columns = DescribeQueries.publicationColumns(serverVersion: version)
        #expect(columns.contains("Generated columns") == (version >= 180000))
        #expect(columns.contains("Via root") == (version >= 130000))
        let tables = DescribeQueries.publicationTables(publication: "16449", context: context(version))
        #expect(tables.contains("pr.prqual") == (version >= 150000))
        #expect(tables.hasPrefix(version >= 150000 ? "SELECT n.nspname, c.relname, pg_get_expr" : "SELECT n.nspname, c.relname, NULL, NULL\n"))
        #expect((DescribeQueries.publicationSchemas(publication: "16449", context: context(version)) != nil) == (version >= 150000))
        #expect(throws: PatternTranslator.Failure.tooManyDots("a.b")) {
            try DescribeQueries.listPublications(pattern: "a.b", context: context(version))
        }
    }

    @Test("psql 18 describe.c describeSubscriptions: verbose columns by server version", arguments: versions)
    func subscriptions(_ version: Int) throws {
        let plain = try DescribeQueries.listSubscriptions(pattern: nil, verbose: false, context: context(version))
        #expect(plain.hasSuffix("WHERE datname = pg_catalog.current_database())ORDER BY 1;"))
        let sql = try DescribeQueries.listSubscriptions(pattern: "s", verbose: true, context: context(version))
        #expect(sql.contains("subbinary") == (version >= 140000))
        #expect(sql.contains("(CASE substream") == (version >= 160000))
        #expect(sql.contains(", substream AS") == (version >= 140000 && version < 160000))
        #expect(sql.contains("subtwophasestate") == (version >= 150000))
        #expect(sql.contains("subskiplsn") == (version >= 150000))
        #expect(sql.contains("subrunasowner") == (version >= 160000))
        #expect(sql.contains("subfailover") == (version >= 170000))
        #expect(sql.hasSuffix("current_database())  AND subname OPERATOR(pg_catalog.~) '^(s)$' COLLATE pg_catalog.default\nORDER BY 1;"))
    }

    @Test("psql 18 describe.c listForeignDataWrappers, listForeignServers, listUserMappings, listForeignTables: one query on every server", arguments: versions)
    func foreignData(_ version: Int) throws {
        let wrappers = try DescribeQueries.listForeignDataWrappers(pattern: "dummy*", verbose: true, context: context(version))
        #expect(wrappers.contains("  d.description AS \"Description\" \nFROM pg_catalog.pg_foreign_data_wrapper fdw\n"))
        #expect(wrappers.hasSuffix("WHERE fdwname OPERATOR(pg_catalog.~) '^(dummy.*)$' COLLATE pg_catalog.default\nORDER BY 1;"))
        let servers = try DescribeQueries.listForeignServers(pattern: nil, verbose: false, context: context(version))
        #expect(servers.hasSuffix("JOIN pg_catalog.pg_foreign_data_wrapper f ON f.oid=s.srvfdw\nORDER BY 1;"))
        let mappings = try DescribeQueries.listUserMappings(pattern: "x", verbose: true, context: context(version))
        #expect(mappings.contains("WHERE (um.srvname OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default\n        OR um.usename"))
        #expect(mappings.contains("pg_catalog.pg_options_to_table(umoptions)"))
        let tables = try DescribeQueries.listForeignTables(pattern: nil, verbose: false, context: context(version))
        #expect(tables.hasSuffix("WHERE pg_catalog.pg_table_is_visible(c.oid)\nORDER BY 1, 2;"))
    }

    @Test("psql 18 describe.c describeConfigurationParameters: parameter ACLs from 15, dots not counted", arguments: versions)
    func configurationParameters(_ version: Int) throws {
        let verbose = try DescribeQueries.listConfigurationParameters(pattern: "plpgsql.*", verbose: true, context: context(version))
        #expect(verbose.contains("pg_parameter_acl") == (version >= 150000))
        #expect(verbose.contains("NULL AS \"Access privileges\"") == (version < 150000))
        #expect(verbose.contains("WHERE pg_catalog.lower(s.name) OPERATOR(pg_catalog.~) '^(plpgsql..*)$'"))
        let plain = try DescribeQueries.listConfigurationParameters(pattern: nil, verbose: false, context: context(version))
        #expect(plain.hasSuffix("WHERE s.source <> 'default' AND\n      s.setting IS DISTINCT FROM s.boot_val\nORDER BY 1;"))
    }

    @Test("psql 18 describe.c listDefaultACLs, listConversions, listCasts, listEventTriggers, listDbRoleSettings: one query on every server", arguments: versions)
    func otherLists(_ version: Int) throws {
        let defaults = try DescribeQueries.listDefaultPrivileges(pattern: "public", context: context(version))
        #expect(defaults.contains("        OR pg_catalog.pg_get_userbyid(d.defaclrole) OPERATOR(pg_catalog.~) '^(public)$'"))
        let conversions = try DescribeQueries.listConversions(pattern: nil, verbose: false, system: false, context: context(version))
        #expect(conversions.contains("WHERE true\n  AND n.nspname <> 'pg_catalog'\n"))
        let casts = try DescribeQueries.listCasts(pattern: nil, verbose: false, context: context(version))
        #expect(casts.hasSuffix("WHERE ( (true  AND pg_catalog.pg_type_is_visible(ts.oid)\n) OR (true  AND pg_catalog.pg_type_is_visible(tt.oid)\n) )\nORDER BY 1, 2;"))
        let triggers = try DescribeQueries.listEventTriggers(pattern: nil, verbose: false, context: context(version))
        #expect(triggers.hasSuffix("FROM pg_catalog.pg_event_trigger e ORDER BY 1"))
        let settings = try DescribeQueries.listRoleSettings(rolePattern: "r", databasePattern: "d", context: context(version))
        #expect(settings.hasSuffix("WHERE r.rolname OPERATOR(pg_catalog.~) '^(r)$' COLLATE pg_catalog.default\n  AND d.datname OPERATOR(pg_catalog.~) '^(d)$' COLLATE pg_catalog.default\nORDER BY 1, 2;"))
    }

    @Test("psql 18 describe.c describeAggregates: prokind from server 11, system schemas hidden without S or a pattern", arguments: versions)
    func aggregates(_ version: Int) throws {
        let all = try DescribeQueries.listAggregates(pattern: nil, system: false, context: context(version))
        #expect(all.contains("WHERE p.prokind = 'a'\n      AND n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n  AND pg_catalog.pg_function_is_visible(p.oid)\nORDER BY 1, 2, 4;"))
        let qualified = try DescribeQueries.listAggregates(pattern: "x*.y", system: true, context: context(version))
        #expect(qualified.hasSuffix("WHERE p.prokind = 'a'\n  AND p.proname OPERATOR(pg_catalog.~) '^(y)$' COLLATE pg_catalog.default\n  AND n.nspname OPERATOR(pg_catalog.~) '^(x.*)$' COLLATE pg_catalog.default\nORDER BY 1, 2, 4;"))
        #expect(throws: PatternTranslator.Failure.self) { try DescribeQueries.listAggregates(pattern: "a.b.c.d", system: false, context: context(version)) }
    }

    @Test("psql 18 describe.c listPartitionedTables: from server 12; letters pick kinds, columns, joins and order", arguments: versions)
    func partitionedRelations(_ version: Int) throws {
        #expect(DescribeQueries.partitionedTablesSupported(serverVersion: version) == (version >= 120000))
        let mixed = DescribeQueries.PartitionedKinds(letters: "+")
        #expect(mixed.title == "List of partitioned relations")
        let all = try DescribeQueries.listPartitionedTables(mixed, pattern: nil, verbose: true, context: context(version))
        #expect(all.contains("WHERE c.relkind IN ('p','I','')\n AND NOT c.relispartition\n"))
        #expect(all.contains("     LEFT JOIN pg_catalog.pg_am am ON c.relam = am.oid,\n     LATERAL (SELECT"))
        #expect(all.hasSuffix("ORDER BY \"Schema\", \"Type\" DESC, \"Name\";"))
        let indexes = DescribeQueries.PartitionedKinds(letters: "in")
        #expect(indexes.title == "List of partitioned indexes")
        let nested = try DescribeQueries.listPartitionedTables(indexes, pattern: "extra.*", verbose: false, context: context(version))
        #expect(nested.contains("WHERE c.relkind IN ('I','')\n  AND n.nspname OPERATOR(pg_catalog.~) '^(extra)$'"))
        #expect(nested.hasSuffix("ORDER BY \"Schema\", \"Parent name\" NULLS FIRST, \"Name\";"))
        let tables = DescribeQueries.PartitionedKinds(letters: "t+")
        #expect(tables.title == "List of partitioned tables")
        let verbose = try DescribeQueries.listPartitionedTables(tables, pattern: nil, verbose: true, context: context(version))
        #expect(!verbose.contains("c2.oid") && !verbose.contains("Leaf partition size"))
    }

    @Test("psql 18 describe.c objectDescription: six kinds of object, each filtered and matched", arguments: versions)
    func objectDescriptions(_ version: Int) throws {
        let plain = try DescribeQueries.listObjectDescriptions(pattern: nil, system: false, context: context(version))
        #expect(plain.components(separatedBy: "UNION ALL\n").count == 6)
        #expect(plain.contains("JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace\n      AND n.nspname <> 'pg_catalog'\n"))
        #expect(plain.contains("  WHERE r.rulename != '_RETURN'\n      AND n.nspname <> 'pg_catalog'\n"))
        let named = try DescribeQueries.listObjectDescriptions(pattern: "x", system: false, context: context(version))
        #expect(named.contains("    LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = c.relnamespace\nWHERE pgc.conname OPERATOR(pg_catalog.~) '^(x)$'"))
        #expect(named.contains("ON n.oid = o.opcnamespace\n  AND o.opcname OPERATOR(pg_catalog.~) '^(x)$'"))
        #expect(named.hasSuffix("d.objsubid = 0)\nORDER BY 1, 2, 3;"))
    }

    @Test("psql 18 describe.c describeAccessMethods: handler and description only with +", arguments: versions)
    func accessMethods(_ version: Int) throws {
        let plain = try DescribeQueries.listAccessMethods(pattern: nil, verbose: false, context: context(version))
        #expect(plain == "SELECT amname AS \"Name\",\n  CASE amtype WHEN 'i' THEN 'Index' WHEN 't' THEN 'Table' END AS \"Type\"\nFROM pg_catalog.pg_am\nORDER BY 1;")
        let verbose = try DescribeQueries.listAccessMethods(pattern: "b*", verbose: true, context: context(version))
        #expect(verbose.contains("  amhandler AS \"Handler\",\n"))
        #expect(verbose.hasSuffix("WHERE amname OPERATOR(pg_catalog.~) '^(b.*)$' COLLATE pg_catalog.default\nORDER BY 1;"))
    }

    @Test("psql 18 describe.c listOperatorClasses, listOperatorFamilies: the type pattern follows the method's clause", arguments: versions)
    func operatorClassesAndFamilies(_ version: Int) throws {
        let classes = try DescribeQueries.listOperatorClasses(accessMethodPattern: "btree", typePattern: "int4", verbose: true, context: context(version))
        #expect(classes.contains("WHERE am.amname OPERATOR(pg_catalog.~) '^(btree)$' COLLATE pg_catalog.default\n  AND (t.typname"))
        #expect(classes.contains("  LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = c.opcfamily\n"))
        let families = try DescribeQueries.listOperatorFamilies(accessMethodPattern: "*", typePattern: "int4", verbose: false, context: context(version))
        #expect(families.contains("  WHERE EXISTS (\n    SELECT 1\n"))
        #expect(families.hasSuffix("  AND pg_catalog.pg_type_is_visible(t.oid)\n  )\nORDER BY 1, 2;"))
    }

    @Test("psql 18 command.c: the listing names, lax after their letters as exec_command_d is")
    func names() {
        let keys = ["da": "da", "daS": "da", "da+": "da", "daSx": "da", "daz": "da", "dp": "dp", "dpS": "dp", "dp+": "dp", "dpS+x": "dp",
                    "dpq": "dp", "z": "z", "zS": "z", "zx": "z", "zSx": "z", "zxS": "z", "dD": "dD", "dDS+": "dD", "do": "do", "doS+": "do",
                    "dO": "dO", "dL": "dL", "dLS": "dL", "dX": "dX", "dX+": "dX", "dRp": "dRp", "dRp+": "dRp", "dRs": "dRs", "dRs+": "dRs",
                    "dew+": "dew", "des": "des", "deu": "deu", "det+": "det", "dconfig": "dconfig", "dconfig+": "dconfig", "ddp": "ddp",
                    "dc": "dc", "dcS+": "dc", "dC+": "dC", "dy": "dy", "dP": "dP", "dP+": "dP", "dPtin+": "dP", "dPx": "dP", "dd": "dd",
                    "ddS": "dd", "dA": "dA", "dA+": "dA", "dAx": "dA", "dAc": "dAc", "dAf+": "dAf", "dAo": "dAo", "dAp+": "dAp"]
        for (name, key) in keys {
            #expect(ListingCommand.key(for: name) == key, "\(name)")
        }
        for name in ["z+", "zS+", "zq", "dR", "dRq", "de", "dr", "dPS", "dPq", "dAq", "dAS"] {
            #expect(ListingCommand.key(for: name) == nil, "\(name)")
        }
    }
}
