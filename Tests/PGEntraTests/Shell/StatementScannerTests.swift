import Testing
@testable import PGEntraScanner
@testable import PGEntraShell

/// One script and the queries psql 15.20 sends for it, taken from its `-L` query log.
struct SplitCase: Sendable, CustomTestStringConvertible {
    let script: String
    let sent: [String]
    var variables: [String: String] = [:]

    var testDescription: String { script.debugDescription }
}

@Suite struct StatementScannerTests {
    // MARK: - Splitting, checked against psql 15.20

    static let quotingCases: [SplitCase] = [
        SplitCase(script: "select 'a;b'; select 2;", sent: ["select 'a;b';", "select 2;"]),
        SplitCase(script: "select $$a;b$$;", sent: ["select $$a;b$$;"]),
        SplitCase(script: "select $tag$ $$ ; $tag$;", sent: ["select $tag$ $$ ; $tag$;"]),
        SplitCase(script: "select $1;", sent: ["select $1;"]),
        SplitCase(script: "select $a$ x $b$ y $a$;", sent: ["select $a$ x $b$ y $a$;"]),
        SplitCase(script: "select $a$x$a$$b$ y$b$;", sent: ["select $a$x$a$$b$ y$b$;"]),
        SplitCase(script: "select $$\n\n$$;", sent: ["select $$\n\n$$;"]),
        SplitCase(script: "select E'\\'';select 2;", sent: ["select E'\\'';", "select 2;"]),
        SplitCase(script: "select e'\\\\';select 1;", sent: ["select e'\\\\';", "select 1;"]),
        SplitCase(script: "select E'x\\\n';", sent: ["select E'x\\\n';"]),
        SplitCase(script: "select 'a\\';select 2;';", sent: ["select 'a\\';", "select 2;", "';"]),
        SplitCase(script: "select 'a\n\nb';", sent: ["select 'a\n\nb';"]),
        SplitCase(script: "select 'a'\n'b';", sent: ["select 'a'\n'b';"]),
        SplitCase(script: "select 'x' -- c\n'y';", sent: ["select 'x' -- c\n'y';"]),
        SplitCase(script: "select \"a;\"\"b\";", sent: ["select \"a;\"\"b\";"]),
        SplitCase(
            script: "select x'ff', b'01', n'x', u&'d\\0061', U&\"a\" ;",
            sent: ["select x'ff', b'01', n'x', u&'d\\0061', U&\"a\" ;"]),
        SplitCase(script: "select u&x;", sent: ["select u&x;"]),
        SplitCase(script: "select 1e'\\'' , 2;", sent: ["select 1e'\\'' , 2;"]),
        SplitCase(script: "select 1.e'x';", sent: ["select 1.e'x';"]),
        SplitCase(script: "select $1e'\\'';", sent: ["select $1e'\\'';"]),
        SplitCase(script: "select 1e5$$ $$;", sent: ["select 1e5$$ $$;"]),
        SplitCase(script: "select array[1,2][1:2];", sent: ["select array[1,2][1:2];"]),
    ]

    static let structureCases: [SplitCase] = [
        SplitCase(
            script: "create function f() returns int language sql begin atomic select 1; select 2; end;",
            sent: ["create function f() returns int language sql begin atomic select 1; select 2; end;"]),
        SplitCase(
            script: "create or replace procedure p() language sql begin atomic select case when true then 1 end; select 2; end; select 3;",
            sent: [
                "create or replace procedure p() language sql begin atomic select case when true then 1 end; select 2; end;",
                "select 3;",
            ]),
        SplitCase(
            script: "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END; select 2;",
            sent: ["CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END;", "select 2;"]),
        SplitCase(
            script: "create function f(x int) returns int language sql begin atomic; select 1; end; select 2;",
            sent: ["create function f(x int) returns int language sql begin atomic; select 1; end;", "select 2;"]),
        SplitCase(
            script: "create function g() returns int as $$ begin return 1; end $$ language plpgsql; select 1;",
            sent: ["create function g() returns int as $$ begin return 1; end $$ language plpgsql;", "select 1;"]),
        SplitCase(
            script: "create (x) function f() returns int begin atomic select 1; end;",
            sent: ["create (x) function f() returns int begin atomic select 1; end;"]),
        SplitCase(script: "create table begin_t (a int); select 1;", sent: ["create table begin_t (a int);", "select 1;"]),
        SplitCase(script: "select (1;\n+2);", sent: ["select (1;\n+2);"]),
        SplitCase(script: "select (\n1);", sent: ["select (\n1);"]),
        SplitCase(script: "/* a /* b */ ; */ select 1;", sent: ["/* a /* b */ ; */ select 1;"]),
        SplitCase(script: "select /*\n\n*/ 1;", sent: ["select /*\n\n*/ 1;"]),
        SplitCase(script: "select 1;;select 2;", sent: ["select 1;", ";", "select 2;"]),
        SplitCase(script: "copy t from stdin;", sent: ["copy t from stdin;"]),
    ]

