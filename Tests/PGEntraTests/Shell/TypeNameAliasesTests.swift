import Testing
@testable import PGEntraShell

/// psql's map_typename_pattern, and where `\dT` and `\df NAME TYPES` use it.
@Suite struct TypeNameAliasesTests {
    @Test(arguments: [
        ("int", "integer"), ("INT", "integer"), ("Decimal", "numeric"), ("float", "double precision"),
        ("int[]", "integer[]"), ("float8[]", "double precision[]"), ("timetz[]", "time with time zone[]"),
        ("int4", "int4"), ("dec*", "dec*"), ("int*", "int*"), ("\"int\"", "\"int\""), ("integer", "integer"),
    ])
    func mapsWholePatternsOnly(_ pattern: String, _ expected: String) {
        #expect(TypeNameAliases.map(pattern) == expected)
    }

    @Test func noPatternStaysNone() {
        #expect(TypeNameAliases.map(nil) == nil)
    }

    @Test func typeListingsMatchTheCanonicalName() throws {
        let sql = try DescribeQueries.listTypes(pattern: "int[]", verbose: false, system: false, context: .init(database: "d"))
        #expect(sql.contains("(t.typname OPERATOR(pg_catalog.~) E'^(integer\\\\[])$' COLLATE pg_catalog.default\n"), "\(sql)")
        #expect(!sql.contains("NOT EXISTS"), "a pattern with [] lists array types: \(sql)")
        let plain = try DescribeQueries.listTypes(pattern: "int", verbose: false, system: false, context: .init(database: "d"))
        #expect(plain.contains("'^(integer)$'") && plain.contains("NOT EXISTS"), "\(plain)")
    }

    @Test func functionArgumentPatternsJoinEachPosition() throws {
        let sql = try DescribeQueries.listFunctions(
            letters: "", pattern: "f", argumentTypes: ["-", "int"], verbose: true, system: false, context: .init(database: "d"))
        #expect(sql.contains("""
                 LEFT JOIN pg_catalog.pg_namespace nt1 ON nt1.oid = t1.typnamespace
                 LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang

            """), "\(sql)")
        #expect(sql.hasSuffix("""
              AND pg_catalog.pg_function_is_visible(p.oid)
              AND t0.typname IS NULL
              AND (t1.typname OPERATOR(pg_catalog.~) '^(integer)$' COLLATE pg_catalog.default
                    OR pg_catalog.format_type(t1.oid, NULL) OPERATOR(pg_catalog.~) '^(integer)$' COLLATE pg_catalog.default)
              AND pg_catalog.pg_type_is_visible(t1.oid)
            ORDER BY 1, 2, 4;
            """), "\(sql)")
    }
}
