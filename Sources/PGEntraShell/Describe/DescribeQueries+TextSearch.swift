/// The text search listings: `\dF` (psql 18's describe.c listTSConfigs, listTSConfigsVerbose,
/// describeOneTSConfig), `\dFp` (listTSParsers, listTSParsersVerbose, describeOneTSParser),
/// `\dFd` (listTSDictionaries) and `\dFt` (listTSTemplates). describe.c has no server-version
/// branch in any of them: the text search catalogs have not changed since release 8.3, so every
/// server from 11 on gets the same text. The patterns take up to three parts, and none of these
/// commands hides system objects (psql passes them no `S`).
extension DescribeQueries {
    /// `\dF`: schema, name and description of each visible or matching configuration.
    static func listTextSearchConfigurations(pattern: String?, context: Context) throws(Failure) -> String {
        try TextSearchCatalog.configurations.list(pattern: pattern, context: context)
    }

    /// `\dF+`'s first query (listTSConfigsVerbose): each configuration's oid, name and schema with
    /// its parser's name and schema, for one table each.
    static func findTextSearchConfigurations(pattern: String?, context: Context) throws(Failure) -> String {
        let sql = """
        SELECT c.oid, c.cfgname,
           n.nspname,
           p.prsname,
           np.nspname as pnspname
        FROM pg_catalog.pg_ts_config c
           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace,
         pg_catalog.pg_ts_parser p
           LEFT JOIN pg_catalog.pg_namespace np ON np.oid = p.prsnamespace
        WHERE  p.oid = c.cfgparser

        """
        return try context.filter(sql, by: pattern, on: TextSearchCatalog.configurations.pattern, hasWhere: true, then: "ORDER BY 3, 2;")
    }

    /// describeOneTSConfig: the token types of the configuration `oid` with the dictionaries
    /// each is mapped to, in mapping order.
    static func textSearchConfigurationMappings(oid: String) -> String {
        """
        SELECT
          ( SELECT t.alias FROM
            pg_catalog.ts_token_type(c.cfgparser) AS t
            WHERE t.tokid = m.maptokentype ) AS "Token",
          pg_catalog.btrim(
            ARRAY( SELECT mm.mapdict::pg_catalog.regdictionary
                   FROM pg_catalog.pg_ts_config_map AS mm
                   WHERE mm.mapcfg = m.mapcfg AND mm.maptokentype = m.maptokentype
                   ORDER BY mapcfg, maptokentype, mapseqno
            ) :: pg_catalog.text,
          '{}') AS "Dictionaries"
        FROM pg_catalog.pg_ts_config AS c, pg_catalog.pg_ts_config_map AS m
        WHERE c.oid = '\(oid)' AND m.mapcfg = c.oid
        GROUP BY m.mapcfg, m.maptokentype, c.cfgparser
        ORDER BY 1;
        """
    }

    /// `\dFp`: schema, name and description of each parser.
    static func listTextSearchParsers(pattern: String?, context: Context) throws(Failure) -> String {
        try TextSearchCatalog.parsers.list(pattern: pattern, context: context)
    }

    /// `\dFp+`'s first query (listTSParsersVerbose): oid, schema and name of each parser.
    static func findTextSearchParsers(pattern: String?, context: Context) throws(Failure) -> String {
        let parsers = TextSearchCatalog.parsers
        return try context.filter(
            "SELECT p.oid,\n  n.nspname,\n  p.prsname\n" + parsers.from, by: pattern, on: parsers.pattern, then: "ORDER BY 1, 2;")
    }

    /// describeOneTSParser's first table: the parser's five support functions, one row each.
    static func textSearchParserMethods(oid: String) -> String {
        let methods = [("Start parse", "prsstart"), ("Get next token", "prstoken"), ("End parse", "prsend"),
                       ("Get headline", "prsheadline"), ("Get token types", "prslextype")]
        var sql = """
        SELECT 'Start parse' AS "Method",
           p.prsstart::pg_catalog.regproc AS "Function",
           pg_catalog.obj_description(p.prsstart, 'pg_proc') as "Description"
         FROM pg_catalog.pg_ts_parser p
         WHERE p.oid = '\(oid)'
        """
        for (method, column) in methods.dropFirst() {
            sql += """

            UNION ALL
            SELECT '\(method)',
               p.\(column)::pg_catalog.regproc,
               pg_catalog.obj_description(p.\(column), 'pg_proc')
             FROM pg_catalog.pg_ts_parser p
             WHERE p.oid = '\(oid)'
            """
        }
        return sql + ";"
    }