    static let layoutCases: [SplitCase] = [
        SplitCase(script: "select 1 -- c ;\n;", sent: ["select 1 -- c ;\n;"]),
        SplitCase(script: "\n\n  select\n\n  1\n;", sent: ["select\n  1\n;"]),
        SplitCase(script: "-- only comment\nselect 1;\n-- trailing", sent: ["select 1;"]),
        SplitCase(script: "select 1 /* block */;", sent: ["select 1 /* block */;"]),
        SplitCase(script: "/* lead */ select 1;", sent: ["/* lead */ select 1;"]),
        SplitCase(script: "select 1;  -- after\nselect 2;", sent: ["select 1;", "select 2;"]),
        SplitCase(script: "select 1 --x\n-- y\n;", sent: ["select 1 --x\n-- y\n;"]),
        SplitCase(script: "select 1\n  -- only comment line\n;", sent: ["select 1\n  -- only comment line\n;"]),
        SplitCase(script: "select 'x' /* c */\n'y';", sent: ["select 'x' /* c */\n'y';"]),
        SplitCase(script: "select 1 -- unterminated", sent: ["select 1 -- unterminated"]),
    ]

    static let backslashCases: [SplitCase] = [
        SplitCase(script: "select 1 \\; select 2;", sent: ["select 1 ; select 2;"]),
        SplitCase(script: "select 1\\:x;", sent: ["select 1:x;"]),
        SplitCase(script: "select 1 \\echo hi\n;", sent: ["select 1 \n;"]),
        SplitCase(script: "select 1\n\\echo hi\n;", sent: ["select 1\n;"]),
        SplitCase(script: "select 'abc' \\echo x\n;", sent: ["select 'abc' \n;"]),
        SplitCase(script: "select 'abc'\n\\echo x\n;", sent: ["select 'abc'\n;"]),
        SplitCase(script: "select (1 \\echo x\n);", sent: ["select (1 \n);"]),
        SplitCase(script: "select 1 as \"x\" \\g", sent: ["select 1 as \"x\" "]),
        SplitCase(script: "select 2\n\\g", sent: ["select 2"]),
        SplitCase(script: "select 1 \\gx \\\\ select 2;", sent: ["select 1 ", "select 2;"]),
        SplitCase(script: "select 1 \\\\ select 2;", sent: ["select 1 "]),
        SplitCase(script: "select 1 \\r\nselect 2;", sent: ["select 2;"]),
        SplitCase(script: "\\echo a \\echo b\nselect 1;", sent: ["select 1;"]),
    ]

    static let variableCases: [SplitCase] = [
        SplitCase(
            script: "\\set v 'it''s'\nselect :'v', :\"v\", :v, :v::text, ':v';",
            sent: ["select 'it''s', \"it's\", it's, :v::text, 'it's';"]),
        SplitCase(script: "\\set x 'it''s' \\\\ select :'x';", sent: ["select 'it''s';"]),
        SplitCase(script: "\\set v 'x'\nselect :'v'::text, ::v, :::v, :v:v;", sent: ["select 'x'::text, ::v, ::x, xx;"]),
        SplitCase(script: "\\set v 'a\\\\b' \\\\ select :'v';", sent: ["select  E'a\\\\b';"]),
        SplitCase(script: "\\set a 'select 1;' \\\\ :a :a", sent: ["select 1;", "select 1;"]),
        SplitCase(script: "\\set r ':r' \\\\ select :r;", sent: ["select :r;"]),
        SplitCase(script: "select :{?nope}, :{?x};", sent: ["select FALSE, FALSE;"]),
        SplitCase(script: "\\set x 1\nselect :{?x}, :{?nope};", sent: ["select TRUE, FALSE;"]),
        SplitCase(script: "\\set n 'select ''a'\nselect :n';", sent: ["select select 'a';"]),
        SplitCase(script: "\\set q '''' \\\\ select :q;", sent: ["select ';"]),
        SplitCase(script: "\\set q '''' \nselect :q;';", sent: ["select ';';"]),
        SplitCase(script: "\\set v 'select 1' \\\\ :v \\g", sent: ["select 1 "]),
        SplitCase(script: "\\set a 'x' \\\\ select :'a' \\\\ select 2;", sent: ["select 'x' "]),
        SplitCase(script: "select :x;", sent: ["select 5;"], variables: ["x": "5"]),
        SplitCase(script: "select :nope, :'nope', :\"nope\";", sent: ["select :nope, :'nope', :\"nope\";"]),
        SplitCase(script: "select ':x', \":x\", $$:x$$ /* :x */;", sent: ["select ':x', \":x\", $$:x$$ /* :x */;"], variables: ["x": "5"]),
    ]

