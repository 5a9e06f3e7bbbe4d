/// An identifier written into SQL text the way psql's fmtId (fe_utils/string_utils.c) writes it:
/// bare when it is lower-case letters, digits and underscores, starts with a letter or underscore
/// and is not a keyword that would be read as syntax; otherwise in double quotes, inner quotes
/// doubled. `\sv` prints names this way, so the text it shows can be run as it stands.
enum SQLIdentifier {
    static func quotedIfNeeded(_ name: String) -> String {
        func isLower(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let bytes = Array(name.utf8)
        let plain = bytes.first.map(isLower) == true && bytes.allSatisfy { isLower($0) || isDigit($0) }
        if plain && !reservedKeywords.contains(name) { return name }
        return "\"" + name.replacing("\"", with: "\"\"") + "\""
    }

    /// PostgreSQL 18's keywords of every category but UNRESERVED_KEYWORD (kwlist.h; the server
    /// lists them as `pg_get_keywords() WHERE catcode <> 'U'`): fmtId quotes these.
    static let reservedKeywords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
        "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
        "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
        "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
        "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
        "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
        "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
        "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "json",
        "json_array", "json_arrayagg", "json_exists", "json_object", "json_objectagg",
        "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "lateral",
        "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "merge_action",
        "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif",
        "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
        "placing", "position", "precision", "primary", "real", "references", "returning", "right",
        "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
        "symmetric", "system_user", "table", "tablesample", "then", "time", "timestamp", "to",
        "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values",
        "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
        "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
        "xmlroot", "xmlserialize", "xmltable"
    ]
}
