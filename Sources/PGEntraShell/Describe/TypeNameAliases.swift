/// psql's map_typename_pattern: a type pattern spelled as the grammar accepts it (`int`,
/// `float8[]`) matches the name pg_type or format_type shows (`integer`, `double precision[]`),
/// for `\dT` and the argument types of `\df`. Only whole patterns map; `dec*` stays as typed.
enum TypeNameAliases {
    static let canonical: [(alias: String, name: String)] = [
        ("decimal", "numeric"), ("float", "double precision"), ("int", "integer"),
        ("bool[]", "boolean[]"), ("decimal[]", "numeric[]"), ("float[]", "double precision[]"),
        ("float4[]", "real[]"), ("float8[]", "double precision[]"), ("int[]", "integer[]"),
        ("int2[]", "smallint[]"), ("int4[]", "integer[]"), ("int8[]", "bigint[]"),
        ("time[]", "time without time zone[]"), ("timetz[]", "time with time zone[]"),
        ("timestamp[]", "timestamp without time zone[]"), ("timestamptz[]", "timestamp with time zone[]"),
        ("varbit[]", "bit varying[]"), ("varchar[]", "character varying[]"),
    ]

    /// The canonical name for `pattern`, compared ASCII case-insensitively as pg_strcasecmp does.
    static func map(_ pattern: String?) -> String? {
        guard let pattern else { return nil }
        let folded = String(decoding: pattern.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        return canonical.first { $0.alias == folded }?.name ?? pattern
    }
}
