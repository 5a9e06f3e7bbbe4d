/// The per-relation queries of `\d NAME` that shape the table itself (psql 18's
/// describeOneTableDetails in describe.c): the relation's flags, its columns, a sequence's
/// settings, an index's description, and the queries of the closing footers (partitioning,
/// TOAST owner, foreign server, inheritance, tablespace). Each takes the server version and picks
/// the branch psql 18 picks for it; the table footers are in DescribeQueries+TableFooters.
extension DescribeQueries {
    /// describeOneTableDetails' "Get general table info": from server 12 on `relhasoids` is
    /// gone and the access method joins in; server 11 reads `c.relhasoids`.
    static func relationFlags(oid: String, verbose: Bool, serverVersion: Int) -> String {
        let options = verbose
            ? "pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')\n"
            : "''"
        let typeOf = "CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END"
        if serverVersion >= 120000 {
            return """
            SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, \(options), c.reltablespace, \(typeOf), c.relpersistence, c.relreplident, am.amname
            FROM pg_catalog.pg_class c
             LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
            LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
            WHERE c.oid = '\(oid)';
            """
        }
        return """
        SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, c.relhasoids, c.relispartition, \(options), c.reltablespace, \(typeOf), c.relpersistence, c.relreplident
        FROM pg_catalog.pg_class c
         LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
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

    /// The optional columns of the attribute query, in psql's order.
    struct AttributeColumns {
        var details = false, indexKey = false, fdwOptions = false, storage = false, compression = false
        var statsTarget = false, description = false
    }

    /// describeOneTableDetails' per-column query; `attgenerated` exists from server 12 on.
    static func attributes(oid: String, columns: AttributeColumns, serverVersion: Int) -> String {
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
              a.attidentity
            """
            sql += serverVersion >= 120000 ? ",\n  a.attgenerated" : ",\n  ''::pg_catalog.char AS attgenerated"
        }
        if columns.indexKey {
            sql += ",\n  CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = '\(oid)') THEN 'yes' ELSE 'no' END AS is_key"
            sql += ",\n  pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS indexdef"
        }
        if columns.fdwOptions {
            sql += ",\n  CASE WHEN attfdwoptions IS NULL THEN '' ELSE   '(' || pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value)  FROM   pg_catalog.pg_options_to_table(attfdwoptions)), ', ') || ')' END AS attfdwoptions"
        }
        if columns.storage { sql += ",\n  a.attstorage" }
        if columns.compression { sql += ",\n  a.attcompression AS attcompression" }
        if columns.statsTarget { sql += ",\n  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget" }
        if columns.description { sql += ",\n  pg_catalog.col_description(a.attrelid, a.attnum)" }
        sql += "\nFROM pg_catalog.pg_attribute a\nWHERE a.attrelid = '\(oid)' AND a.attnum > 0 AND NOT a.attisdropped\nORDER BY a.attnum;"
        return sql
    }

    /// An index's one-line description; `indnullsnotdistinct` exists from server 15 on.
    static func indexFooter(oid: String, serverVersion: Int) -> String {
        let nullsNotDistinct = serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false AS indnullsnotdistinct"
        return """
        SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,
          (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferrable) AS condeferrable,
          (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferred) AS condeferred,
        i.indisreplident,
        \(nullsNotDistinct),
          a.amname, c2.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)
        FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a
        WHERE i.indexrelid = c.oid AND c.oid = '\(oid)' AND c.relam = a.oid
        AND i.indrelid = c2.oid;
        """
    }

    /// psql's add_tablespace_footer: the name of a non-default tablespace.
    static func tablespaceName(oid: String) -> String {
        "SELECT spcname FROM pg_catalog.pg_tablespace\nWHERE oid = '\(oid)';"
    }

    /// A TOAST table's owner (`Owning table:`).
    static func toastOwner(oid: String) -> String {
        """
        SELECT n.nspname, c.relname
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE reltoastrelid = '\(oid)';
        """
    }

    /// A foreign table's server and options (`Server:`, `FDW options:`).
    static func foreignTableServer(oid: String) -> String {
        """
        SELECT s.srvname,
          pg_catalog.array_to_string(ARRAY(
            SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value)
            FROM pg_catalog.pg_options_to_table(ftoptions)),  ', ')
        FROM pg_catalog.pg_foreign_table f,
             pg_catalog.pg_foreign_server s
        WHERE f.ftrelid = '\(oid)' AND s.oid = f.ftserver;
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

    /// A partition's parent and bound (`Partition of:`), with its constraint when verbose;
    /// `inhdetachpending` exists from server 14 on.
    static func partitionOf(oid: String, verbose: Bool, serverVersion: Int) -> String {
        var sql = "SELECT inhparent::pg_catalog.regclass,\n  pg_catalog.pg_get_expr(c.relpartbound, c.oid),\n  "
        sql += serverVersion >= 140000 ? "inhdetachpending" : "false as inhdetachpending"
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

    /// Child tables and partitions; `inhdetachpending` exists from server 14 on.
    static func children(oid: String, serverVersion: Int) -> String {
        let detachPending = serverVersion >= 140000 ? "inhdetachpending" : "false AS inhdetachpending"
        return """
        SELECT c.oid::pg_catalog.regclass, c.relkind, \(detachPending), pg_catalog.pg_get_expr(c.relpartbound, c.oid)
        FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
        WHERE c.oid = i.inhrelid AND i.inhparent = '\(oid)'
        ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;
        """
    }
}
