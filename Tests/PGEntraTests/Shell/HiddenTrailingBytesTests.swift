import Testing
@testable import PGEntraScanner
@testable import PGEntraSystem

/// The scanners in a client-only encoding (psqlscan.l's psqlscan_prepare_buffer): a trailing
/// byte that looks like ASCII is hidden from the lexers and copied as it is. Each behaviour is
/// also checked without the encoding, where the same bytes are cut as psql would cut them in
/// an encoding a server can use. psql 18.6's own output for these bytes is compared in the
/// differential cases "bytes ... trailing bytes hidden from the lexer".
@Suite struct HiddenTrailingBytesTests {
    /// libpq's pg_sjis_mblen: half-width kana (0xA1...0xDF) and ASCII are one byte, any other
    /// high byte leads two.
    private static let sjis = CharacterRules(encodingID: 35, isClientOnly: true) { bytes in
        let lead = bytes[0]
        return ((lead >= 0xA1 && lead <= 0xDF) || lead < 0x80 ? 1 : 2, 1)
    }

    /// 表 (0x95 0x5C, a backslash second byte) and ア (0x83 0x41, an `A`).
    private static let table = LosslessText.string(decoding: [0x95, 0x5C])
    private static let katakanaA = LosslessText.string(decoding: [0x83, 0x41])

    private func scanner(sjis: Bool) -> StatementScanner {
        var scanner = StatementScanner()
        scanner.clientOnlyEncoding = sjis ? Self.sjis : nil
        return scanner
    }

    @Test func onlyAsciiTrailingBytesAreHidden() throws {
        let text = Array(("a" + Self.table + LosslessText.string(decoding: [0xB1, 0x5C, 0x95, 0x95])).utf8)
        let copy = try #require(HiddenTrailingBytes.classificationCopy(of: text, rules: Self.sjis))
        // a, the escaped 0x95, 0x5C hidden, the escaped kana 0xB1, 0x5C (a backslash after a
        // one-byte kana), then 0x95 0x95: a lead and a high trailing byte, both escapes.
        let hidden = copy.indices.filter { copy[$0] != text[$0] }
        #expect(hidden == [5])
        #expect(copy[5] == HiddenTrailingBytes.hidden)
        #expect(text[10] == ScanByte.backslash && copy[10] == ScanByte.backslash)
        #expect(HiddenTrailingBytes.classificationCopy(of: Array("select E'\\\\';".utf8), rules: Self.sjis) == nil)
    }

    @Test func aStringEndsAfterATrailingBackslash() {
        let line = "select E'" + Self.table + "' as e, '" + Self.table + "' as s; select 2;"
        var scanner = scanner(sjis: true)
        var buffer = ""
        scanner.setLine(line)
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(LosslessText.bytes(of: buffer) == LosslessText.bytes(of: "select E'" + Self.table + "' as e, '" + Self.table + "' as s;"))
        buffer = ""
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(buffer == "select 2;")

        // Without the encoding the 0x5C escapes the first quote, the string ends at the
        // second, and the next 0x5C starts a meta-command.
        var plain = self.scanner(sjis: false)
        var plainBuffer = ""
        plain.setLine(line)
        #expect(plain.scan(into: &plainBuffer, variables: nil) == .backslash)
        #expect(LosslessText.bytes(of: plainBuffer) == LosslessText.bytes(of: "select E'" + Self.table + "' as e, '" + LosslessText.string(decoding: [0x95])))
    }

    @Test func aVariableValueIsPreparedLikeALine() {
        let variables = ScannerTestVariables(values: ["q": "select E'" + Self.table + "';"])
        var scanner = scanner(sjis: true)
        var buffer = ""
        scanner.setLine(":q select 3;")
        #expect(scanner.scan(into: &buffer, variables: variables) == .semicolon)
        #expect(buffer == "select E'" + Self.table + "';")
    }

    @Test func metaCommandArgumentsKeepTheirBytes() {
        var scanner = scanner(sjis: true)
        var buffer = ""
        scanner.setLine("\\echo " + Self.table + " '" + Self.table + "\\n' x" + Self.table + "\\\\ select 1;")
        #expect(scanner.scan(into: &buffer, variables: nil) == .backslash)
        #expect(scanner.metaCommandName() == "echo")
        var words: [String] = []
        while let argument = scanner.metaCommandArgument(variables: nil) { words.append(argument.text) }
        scanner.endMetaCommand()
        #expect(words == [Self.table, Self.table + "\n", "x" + Self.table])
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(buffer == "select 1;")

        // The command name, too, runs past the hidden backslash.
        var named = self.scanner(sjis: true)
        named.setLine("\\echo" + Self.table + " x")
        #expect(named.scan(into: &buffer, variables: nil) == .backslash)
        #expect(named.metaCommandName() == "echo" + Self.table)
        var plain = self.scanner(sjis: false)
        plain.setLine("\\echo" + Self.table + " x")
        #expect(plain.scan(into: &buffer, variables: nil) == .backslash)
        #expect(plain.metaCommandName() == "echo" + LosslessText.string(decoding: [0x95]))
    }

    @Test func identifiersKeepUpperCaseTrailingBytes() {
        let name = "AB" + Self.katakanaA
        #expect(ArgumentLexer.dequoted(Array(name.utf8), lowercasing: true, encoding: Self.sjis) == Array(("ab" + Self.katakanaA).utf8))
        // dequote_downcase_identifier steps by PQmblenBounded; without a client-only
        // encoding every ASCII letter is one.
        #expect(ArgumentLexer.dequoted(Array(name.utf8), lowercasing: true) == Array(("ab" + LosslessText.string(decoding: [0x83, 0x61])).utf8))
    }

    @Test func aLiteralDoublesOnlyRealBackslashes() throws {
        // PQescapeLiteral steps over 表 in SJIS: no backslash, so no E''.
        #expect(try VariableQuoting.literal.quote(Self.table + "'", encoding: Self.sjis) == "'" + Self.table + "'''")
        #expect(try VariableQuoting.literal.quote(Self.table + "\\", encoding: Self.sjis) == " E'" + Self.table + "\\\\'")
        // In UTF-8 the same byte is a backslash.
        #expect(try VariableQuoting.literal.quote(Self.table) == " E'" + LosslessText.string(decoding: [0x95]) + "\\\\'")
    }
}
