import Testing
@testable import PGEntraShell

/// The relation describe queries pick, for each server version from 11 to 18, the branch psql
/// 18's src/bin/psql/describe.c (listTables, describeOneTableDetails, add_tablespace_footer)
/// picks; the texts themselves were checked byte for byte against psql 18.6's `-E` on servers
/// 15 to 18.
@Suite struct DescribeRelationQueriesTests {
    static let versions = [110000, 120000, 130000, 140000, 150000, 160000, 170000, 180000]
    static let oid = "16385"

    private func context(_ version: Int, hideTableAccessMethod: Bool = false) -> DescribeQueries.Context {
        DescribeQueries.Context(database: "db", serverVersion: version, hideTableAccessMethod: hideTableAccessMethod)
    }

    // MARK: - listTables

    @Test("psql 18 describe.c listTables: pg_am and Access method from server 12, unless HIDE_TABLEAM", arguments: versions)
    func listTablesAccessMethodFromServer12(_ version: Int) throws {
        let sql = try DescribeQueries.listRelations(
            .init(letters: "t"), pattern: nil, verbose: true, system: false, context: context(version))
        #expect(sql.contains("LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam") == (version >= 120000))
        #expect(sql.contains("am.amname as \"Access method\"") == (version >= 120000))
        let hidden = try DescribeQueries.listRelations(
            .init(letters: "t"), pattern: nil, verbose: true, system: false,
            context: context(version, hideTableAccessMethod: true))
        #expect(!hidden.contains("pg_am"))
    }

    @Test("psql 18 describe.c listTables: no access method for views, sequences or foreign tables", arguments: versions)
    func listTablesAccessMethodOnlyForKindsThatHaveOne(_ version: Int) throws {
        let sql = try DescribeQueries.listRelations(
            .init(letters: "vsE"), pattern: nil, verbose: true, system: false, context: context(version))
        #expect(!sql.contains("pg_am"))
        #expect(sql.contains("WHERE c.relkind IN ('v','S','f','')"))
    }

    @Test("psql 18 describe.c listTables: indexes join their table, patterns widen the kinds", arguments: versions)
    func listTablesIndexesAndPatterns(_ version: Int) throws {
        let sql = try DescribeQueries.listRelations(
            .init(letters: "ti"), pattern: "x*", verbose: false, system: false, context: context(version))
        #expect(sql.contains("  c2.relname as \"Table\""))
        #expect(sql.contains("LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid"))
        #expect(sql.contains("WHERE c.relkind IN ('r','p','t','i','I','s','')"))
        #expect(!sql.contains("'^pg_toast'"))
    }

    @Test("psql 18 describe.c listTables: titles and messages name the one kind asked for")
    func listTablesTitlesAndMessages() {
        let cases: [(String, String, String)] = [
            ("", "List of relations", "relations"),
            ("t", "List of tables", "tables"),
            ("i", "List of indexes", "indexes"),
            ("v", "List of views", "views"),
            ("m", "List of materialized views", "materialized views"),
            ("s", "List of sequences", "sequences"),
            ("E", "List of foreign tables", "foreign tables"),
            ("ti", "List of relations", "relations"),
            ("tvmsE", "List of relations", "relations"),
        ]
        for (letters, title, plural) in cases {
            let kinds = DescribeQueries.RelationKinds(letters: letters)
            #expect(kinds.title == title)
            #expect(kinds.notFound(pattern: nil) == "Did not find any \(plural).")
            #expect(kinds.notFound(pattern: "x") == "Did not find any \(plural) named \"x\".")
        }
    }

    // MARK: - describeOneTableDetails

    @Test("psql 18 describe.c describeOneTableDetails: table info reads relam from server 12, relhasoids before", arguments: versions)
    func relationFlagsByVersion(_ version: Int) {
        let sql = DescribeQueries.relationFlags(oid: Self.oid, verbose: false, serverVersion: version)
        #expect(sql.contains("am.amname") == (version >= 120000))
        #expect(sql.contains("LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)") == (version >= 120000))
        #expect(sql.contains("false AS relhasoids") == (version >= 120000))
        #expect(sql.contains("c.relhasoids, c.relispartition") == (version < 120000))
        #expect(sql.contains("c.relreplident"))
    }

    @Test("psql 18 describe.c describeOneTableDetails: attgenerated from server 12, FDW options for foreign tables", arguments: versions)
    func attributesByVersion(_ version: Int) {
        var columns = DescribeQueries.AttributeColumns()
        columns.details = true
        columns.fdwOptions = true
        let sql = DescribeQueries.attributes(oid: Self.oid, columns: columns, serverVersion: version)
        #expect(sql.contains(",\n  a.attgenerated") == (version >= 120000))
        #expect(sql.contains("''::pg_catalog.char AS attgenerated") == (version < 120000))
        #expect(sql.contains("a.attidentity"))
        #expect(sql.contains("pg_catalog.pg_options_to_table(attfdwoptions)"))
    }

    @Test("psql 18 describe.c describeOneTableDetails: an index's nulls-not-distinct from server 15", arguments: versions)
    func indexFooterByVersion(_ version: Int) {
        let sql = DescribeQueries.indexFooter(oid: Self.oid, serverVersion: version)
        #expect(sql.contains("\ni.indnullsnotdistinct,\n") == (version >= 150000))
        #expect(sql.contains("false AS indnullsnotdistinct,\n") == (version < 150000))
    }

