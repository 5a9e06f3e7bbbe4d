import Testing
@testable import PGEntraScanner
@testable import PGEntraShell

/// Backslash-command lexing (psqlscanslash.l). Expected values were checked against psql
/// 15.20's `\echo` output (and `-E` for `\dt` patterns).
@Suite struct MetaCommandLexerTests {
    private static let variables = ScannerTestVariables(values: ["v": "it's", "w": "a b", "b": "a\\b"])

    /// A pretend shell: `echo X` prints X and a newline, `printf X` prints X, `fail` fails.
    private static func shell(_ command: String) -> String? {
        if command.hasPrefix("echo ") { return String(command.dropFirst(5)) + "\n" }
        if command.hasPrefix("printf ") { return String(command.dropFirst(7)) }
        if command == "fail" { return nil }
        return "<\(command)>"
    }

    /// Scans `line` (which starts with a backslash) and reads every argument in `mode`.
    private func lex(
        _ line: String, mode: MetaCommandArgumentMode? = nil, stripTrailingSemicolons: Bool = false,
        variables: (any VariableResolver)? = MetaCommandLexerTests.variables
    ) -> (name: String, arguments: [MetaCommandArgument], scanner: StatementScanner) {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine(line)
        #expect(scanner.scan(into: &buffer, variables: variables) == .backslash)
        let name = scanner.metaCommandName()
        let mode = mode ?? MetaCommandTable.argumentMode(for: name)
        var arguments: [MetaCommandArgument] = []
        while let argument = scanner.metaCommandArgument(
            mode, stripTrailingSemicolons: stripTrailingSemicolons, variables: variables, shell: Self.shell)
        {
            arguments.append(argument)
        }
        scanner.endMetaCommand()
        return (name, arguments, scanner)
    }

    private func texts(_ line: String, mode: MetaCommandArgumentMode? = nil, stripTrailingSemicolons: Bool = false) -> [String] {
        lex(line, mode: mode, stripTrailingSemicolons: stripTrailingSemicolons).arguments.map(\.text)
    }

    // MARK: - Names

    @Test func theNameRunsToWhitespaceOrTheNextBackslash() {
        #expect(lex("\\dt+ x").name == "dt+")
        #expect(lex("\\g;").name == "g;")
        #expect(lex("\\echo\\echo").name == "echo")
        #expect(lex("\\ x").name == "")
        #expect(lex("\\").name == "")
        #expect(lex("select 1 \\gx").name == "gx")
    }

    // MARK: - Normal arguments

    @Test func unquotedArgumentsAreSeparatedByWhitespace() {
        #expect(texts("\\echo a   b\tc") == ["a", "b", "c"])
        #expect(texts("\\echo a|b é'ü'") == ["a|b", "éü"])
        #expect(texts("\\echo a;; 'b';; ;") == ["a;;", "b;;", ";"])
    }

    @Test func singleQuotesTakeDoubledQuotesAndCEscapes() {
        #expect(texts("\\echo 'it''s' 'tab\\there' 'nl\\nx' 'q\\'q' '\\z'") == ["it's", "tab\there", "nl\nx", "q'q", "z"])
        #expect(texts("\\echo '\\101\\x41\\x4' 'x\\xzz' '\\b\\r\\f'") == ["AA\u{4}", "xxzz", "\u{8}\r\u{C}"])
        #expect(texts("\\echo 'oct\\0end' ''") == ["oct", ""])
        #expect(texts("\\echo '\\777'") == ["\u{FFFD}"])
    }

    @Test func doubleQuotesAreKeptWithTheText() {
        #expect(texts("\\echo \"Quoted \"\"Id\"\"\" x\"y z\"w") == ["\"Quoted \"\"Id\"\"\"", "x\"y z\"w"])
    }

    @Test func quotingIsReportedSoCommandsCanTellOptionsFromWords() {
        let arguments = lex("\\echo -n '-n' \"x\" `echo y` :v :nope x").arguments
        #expect(arguments.map(\.quoting) == [nil, .single, .double, .backquote, .variable, .variable, nil])
    }

