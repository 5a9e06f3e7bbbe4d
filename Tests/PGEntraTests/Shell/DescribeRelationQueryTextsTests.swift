import Testing
@testable import PGEntraShell

/// The exact texts psql 18.6 prints under `-E` for `\d+ items` and `\dt+`, captured against
/// servers 15 and 18: each builder must give the same bytes, so `-E` shows what psql 18's
/// describe.c sends.
@Suite struct DescribeRelationQueryTextsTests {
    /// `\d+` of a plain table: details, storage, compression, stats target, description.
    static let tableColumns: DescribeQueries.AttributeColumns = {
        var columns = DescribeQueries.AttributeColumns()
        columns.details = true
        columns.storage = true
        columns.compression = true
        columns.statsTarget = true
        columns.description = true
        return columns
    }()

    @Test("psql 18.6 describe.c describeOneTableDetails texts for a table on server 15")
    func tableQueriesOnServer15() {
        let (oid, version, tableColumns) = ("16385", 150000, Self.tableColumns)
        let expected: [(String, String)] = [
            (DescribeQueries.relationFlags(oid: oid, verbose: true, serverVersion: version),
            #"""
            SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')
            , c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
            FROM pg_catalog.pg_class c
             LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
            LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
            WHERE c.oid = '16385';
            """#),
            (DescribeQueries.attributes(oid: oid, columns: tableColumns, serverVersion: version),
            #"""
            SELECT a.attname,
              pg_catalog.format_type(a.atttypid, a.atttypmod),
              (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
               FROM pg_catalog.pg_attrdef d
               WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
              a.attnotnull,
              (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
               WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
              a.attidentity,
              a.attgenerated,
              a.attstorage,
              a.attcompression AS attcompression,
              CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget,
              pg_catalog.col_description(a.attrelid, a.attnum)
            FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = '16385' AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum;
            """#),
            (DescribeQueries.tableIndexes(oid: oid, serverVersion: version),
            #"""
            SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
              pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace, false AS conperiod
            FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
              LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
            WHERE c.oid = '16385' AND c.oid = i.indrelid AND i.indexrelid = c2.oid
            ORDER BY i.indisprimary DESC, c2.relname;
            """#),
            (DescribeQueries.foreignKeys(oid: oid, partitioned: false, serverVersion: version),
            #"""
            SELECT true as sametable, conname,
              pg_catalog.pg_get_constraintdef(r.oid, true) as condef,
              conrelid::pg_catalog.regclass AS ontable
            FROM pg_catalog.pg_constraint r
            WHERE r.conrelid = '16385' AND r.contype = 'f'
                 AND conparentid = 0
            ORDER BY conname
            """#),
            (DescribeQueries.referencedBy(oid: oid, serverVersion: version),
            #"""
            SELECT conname, conrelid::pg_catalog.regclass AS ontable,
                   pg_catalog.pg_get_constraintdef(oid, true) AS condef
              FROM pg_catalog.pg_constraint c
             WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('16385')
                                 UNION ALL VALUES ('16385'::pg_catalog.regclass))
                   AND contype = 'f' AND conparentid = 0
            ORDER BY conname;
            """#),
            (DescribeQueries.policies(oid: oid),
            #"""
            SELECT pol.polname, pol.polpermissive,
              CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(array(select rolname from pg_catalog.pg_roles where oid = any (pol.polroles) order by 1),',') END,
              pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),
              pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),
              CASE pol.polcmd
                WHEN 'r' THEN 'SELECT'
                WHEN 'a' THEN 'INSERT'
                WHEN 'w' THEN 'UPDATE'
                WHEN 'd' THEN 'DELETE'
                END AS cmd
            FROM pg_catalog.pg_policy pol
            WHERE pol.polrelid = '16385' ORDER BY 1;
            """#),
            (DescribeQueries.statisticsObjects(oid: oid, serverVersion: version),
            #"""
            SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,
            pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,
              'd' = any(stxkind) AS ndist_enabled,
              'f' = any(stxkind) AS deps_enabled,
              'm' = any(stxkind) AS mcv_enabled,
            stxstattarget
            FROM pg_catalog.pg_statistic_ext
            WHERE stxrelid = '16385'
            ORDER BY nsp, stxname;
            """#),
            (DescribeQueries.publications(oid: oid, serverVersion: version),
            #"""
            SELECT pubname
                 , NULL
                 , NULL
            FROM pg_catalog.pg_publication p
                 JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
                 JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid
            WHERE pc.oid ='16385' and pg_catalog.pg_relation_is_publishable('16385')
            UNION
            SELECT pubname
                 , pg_get_expr(pr.prqual, c.oid)
                 , (CASE WHEN pr.prattrs IS NOT NULL THEN
                     (SELECT string_agg(attname, ', ')
                       FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,
                            pg_catalog.pg_attribute
                      WHERE attrelid = pr.prrelid AND attnum = prattrs[s])
                    ELSE NULL END) FROM pg_catalog.pg_publication p
                 JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid
                 JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
            WHERE pr.prrelid = '16385'
            UNION
            SELECT pubname
                 , NULL
                 , NULL
            FROM pg_catalog.pg_publication p
            WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable('16385')
            ORDER BY 1;
            """#),
            (DescribeQueries.notNullConstraints(oid: oid),
            #"""
            SELECT c.conname, a.attname, c.connoinherit,
              c.conislocal, c.coninhcount <> 0,
              c.convalidated
            FROM pg_catalog.pg_constraint c JOIN
              pg_catalog.pg_attribute a ON
                (a.attrelid = c.conrelid AND a.attnum = c.conkey[1])
            WHERE c.contype = 'n' AND
              c.conrelid = '16385'::pg_catalog.regclass
            ORDER BY a.attnum
            """#),
            (DescribeQueries.triggers(oid: oid, serverVersion: version),
            #"""
            SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,
              CASE WHEN t.tgparentid != 0 THEN
                (SELECT u.tgrelid::pg_catalog.regclass
                 FROM pg_catalog.pg_trigger AS u,
                      pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)
                 WHERE u.tgname = t.tgname AND u.tgrelid = a.relid
                       AND u.tgparentid = 0
                 ORDER BY a.depth LIMIT 1)
              END AS parent
            FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = '16385' AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))
            ORDER BY 1;
            """#),
            (DescribeQueries.parents(oid: oid),
            #"""
            SELECT c.oid::pg_catalog.regclass
            FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
            WHERE c.oid = i.inhparent AND i.inhrelid = '16385'
              AND c.relkind != 'p' AND c.relkind != 'I'
            ORDER BY inhseqno;
            """#),
            (DescribeQueries.children(oid: oid, serverVersion: version),
            #"""
            SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
            FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
            WHERE c.oid = i.inhrelid AND i.inhparent = '16385'
            ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;
            """#),
        ]
        for (built, captured) in expected {
            #expect(built == captured)
        }
    }

    @Test("psql 18.6 describe.c describeOneTableDetails texts for a table on server 18")
    func tableQueriesOnServer18() {
        let (oid, version, tableColumns) = ("16385", 180000, Self.tableColumns)
        let expected: [(String, String)] = [
            (DescribeQueries.relationFlags(oid: oid, verbose: true, serverVersion: version),
            #"""
            SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')
            , c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
            FROM pg_catalog.pg_class c
             LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
            LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
            WHERE c.oid = '16385';
            """#),
            (DescribeQueries.attributes(oid: oid, columns: tableColumns, serverVersion: version),
            #"""
            SELECT a.attname,
              pg_catalog.format_type(a.atttypid, a.atttypmod),
              (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
               FROM pg_catalog.pg_attrdef d
               WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
              a.attnotnull,
              (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
               WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
              a.attidentity,
              a.attgenerated,
              a.attstorage,
              a.attcompression AS attcompression,
              CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget,
              pg_catalog.col_description(a.attrelid, a.attnum)
            FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = '16385' AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum;
            """#),
            (DescribeQueries.tableIndexes(oid: oid, serverVersion: version),
            #"""
            SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
              pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace, con.conperiod
            FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
              LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
            WHERE c.oid = '16385' AND c.oid = i.indrelid AND i.indexrelid = c2.oid
            ORDER BY i.indisprimary DESC, c2.relname;
            """#),
            (DescribeQueries.foreignKeys(oid: oid, partitioned: false, serverVersion: version),
            #"""
            SELECT true as sametable, conname,
              pg_catalog.pg_get_constraintdef(r.oid, true) as condef,
              conrelid::pg_catalog.regclass AS ontable
            FROM pg_catalog.pg_constraint r
            WHERE r.conrelid = '16385' AND r.contype = 'f'
                 AND conparentid = 0
            ORDER BY conname
            """#),
            (DescribeQueries.referencedBy(oid: oid, serverVersion: version),
            #"""
            SELECT conname, conrelid::pg_catalog.regclass AS ontable,
                   pg_catalog.pg_get_constraintdef(oid, true) AS condef
              FROM pg_catalog.pg_constraint c
             WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('16385')
                                 UNION ALL VALUES ('16385'::pg_catalog.regclass))
                   AND contype = 'f' AND conparentid = 0
            ORDER BY conname;
            """#),
            (DescribeQueries.policies(oid: oid),
            #"""
            SELECT pol.polname, pol.polpermissive,
              CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(array(select rolname from pg_catalog.pg_roles where oid = any (pol.polroles) order by 1),',') END,
              pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),
              pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),
              CASE pol.polcmd
                WHEN 'r' THEN 'SELECT'
                WHEN 'a' THEN 'INSERT'
                WHEN 'w' THEN 'UPDATE'
                WHEN 'd' THEN 'DELETE'
                END AS cmd
            FROM pg_catalog.pg_policy pol
            WHERE pol.polrelid = '16385' ORDER BY 1;
            """#),
            (DescribeQueries.statisticsObjects(oid: oid, serverVersion: version),
            #"""
            SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,
            pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,
              'd' = any(stxkind) AS ndist_enabled,
              'f' = any(stxkind) AS deps_enabled,
              'm' = any(stxkind) AS mcv_enabled,
            stxstattarget
            FROM pg_catalog.pg_statistic_ext
            WHERE stxrelid = '16385'
            ORDER BY nsp, stxname;
            """#),
            (DescribeQueries.publications(oid: oid, serverVersion: version),
            #"""
            SELECT pubname
                 , NULL
                 , NULL
            FROM pg_catalog.pg_publication p
                 JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
                 JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid
            WHERE pc.oid ='16385' and pg_catalog.pg_relation_is_publishable('16385')
            UNION
            SELECT pubname
                 , pg_get_expr(pr.prqual, c.oid)
                 , (CASE WHEN pr.prattrs IS NOT NULL THEN
                     (SELECT string_agg(attname, ', ')
                       FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,
                            pg_catalog.pg_attribute
                      WHERE attrelid = pr.prrelid AND attnum = prattrs[s])
                    ELSE NULL END) FROM pg_catalog.pg_publication p
                 JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid
                 JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
            WHERE pr.prrelid = '16385'
            UNION
            SELECT pubname
                 , NULL
                 , NULL
            FROM pg_catalog.pg_publication p
            WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable('16385')
            ORDER BY 1;
            """#),
            (DescribeQueries.notNullConstraints(oid: oid),
            #"""
            SELECT c.conname, a.attname, c.connoinherit,
              c.conislocal, c.coninhcount <> 0,
              c.convalidated
            FROM pg_catalog.pg_constraint c JOIN
              pg_catalog.pg_attribute a ON
                (a.attrelid = c.conrelid AND a.attnum = c.conkey[1])
            WHERE c.contype = 'n' AND
              c.conrelid = '16385'::pg_catalog.regclass
            ORDER BY a.attnum
            """#),
            (DescribeQueries.triggers(oid: oid, serverVersion: version),
            #"""
            SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,
              CASE WHEN t.tgparentid != 0 THEN
                (SELECT u.tgrelid::pg_catalog.regclass
                 FROM pg_catalog.pg_trigger AS u,
                      pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)
                 WHERE u.tgname = t.tgname AND u.tgrelid = a.relid
                       AND u.tgparentid = 0
                 ORDER BY a.depth LIMIT 1)
              END AS parent
            FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = '16385' AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))
            ORDER BY 1;
            """#),
            (DescribeQueries.parents(oid: oid),
            #"""
            SELECT c.oid::pg_catalog.regclass
            FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
            WHERE c.oid = i.inhparent AND i.inhrelid = '16385'
              AND c.relkind != 'p' AND c.relkind != 'I'
            ORDER BY inhseqno;
            """#),
            (DescribeQueries.children(oid: oid, serverVersion: version),
            #"""
            SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
            FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
            WHERE c.oid = i.inhrelid AND i.inhparent = '16385'
            ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;
            """#),
        ]
        for (built, captured) in expected {
            #expect(built == captured)
        }
    }

    @Test("psql 18.6 describe.c listTables text for \\dt+ on server 15")
    func listTablesOnServer15() throws {
        let context = DescribeQueries.Context(database: "postgres", serverVersion: 150000)
        let built = try DescribeQueries.listRelations(.init(letters: "t"), pattern: nil, verbose: true, system: false, context: context)
        #expect(built == #"""
            SELECT n.nspname as "Schema",
              c.relname as "Name",
              CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type",
              pg_catalog.pg_get_userbyid(c.relowner) as "Owner",
              CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END as "Persistence",
              am.amname as "Access method",
              pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as "Size",
              pg_catalog.obj_description(c.oid, 'pg_class') as "Description"
            FROM pg_catalog.pg_class c
                 LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
            WHERE c.relkind IN ('r','p','')
                  AND n.nspname <> 'pg_catalog'
                  AND n.nspname !~ '^pg_toast'
                  AND n.nspname <> 'information_schema'
              AND pg_catalog.pg_table_is_visible(c.oid)
            ORDER BY 1,2;
            """#)
    }

    @Test("psql 18.6 describe.c listTables text for \\dt+ on server 18")
    func listTablesOnServer18() throws {
        let context = DescribeQueries.Context(database: "postgres", serverVersion: 180000)
        let built = try DescribeQueries.listRelations(.init(letters: "t"), pattern: nil, verbose: true, system: false, context: context)
        #expect(built == #"""
            SELECT n.nspname as "Schema",
              c.relname as "Name",
              CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type",
              pg_catalog.pg_get_userbyid(c.relowner) as "Owner",
              CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END as "Persistence",
              am.amname as "Access method",
              pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as "Size",
              pg_catalog.obj_description(c.oid, 'pg_class') as "Description"
            FROM pg_catalog.pg_class c
                 LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
            WHERE c.relkind IN ('r','p','')
                  AND n.nspname <> 'pg_catalog'
                  AND n.nspname !~ '^pg_toast'
                  AND n.nspname <> 'information_schema'
              AND pg_catalog.pg_table_is_visible(c.oid)
            ORDER BY 1,2;
            """#)
    }
}