    @Test("psql 18 describe.c describeOneTableDetails: a table's indexes read conperiod from server 18", arguments: versions)
    func tableIndexesByVersion(_ version: Int) {
        let sql = DescribeQueries.tableIndexes(oid: Self.oid, serverVersion: version)
        #expect(sql.contains("c2.reltablespace, con.conperiod") == (version >= 180000))
        #expect(sql.contains("c2.reltablespace, false AS conperiod") == (version < 180000))
    }

    @Test("psql 18 describe.c describeOneTableDetails: partition ancestors' foreign keys from server 12", arguments: versions)
    func foreignKeysByVersion(_ version: Int) {
        let partitioned = DescribeQueries.foreignKeys(oid: Self.oid, partitioned: true, serverVersion: version)
        #expect(partitioned.contains("pg_catalog.pg_partition_ancestors") == (version >= 120000))
        let plain = DescribeQueries.foreignKeys(oid: Self.oid, partitioned: false, serverVersion: version)
        #expect(!plain.contains("pg_partition_ancestors"))
        #expect(plain.contains("     AND conparentid = 0\n") == (version >= 120000))
        let referencing = DescribeQueries.referencedBy(oid: Self.oid, serverVersion: version)
        #expect(referencing.contains("pg_catalog.pg_partition_ancestors") == (version >= 120000))
        #expect(referencing.contains(" WHERE confrelid = \(Self.oid) AND contype = 'f'") == (version < 120000))
    }

    @Test("psql 18 describe.c describeOneTableDetails: statistics expressions from server 14, stxstattarget from 13", arguments: versions)
    func statisticsByVersion(_ version: Int) {
        let sql = DescribeQueries.statisticsObjects(oid: Self.oid, serverVersion: version)
        #expect(sql.contains("pg_catalog.pg_get_statisticsobjdef_columns(oid)") == (version >= 140000))
        #expect(sql.contains("ORDER BY nsp, stxname;") == (version >= 140000))
        #expect(sql.contains("pg_catalog.unnest(stxkeys)") == (version < 140000))
        #expect(sql.contains("-1 AS stxstattarget") == (version < 130000))
    }

    @Test("psql 18 describe.c describeOneTableDetails: schema publications, row filters and column lists from server 15", arguments: versions)
    func publicationsByVersion(_ version: Int) {
        let sql = DescribeQueries.publications(oid: Self.oid, serverVersion: version)
        #expect(sql.contains("pg_catalog.pg_publication_namespace") == (version >= 150000))
        #expect(sql.contains("pr.prqual") == (version >= 150000))
        #expect(sql.contains("UNION ALL") == (version < 150000))
        #expect(sql.contains("p.puballtables"))
    }

    @Test("psql 18 describe.c describeOneTableDetails: triggers' parents from server 13, dependent triggers on 11 to 14", arguments: versions)
    func triggersByVersion(_ version: Int) {
        let sql = DescribeQueries.triggers(oid: Self.oid, serverVersion: version)
        #expect(sql.contains("t.tgparentid != 0") == (version >= 130000))
        #expect(sql.contains("  NULL AS parent\n") == (version < 130000))
        #expect(sql.contains("refclassid = 'pg_catalog.pg_trigger'::pg_catalog.regclass") == (version < 150000))
        #expect(sql.hasSuffix("\nORDER BY 1;"))
    }

    @Test("psql 18 describe.c describeOneTableDetails: inhdetachpending from server 14", arguments: versions)
    func partitionsByVersion(_ version: Int) {
        let parent = DescribeQueries.partitionOf(oid: Self.oid, verbose: true, serverVersion: version)
        #expect(parent.contains("  inhdetachpending,") == (version >= 140000))
        #expect(parent.contains("false as inhdetachpending") == (version < 140000))
        #expect(parent.contains("pg_catalog.pg_get_partition_constraintdef(c.oid)"))
        let children = DescribeQueries.children(oid: Self.oid, serverVersion: version)
        #expect(children.contains("c.relkind, inhdetachpending,") == (version >= 140000))
        #expect(children.contains("false AS inhdetachpending") == (version < 140000))
    }

    @Test("psql 18 describe.c describeOneTableDetails: not-null constraints asked of every server (rows only from 18)", arguments: versions)
    func notNullConstraintsEveryVersion(_ version: Int) {
        // The query takes no version: psql 18 sends the same text to every server.
        let sql = DescribeQueries.notNullConstraints(oid: Self.oid)
        #expect(sql.contains("WHERE c.contype = 'n' AND"))
        #expect(sql.contains("c.convalidated"))
        #expect(!sql.hasSuffix(";"))
    }

    @Test("psql 18 describe.c describeOneTableDetails: footer queries for tablespaces, TOAST owners, foreign servers and table rules")
    func footerLookups() {
        #expect(DescribeQueries.tablespaceName(oid: "1663") == "SELECT spcname FROM pg_catalog.pg_tablespace\nWHERE oid = '1663';")
        #expect(DescribeQueries.toastOwner(oid: Self.oid).hasSuffix("WHERE reltoastrelid = '\(Self.oid)';"))
        #expect(DescribeQueries.foreignTableServer(oid: Self.oid).contains("WHERE f.ftrelid = '\(Self.oid)' AND s.oid = f.ftserver;"))
        #expect(DescribeQueries.tableRules(oid: Self.oid).contains("ev_enabled\nFROM pg_catalog.pg_rewrite r"))
    }
}
