/// The footer queries psql 18's describeOneTableDetails (describe.c) sends for a table-like
/// relation (table, partitioned table, materialized view, foreign table, TOAST table) and for
/// triggers, in the order it sends them, each on the branch psql 18 picks for the server version.
extension DescribeQueries {
    /// The table's indexes; `conperiod` (WITHOUT OVERLAPS) exists from server 18 on.
    static func tableIndexes(oid: String, serverVersion: Int) -> String {
        let period = serverVersion >= 180000 ? "con.conperiod" : "false AS conperiod"
        return """
        SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
          pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace, \(period)
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

    /// From server 12 on, a partitioned table or a partition also lists the keys it inherits
    /// from its ancestors (as `TABLE "parent" CONSTRAINT ...`) and skips cloned ones
    /// (`conparentid = 0`); server 11 lists the table's own keys.
    static func foreignKeys(oid: String, partitioned: Bool, serverVersion: Int) -> String {
        if serverVersion >= 120000 && partitioned {
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
        var sql = """
        SELECT true as sametable, conname,
          pg_catalog.pg_get_constraintdef(r.oid, true) as condef,
          conrelid::pg_catalog.regclass AS ontable
        FROM pg_catalog.pg_constraint r
        WHERE r.conrelid = '\(oid)' AND r.contype = 'f'

        """
        if serverVersion >= 120000 { sql += "     AND conparentid = 0\n" }
        sql += "ORDER BY conname"
        return sql
    }

    /// Incoming foreign keys; from server 12 on also those referencing an ancestor.
    static func referencedBy(oid: String, serverVersion: Int) -> String {
        if serverVersion >= 120000 {
            return """
            SELECT conname, conrelid::pg_catalog.regclass AS ontable,
                   pg_catalog.pg_get_constraintdef(oid, true) AS condef
              FROM pg_catalog.pg_constraint c
             WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('\(oid)')
                                 UNION ALL VALUES ('\(oid)'::pg_catalog.regclass))
                   AND contype = 'f' AND conparentid = 0
            ORDER BY conname;
            """
        }
        return """
        SELECT conname, conrelid::pg_catalog.regclass AS ontable,
               pg_catalog.pg_get_constraintdef(oid, true) AS condef
          FROM pg_catalog.pg_constraint
         WHERE confrelid = \(oid) AND contype = 'f'
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

    /// Extended statistics: from server 14 on with expressions (pg_get_statisticsobjdef_columns);
    /// before, the column names, and `stxstattarget` only from server 13.
    static func statisticsObjects(oid: String, serverVersion: Int) -> String {
        if serverVersion >= 140000 {
            return """
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
        let target = serverVersion >= 130000 ? "  stxstattarget\n" : "  -1 AS stxstattarget\n"
        return """
        SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace AS nsp, stxname,
          (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(attname),', ')
           FROM pg_catalog.unnest(stxkeys) s(attnum)
           JOIN pg_catalog.pg_attribute a ON (stxrelid = a.attrelid AND
                a.attnum = s.attnum AND NOT attisdropped)) AS columns,
          'd' = any(stxkind) AS ndist_enabled,
          'f' = any(stxkind) AS deps_enabled,
          'm' = any(stxkind) AS mcv_enabled,

        """ + target + """
        FROM pg_catalog.pg_statistic_ext
        WHERE stxrelid = '\(oid)'
        ORDER BY 1;
        """
    }

    /// A table's rules (not a view's, which come after its definition).
    static func tableRules(oid: String) -> String {
        """
        SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true)), ev_enabled
        FROM pg_catalog.pg_rewrite r
        WHERE r.ev_class = '\(oid)' ORDER BY 1;
        """
    }

    /// The publications that include the table: from server 15 on with schema publications,
    /// row filters and column lists. Publications that show neither (before 15, all but the
    /// table's own from 15) select NULL for both, and FOR ALL TABLES publications come last.
    static func publications(oid: String, serverVersion: Int) -> String {
        let withoutDetails = "SELECT pubname\n     , NULL\n     , NULL\nFROM pg_catalog.pg_publication p\n"
        let allTables = withoutDetails + "WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable('\(oid)')\nORDER BY 1;"
        guard serverVersion >= 150000 else {
            return withoutDetails + "JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid\nWHERE pr.prrelid = '\(oid)'\nUNION ALL\n" + allTables
        }
        return withoutDetails + """
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

            """ + allTables
    }

    /// `\d+`'s not-null constraints: psql 18 sends it to every server; only server 18 keeps
    /// them in pg_constraint (contype 'n'), so older ones answer with no rows.
    static func notNullConstraints(oid: String) -> String {
        """
        SELECT c.conname, a.attname, c.connoinherit,
          c.conislocal, c.coninhcount <> 0,
          c.convalidated
        FROM pg_catalog.pg_constraint c JOIN
          pg_catalog.pg_attribute a ON
            (a.attrelid = c.conrelid AND a.attnum = c.conkey[1])
        WHERE c.contype = 'n' AND
          c.conrelid = '\(oid)'::pg_catalog.regclass
        ORDER BY a.attnum
        """
    }

    /// User triggers: the topmost parent of an inherited one from server 13 on (`tgparentid`);
    /// servers 11 to 14 mark partitions' inherited triggers internal, so those are found by
    /// their dependency on the parent's trigger.
    static func triggers(oid: String, serverVersion: Int) -> String {
        var sql = "SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,\n"
        if serverVersion >= 130000 {
            sql += """
              CASE WHEN t.tgparentid != 0 THEN
                (SELECT u.tgrelid::pg_catalog.regclass
                 FROM pg_catalog.pg_trigger AS u,
                      pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)
                 WHERE u.tgname = t.tgname AND u.tgrelid = a.relid
                       AND u.tgparentid = 0
                 ORDER BY a.depth LIMIT 1)
              END AS parent

            """
        } else {
            sql += "  NULL AS parent\n"
        }
        sql += "FROM pg_catalog.pg_trigger t\nWHERE t.tgrelid = '\(oid)' AND "
        if serverVersion >= 110000 && serverVersion < 150000 {
            sql += "(NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D') \n"
                + "    OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend WHERE objid = t.oid \n"
                + "        AND refclassid = 'pg_catalog.pg_trigger'::pg_catalog.regclass))"
        } else {
            sql += "(NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))"
        }
        sql += "\nORDER BY 1;"
        return sql
    }
}