    @Test(arguments: quotingCases)
    func quotesCommentsAndDollarQuotesHideSemicolons(_ example: SplitCase) {
        #expect(PsqlScriptRun.sent(example.script, variables: example.variables) == example.sent)
    }

    @Test(arguments: structureCases)
    func parenthesesCommentsAndRoutineBodiesHideSemicolons(_ example: SplitCase) {
        #expect(PsqlScriptRun.sent(example.script, variables: example.variables) == example.sent)
    }

    @Test(arguments: layoutCases)
    func leadingSpaceIsDroppedAndInnerCommentsAreKept(_ example: SplitCase) {
        #expect(PsqlScriptRun.sent(example.script, variables: example.variables) == example.sent)
    }

    @Test(arguments: backslashCases)
    func backslashesEndTheSQLPartOfALine(_ example: SplitCase) {
        #expect(PsqlScriptRun.sent(example.script, variables: example.variables) == example.sent)
    }

    @Test(arguments: variableCases)
    func variablesAreInterpolatedOutsideQuotesOnly(_ example: SplitCase) {
        #expect(PsqlScriptRun.sent(example.script, variables: example.variables) == example.sent)
    }

    // MARK: - Scan results and prompts

    /// Feeds lines one by one and records each stop with the continuation after it.
    private func stops(_ lines: [String], standardConformingStrings: Bool = true) -> [(ScanStop, Continuation)] {
        var scanner = StatementScanner(standardConformingStrings: standardConformingStrings)
        var buffer = ""
        var result: [(ScanStop, Continuation)] = []
        for line in lines {
            scanner.setLine(line)
            while true {
                let stop = scanner.scan(into: &buffer, variables: nil)
                result.append((stop, scanner.continuation))
                if stop == .semicolon { buffer = "" }
                if stop == .backslash { _ = scanner.metaCommand(modes: MetaCommandTable.argumentMode, variables: nil) }
                if stop == .incomplete || stop == .endOfLine { break }
            }
        }
        return result
    }

    @Test func continuationTellsWhatIsOpenAtTheEndOfALine() {
        let cases: [(String, Continuation)] = [
            ("select 1", .continuing),
            ("select 'a", .singleQuote),
            ("select E'a\\'", .singleQuote),
            ("select b'01", .singleQuote),
            ("select x'ff", .singleQuote),
            ("select U&'a", .singleQuote),
            ("select \"a", .doubleQuote),
            ("select U&\"a", .doubleQuote),
            ("select $$a", .dollarQuote),
            ("select $x$a$$", .dollarQuote),
            ("select /* a", .comment),
            ("select /* a /* b */", .comment),
            ("select (1", .parenthesis),
            ("select ((1)", .parenthesis),
            ("create function f() returns int begin atomic select 1;", .continuing),
            ("select 1;", .ready),
            ("", .ready),
            ("-- nothing", .ready),
        ]
        for (line, expected) in cases {
            #expect(stops([line]).last?.1 == expected, "\(line)")
        }
    }