    @Test func variablesAreSubstitutedOutsideQuotes() {
        #expect(texts("\\echo :v :'v' :\"v\" ':v' \":v\" :nope :'nope' :\"nope\"")
            == ["it's", "'it''s'", "\"it's\"", ":v", "\":v\"", ":nope", ":'nope'", ":\"nope\""])
        #expect(texts("\\echo :'b'") == [" E'a\\\\b'"])
        #expect(texts("\\echo :{?v} :{?nope} x:{?v}") == ["TRUE", "FALSE", "xTRUE"])
        #expect(texts("\\echo ::v :'' x:") == [":it's", ":", "x:"])
    }

    @Test func withoutAResolverVariablesStayAsTyped() {
        let arguments = lex("\\echo :v :'v' :{?v}", variables: nil).arguments
        #expect(arguments.map(\.text) == [":v", ":'v'", "FALSE"])
    }

    @Test func backquotesAreReplacedByTheCommandsOutput() {
        #expect(texts("\\echo `echo hi` pre`echo mid`post `printf two\n\n`") == ["hi", "premidpost", "two\n"])
        #expect(texts("\\echo `echo :v` `echo :'w'` `echo :\"w\"`") == ["it's", "'a b'", ":\"w\""])
        #expect(texts("\\echo a`fail`b") == ["ab"])
    }

    @Test func backquotesAreLeftUnrunWithoutAShell() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("\\echo `rm -rf x`")
        _ = scanner.scan(into: &buffer, variables: nil)
        _ = scanner.metaCommandName()
        #expect(scanner.metaCommandArgument(variables: nil, shell: nil) == MetaCommandArgument("rm -rf x", quoting: .backquote))
    }

    @Test func anUnterminatedQuoteDropsTheArgumentWithAnError() {
        for line in ["\\echo 'unterminated", "\\echo `echo x", "\\echo \"x y"] {
            var result = lex(line)
            #expect(result.arguments.isEmpty, "\(line)")
            #expect(result.scanner.takeDiagnostics() == [.unterminatedQuotedString])
        }
        let result = lex("\\echo x :' y")
        #expect(result.arguments.map(\.text) == ["x"])
        #expect(result.scanner.diagnostics.first?.description == "unterminated quoted string")
    }

    // MARK: - Where arguments end

    @Test func argumentsStopAtTheNextBackslashCommand() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("\\echo a\\echo b \\set x 1")
        var lines: [MetaCommandLine] = []
        while scanner.scan(into: &buffer, variables: nil) == .backslash {
            lines.append(scanner.metaCommand(modes: MetaCommandTable.argumentMode, variables: nil))
        }
        #expect(lines == [
            MetaCommandLine(name: "echo", arguments: [MetaCommandArgument("a")]),
            MetaCommandLine(name: "echo", arguments: [MetaCommandArgument("b")]),
            MetaCommandLine(name: "set", arguments: [MetaCommandArgument("x"), MetaCommandArgument("1")]),
        ])
        #expect(buffer.isEmpty)
    }

    @Test func aDoubleBackslashReturnsToSQL() {
        var scanner = StatementScanner()
        var buffer = ""
        let variables = ScannerTestVariables(values: ["x": "it's"])
        scanner.setLine("\\set x 'it''s' \\\\ select :'x';")
        #expect(scanner.scan(into: &buffer, variables: variables) == .backslash)
        #expect(scanner.metaCommand(modes: MetaCommandTable.argumentMode, variables: variables)
            == MetaCommandLine(name: "set", arguments: [MetaCommandArgument("x"), MetaCommandArgument("it's", quoting: .single)]))
        #expect(scanner.scan(into: &buffer, variables: variables) == .semicolon)
        #expect(buffer == "select 'it''s';")
    }

    // MARK: - Modes

    @Test func wholeLineModeTakesTheRestLiterally() {
        #expect(texts("\\! echo  a \\\\ b   ") == ["echo  a \\\\ b   "])
        #expect(texts("\\copy t from 'f' with (format csv) :v") == ["t from 'f' with (format csv) :v"])
        #expect(texts("\\sf+   f(int)") == ["f(int)"])
        #expect(texts("\\h") == [])
        #expect(texts("\\echo :v 'x'", mode: .wholeLine) == [":v 'x'"])
    }

    @Test func filePipeModeTakesAPipeTargetWhole() {
        #expect(texts("\\o | cat -n") == ["| cat -n"])
        #expect(texts("\\g |cat -n 'x'") == ["|cat -n 'x'"])
        #expect(texts("\\o out.txt") == ["out.txt"])
        #expect(texts("\\echo |x y") == ["|x", "y"])
    }

    @Test func identifierModesDequoteAndFoldCase() {
        #expect(texts("\\x FOO\"Bar\"baz \"a\"\"b\" MiXeD", mode: .sqlIdentifier) == ["fooBarbaz", "a\"b", "mixed"])
        #expect(texts("\\x FOO\"Bar\"baz \"a\"\"b\"", mode: .sqlIdentifierKeepingCase) == ["FOOBarbaz", "a\"b"])
        // Only ASCII letters fold, as in psql: the É stays a capital.
        #expect(texts("\\x ÉCOLE", mode: .sqlIdentifier) == ["École"])
    }

    @Test func trailingSemicolonsAreStrippedOnlyWhenUnquoted() {
        #expect(texts("\\dt foo;; 'foo;' foo';'; \"Foo\"\";\"", stripTrailingSemicolons: true)
            == ["foo", "foo;", "foo;", "\"Foo\"\";\""])
        #expect(texts("\\dt ;;", stripTrailingSemicolons: true) == [])
        #expect(texts("\\dt '';", stripTrailingSemicolons: true) == [""])
    }

    /// psqlscanslash.l's psql_scan_slash_option: in whole-line mode semicolon = true (`\sf`,
    /// `\ef`, `\h`, `\unrestrict`) strips trailing whitespace with the semicolons, and nothing
    /// left is no argument; without it the line is kept as typed.
    @Test func wholeLineDropsTrailingSemicolonsAndBlanksWhenAsked() {
        #expect(texts("\\sf ts_debug(text);", stripTrailingSemicolons: true) == ["ts_debug(text)"])
        #expect(texts("\\sf f(int) ; ;  ", stripTrailingSemicolons: true) == ["f(int)"])
        #expect(texts("\\sf f(int;) x", stripTrailingSemicolons: true) == ["f(int;) x"])
        #expect(texts("\\unrestrict abc ;  ", stripTrailingSemicolons: true) == ["abc"])
        #expect(texts("\\sf  ; ;", stripTrailingSemicolons: true) == [])
        #expect(texts("\\! echo x; ") == ["echo x; "])
    }

    @Test func surplusArgumentsCanBeReadWithoutSubstitution() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("\\x on :v `echo y`")
        _ = scanner.scan(into: &buffer, variables: nil)
        #expect(scanner.metaCommandName() == "x")
        #expect(scanner.metaCommandArgument(variables: Self.variables)?.text == "on")
        var extra: [String] = []
        while let argument = scanner.metaCommandArgument(variables: nil, shell: nil) { extra.append(argument.text) }
        #expect(extra == [":v", "echo y"])
    }

    @Test func theTablesArgumentModesFollowPsql() {
        #expect(MetaCommandTable.argumentMode(for: "!") == .wholeLine)
        #expect(MetaCommandTable.argumentMode(for: "copy") == .wholeLine)
        #expect(MetaCommandTable.argumentMode(for: "o") == .filePipe)
        #expect(MetaCommandTable.argumentMode(for: "echo") == .normal)
    }

    // MARK: - Variables holding commands

    @Test func aCommandNameCanContinueFromAVariableIntoTheLine() {
        var scanner = StatementScanner()
        var buffer = ""
        let variables = ScannerTestVariables(values: ["e": "\\ec"])
        scanner.setLine(":e'ho' tail")
        #expect(scanner.scan(into: &buffer, variables: variables) == .backslash)
        // psql 15.20: `invalid command \ec'ho'`.
        #expect(scanner.metaCommand(modes: MetaCommandTable.argumentMode, variables: variables) == MetaCommandLine(name: "ec'ho'", arguments: [MetaCommandArgument("tail")]))
    }
}

