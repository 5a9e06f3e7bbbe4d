import Testing
@testable import PGEntraShell

@Suite struct PatternTranslatorTests {
    @Test(arguments: [
        ("items", ["^(items)$"]),
        ("ITEMS", ["^(items)$"]),
        ("\"ITEMS\"", ["^(ITEMS)$"]),
        ("it*", ["^(it.*)$"]),
        ("?tems", ["^(.tems)$"]),
        ("public.*", ["^(public)$", "^(.*)$"]),
        ("\"a.b\"", ["^(a\\.b)$"]),
        ("\"x\"\"y\"", ["^(x\"y)$"]),
        ("a$b", ["^(a\\$b)$"]),
        ("int[]", ["^(int\\[])$"]),
        ("a+|b", ["^(a+|b)$"]),
        ("\"a+\"", ["^(a\\+)$"]),
        ("db.s.n", ["^(db)$", "^(s)$", "^(n)$"]),
    ])
    func translatesShellStylePatterns(_ pattern: String, _ expected: [String]) {
        #expect(PatternTranslator.parts(pattern, maxParts: 3).regexes == expected)
    }

    @Test func dotsBeyondTheLastPartStayAsRegexDots() {
        let parts = PatternTranslator.parts("a.b.c.d", maxParts: 3)
        #expect(parts.regexes == ["^(a)$", "^(b)$", "^(c.d)$"])
        #expect(parts.dots == 3)
        #expect(parts.databaseLiteral == "a")
    }

    @Test func forceEscapeQuotesRegexCharactersOutsideQuotes() {
        #expect(PatternTranslator.parts("a+b", maxParts: 1, forceEscape: true).regexes == ["^(a\\+b)$"])
        // An unquoted dot is a separator, never escaped: beyond the last part it stays a regex dot.
        #expect(PatternTranslator.parts("a.b", maxParts: 1, forceEscape: true).regexes == ["^(a.b)$"])
    }

    @Test func literalsUseEscapeSyntaxOnlyForBackslashes() {
        #expect(PatternTranslator.literal("^(it's)$") == "'^(it''s)$'")
        #expect(PatternTranslator.literal("^(a\\$)$") == "E'^(a\\\\$)$'")
    }

    @Test func namePatternBecomesAnchoredRegexCondition() throws {
        var sql = ""
        let added = try PatternTranslator.appendClause(
            to: &sql, pattern: "items", hasWhere: true, schemaColumn: "n.nspname", nameColumn: "c.relname",
            visibilityRule: "pg_catalog.pg_table_is_visible(c.oid)", maxParts: 3, database: "db")
        #expect(added)
        #expect(sql == """
          AND c.relname OPERATOR(pg_catalog.~) '^(items)$' COLLATE pg_catalog.default
          AND pg_catalog.pg_table_is_visible(c.oid)

        """)
    }

    @Test func schemaStarSkipsNameAndVisibility() throws {
        var sql = ""
        try PatternTranslator.appendClause(
            to: &sql, pattern: "public.*", hasWhere: false, schemaColumn: "n.nspname", nameColumn: "c.relname",
            visibilityRule: "v", maxParts: 3, database: "db")
        #expect(sql == "WHERE n.nspname OPERATOR(pg_catalog.~) '^(public)$' COLLATE pg_catalog.default\n")
    }

    @Test func noPatternAddsOnlyTheVisibilityRule() throws {
        var sql = ""
        try PatternTranslator.appendClause(
            to: &sql, pattern: nil, hasWhere: false, schemaColumn: "n.nspname", nameColumn: "c.relname",
            visibilityRule: "v(c.oid)", maxParts: 3, database: "db")
        #expect(sql == "WHERE v(c.oid)\n")
    }

    @Test func alternateNameColumnIsOredIn() throws {
        var sql = ""
        try PatternTranslator.appendClause(
            to: &sql, pattern: "x", hasWhere: true, schemaColumn: nil, nameColumn: "t.typname",
            alternateNameColumn: "f(t)", visibilityRule: nil, maxParts: 3, database: "db")
        #expect(sql == "  AND (t.typname OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default\n        OR f(t) OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default)\n")
    }

    @Test func tooManyDotsAndOtherDatabasesAreRefused() {
        var sql = ""
        #expect(throws: PatternTranslator.Failure.tooManyDots("a.b.c.d")) {
            try PatternTranslator.appendClause(
                to: &sql, pattern: "a.b.c.d", hasWhere: false, schemaColumn: "s", nameColumn: "n",
                visibilityRule: nil, maxParts: 3, database: "db")
        }
        #expect(throws: PatternTranslator.Failure.crossDatabase("other.s.n")) {
            try PatternTranslator.appendClause(
                to: &sql, pattern: "other.s.n", hasWhere: false, schemaColumn: "s", nameColumn: "n",
                visibilityRule: nil, maxParts: 3, database: "db")
        }
        #expect(throws: Never.self) {
            try PatternTranslator.appendClause(
                to: &sql, pattern: "db.s.n", hasWhere: false, schemaColumn: "s", nameColumn: "n",
                visibilityRule: nil, maxParts: 3, database: "db")
        }
    }

    @Test func failureMessagesMatchPsql() {
        #expect(PatternTranslator.Failure.tooManyDots("a.b.c.d").description == "improper qualified name (too many dotted names): a.b.c.d")
        #expect(PatternTranslator.Failure.crossDatabase("x.y.z").description == "cross-database references are not implemented: x.y.z")
    }
}
