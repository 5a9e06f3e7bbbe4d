import Testing
@testable import PGEntraShell

/// The pure parts of `\sf`, `\sv` and the large-object commands, each against the psql function
/// it follows (fe_utils/string_utils.c's fmtId, parsePGArray and appendReloptionsArray; command.c's
/// print_with_linenumbers and count_lines_in_buf; large_obj.c's atooid). Whole commands are
/// compared with psql 18.6 in the differential suite.
@Suite struct ObjectSourceTests {
    @Test func fmtIdLeavesPlainNamesBareAndQuotesTheRest() {
        #expect(SQLIdentifier.quotedIfNeeded("items") == "items")
        #expect(SQLIdentifier.quotedIfNeeded("_x1") == "_x1")
        #expect(SQLIdentifier.quotedIfNeeded("Items") == "\"Items\"")
        #expect(SQLIdentifier.quotedIfNeeded("1x") == "\"1x\"")
        #expect(SQLIdentifier.quotedIfNeeded("a b") == "\"a b\"")
        #expect(SQLIdentifier.quotedIfNeeded("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SQLIdentifier.quotedIfNeeded("") == "\"\"")
        #expect(SQLIdentifier.quotedIfNeeded("café") == "\"café\"")
        // Reserved, column-name and type-function-name keywords are quoted; unreserved are not.
        #expect(SQLIdentifier.quotedIfNeeded("select") == "\"select\"")
        #expect(SQLIdentifier.quotedIfNeeded("int") == "\"int\"")
        #expect(SQLIdentifier.quotedIfNeeded("left") == "\"left\"")
        #expect(SQLIdentifier.quotedIfNeeded("abort") == "abort")
        #expect(SQLIdentifier.reservedKeywords.count == 164)
    }

    @Test func parsePGArrayReadsQuotesAndBackslashes() {
        #expect(PostgresArrayText.elements("{a=1,b=2}") == ["a=1", "b=2"])
        #expect(PostgresArrayText.elements("{\"x=a,b\",\"y=say \\\"hi\\\"\"}") == ["x=a,b", "y=say \"hi\""])
        #expect(PostgresArrayText.elements("{}") == [])
        #expect(PostgresArrayText.elements("not an array") == [])
        #expect(PostgresArrayText.elements("{") == [])
    }

    @Test func reloptionsAreWrittenAsPsqlWritesThem() {
        // `true` is a keyword, so fmtId would quote it: psql 18 shows security_barrier='true'.
        #expect(MetaCommands.reloptions("{security_barrier=true}", standardStrings: true) == "security_barrier='true'")
        #expect(MetaCommands.reloptions("{mode=local}", standardStrings: true) == "mode=local")
        #expect(MetaCommands.reloptions("{fillfactor=70,\"x=a b\"}", standardStrings: true) == "fillfactor='70', x='a b'")
        #expect(MetaCommands.reloptions("{\"x=it's\"}", standardStrings: true) == "x='it''s'")
        #expect(MetaCommands.reloptions("{\"x=a\\\\b\"}", standardStrings: false) == "x='a\\\\b'")
    }

    @Test func linesAreNumberedFromTheFunctionBody() {
        let function = "CREATE OR REPLACE FUNCTION f()\n RETURNS int\n LANGUAGE sql\nAS $f$select 1\nfrom x$f$\n"
        #expect(MetaCommands.numbered(function, isFunction: true) == """
                    CREATE OR REPLACE FUNCTION f()
                     RETURNS int
                     LANGUAGE sql
            1       AS $f$select 1
            2       from x$f$

            """)
        let standard = "CREATE FUNCTION g()\n RETURNS int\n LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;\nEND\n"
        #expect(MetaCommands.numbered(standard, isFunction: true).hasPrefix("        CREATE FUNCTION g()\n"))
        #expect(MetaCommands.numbered(standard, isFunction: true).contains("\n1       BEGIN ATOMIC\n"))
        #expect(MetaCommands.numbered("CREATE VIEW v AS\n SELECT 1\n", isFunction: false) == "1       CREATE VIEW v AS\n2        SELECT 1\n")
        #expect(MetaCommands.numbered(String(repeating: "x\n", count: 12), isFunction: false).hasSuffix("12      x\n"))
    }

    @Test func lineCountAddsAnUnfinishedLastLine() {
        #expect(MetaCommands.lineCount("") == 0)
        #expect(MetaCommands.lineCount("a\nb\n") == 2)
        #expect(MetaCommands.lineCount("a\nb") == 2)
    }

    @Test func atooidIsStrtoulCutToThirtyTwoBits() {
        #expect(MetaCommands.oid("16400") == 16400)
        #expect(MetaCommands.oid("  42abc") == 42)
        #expect(MetaCommands.oid("abc") == 0)
        #expect(MetaCommands.oid("") == 0)
        #expect(MetaCommands.oid("+7") == 7)
        #expect(MetaCommands.oid("-1") == UInt32.max)
        #expect(MetaCommands.oid("4294967296") == 0)
        #expect(MetaCommands.oid("99999999999999999999999") == UInt32.max)
    }

    @Test func aCarriageReturnStaysInItsLineAsPsqlSplitsThem() {
        let crlf = "CREATE FUNCTION f()\r\n RETURNS int\nAS $f$select 1\r\nfrom x$f$\n"
        #expect(MetaCommands.lines(of: crlf).count == 5)
        #expect(MetaCommands.linesBeforeBody(crlf) == 2)
        #expect(MetaCommands.numbered(crlf, isFunction: true).contains("\n1       AS $f$select 1\r\n"))
        #expect(MetaCommands.numbered(crlf, isFunction: true).hasPrefix("        CREATE FUNCTION f()\r\n"))
        #expect(MetaCommands.numbered(crlf, isFunction: true).contains("\n2       from x$f$\n"))
    }

    /// psql writes `\dn PATTERN`'s publications query with the pattern between quotes as typed,
    /// so a quote in it would end the literal; pgentra writes such a pattern as an escape string.
    @Test func aSchemaPatternCannotEndItsLiteral() {
        #expect(DescribeQueries.patternLiteral("extra") == "'extra'")
        #expect(DescribeQueries.patternLiteral("x'; drop table t; --") == "E'x''; drop table t; --'")
        #expect(DescribeQueries.patternLiteral("a\\'b") == "E'a\\\\''b'")
    }
}
