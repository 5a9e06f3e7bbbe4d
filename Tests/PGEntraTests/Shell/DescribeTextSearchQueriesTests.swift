import Testing
@testable import PGEntraShell

/// The text search queries follow psql 18's src/bin/psql/describe.c (listTSConfigs,
/// listTSConfigsVerbose, describeOneTSConfig, listTSParsers, listTSParsersVerbose,
/// describeOneTSParser, listTSDictionaries, listTSTemplates), which has no server-version
/// branch in any of them: every server from 11 to 18 gets the text psql 18.6 shows under `-E`.
@Suite struct DescribeTextSearchQueriesTests {
    static let versions = [110000, 120000, 130000, 140000, 150000, 160000, 170000, 180000]

    private func context(_ version: Int) -> DescribeQueries.Context {
        DescribeQueries.Context(database: "db", serverVersion: version)
    }

    @Test("psql 18 describe.c listTSConfigs: visible configurations without a pattern, the schema's with one", arguments: versions)
    func configurations(_ version: Int) throws {
        let plain = try DescribeQueries.listTextSearchConfigurations(pattern: nil, context: context(version))
        #expect(plain == """
        SELECT
           n.nspname as "Schema",
           c.cfgname as "Name",
           pg_catalog.obj_description(c.oid, 'pg_ts_config') as "Description"
        FROM pg_catalog.pg_ts_config c
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
        WHERE pg_catalog.pg_ts_config_is_visible(c.oid)
        ORDER BY 1, 2;
        """)
        let named = try DescribeQueries.listTextSearchConfigurations(pattern: "ts.my*", context: context(version))
        #expect(named.hasSuffix("""
        WHERE c.cfgname OPERATOR(pg_catalog.~) '^(my.*)$' COLLATE pg_catalog.default
          AND n.nspname OPERATOR(pg_catalog.~) '^(ts)$' COLLATE pg_catalog.default
        ORDER BY 1, 2;
        """))
        #expect(throws: PatternTranslator.Failure.tooManyDots("a.b.c.d")) {
            try DescribeQueries.listTextSearchConfigurations(pattern: "a.b.c.d", context: context(version))
        }
    }

    @Test("psql 18 describe.c listTSConfigsVerbose and describeOneTSConfig: the configurations, then each one's mappings", arguments: versions)
    func configurationsVerbose(_ version: Int) throws {
        let found = try DescribeQueries.findTextSearchConfigurations(pattern: "english", context: context(version))
        #expect(found.hasPrefix("SELECT c.oid, c.cfgname,\n   n.nspname,\n   p.prsname,\n   np.nspname as pnspname\n"))
        #expect(found.hasSuffix("""
        WHERE  p.oid = c.cfgparser
          AND c.cfgname OPERATOR(pg_catalog.~) '^(english)$' COLLATE pg_catalog.default
          AND pg_catalog.pg_ts_config_is_visible(c.oid)
        ORDER BY 3, 2;
        """))
        let mappings = DescribeQueries.textSearchConfigurationMappings(oid: "12376")
        #expect(mappings.contains("           ORDER BY mapcfg, maptokentype, mapseqno\n    ) :: pg_catalog.text,\n  '{}') AS \"Dictionaries\"\n"))
        #expect(mappings.hasSuffix("WHERE c.oid = '12376' AND m.mapcfg = c.oid\nGROUP BY m.mapcfg, m.maptokentype, c.cfgparser\nORDER BY 1;"))
    }

    @Test("psql 18 describe.c listTSParsers, listTSParsersVerbose and describeOneTSParser", arguments: versions)
    func parsers(_ version: Int) throws {
        let plain = try DescribeQueries.listTextSearchParsers(pattern: nil, context: context(version))
        #expect(plain.contains("  pg_catalog.obj_description(p.oid, 'pg_ts_parser') as \"Description\"\nFROM pg_catalog.pg_ts_parser p\n"))
        #expect(plain.hasSuffix("WHERE pg_catalog.pg_ts_parser_is_visible(p.oid)\nORDER BY 1, 2;"))
        let found = try DescribeQueries.findTextSearchParsers(pattern: nil, context: context(version))
        #expect(found.hasPrefix("SELECT p.oid,\n  n.nspname,\n  p.prsname\nFROM pg_catalog.pg_ts_parser p\n"))
        let methods = DescribeQueries.textSearchParserMethods(oid: "3722")
        #expect(methods.hasPrefix("SELECT 'Start parse' AS \"Method\",\n   p.prsstart::pg_catalog.regproc AS \"Function\",\n"))
        #expect(methods.components(separatedBy: "UNION ALL\n").count == 5)
        #expect(methods.hasSuffix("""
        SELECT 'Get token types',
           p.prslextype::pg_catalog.regproc,
           pg_catalog.obj_description(p.prslextype, 'pg_proc')
         FROM pg_catalog.pg_ts_parser p
         WHERE p.oid = '3722';
        """))
        #expect(DescribeQueries.textSearchParserTokenTypes(oid: "3722") == """
        SELECT t.alias as "Token name",
          t.description as "Description"
        FROM pg_catalog.ts_token_type( '3722'::pg_catalog.oid ) as t
        ORDER BY 1;
        """)
    }

    @Test("psql 18 describe.c listTSDictionaries: template and init options only with +", arguments: versions)
    func dictionaries(_ version: Int) throws {
        let plain = try DescribeQueries.listTextSearchDictionaries(pattern: nil, verbose: false, context: context(version))
        #expect(!plain.contains("Template"))
        #expect(plain.hasSuffix("WHERE pg_catalog.pg_ts_dict_is_visible(d.oid)\nORDER BY 1, 2;"))
        let verbose = try DescribeQueries.listTextSearchDictionaries(pattern: "*.simple", verbose: true, context: context(version))
        #expect(verbose.contains("    WHERE d.dicttemplate = t.oid ) AS  \"Template\",\n  d.dictinitoption as \"Init options\",\n"))
        #expect(verbose.hasSuffix("WHERE d.dictname OPERATOR(pg_catalog.~) '^(simple)$' COLLATE pg_catalog.default\nORDER BY 1, 2;"))
    }

    @Test("psql 18 describe.c listTSTemplates: init and lexize functions only with +", arguments: versions)
    func templates(_ version: Int) throws {
        let plain = try DescribeQueries.listTextSearchTemplates(pattern: nil, verbose: false, context: context(version))
        #expect(plain == """
        SELECT
          n.nspname AS "Schema",
          t.tmplname AS "Name",
          pg_catalog.obj_description(t.oid, 'pg_ts_template') AS "Description"
        FROM pg_catalog.pg_ts_template t
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
        WHERE pg_catalog.pg_ts_template_is_visible(t.oid)
        ORDER BY 1, 2;
        """)
        let verbose = try DescribeQueries.listTextSearchTemplates(pattern: nil, verbose: true, context: context(version))
        #expect(verbose.contains("  t.tmplinit::pg_catalog.regproc AS \"Init\",\n  t.tmpllexize::pg_catalog.regproc AS \"Lexize\",\n"))
    }

    @Test("psql 18 command.c exec_command_d: \\dF reads only its third character; S is not a suffix")
    func commandNames() {
        #expect(ListingCommand.key(for: "dF") == "dF")
        #expect(ListingCommand.key(for: "dF+x") == "dF")
        #expect(ListingCommand.key(for: "dFx+") == "dF")
        #expect(ListingCommand.key(for: "dFpz") == "dFp")
        #expect(ListingCommand.key(for: "dFd+") == "dFd")
        #expect(ListingCommand.key(for: "dFtS") == "dFt")
        #expect(ListingCommand.key(for: "dFS") == nil)
        #expect(ListingCommand.key(for: "dFz") == nil)
        #expect(ListingCommand.key(for: "df") == "df", "\\df is not a text-search listing")
    }
}
