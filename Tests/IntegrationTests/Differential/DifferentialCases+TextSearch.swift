/// Differential cases for the text search listings (psql 18's describe.c listTSConfigs,
/// listTSParsers, listTSDictionaries, listTSTemplates and their verbose forms). The custom
/// configuration and dictionary live in a transaction that is rolled back, so the shared
/// fixture database stays as it was.
extension DifferentialCase {
    static let customTextSearchScript = """
    BEGIN;
    CREATE SCHEMA ts_custom;
    CREATE TEXT SEARCH CONFIGURATION ts_custom.mycfg (COPY = english);
    CREATE TEXT SEARCH DICTIONARY ts_custom.mydict (TEMPLATE = simple, STOPWORDS = english);
    ALTER TEXT SEARCH CONFIGURATION ts_custom.mycfg ALTER MAPPING FOR asciiword, word WITH ts_custom.mydict, english_stem;
    ALTER TEXT SEARCH CONFIGURATION ts_custom.mycfg DROP MAPPING FOR email, url;
    COMMENT ON TEXT SEARCH CONFIGURATION ts_custom.mycfg IS 'mine';
    COMMENT ON TEXT SEARCH DICTIONARY ts_custom.mydict IS 'simple, with stop words';
    \\dF ts_custom.*
    \\dF+ ts_custom.mycfg
    \\dFd+ ts_custom.*
    \\dFd *.mydict
    SET search_path = ts_custom, public;
    \\dF my*
    \\dF+ mycfg
    \\pset null '(null)'
    \\dF+x mycfg
    \\pset format unaligned
    \\dF+ ts_custom.*
    \\pset format html
    \\dF+ mycfg
    \\dFd+ mydict
    \\pset format asciidoc
    \\dFp+
    \\pset format troff-ms
    \\dF+ mycfg
    ROLLBACK;
    """

    static let textSearch: [DifferentialCase] = [
        .init("text search configurations", ["-c", "\\dF", "-c", "\\dF+ english", "-c", "\\dF pg_catalog.s*"]),
        .init("text search parsers", ["-c", "\\dFp", "-c", "\\dFp+", "-c", "\\dFp+ pg_catalog.default"]),
        .init("text search dictionaries and templates", ["-c", "\\dFd", "-c", "\\dFd+ *_stem", "-c", "\\dFt", "-c", "\\dFt+"]),
        .init("text search suffixes", ["-c", "\\dFx simple", "-c", "\\dF+x simple", "-c", "\\dFx+ simple", "-c", "\\dFdx simple",
                                        "-c", "\\dFpz", "-c", "\\dFtx+ simple", "-c", "\\dF simple;", "-c", "\\dFp+x"]),
        .init("text search invalid suffixes", ["-c", "\\dFz", "-c", "\\dFS", "-c", "\\dF"]),
        .init("text search invalid suffix stops exec", ["-c", "\\dFS"], mode: .exec),
        .init("text search not found", ["-c", "\\dF+ nosuch", "-c", "\\dFp+ nosuch", "-c", "\\dF nosuch", "-c", "\\dFd+ nosuch"]),
        .init("text search not found stops exec", ["-c", "\\dF+ nosuch", "-c", "\\echo not reached"], mode: .exec),
        .init("text search not found quietly", ["-q", "-c", "\\dF+ nosuch", "-c", "\\dFp+ nosuch", "-c", "\\echo done"]),
        .init("text search patterns", ["-c", "\\dF a.b.c.d", "-c", "\\dFd otherdb.pg_catalog.simple", "-c", "\\dFt pg_catalog.*"]),
        .init("text search echo hidden", ["-E", "-c", "\\dF+ simple", "-c", "\\dFp+", "-c", "\\dFd+ x", "-c", "\\dFt+ x", "-c", "\\dF x"]),
        .init("text search custom configuration", ["-f", "{dir}/ts.sql"], files: ["ts.sql": customTextSearchScript]),
        .init("text search in an inactive branch", ["-f", "{dir}/inactive.sql"],
              files: ["inactive.sql": "\\if false\n\\dF+ english\n\\dFz\n\\dFS\n\\endif\n\\dFt simple\n"]),
    ]
}
