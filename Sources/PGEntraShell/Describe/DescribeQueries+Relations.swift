/// `\d`, `\dt \dv \dm \di \ds \dE` (psql 18's listTables in describe.c) and the lookup behind
/// `\d NAME` (describeTableDetails).
extension DescribeQueries {
    /// Which relation kinds a `\d`-family command lists (its letters t, v, m, i, s, E).
    struct RelationKinds: Equatable {
        var tables = false, views = false, materializedViews = false, indexes = false
        var sequences = false, foreign = false
        /// How many kinds the letters named (listTables' `ntypes`): psql 18 words its title and
        /// its "Did not find" message for the one kind when exactly one was asked for.
        private(set) var requested = 0

        /// Reads the letters after `d`; none means `\d`'s set (tables, views, matviews, sequences, foreign).
        init(letters: String) {
            tables = letters.contains("t")
            views = letters.contains("v")
            materializedViews = letters.contains("m")
            indexes = letters.contains("i")
            sequences = letters.contains("s")
            foreign = letters.contains("E")
            requested = [tables, views, materializedViews, indexes, sequences, foreign].filter { $0 }.count
            if requested == 0 {
                tables = true; views = true; materializedViews = true; sequences = true; foreign = true
            }
        }

        /// The one kind asked for, as listTables tests them (tables first), or nil for a mix.
        private var single: (plural: String, title: String)? {
            guard requested == 1 else { return nil }
            if tables { return ("tables", "List of tables") }
            if indexes { return ("indexes", "List of indexes") }
            if views { return ("views", "List of views") }
            if materializedViews { return ("materialized views", "List of materialized views") }
            if sequences { return ("sequences", "List of sequences") }
            return ("foreign tables", "List of foreign tables")
        }

        /// listTables' title: "List of tables" for `\dt`, "List of relations" for a mix.
        var title: String { single?.title ?? "List of relations" }

        /// listTables' message when nothing matched (and QUIET is off).
        func notFound(pattern: String?) -> String {
            let plural = single?.plural ?? "relations"
            return pattern.map { "Did not find any \(plural) named \"\($0)\"." } ?? "Did not find any \(plural)."
        }
    }

    /// psql 18's listTables: the Access method column and pg_am join from server 12 on.
    static func listRelations(
        _ kinds: RelationKinds, pattern: String?, verbose: Bool, system: Bool, context: Context
    ) throws(PatternTranslator.Failure) -> String {
        let showAccessMethod = context.serverVersion >= 120000 && !context.hideTableAccessMethod
            && (kinds.tables || kinds.materializedViews || kinds.indexes)
        var sql = """
        SELECT n.nspname as "Schema",
          c.relname as "Name",
          \(relkindCase) as "Type",
          pg_catalog.pg_get_userbyid(c.relowner) as "Owner"
        """
        if kinds.indexes { sql += ",\n  c2.relname as \"Table\"" }
        if verbose {
            sql += ",\n  CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END as \"Persistence\""
            if showAccessMethod { sql += ",\n  am.amname as \"Access method\"" }
            sql += ",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\""
            sql += ",\n  pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        if showAccessMethod { sql += "\n     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam" }
        if kinds.indexes {
            sql += "\n     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid"
            sql += "\n     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid"
        }
        sql += "\nWHERE c.relkind IN ("
        let broad = system || pattern != nil
        if kinds.tables { sql += broad ? "'r','p','t'," : "'r','p'," }
        if kinds.views { sql += "'v'," }
        if kinds.materializedViews { sql += "'m'," }
        if kinds.indexes { sql += "'i','I'," }
        if kinds.sequences { sql += "'S'," }
        if broad { sql += "'s'," }
        if kinds.foreign { sql += "'f'," }
        sql += "'')\n"
        if !broad {
            sql += systemSchemasExcluded(toast: true)
        }
        return try context.filter(sql, by: pattern, on: .relation, hasWhere: true, then: "ORDER BY 1,2;")
    }

    /// psql 18's describeTableDetails: the relations a `\d NAME` pattern names (the same on
    /// every server version).
    static func findRelations(pattern: String?, system: Bool, context: Context) throws(PatternTranslator.Failure) -> String {
        var sql = """
        SELECT c.oid,
          n.nspname,
          c.relname
        FROM pg_catalog.pg_class c
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace

        """
        let defaultFilter = !system && pattern == nil
        if defaultFilter { sql += systemSchemasExcluded(opening: true) }
        return try context.filter(sql, by: pattern, on: .relation, hasWhere: defaultFilter, then: "ORDER BY 2, 3;")
    }
}
