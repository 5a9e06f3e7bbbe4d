/// The text search listings: `\dF` (psql 18's describe.c listTSConfigs, listTSConfigsVerbose,
/// describeOneTSConfig), `\dFp` (listTSParsers, listTSParsersVerbose, describeOneTSParser),
/// `\dFd` (listTSDictionaries) and `\dFt` (listTSTemplates). describe.c has no server-version
/// branch in any of them: the text search catalogs have not changed since release 8.3, so every
/// server from 11 on gets the same text. The patterns take up to three parts, and none of these
/// commands hides system objects (psql passes them no `S`).
extension DescribeQueries {
    /// `\dF`: schema, name and description of each visible or matching configuration.
    static func listTextSearchConfigurations(pattern: String?, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT
           n.nspname as "Schema",
           c.cfgname as "Name",
           pg_catalog.obj_description(c.oid, 'pg_ts_config') as "Description"
        FROM pg_catalog.pg_ts_config c
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace

        """
        try appendTextSearchPattern(to: &sql, pattern, hasWhere: false, name: "c.cfgname", visibility: "pg_ts_config_is_visible(c.oid)", context)
        return sql + "ORDER BY 1, 2;"
    }

    /// `\dF+`'s first query (listTSConfigsVerbose): each configuration's oid, name and schema with
    /// its parser's name and schema, for one table each.
    static func findTextSearchConfigurations(pattern: String?, context: Context) throws(Failure) -> String {
        var sql = """
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
        try appendTextSearchPattern(to: &sql, pattern, hasWhere: true, name: "c.cfgname", visibility: "pg_ts_config_is_visible(c.oid)", context)
        return sql + "ORDER BY 3, 2;"
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
        var sql = """
        SELECT
          n.nspname as "Schema",
          p.prsname as "Name",
          pg_catalog.obj_description(p.oid, 'pg_ts_parser') as "Description"
        FROM pg_catalog.pg_ts_parser p
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace

        """
        try appendTextSearchPattern(to: &sql, pattern, hasWhere: false, name: "p.prsname", visibility: "pg_ts_parser_is_visible(p.oid)", context)
        return sql + "ORDER BY 1, 2;"
    }

    /// `\dFp+`'s first query (listTSParsersVerbose): oid, schema and name of each parser.
    static func findTextSearchParsers(pattern: String?, context: Context) throws(Failure) -> String {
        var sql = """
        SELECT p.oid,
          n.nspname,
          p.prsname
        FROM pg_catalog.pg_ts_parser p
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace

        """
        try appendTextSearchPattern(to: &sql, pattern, hasWhere: false, name: "p.prsname", visibility: "pg_ts_parser_is_visible(p.oid)", context)
        return sql + "ORDER BY 1, 2;"
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
        var sql = "SELECT\n  n.nspname as \"Schema\",\n  d.dictname as \"Name\",\n"
        if verbose {
            sql += """
              ( SELECT COALESCE(nt.nspname, '(null)')::pg_catalog.text || '.' || t.tmplname FROM
                pg_catalog.pg_ts_template t
                LEFT JOIN pg_catalog.pg_namespace nt ON nt.oid = t.tmplnamespace
                WHERE d.dicttemplate = t.oid ) AS  "Template",
              d.dictinitoption as "Init options",

            """
        }
        sql += """
          pg_catalog.obj_description(d.oid, 'pg_ts_dict') as "Description"
        FROM pg_catalog.pg_ts_dict d
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace

        """
        try appendTextSearchPattern(to: &sql, pattern, hasWhere: false, name: "d.dictname", visibility: "pg_ts_dict_is_visible(d.oid)", context)
        return sql + "ORDER BY 1, 2;"
    }

    /// `\dFt[+]`: the verbose form adds each template's init and lexize functions.
    static func listTextSearchTemplates(pattern: String?, verbose: Bool, context: Context) throws(Failure) -> String {
        var sql = "SELECT\n  n.nspname AS \"Schema\",\n  t.tmplname AS \"Name\",\n"
        if verbose {
            sql += "  t.tmplinit::pg_catalog.regproc AS \"Init\",\n  t.tmpllexize::pg_catalog.regproc AS \"Lexize\",\n"
        }
        sql += """
          pg_catalog.obj_description(t.oid, 'pg_ts_template') AS "Description"
        FROM pg_catalog.pg_ts_template t
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace

        """
        try appendTextSearchPattern(to: &sql, pattern, hasWhere: false, name: "t.tmplname", visibility: "pg_ts_template_is_visible(t.oid)", context)
        return sql + "ORDER BY 1, 2;"
    }

    /// validateSQLNamePattern as every text search listing calls it: schema in n.nspname, up to
    /// three parts, the object's visibility function when no schema is given.
    private static func appendTextSearchPattern(
        to sql: inout String, _ pattern: String?, hasWhere: Bool, name: String, visibility: String, _ context: Context
    ) throws(Failure) {
        try context.appendPattern(pattern, on: .qualified(name, visibility: "pg_catalog." + visibility), to: &sql, hasWhere: hasWhere)
    }
}