    /// describeOneTSParser's second table: the token types the parser `oid` produces.
    static func textSearchParserTokenTypes(oid: String) -> String {
        """
        SELECT t.alias as "Token name",
          t.description as "Description"
        FROM pg_catalog.ts_token_type( '\(oid)'::pg_catalog.oid ) as t
        ORDER BY 1;
        """
    }

    /// `\dFd[+]`: the verbose form adds each dictionary's template and init options.
    static func listTextSearchDictionaries(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        let template = """
          ( SELECT COALESCE(nt.nspname, '(null)')::pg_catalog.text || '.' || t.tmplname FROM
            pg_catalog.pg_ts_template t
            LEFT JOIN pg_catalog.pg_namespace nt ON nt.oid = t.tmplnamespace
            WHERE d.dicttemplate = t.oid ) AS  "Template",
          d.dictinitoption as "Init options",

        """
        return try TextSearchCatalog.dictionaries.list(verboseColumns: verbose ? template : "", pattern: pattern, context: context)
    }

    /// `\dFt[+]`: the verbose form adds each template's init and lexize functions.
    static func listTextSearchTemplates(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        let functions = "  t.tmplinit::pg_catalog.regproc AS \"Init\",\n  t.tmpllexize::pg_catalog.regproc AS \"Lexize\",\n"
        return try TextSearchCatalog.templates.list(verboseColumns: verbose ? functions : "", pattern: pattern, context: context)
    }

    /// The four text search catalogs as their listings (listTSConfigs, listTSParsers,
    /// listTSDictionaries, listTSTemplates) read them: one query shape, schema, name and
    /// comment, joined to the schema in `n` and matched on schema and name with the catalog's
    /// visibility function. What differs is each function's spelling in describe.c, kept
    /// because `-E` shows it: the indent and the case of `as`.
    private struct TextSearchCatalog {
        var catalog: String
        var alias: String
        var nameColumn: String
        var namespaceColumn: String
        var indent = "  "
        var keyword = "as"

        static let configurations = Self(catalog: "pg_ts_config", alias: "c", nameColumn: "cfgname", namespaceColumn: "cfgnamespace", indent: "   ")
        static let parsers = Self(catalog: "pg_ts_parser", alias: "p", nameColumn: "prsname", namespaceColumn: "prsnamespace")
        static let dictionaries = Self(catalog: "pg_ts_dict", alias: "d", nameColumn: "dictname", namespaceColumn: "dictnamespace")
        static let templates = Self(catalog: "pg_ts_template", alias: "t", nameColumn: "tmplname", namespaceColumn: "tmplnamespace", keyword: "AS")

        /// The catalog and its schema.
        var from: String {
            "FROM pg_catalog.\(catalog) \(alias)\nLEFT JOIN pg_catalog.pg_namespace n ON n.oid = \(alias).\(namespaceColumn)\n"
        }

        /// Up to three parts, the catalog's visibility function (pg_ts_config_is_visible...)
        /// when no schema is given.
        var pattern: PatternColumns {
            .qualified("\(alias).\(nameColumn)", visibility: "pg_catalog.\(catalog)_is_visible(\(alias).oid)")
        }

        /// The listing: schema, name, `verboseColumns` (each line ending in a comma), comment.
        func list(verboseColumns: String = "", pattern: String?, context: Context) throws(Failure) -> String {
            var sql = "SELECT\n\(indent)n.nspname \(keyword) \"Schema\",\n\(indent)\(alias).\(nameColumn) \(keyword) \"Name\",\n" + verboseColumns
            sql += "\(indent)pg_catalog.obj_description(\(alias).oid, '\(catalog)') \(keyword) \"Description\"\n" + from
            return try context.filter(sql, by: pattern, on: self.pattern, then: "ORDER BY 1, 2;")
        }
    }
}
