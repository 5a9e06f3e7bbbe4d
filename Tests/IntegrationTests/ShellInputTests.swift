import Foundation
import TestSupport
import Testing

/// What a person types at the shell, on a pseudo-terminal against a real PostgreSQL and the
/// identity emulator, each as psql 15 answers it: Ctrl-C at the prompt, COPY data at PROMPT3,
/// IGNOREEOF, psql's assistance words, the prompts' markers, history settings, `-n`, and bad
/// input (an open quote at Ctrl-D, unknown commands, missing files and databases, binary bytes,
/// a line of megabytes). The server is this suite's own.
@Suite(.serialized) final class ShellInputTests {
    static let server = Result { try PostgresServer() }

    /// A shell at its first prompt.
    private func start(_ extra: [String] = []) throws -> ShellUnderTest {
        let shell = try ShellUnderTest(try Self.server.get(), extra)
        try #require(shell.terminal.expect("postgres=> ") != nil, "transcript: \(shell.terminal.transcript)")
        return shell
    }

    @Test func controlCAtThePromptDiscardsTheStatementBeingTyped() throws {
        let shell = try start()
        let terminal = shell.terminal
        terminal.send("select 'abc'\r")
        #expect(terminal.expect("postgres-> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\u{3}")
        let cleared = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(cleared == "^C\r\npostgres=> ", "psql's readline shows ^C, then a new line and PROMPT1")
        terminal.send("select 1 as one;\r")
        let result = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(result.contains(" one \r\n-----\r\n   1\r\n(1 row)"), "the discarded text is not sent: \(result)")

        // Inside a quote, and inside \if, where psql also leaves the innermost block.
        terminal.send("select 'open\r")
        #expect(terminal.expect("postgres'> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\u{3}")
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\\if false\r")
        #expect(terminal.expect("postgres@> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\u{3}")
        let escaped = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(escaped.contains("\\if: escaped"))
        terminal.send("select 'after' as state;\r")
        let after = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(after.contains(" after\r\n(1 row)"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
        let history = try String(contentsOfFile: shell.environment.home.file(".pgentra_history"), encoding: .utf8)
        #expect(!history.contains("abc"), "psql drops the interrupted statement from history too")
        #expect(history.contains("after"))
    }

    @Test func copyFromStdinTakesRowsAtPROMPT3() throws {
        let shell = try start()
        let terminal = shell.terminal
        terminal.send("create temp table t(a int, b text);\r")
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("copy t from stdin;\r")
        let hint = try #require(terminal.expect(">> "), "transcript: \(terminal.transcript)")
        #expect(hint.hasSuffix("""
            Enter data to be copied followed by a newline.\r
            End with a backslash and a period on a line by itself, or an EOF signal.\r
            >> 
            """))
        terminal.send("1\tone\r")
        #expect(terminal.expect(">> ") != nil)
        terminal.send("2\ttwo\r")
        #expect(terminal.expect(">> ") != nil)
        terminal.send("\\.\r")
        let copied = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(copied.hasSuffix("\r\nCOPY 2\r\npostgres=> "))

        // PROMPT3's escapes; Ctrl-D ends the data as `\.` does.
        terminal.send("\\set PROMPT3 '%/%R%x>> '\r")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("begin;\r")
        #expect(terminal.expect("postgres=*> ") != nil)
        terminal.send("copy t from stdin;\r")
        #expect(terminal.expect("postgres*>> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("3\tthree\r")
        #expect(terminal.expect("postgres*>> ") != nil)
        terminal.send("\u{4}")
        let ended = try #require(terminal.expect("postgres=*> "), "transcript: \(terminal.transcript)")
        #expect(ended == "COPY 1\r\npostgres=*> ", "Ctrl-D prints nothing, as in psql")
        terminal.send("commit;\r")
        #expect(terminal.expect("postgres=> ") != nil)

        // Ctrl-C abandons the COPY; the rows typed so far never reach the server.
        terminal.send("copy t from stdin;\r")
        #expect(terminal.expect(">> ") != nil)
        terminal.send("4\tfour\r")
        #expect(terminal.expect(">> ") != nil)
        terminal.send("\u{3}")
        let cancelled = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(cancelled.contains("ERROR:  COPY from stdin failed: canceled by user\r\nCONTEXT:  COPY t, line 1\r\n"))

        terminal.send("select string_agg(b, ',' order by a) as rows from t;\r")
        let rows = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(rows.contains(" one,two,three\r\n(1 row)"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    /// Lines pasted at once: libedit's key reader reads all that has arrived, so the COPY data
    /// after the COPY line, and the SQL after `\.`, must reach the reader whose turn it is.
    @Test func copyDataPastedWithItsCopyAndWhatFollows() throws {
        let shell = try start()
        let terminal = shell.terminal
        terminal.send("create temp table t(a int, b text);\rcopy t from stdin;\r1\tone\r2\ttwo\r\\.\rselect string_agg(b, ',' order by a) as rows from t;\r")
        let copied = try #require(terminal.expect("COPY 2\r\n"), "transcript: \(terminal.transcript)")
        #expect(copied.contains(">> "), "the data is read at PROMPT3")
        let rows = try #require(terminal.expect("(1 row)"), "transcript: \(terminal.transcript)")
        #expect(rows.contains(" one,two\r\n"))
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aBareIgnoreeofIsTenEndsOfInput() throws {
        let shell = try start()
        let terminal = shell.terminal
        terminal.send("\\set IGNOREEOF\r")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\echo :IGNOREEOF\r")
        let value = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(value.hasSuffix("\r\n10\r\npostgres=> "))
        terminal.send("\u{4}")
        let kept = try #require(terminal.expect("Use \"\\q\" to leave pgentra.\r\n"), "transcript: \(terminal.transcript)")
        #expect(!kept.contains("\\q\r\n"))
        terminal.send("select 'still here' as state;\r")
        let alive = try #require(terminal.expect("(1 row)"), "transcript: \(terminal.transcript)")
        #expect(alive.contains("still here"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func unknownCommandsAndTheAssistanceWordsAnswerAsPsql() throws {
        let shell = try start()
        let terminal = shell.terminal
        terminal.send("\\nosuch\r")
        let invalid = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(invalid.hasSuffix("\r\ninvalid command \\nosuch\r\nTry \\? for help.\r\npostgres=> "))

        terminal.send("help\r")
        let help = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(help.hasSuffix("""
            \r
            You are using pgentra, the command-line interface to PostgreSQL.\r
            Type:  \\whoami for the signed-in identity and role\r
                   \\h for help with SQL commands\r
                   \\? for help with pgentra commands\r
                   \\g or terminate with semicolon to execute query\r
                   \\q to quit\r
            postgres=> 
            """))

        // With text in the buffer, quit and exit only say how to leave, and join the statement.
        terminal.send("select 1\r")
        #expect(terminal.expect("postgres-> ") != nil)
        terminal.send("quit\r")
        let hint = try #require(terminal.expect("postgres-> "), "transcript: \(terminal.transcript)")
        #expect(hint.hasSuffix("\r\nUse \\q to quit.\r\npostgres-> "))
        terminal.send(";\r")
        let aliased = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(aliased.contains(" quit \r\n------\r\n    1\r\n(1 row)"))
        terminal.send("exit\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    @Test func promptsShowTheTransactionAndWhatIsOpen() throws {
        let shell = try start()
        let terminal = shell.terminal
        let steps: [(typed: String, prompt: String)] = [
            ("begin;", "postgres=*> "),
            ("select 1/0;", "postgres=!> "),
            ("rollback;", "postgres=> "),
            ("select (", "postgres(> "),
            ("/* comment", "postgres*> "),
            ("*/ 1) \"", "postgres\"> "),
            ("\" , 'text", "postgres'> "),
            ("', $$body", "postgres$> "),
            ("$$;", "postgres=> "),
            ("\\set PROMPT1 '%n@%/:%l%R%x%# '", "\(Fixtures.managedIdentityName)@postgres:1=> "),
            ("\\set PROMPT2 '%w'", "\(Fixtures.managedIdentityName)@postgres:1=> "),
            ("select", String(repeating: " ", count: "\(Fixtures.managedIdentityName)@postgres:1=> ".count)),
            ("2 as two;", "\(Fixtures.managedIdentityName)@postgres:1=> "),
        ]
        for step in steps {
            terminal.send(step.typed + "\r")
            let seen = terminal.expect(step.typed + "\r\n")
            #expect(seen != nil, "echo of \(step.typed): \(terminal.transcript)")
            let output = terminal.expect(step.prompt, timeout: 10)
            #expect(output != nil, "after \(step.typed) expected \(step.prompt.debugDescription): \(terminal.transcript.suffix(400))")
        }
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func historyKeepsHISTSIZEEntriesAndHonoursHISTCONTROL() throws {
        let shell = try start()
        let terminal = shell.terminal
        for line in [
            "\\set HISTCONTROL ignoreboth", "select 'dup' as d;", "select 'dup' as d;", " select 'spaced' as s;",
            "\\prompt 'Answer: ' answer",
        ] {
            terminal.send(line + "\r")
            if line.hasPrefix("\\prompt") { break }
            #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        }
        // \prompt's answer is read outside the shell's prompts: never history.
        #expect(terminal.expect("Answer: ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("answer-kept-out-of-history\r")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\echo :answer\r")
        let echoed = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(echoed.contains("\r\nanswer-kept-out-of-history\r\n"))
        terminal.send("\\set HISTSIZE 5\r")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)

        let history = try String(contentsOfFile: shell.environment.home.file(".pgentra_history"), encoding: .utf8)
        #expect(history.components(separatedBy: "'dup'").count == 2, "ignoredups: \(history)")
        #expect(!history.contains("spaced"), "ignorespace: \(history)")
        #expect(!history.contains("answer-kept-out-of-history"))
        #expect(history.contains("prompt") && history.contains("echo") && history.contains("\\134q"), "\(history)")
        // Six entries were made; HISTSIZE 5 keeps the last five, so the first is gone.
        #expect(!history.contains("HISTCONTROL"), "HISTSIZE 5: \(history)")
    }

    @Test func noReadlineReadsPlainLinesAndWritesNoHistory() throws {
        let shell = try start(["-n"])
        let terminal = shell.terminal
        terminal.send("select 'plain'\r")
        #expect(terminal.expect("postgres-> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\u{3}")
        // The terminal itself echoes ^C in its cooked mode; pgentra adds the new line.
        let cleared = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(cleared == "^C\r\npostgres=> ")
        terminal.send("select 'typed' as mode;\r")
        let result = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(result.contains(" typed\r\n(1 row)"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: shell.environment.home.file(".pgentra_history")))
    }

    @Test func anOpenQuoteAtControlDLeavesWithStatusZero() throws {
        let shell = try start()
        let terminal = shell.terminal
        terminal.send("select 'never closed\r")
        #expect(terminal.expect("postgres'> ") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.sendEndOfInput(until: "\\q\r\n") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.waitForExit() == 0, "psql exits 0 and does not send the open statement")
        let history = (try? String(contentsOfFile: shell.environment.home.file(".pgentra_history"), encoding: .utf8)) ?? ""
        #expect(!history.contains("never closed"), "nor remembers it: \(history)")
    }

    @Test func missingFilesAndDatabasesKeepTheSession() throws {
        let shell = try start()
        let terminal = shell.terminal
        terminal.send("\\i /nonexistent/script.sql\r")
        let missing = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(missing.hasSuffix("\r\n/nonexistent/script.sql: No such file or directory\r\npostgres=> "), "bare, as psql: \(missing)")

        terminal.send("select pg_backend_pid() as before_pid \\gset\r")
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\c nosuchdb\r")
        let refused = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(refused.contains("FATAL:  database \"nosuchdb\" does not exist\r\nPrevious connection kept\r\n"), "\(refused)")
        terminal.send("select pg_backend_pid() = :before_pid as same;\r")
        let same = try #require(terminal.expect("postgres=> "), "transcript: \(terminal.transcript)")
        #expect(same.contains(" same \r\n------\r\n t\r\n(1 row)"), "the old connection is still in use: \(same)")
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func binaryGarbageAtThePromptIsSurvived() throws {
        let shell = try start()
        let terminal = shell.terminal
        // Bytes that are not keys: control characters are editing commands (ESC starts
        // sequences, Ctrl-V quotes the next key, ESC 9 repeats it), for psql's readline as here.
        let garbage = Self.garbage(2000, excluding: Set(0..<32).union([127]))
        terminal.send(bytes: garbage + [13])
        // Whatever the bytes opened (a quote, a comment), Ctrl-C clears it.
        usleep(500_000)
        terminal.send("\u{3}")
        #expect(terminal.expect("^C\r\npostgres=> ") != nil, "transcript: \(terminal.transcript.suffix(2000))")
        terminal.send("select 'survived' as state;\r")
        let alive = try #require(terminal.expect("(1 row)"), "transcript: \(terminal.transcript.suffix(2000))")
        #expect(alive.contains(" survived\r\n"))
        // Characters beyond ASCII typed at the prompt arrive whole.
        terminal.send("select length('é🙂') as chars;\r")
        let chars = try #require(terminal.expect("(1 row)"), "transcript: \(terminal.transcript.suffix(500))")
        #expect(chars.contains("\r\n     2\r\n"))
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    /// A megabyte typed as one line. Ten megabytes through the terminal take about 17 s even in
    /// a release build (libedit writes and flushes the echo of every character: psql with GNU
    /// readline takes about 36 s), so the 10 MB line goes through stdin and -f instead (next test).
    @Test func aMegabyteLineAtThePrompt() throws {
        let shell = try start()
        let terminal = shell.terminal
        let length = 1_000_000
        terminal.send("select length('" + String(repeating: "x", count: length) + "') as len;\r")
        let result = try #require(terminal.expect("(1 row)", timeout: 120), "transcript: \(terminal.transcript.suffix(500))")
        #expect(result.contains("\r\n \(length)\r\n"))
        #expect(terminal.expect("postgres=> ") != nil)
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aTenMegabyteLineAndBinaryGarbageOnStdin() throws {
        let server = try Self.server.get()
        let environment = try ShellUnderTest.environment(server)
        let length = 10_000_000
        let big = environment.home.write("big.sql", "select length('" + String(repeating: "y", count: length) + "') as len;\n")
        let result = ShellUnderTest.run(server, ["-X", "-At"], in: environment, standardInput: big)
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stdout == "\(length)\n")
        // The same file by name (-f).
        let named = ShellUnderTest.run(server, ["-X", "-At", "-f", big], in: environment)
        #expect(named.status == 0, "\(named.stderr.prefix(500))")
        #expect(named.stdout == "\(length)\n")

        // Bytes that open no quote or comment, then a statement that must still run.
        var garbage = Self.garbage(6000, excluding: Set("'\"$()/*-\\;:[]".utf8))
        garbage += Array("\n;\nselect 'after garbage' as state;\n".utf8)
        let file = environment.home.file("garbage.bin")
        try Data(garbage).write(to: URL(fileURLWithPath: file))
        let survived = ShellUnderTest.run(server, ["-X", "-At"], in: environment, standardInput: file)
        #expect(survived.status == 0, "psql also ends a script with errors with status 0: \(survived.stderr.prefix(500))")
        #expect(survived.stdout.hasSuffix("after garbage\n"), "\(survived.stdout.suffix(200))")
    }

    /// The same `count` pseudo-random bytes on every run (less `excluded`), so a failure repeats.
    private static func garbage(_ count: Int, excluding excluded: Set<UInt8>) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).compactMap { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let byte = UInt8(truncatingIfNeeded: state >> 56)
            return excluded.contains(byte) ? nil : byte
        }
    }
}
