/// `\df` and its letters (psql's describeFunctions in describe.c).
extension DescribeQueries {
    /// `\df` with its letters (a, n, p, t, w): psql 18's describeFunctions. Every server from 11
    /// has prokind, so the query is the same for all of them; `\df+` shows Leakproof? and, for
    /// internal and C functions, the Internal name (the source text is `\sf`'s now).
    /// `argumentTypes` are psql's argument-type patterns (`\df NAME TYPE ...`): each matches the
    /// argument in its position, `-` says there is none.
    static func listFunctions(
        letters: String, pattern: String?, argumentTypes: [String] = [], verbose: Bool, system: Bool, context: Context
    ) throws(Failure) -> String {
        var aggregate = letters.contains("a"), normal = letters.contains("n"), procedure = letters.contains("p")
        var trigger = letters.contains("t"), window = letters.contains("w")
        if !(aggregate || normal || procedure || trigger || window) {
            aggregate = true; normal = true; procedure = true; trigger = true; window = true
        }
        var sql = """
        SELECT n.nspname as "Schema",
          p.proname as "Name",
          pg_catalog.pg_get_function_result(p.oid) as "Result data type",
          pg_catalog.pg_get_function_arguments(p.oid) as "Argument data types",
         CASE p.prokind
          WHEN 'a' THEN 'agg'
          WHEN 'w' THEN 'window'
          WHEN 'p' THEN 'proc'
          ELSE 'func'
         END as "Type"
        """
        if verbose {
            sql += """
            ,
             CASE
              WHEN p.provolatile = 'i' THEN 'immutable'
              WHEN p.provolatile = 's' THEN 'stable'
              WHEN p.provolatile = 'v' THEN 'volatile'
             END as "Volatility",
             CASE
              WHEN p.proparallel = 'r' THEN 'restricted'
              WHEN p.proparallel = 's' THEN 'safe'
              WHEN p.proparallel = 'u' THEN 'unsafe'
             END as "Parallel",
             pg_catalog.pg_get_userbyid(p.proowner) as "Owner",
             CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END AS "Security",
             CASE WHEN p.proleakproof THEN 'yes' ELSE 'no' END as "Leakproof?",

            """
            sql += " " + privilegeColumn("p.proacl")
            sql += """
            ,
             l.lanname as "Language",
             CASE WHEN l.lanname IN ('internal', 'c') THEN p.prosrc END as "Internal name",
             pg_catalog.obj_description(p.oid, 'pg_proc') as "Description"
            """
        }
        sql += "\nFROM pg_catalog.pg_proc p\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
        sql += argumentTypeJoins(argumentTypes.indices.map { "p.proargtypes[\($0)]" })
        if verbose { sql += "     LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang\n" }
        var hasWhere = false
        func condition(_ text: String) {
            sql += hasWhere ? "      AND " : "WHERE "
            hasWhere = true
            sql += text + "\n"
        }
        if normal && aggregate && procedure && trigger && window {
        } else if normal {
            if !aggregate { condition("p.prokind <> 'a'") }
            if !procedure { condition("p.prokind <> 'p'") }
            if !trigger { condition("p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype") }
            if !window { condition("p.prokind <> 'w'") }
        } else {
            sql += "WHERE (\n       "
            hasWhere = true
            var needsOr = false
            for (wanted, text) in [
                (aggregate, "p.prokind = 'a'"), (trigger, "p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype"),
                (procedure, "p.prokind = 'p'"), (window, "p.prokind = 'w'"),
            ] where wanted {
                if needsOr { sql += "       OR " }
                sql += text + "\n"
                needsOr = true
            }
            sql += "      )\n"
        }
        try context.appendPattern(pattern, on: .function, to: &sql, hasWhere: hasWhere)
        try appendArgumentTypePatterns(argumentTypes, to: &sql, context: context)
        if !system && pattern == nil { sql += systemSchemasExcluded() }
        sql += "ORDER BY 1, 2, 4;"
        return sql
    }
}
