/// The per-relation queries of `\d NAME` (psql's describeOneTableDetails), in the order psql
/// sends them.
extension DescribeQueries {
    static func relationFlags(oid: String, verbose: Bool) -> String {
        let options = verbose
            ? "pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')\n"
            : "''"
        return """
        SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, \(options), c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
        FROM pg_catalog.pg_class c
         LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
        LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
        WHERE c.oid = '\(oid)';
        """
    }

    static func sequenceDetails(oid: String) -> String {
        """
        SELECT pg_catalog.format_type(seqtypid, NULL) AS "Type",
               seqstart AS "Start",
               seqmin AS "Minimum",
               seqmax AS "Maximum",
               seqincrement AS "Increment",
               CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS "Cycles?",
               seqcache AS "Cache"
        FROM pg_catalog.pg_sequence
        WHERE seqrelid = '\(oid)';
        """
    }

    static func sequenceOwner(oid: String) -> String {
        """
        SELECT pg_catalog.quote_ident(nspname) || '.' ||
           pg_catalog.quote_ident(relname) || '.' ||
           pg_catalog.quote_ident(attname),
           d.deptype
        FROM pg_catalog.pg_class c
        INNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid
        INNER JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace
        INNER JOIN pg_catalog.pg_attribute a ON (
         a.attrelid=c.oid AND
         a.attnum=d.refobjsubid)
        WHERE d.classid='pg_catalog.pg_class'::pg_catalog.regclass
         AND d.refclassid='pg_catalog.pg_class'::pg_catalog.regclass
         AND d.objid='\(oid)'
         AND d.deptype IN ('a', 'i')
        """
    }

    /// The optional columns of the attribute query, as psql numbers them.
    struct AttributeColumns {
        var details = false, indexKey = false, storage = false, compression = false
        var statsTarget = false, description = false
    }

    static func attributes(oid: String, columns: AttributeColumns) -> String {
        var sql = "SELECT a.attname,\n  pg_catalog.format_type(a.atttypid, a.atttypmod)"
        if columns.details {
            sql += """
            ,
              (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
               FROM pg_catalog.pg_attrdef d
               WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
              a.attnotnull,
              (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
               WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
              a.attidentity,
              a.attgenerated
            """
        }
        if columns.indexKey {
            sql += ",\n  CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = '\(oid)') THEN 'yes' ELSE 'no' END AS is_key"
            sql += ",\n  pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS indexdef"
        }
        if columns.storage { sql += ",\n  a.attstorage" }
        if columns.compression { sql += ",\n  a.attcompression AS attcompression" }
        if columns.statsTarget { sql += ",\n  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget" }
        if columns.description { sql += ",\n  pg_catalog.col_description(a.attrelid, a.attnum)" }
        sql += "\nFROM pg_catalog.pg_attribute a\nWHERE a.attrelid = '\(oid)' AND a.attnum > 0 AND NOT a.attisdropped\nORDER BY a.attnum;"
        return sql
    }

    static func indexFooter(oid: String) -> String {
        """
        SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,
          (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferrable) AS condeferrable,
          (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferred) AS condeferred,
        i.indisreplident,
        i.indnullsnotdistinct,
          a.amname, c2.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)
        FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a
        WHERE i.indexrelid = c.oid AND c.oid = '\(oid)' AND c.relam = a.oid
        AND i.indrelid = c2.oid;
        """
    }

    static func tableIndexes(oid: String) -> String {
        """
        SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
          pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace
        FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
          LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
        WHERE c.oid = '\(oid)' AND c.oid = i.indrelid AND i.indexrelid = c2.oid
        ORDER BY i.indisprimary DESC, c2.relname;
        """
    }

    static func checkConstraints(oid: String) -> String {
        """
        SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)
        FROM pg_catalog.pg_constraint r
        WHERE r.conrelid = '\(oid)' AND r.contype = 'c'
        ORDER BY 1;
        """
    }