    /// The PROMPT2 `%R` psql 15.20 showed after each line of an interactive session (a pty),
    /// with `=` for PROMPT1, which psql uses whenever the buffer is empty.
    @Test func promptsFollowAnInteractiveSession() {
        let session: [(String, Character)] = [
            ("select (1", "("), ("+ 2);", "="),
            ("create function f() returns int language sql", "-"), ("begin atomic select 1;", "-"),
            ("select case when true then 1", "-"), ("end;", "-"), ("end;", "="),
            ("select 'a", "'"), ("b';", "="), ("select \"x", "\""), ("y\";", "="),
            ("select $q$", "$"), ("$q$;", "="), ("/* c", "*"), ("*/ select 3;", "="),
            ("select 1 \\p", "-"), ("\\r", "="), ("select (1", "("), ("\\r", "="), ("select 1", "-"),
        ]
        var run = PsqlScriptRun()
        for (line, expected) in session {
            run.feed(line)
            let marker = run.buffer.isEmpty ? "=" : run.scanner.continuation.promptMarker ?? "="
            #expect(marker == expected, "\(line)")
        }
    }

    @Test func promptMarkersArePsqlsPercentR() {
        #expect(Continuation.continuing.promptMarker == "-")
        #expect(Continuation.singleQuote.promptMarker == "'")
        #expect(Continuation.doubleQuote.promptMarker == "\"")
        #expect(Continuation.dollarQuote.promptMarker == "$")
        #expect(Continuation.comment.promptMarker == "*")
        #expect(Continuation.parenthesis.promptMarker == "(")
        #expect(Continuation.ready.promptMarker == nil)
    }

    @Test func endOfLineIsOnlyReportedWhenTheBufferCouldBeSent() {
        #expect(stops(["select 1"]).map(\.0) == [.endOfLine])
        #expect(stops(["select (1"]).map(\.0) == [.incomplete])
        #expect(stops(["select 'a"]).map(\.0) == [.incomplete])
        #expect(stops(["   "]).map(\.0) == [.incomplete])
        #expect(stops(["select 1; select 2"]).map(\.0) == [.semicolon, .endOfLine])
        #expect(stops(["select 1 \\echo x"]).map(\.0) == [.backslash, .endOfLine])
    }

    @Test func aSemicolonOrBackslashResetsThePromptToReady() {
        let result = stops(["select 1; select 2;"])
        #expect(result.map(\.0) == [.semicolon, .semicolon, .incomplete])
        #expect(result.map(\.1) == [.ready, .ready, .ready])
    }

    @Test func parenthesisDepthNeverGoesBelowZero() {
        #expect(PsqlScriptRun.sent("select 1);\nselect (2;\n);") == ["select 1);", "select (2;\n);"])
    }

    @Test func singleLineModeSendsAtTheEndOfEachCompleteLine() {
        let events = PsqlScriptRun.run("select 1\nselect (2\n)\nselect 'a\nb'", singleLine: true)
        #expect(events == [.sent("select 1"), .sent("select (2\n)"), .sent("select 'a\nb'")])
    }

    // MARK: - Lines

    @Test func emptyLinesOutsideQuotesAreSkippedUnseen() {
        var scanner = StatementScanner()
        var buffer = "select 1"
        #expect(scanner.setLine("") == false)
        #expect(scanner.scan(into: &buffer, variables: nil) == .incomplete)
        #expect(buffer == "select 1")
        #expect(scanner.setLine("select 'a") == true)
        _ = scanner.scan(into: &buffer, variables: nil)
        #expect(scanner.setLine("") == true)
        _ = scanner.scan(into: &buffer, variables: nil)
        #expect(buffer == "select 1\nselect 'a\n")
    }

    @Test func aByteOrderMarkIsSkippedOnTheFirstLineOnly() {
        let bom = "\u{FEFF}"
        #expect(PsqlScriptRun.sent("\(bom)select 1;\n\(bom)select 2;") == ["select 1;", "\(bom)select 2;"])
        var scanner = StatementScanner()
        #expect(scanner.setLine(bom) == false)
        var other = StatementScanner()
        other.setLine("\(bom)select")
        #expect(other.currentLine == "select")
    }

    /// psql's lines are C strings, so a NUL ends what its lexer sees. (How psql *reads* such a
    /// line is another matter: its fgets loop also drops the newline, joining the next line.)
    @Test func aNulByteEndsTheScannedLine() {
        #expect(PsqlScriptRun.sent("select 1\u{0}; select 2;\n;") == ["select 1\n;"])
    }

