/// `\l`, `\dn`, `\df`, `\dx`, `\db`, `\dT` (psql's listAllDbs, listSchemas, describeFunctions,
/// listExtensions, describeTablespaces, describeTypes).
extension DescribeQueries {
    typealias Failure = PatternTranslator.Failure

    static func listDatabases(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT d.datname as "Name",
               pg_catalog.pg_get_userbyid(d.datdba) as "Owner",
               pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding",
               d.datcollate as "Collate",
               d.datctype as "Ctype",
               d.daticulocale as "ICU Locale",
               CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Locale Provider",
               pg_catalog.array_to_string(d.datacl, E'\\n') AS "Access privileges"
        """
        if verbose {
            sql += """
            ,
                   CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')
                      OR pg_catalog.pg_has_role('pg_read_all_stats', 'USAGE')
                        THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))
                        ELSE 'No Access'
                   END as "Size",
                   t.spcname as "Tablespace",
                   pg_catalog.shobj_description(d.oid, 'pg_database') as "Description"
            """
        }
        sql += "\nFROM pg_catalog.pg_database d\n"
        if verbose { sql += "  JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid\n" }
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: false, schemaColumn: nil, nameColumn: "d.datname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        sql += "ORDER BY 1;"
        return sql
    }

    static func listSchemas(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\""
        if verbose {
            sql += ",\n  pg_catalog.array_to_string(n.nspacl, E'\\n') AS \"Access privileges\""
            sql += ",\n  pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_namespace n\n"
        let filtered = !system && pattern == nil
        if filtered { sql += "WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n" }
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: filtered, schemaColumn: nil, nameColumn: "n.nspname",
            visibilityRule: nil, maxParts: 2, database: context.database)
        sql += "ORDER BY 1;"
        return sql
    }

    /// The publications footer of `\dn PATTERN` (psql interpolates the pattern as typed).
    static func schemaPublications(pattern: String) -> String {
        "SELECT pubname \nFROM pg_catalog.pg_publication p\n     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid\n     JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid \nWHERE n.nspname = '\(pattern)'\nORDER BY 1"
    }

    /// `\df` with its letters (a, n, p, t, w).
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
             pg_catalog.array_to_string(p.proacl, E'\\n') AS "Access privileges",
             l.lanname as "Language",
             COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) as "Source code",
             pg_catalog.obj_description(p.oid, 'pg_proc') as "Description"
            """
        }
        sql += "\nFROM pg_catalog.pg_proc p\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
        for index in argumentTypes.indices {
            sql += "     LEFT JOIN pg_catalog.pg_type t\(index) ON t\(index).oid = p.proargtypes[\(index)]\n"
            sql += "     LEFT JOIN pg_catalog.pg_namespace nt\(index) ON nt\(index).oid = t\(index).typnamespace\n"
        }
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
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: hasWhere, schemaColumn: "n.nspname", nameColumn: "p.proname",
            visibilityRule: "pg_catalog.pg_function_is_visible(p.oid)", maxParts: 3, database: context.database)
        for (index, type) in argumentTypes.enumerated() {
            guard type != "-" else {
                sql += "  AND t\(index).typname IS NULL\n"
                continue
            }
            // psql writes AND here even when nothing above opened a WHERE.
            try PatternTranslator.appendClause(
                to: &sql, pattern: TypeNameAliases.map(type), hasWhere: true, schemaColumn: "nt\(index).nspname",
                nameColumn: "t\(index).typname", alternateNameColumn: "pg_catalog.format_type(t\(index).oid, NULL)",
                visibilityRule: "pg_catalog.pg_type_is_visible(t\(index).oid)", maxParts: 3, database: context.database)
        }
        if !system && pattern == nil { sql += systemSchemasExcluded }
        sql += "ORDER BY 1, 2, 4;"
        return sql
    }

    static func listExtensions(pattern: String?, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT e.extname AS "Name", e.extversion AS "Version", n.nspname AS "Schema", c.description AS "Description"
        FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid AND c.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass

        """
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: false, schemaColumn: nil, nameColumn: "e.extname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        sql += "ORDER BY 1;"
        return sql
    }

    /// `\dx+`: the extensions a pattern names, then each one's member objects.
    static func findExtensions(pattern: String?, context: Context) throws(Failure) -> String {
        var sql = "SELECT e.extname, e.oid\nFROM pg_catalog.pg_extension e\n"
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: false, schemaColumn: nil, nameColumn: "e.extname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        sql += "ORDER BY 1;"
        return sql
    }

    static func extensionObjects(oid: String) -> String {
        """
        SELECT pg_catalog.pg_describe_object(classid, objid, 0) AS "Object description"
        FROM pg_catalog.pg_depend
        WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND refobjid = '\(oid)' AND deptype = 'e'
        ORDER BY 1;
        """
    }

    static func listTablespaces(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT spcname AS \"Name\",\n  pg_catalog.pg_get_userbyid(spcowner) AS \"Owner\",\n  pg_catalog.pg_tablespace_location(oid) AS \"Location\""
        if verbose {
            sql += ",\n  pg_catalog.array_to_string(spcacl, E'\\n') AS \"Access privileges\""
            sql += ",\n  spcoptions AS \"Options\""
            sql += ",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_tablespace_size(oid)) AS \"Size\""
            sql += ",\n  pg_catalog.shobj_description(oid, 'pg_tablespace') AS \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_tablespace\n"
        try PatternTranslator.appendClause(
            to: &sql, pattern: pattern, hasWhere: false, schemaColumn: nil, nameColumn: "spcname",
            visibilityRule: nil, maxParts: 1, database: context.database)
        sql += "ORDER BY 1;"
        return sql
    }

    static func listTypes(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT n.nspname as \"Schema\",\n  pg_catalog.format_type(t.oid, NULL) AS \"Name\",\n"
        if verbose {
            sql += """
              t.typname AS "Internal name",
              CASE WHEN t.typrelid != 0
                  THEN CAST('tuple' AS pg_catalog.text)
                WHEN t.typlen < 0
                  THEN CAST('var' AS pg_catalog.text)
                ELSE CAST(t.typlen AS pg_catalog.text)
              END AS "Size",
              pg_catalog.array_to_string(
                  ARRAY(
                      SELECT e.enumlabel
                      FROM pg_catalog.pg_enum e
                      WHERE e.enumtypid = t.oid
                      ORDER BY e.enumsortorder
                  ),
                  E'\\n'
              ) AS "Elements",
              pg_catalog.pg_get_userbyid(t.typowner) AS "Owner",
            pg_catalog.array_to_string(t.typacl, E'\\n') AS "Access privileges",

            """
            sql += "    "
        } else {
            sql += "  "
        }
        sql += """
        pg_catalog.obj_description(t.oid, 'pg_type') as "Description"
        FROM pg_catalog.pg_type t
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))

        """
        // Array types only when the pattern asks for them.
        if !(pattern?.contains("[]") ?? false) {
            sql += "  AND NOT EXISTS(SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)\n"
        }
        if !system && pattern == nil { sql += systemSchemasExcluded }
        try PatternTranslator.appendClause(
            to: &sql, pattern: TypeNameAliases.map(pattern), hasWhere: true, schemaColumn: "n.nspname", nameColumn: "t.typname",
            alternateNameColumn: "pg_catalog.format_type(t.oid, NULL)",
            visibilityRule: "pg_catalog.pg_type_is_visible(t.oid)", maxParts: 3, database: context.database)
        sql += "ORDER BY 1, 2;"
        return sql
    }
}
