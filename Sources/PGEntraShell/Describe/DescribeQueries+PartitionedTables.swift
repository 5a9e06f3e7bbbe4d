/// `\dP[tin][+]` (psql 18's describe.c listPartitionedTables).
extension DescribeQueries {
    /// Which partitioned relations `\dP` lists: its letters `t` (tables), `i` (indexes), `n`
    /// (nested partitions too); neither t nor i means both.
    struct PartitionedKinds: Equatable {
        var tables: Bool
        var indexes: Bool
        var nested: Bool

        init(letters: String) {
            tables = letters.contains("t")
            indexes = letters.contains("i")
            nested = letters.contains("n")
            if !tables && !indexes { tables = true; indexes = true }
        }

        var mixed: Bool { tables && indexes }

        var title: String {
            mixed ? "List of partitioned relations" : indexes ? "List of partitioned indexes" : "List of partitioned tables"
        }
    }

    /// Declarative partitioning came with 10, but psql 18 lists it from 12 (pg_partition_tree).
    static func partitionedTablesSupported(serverVersion: Int) -> Bool { serverVersion >= 120000 }

    static func listPartitionedTables(
        _ kinds: PartitionedKinds, pattern: String?, verbose: Bool, context: Context
    ) throws(Failure) -> String {
        let showParent = kinds.nested || pattern != nil
        var sql = "SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\""
        if kinds.mixed {
            sql += ",\n  CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\""
        }
        if showParent { sql += ",\n  inh.inhparent::pg_catalog.regclass as \"Parent name\"" }
        if kinds.indexes { sql += ",\n c2.oid::pg_catalog.regclass as \"Table\"" }
        if verbose {
            sql += ",\n  am.amname as \"Access method\""
            if kinds.nested { sql += ",\n  s.dps as \"Leaf partition size\"" }
            sql += ",\n  s.tps as \"Total size\",\n  pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
        if kinds.indexes {
            sql += "     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid\n     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid\n"
        }
        if showParent { sql += "     LEFT JOIN pg_catalog.pg_inherits inh ON c.oid = inh.inhrelid\n" }
        if verbose {
            sql += """
                 LEFT JOIN pg_catalog.pg_am am ON c.relam = am.oid,
                 LATERAL (SELECT pg_catalog.pg_size_pretty(sum(
                             CASE WHEN ppt.isleaf AND ppt.level = 1
                                  THEN pg_catalog.pg_table_size(ppt.relid) ELSE 0 END)) AS dps,
                                 pg_catalog.pg_size_pretty(sum(pg_catalog.pg_table_size(ppt.relid))) AS tps
                          FROM pg_catalog.pg_partition_tree(c.oid) ppt) s

            """
        }
        sql += "WHERE c.relkind IN (" + (kinds.tables ? "'p'," : "") + (kinds.indexes ? "'I'," : "") + "'')\n"
        if !kinds.nested && pattern == nil { sql += " AND NOT c.relispartition\n" }
        if pattern == nil {
            sql += systemSchemasExcluded(toast: true)
        }
        let order = "ORDER BY \"Schema\", " + (kinds.mixed ? "\"Type\" DESC, " : "") + (showParent ? "\"Parent name\" NULLS FIRST, " : "") + "\"Name\";"
        return try context.filter(sql, by: pattern, on: .relation, hasWhere: true, then: order)
    }
}