    @Test func linesAreJoinedWithNewlinesAndAMetaCommandLineLeavesTheBufferAlone() {
        var run = PsqlScriptRun()
        run.feed("select")
        run.feed("\\echo x")
        run.feed("1")
        #expect(run.buffer == "select\n1")
    }

    @Test func carriageReturnsStayInTheTextAsWhitespace() {
        #expect(PsqlScriptRun.sent("select 1\r\n;\r") == ["select 1\r\n;"])
    }

    @Test func restartRescansAnEditedBufferWithoutJoiningIt() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("select (")
        _ = scanner.scan(into: &buffer, variables: nil)
        buffer = ""
        scanner.restart(with: "select 1;\nselect 'a;b'")
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(buffer == "select 1;")
        buffer = ""
        #expect(scanner.scan(into: &buffer, variables: nil) == .endOfLine)
        #expect(buffer == "select 'a;b'")
    }

    @Test func resetForgetsOpenQuotesAndParentheses() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("select ('")
        #expect(scanner.scan(into: &buffer, variables: nil) == .incomplete)
        #expect(scanner.isInQuote)
        scanner.reset()
        buffer = ""
        #expect(!scanner.isInQuote)
        #expect(scanner.continuation == .ready)
        scanner.setLine("select 1;")
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
    }

    @Test func lexicalStateCanBeSavedAndRestored() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("select (")
        _ = scanner.scan(into: &buffer, variables: nil)
        let saved = scanner.lexicalState
        scanner.setLine("'skipped")
        _ = scanner.scan(into: &buffer, variables: nil)
        #expect(scanner.isInQuote)
        scanner.lexicalState = saved
        #expect(!scanner.isInQuote)
        #expect(scanner.lexicalState == saved)
    }

    // MARK: - Strings

    @Test func withoutStandardConformingStringsPlainStringsTakeBackslashEscapes() {
        let script = "select 'a\\';select 2;';"
        #expect(PsqlScriptRun.sent(script, standardConformingStrings: false) == ["select 'a\\';select 2;';"])
        #expect(PsqlScriptRun.sent(script, standardConformingStrings: true) == ["select 'a\\';", "select 2;", "';"])
    }

    @Test func aStringContinuesAcrossANewlineInsideOneScannedText() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.restart(with: "select 'a' -- c\n  'b;c';")
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(buffer == "select 'a' -- c\n  'b;c';")
        buffer = ""
        scanner.restart(with: "select 'a'  'b;c';")
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(buffer == "select 'a'  'b;c';")
    }

    // MARK: - Variables

    @Test func quotedInterpolationFollowsPQescapeLiteralAndIdentifier() throws {
        #expect(try VariableQuoting.literal.quote("it's") == "'it''s'")
        #expect(try VariableQuoting.literal.quote("a\\b'c") == " E'a\\\\b''c'")
        #expect(try VariableQuoting.literal.quote("") == "''")
        #expect(try VariableQuoting.identifier.quote("My \"T\"") == "\"My \"\"T\"\"\"")
        #expect(try VariableQuoting.shellArgument.quote("a/b-c_d.e:f") == "a/b-c_d.e:f")
        #expect(try VariableQuoting.shellArgument.quote("it's here") == "'it'\"'\"'s here'")
        #expect(try VariableQuoting.shellArgument.quote("") == "''")
        #expect(throws: VariableQuotingError.newlineInShellArgument("a\nb")) {
            try VariableQuoting.shellArgument.quote("a\nb")
        }
    }

    @Test func aRefusedQuoteLeavesTheReferenceAndIsReported() {
        var scanner = StatementScanner()
        var buffer = ""
        let variables = ScannerTestVariables(values: ["v": "x"], refusesQuoting: true)
        scanner.setLine("select :'v', :\"v\", :v;")
        #expect(scanner.scan(into: &buffer, variables: variables) == .semicolon)
        #expect(buffer == "select :'v', :\"v\", x;")
        #expect(scanner.takeDiagnostics() == [.quotingFailed(.noConnection), .quotingFailed(.noConnection)])
        #expect(scanner.diagnostics.isEmpty)
        #expect(VariableQuotingError.noConnection.description == "cannot escape without active connection")
    }

    @Test func recursiveExpansionIsSkippedWithAWarning() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("select :r;")
        #expect(scanner.scan(into: &buffer, variables: ScannerTestVariables(values: ["r": "1 + :r"])) == .semicolon)
        #expect(buffer == "select 1 + :r;")
        let diagnostics = scanner.takeDiagnostics()
        #expect(diagnostics == [.recursiveExpansion(variable: "r")])
        #expect(diagnostics.first?.description == "skipping recursive expansion of variable \"r\"")
        #expect(diagnostics.first?.isWarning == true)
    }

    @Test func withoutAResolverNothingIsInterpolated() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("select :v, :'v', :{?v};")
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(buffer == "select :v, :'v', FALSE;")
    }

    @Test func aVariableCanHoldAMetaCommand() {
        let events = PsqlScriptRun.run("\\set e '\\\\echo hi' \\\\ :e there")
        #expect(events == [.echo(["hi", "there"])])
    }

    @Test func aVariableValueStartingWithSpaceIsTrimmedAtStatementStart() {
        #expect(PsqlScriptRun.sent(":x;", variables: ["x": "  select 1"]) == ["select 1;"])
    }

    // MARK: - COPY FROM STDIN

    @Test func copyFromStdinCommandsAreCounted() {
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine("copy t from stdin \\; copy (select 1) to stdout \\; COPY x.y (a, b) FROM STDIN")
        #expect(scanner.scan(into: &buffer, variables: nil) == .endOfLine)
        #expect(scanner.countCopyFromStdin() == 2)
        #expect(scanner.countCopyFromStdin() == 0)
        buffer = ""
        scanner.setLine("copy t from stdin")
        #expect(scanner.scan(into: &buffer, variables: nil) == .endOfLine)
        scanner.reset()
        #expect(scanner.countCopyFromStdin() == 0)
        buffer = ""
        scanner.setLine("copy binary db.s.t from stdin;")
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(scanner.countCopyFromStdin() == 1)
    }

    // MARK: - Robustness

    @Test func aTenMegabyteLineScansInLinearTime() {
        let statement = "select 'a;b', $$c$$, \"d\", 1e5 /* e */; "
        let count = 10_000_000 / statement.utf8.count
        let line = String(repeating: statement, count: count)
        var scanner = StatementScanner()
        var buffer = ""
        scanner.setLine(line)
        var statements = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            while scanner.scan(into: &buffer, variables: nil) == .semicolon {
                statements += 1
                buffer = ""
            }
        }
        #expect(statements == count)
        #expect(elapsed < .seconds(60))

        let oneStatement = "select '" + String(repeating: "x;", count: 5_000_000) + "';"
        scanner.setLine(oneStatement)
        buffer = ""
        #expect(scanner.scan(into: &buffer, variables: nil) == .semicolon)
        #expect(buffer.utf8.count == oneStatement.utf8.count)
    }

    /// Pseudo-random bytes from a fixed seed, so a failure or a crash comes back on every run.
    /// Each case is scanned twice: the scanner keeps no state between runs, so both must agree.
    @Test func binaryGarbageAndRepairedUTF8DoNotCrash() {
        let seed: UInt64 = 20_251_205
        var generator = SplitMix64(state: seed)
        for index in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self)
            func scanned() -> [PsqlScriptRun.Event] {
                var run = PsqlScriptRun(variables: ["a": "'", "b": "\\", "c": ":c"])
                for line in text.utf8.split(separator: ScanByte.newline, omittingEmptySubsequences: false) {
                    run.feed(String(decoding: line, as: UTF8.self))
                }
                return run.finish()
            }
            #expect(scanned() == scanned(), "seed \(seed), case \(index): \(bytes)")
        }
        let awkward = ["\\", ":", ":'", ":\"", ":{?", "$", "$a", "E'\\", "u&", "'", "\"", "/*", "-", "1e", "1.", "\u{FFFD}:\u{FFFD}"]
        for piece in awkward {
            _ = PsqlScriptRun.run(piece, variables: ["a": "1"])
            _ = PsqlScriptRun.run(piece + piece, variables: ["a": "1"])
        }
    }

    @Test func multibyteTextPassesThroughUnchanged() {
        #expect(PsqlScriptRun.sent("select 'é;ü', \"日本\", $é$ ; $é$, :é;", variables: ["é": "ø"])
            == ["select 'é;ü', \"日本\", $é$ ; $é$, ø;"])
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose sequence depends only on
/// its seed, unlike SystemRandomNumberGenerator.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