    /// A partitioned table or a partition also lists the keys it inherits from its ancestors
    /// (as `TABLE "parent" CONSTRAINT ...`).
    static func foreignKeys(oid: String, partitioned: Bool) -> String {
        if partitioned {
            return """
            SELECT conrelid = '\(oid)'::pg_catalog.regclass AS sametable,
                   conname,
                   pg_catalog.pg_get_constraintdef(oid, true) AS condef,
                   conrelid::pg_catalog.regclass AS ontable
              FROM pg_catalog.pg_constraint,
                   pg_catalog.pg_partition_ancestors('\(oid)')
             WHERE conrelid = relid AND contype = 'f' AND conparentid = 0
            ORDER BY sametable DESC, conname;
            """
        }
        return """
        SELECT true as sametable, conname,
          pg_catalog.pg_get_constraintdef(r.oid, true) as condef,
          conrelid::pg_catalog.regclass AS ontable
        FROM pg_catalog.pg_constraint r
        WHERE r.conrelid = '\(oid)' AND r.contype = 'f'
             AND conparentid = 0
        ORDER BY conname
        """
    }

    static func referencedBy(oid: String) -> String {
        """
        SELECT conname, conrelid::pg_catalog.regclass AS ontable,
               pg_catalog.pg_get_constraintdef(oid, true) AS condef
          FROM pg_catalog.pg_constraint c
         WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('\(oid)')
                             UNION ALL VALUES ('\(oid)'::pg_catalog.regclass))
               AND contype = 'f' AND conparentid = 0
        ORDER BY conname;
        """
    }

    static func policies(oid: String) -> String {
        """
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
        WHERE pol.polrelid = '\(oid)' ORDER BY 1;
        """
    }

    static func statisticsObjects(oid: String) -> String {
        """
        SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,
        pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,
          'd' = any(stxkind) AS ndist_enabled,
          'f' = any(stxkind) AS deps_enabled,
          'm' = any(stxkind) AS mcv_enabled,
        stxstattarget
        FROM pg_catalog.pg_statistic_ext
        WHERE stxrelid = '\(oid)'
        ORDER BY nsp, stxname;
        """
    }

    static func publications(oid: String) -> String {
        """
        SELECT pubname
             , NULL
             , NULL
        FROM pg_catalog.pg_publication p
             JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
             JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid
        WHERE pc.oid ='\(oid)' and pg_catalog.pg_relation_is_publishable('\(oid)')
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
        WHERE pr.prrelid = '\(oid)'
        UNION
        SELECT pubname
             , NULL
             , NULL
        FROM pg_catalog.pg_publication p
        WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable('\(oid)')
        ORDER BY 1;
        """
    }

    static func viewDefinition(oid: String) -> String {
        "SELECT pg_catalog.pg_get_viewdef('\(oid)'::pg_catalog.oid, true);"
    }

    static func viewRules(oid: String) -> String {
        """
        SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))
        FROM pg_catalog.pg_rewrite r
        WHERE r.ev_class = '\(oid)' AND r.rulename != '_RETURN' ORDER BY 1;
        """
    }

    static func triggers(oid: String) -> String {
        """
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
        WHERE t.tgrelid = '\(oid)' AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))
        ORDER BY 1;
        """
    }

    /// A partition's parent and bound (`Partition of:`), with its constraint when verbose.
    static func partitionOf(oid: String, verbose: Bool) -> String {
        var sql = "SELECT inhparent::pg_catalog.regclass,\n  pg_catalog.pg_get_expr(c.relpartbound, c.oid),\n  inhdetachpending"
        if verbose { sql += ",\n  pg_catalog.pg_get_partition_constraintdef(c.oid)" }
        sql += "\nFROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid\nWHERE c.oid = '\(oid)';"
        return sql
    }

    static func partitionKey(oid: String) -> String {
        "SELECT pg_catalog.pg_get_partkeydef('\(oid)'::pg_catalog.oid);"
    }

    static func parents(oid: String) -> String {
        """
        SELECT c.oid::pg_catalog.regclass
        FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
        WHERE c.oid = i.inhparent AND i.inhrelid = '\(oid)'
          AND c.relkind != 'p' AND c.relkind != 'I'
        ORDER BY inhseqno;
        """
    }

    static func children(oid: String) -> String {
        """
        SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
        FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
        WHERE c.oid = i.inhrelid AND i.inhparent = '\(oid)'
        ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;
        """
    }
}
