/// `\dn`, `\dx`, `\db`, `\dT` (psql's listSchemas, listExtensions, listExtensionContents,
/// describeTablespaces, describeTypes in describe.c), as psql 18 writes them for servers from 11.
extension DescribeQueries {
    typealias Failure = PatternTranslator.Failure

    /// psql 18's listSchemas.
    static func listSchemas(pattern: String?, verbose: Bool, system: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\""
        if verbose {
            sql += ",\n  " + privilegeColumn("n.nspacl")
            sql += ",\n  pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_namespace n\n"
        let filtered = !system && pattern == nil
        if filtered { sql += "WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n" }
        return try context.filter(sql, by: pattern, on: .name("n.nspname", maxParts: 2), hasWhere: filtered, then: "ORDER BY 1;")
    }

    /// The publications footer of `\dn PATTERN`; none before server 15, which has no schema
    /// publications. psql interpolates the pattern as typed, so a quote in it ends the literal
    /// and the rest runs as SQL. Here a pattern with a quote or backslash is written as an escape string
    /// instead; any other is as psql writes it.
    static func schemaPublications(pattern: String, context: Context) -> String? {
        guard context.serverVersion >= 150000 else { return nil }
        return "SELECT pubname \nFROM pg_catalog.pg_publication p\n     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid\n     JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid \nWHERE n.nspname = \(patternLiteral(pattern))\nORDER BY 1"
    }

    /// psql 18's listExtensions (`\dx`), with the Default version the server would install.
    static func listExtensions(pattern: String?, context: Context) throws(Failure) -> String {
        let sql = """
        SELECT e.extname AS "Name", e.extversion AS "Version", ae.default_version AS "Default version",n.nspname AS "Schema", d.description AS "Description"
        FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace LEFT JOIN pg_catalog.pg_description d ON d.objoid = e.oid AND d.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass LEFT JOIN pg_catalog.pg_available_extensions() ae(name, default_version, comment) ON ae.name = e.extname

        """
        return try context.filter(sql, by: pattern, on: .name("e.extname"), then: "ORDER BY 1;")
    }

    /// `\dx+` (psql's listExtensionContents): the extensions a pattern names, then each one's
    /// member objects (listOneExtensionContents).
    static func findExtensions(pattern: String?, context: Context) throws(Failure) -> String {
        try context.filter("SELECT e.extname, e.oid\nFROM pg_catalog.pg_extension e\n", by: pattern, on: .name("e.extname"), then: "ORDER BY 1;")
    }

    static func extensionObjects(oid: String) -> String {
        """
        SELECT pg_catalog.pg_describe_object(classid, objid, 0) AS "Object description"
        FROM pg_catalog.pg_depend
        WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND refobjid = '\(oid)' AND deptype = 'e'
        ORDER BY 1;
        """
    }

    /// psql 18's describeTablespaces.
    static func listTablespaces(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT spcname AS \"Name\",\n  pg_catalog.pg_get_userbyid(spcowner) AS \"Owner\",\n  pg_catalog.pg_tablespace_location(oid) AS \"Location\""
        if verbose {
            sql += ",\n  " + privilegeColumn("spcacl")
            sql += ",\n  spcoptions AS \"Options\""
            sql += ",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_tablespace_size(oid)) AS \"Size\""
            sql += ",\n  pg_catalog.shobj_description(oid, 'pg_tablespace') AS \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_tablespace\n"
        return try context.filter(sql, by: pattern, on: .name("spcname"), then: "ORDER BY 1;")
    }

    /// psql 18's describeTypes.
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

            """
            sql += privilegeColumn("t.typacl") + ",\n    "
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
        if !system && pattern == nil { sql += systemSchemasExcluded() }
        return try context.filter(sql, by: TypeNameAliases.map(pattern), on: .type("t", namespace: "n"), hasWhere: true, then: "ORDER BY 1, 2;")
    }

    /// `'pattern'` as psql writes it, or an escape string (`E'...'`, read the same whatever
    /// standard_conforming_strings says) when it holds a quote or backslash.
    static func patternLiteral(_ pattern: String) -> String {
        guard pattern.contains("'") || pattern.contains("\\") else { return "'\(pattern)'" }
        return "E'" + pattern.replacing("\\", with: "\\\\").replacing("'", with: "''") + "'"
    }
}
