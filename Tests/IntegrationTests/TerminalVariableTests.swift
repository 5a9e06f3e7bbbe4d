import Foundation
import TestSupport
import Testing

/// Issue 10 item 1: the variables that act only at a terminal (PROMPT1-3, IGNOREEOF, HISTCONTROL,
/// HISTSIZE, COMP_KEYWORD_CASE), typed at psql and at pgentra on pseudo-terminals against the
/// same server, database and role (DescribeTerminalServer's), and compared as the screen shows
/// them (TerminalScreen) after the banner, which differs by design.
///
/// The reference is psql 18.6 where no line editor is involved (prompts). History, completion
/// and Ctrl-D need one, and 18.6's build has none (after one Ctrl-D its stdio stays at end of
/// file, so IGNOREEOF cannot work there): those cases run psql 17.10, built with readline.
@Suite(.serialized) struct TerminalVariableTests {
    enum Reference { case psql18, readlinePsql17 }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let reference: Reference
        let arguments: [String]
        /// One run per element, in order, sharing HISTFILE; each run's keys end by leaving.
        let runs: [[String]]
        /// Every prompt of the case ends with this, so each typed line waits for the next one.
        var promptEnd = "> "
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Every escape psql 18 knows but %p (the backend's pid differs), in every state %R, %x
        // and %l show: continuation, parentheses, quotes, a comment, COPY data, a failed
        // transaction, single-line mode, a pipeline and an inactive \if branch.
        Case(name: "prompts", reference: .psql18, arguments: [
            "-v", "PROMPT1=[%M|%m|%>|%n|%/|%~|%#|%R|%x|%s|%P|%l|%:app:|%`echo hi`|%101%%]$ ",
            "-v", "PROMPT2=%w%R%l$ ", "-v", "PROMPT3=[%l]%R%x$ ",
        ], runs: [[
            "\\set app myapp\r", "select\r", "1;\r", "begin;\r", "create temp table t(a int);\r",
            "copy t from stdin;\r", "5\r", "6\r", "\\.\r", "select (\r", "2);\r", "select $$a\r", "b$$;\r",
            "select 'x\r", "y' as \"q\r", "\";\r", "/* c\r", "*/ select 3;\r", "select 1/0;\r", "rollback;\r",
            "\\set SINGLELINE on\r", "select\r", "\\unset SINGLELINE\r", "\\startpipeline\r",
            "select 1 \\bind \\sendpipeline\r", "\\endpipeline\r", "\\if false\r", "select 4;\r", "\\endif\r",
            "\\q\r",
        ]], promptEnd: "$ "),
        // At a terminal `interactive` is on: the failed statement is rolled back to its savepoint.
        Case(name: "ON_ERROR_ROLLBACK interactive", reference: .psql18, arguments: ["-P", "pager=off"], runs: [[
            "\\set ON_ERROR_ROLLBACK interactive\r", "begin;\r", "create temp table r(a int);\r",
            "insert into r values (1);\r", "select 1/0;\r", "insert into r values (2);\r", "select * from r;\r",
            "commit;\r", "\\set AUTOCOMMIT off\r", "insert into r values (3);\r", "select 1/0;\r", "select count(*) from r;\r",
            "rollback;\r", "\\q\r",
        ]]),
        Case(name: "IGNOREEOF counts Ctrl-Ds in a row", reference: .readlinePsql17, arguments: [], runs: [[
            "\\set IGNOREEOF 2\r", "\u{4}", "select 1;\r", "\u{4}", "\u{4}",
        ]]),
        Case(name: "IGNOREEOF empty, quiet and negative", reference: .readlinePsql17, arguments: [], runs: [[
            "\\set IGNOREEOF\r", "\u{4}", "\u{4}", "\u{4}", "\\set QUIET on\r", "\u{4}", "\\set IGNOREEOF -3\r", "\u{4}",
        ]]),
        Case(name: "IGNOREEOF leaves a statement unsent", reference: .readlinePsql17, arguments: [], runs: [[
            "\\set IGNOREEOF 1\r", "select\r", "\u{4}",
        ]]),
        Case(name: "HISTCONTROL", reference: .readlinePsql17, arguments: ["-P", "pager=off"], runs: [[
            " select 1;\r", "select 2;\r", "select 2;\r", "\\s\r",
            "\\set HISTCONTROL ignorespace\r", " select 3;\r", "select 4;\r", "select 4;\r", "\\s\r",
            "\\set HISTCONTROL ignoredups\r", " select 5;\r", "select 6;\r", "select 6;\r", "\\s\r",
            "\\set HISTCONTROL ignoreboth\r", " select 7;\r", "select 8;\r", "select 8;\r", "select\r", "8;\r", "\\s\r",
            "\\q\r",
        ]]),
        Case(name: "HISTSIZE when the history is saved", reference: .readlinePsql17, arguments: ["-P", "pager=off"], runs: [
            ["\\set HISTSIZE 3\r", "select 1;\r", "select 2;\r", "select 3;\r", "select 4;\r", "\\q\r"],
            ["\\s\r", "\\set HISTSIZE 0\r", "\\q\r"],
            ["\\s\r", "\\set HISTSIZE -1\r", "select 5;\r", "\\q\r"],
            ["\\s\r", "\\q\r"],
        ]),
        Case(name: "COMP_KEYWORD_CASE", reference: .readlinePsql17, arguments: [], runs: [[
            "sel\t1\r", "\\p\r", "\\r\r", "\\set COMP_KEYWORD_CASE upper\r", "sel\t2\r", "\\p\r", "\\r\r",
            "\\set COMP_KEYWORD_CASE lower\r", "SEL\t3\r", "\\p\r", "\\r\r",
            "\\set COMP_KEYWORD_CASE preserve-lower\r", "create unique \t\r", "\\p\r", "\\r\r",
            "\\set COMP_KEYWORD_CASE preserve-upper\r", "create unique \t\r", "\\p\r", "\\r\r",
            "Create Uni\t\r", "\\p\r", "\\r\r",
            "\\set COMP_KEYWORD_CASE lower\r", "alter table items ren\t\r", "\\p\r", "\\r\r", "\\q\r",
        ]]),
    ]

    @Test(arguments: cases)
    func matchesPsql(_ testCase: Case) throws {
        let server = try DescribeTerminalServer.shared.get()
        let directory = TemporaryDirectory()
        let psql = testCase.reference == .psql18 ? References.psql : References.readlinePsql
        let expected = try Self.screens(of: testCase, program: psql, history: directory.file("psql_history"),
                                        environment: server.server.psqlVariables, server: server)
        let actual = try Self.screens(of: testCase, program: BuiltProducts.pgentra, history: directory.file("pgentra_history"),
                                      environment: server.server.environment.variables, server: server)
        #expect(expected.count == testCase.runs.count && expected.allSatisfy { !$0.lines.isEmpty })
        for (run, (want, got)) in zip(expected, actual).enumerated() {
            #expect(got.status == want.status, "run \(run + 1): exit status")
            #expect(got.lines == want.lines, """
                run \(run + 1)
                --- psql:
                \(want.lines.joined(separator: "\n"))
                --- pgentra:
                \(got.lines.joined(separator: "\n"))
                """)
        }
    }

    struct Screen {
        var lines: [String]
        var status: Int32?
    }

    /// Each run of `testCase` typed at `program`, a line at a time, waiting for the next prompt
    /// before the next line; the screen from the banner's last line on, and the exit status.
    static func screens(of testCase: Case, program: String, history: String, environment: [String: String],
                        server: DescribeTerminalServer) throws -> [Screen] {
        var variables = environment
        variables["TERM"] = "dumb"
        return try testCase.runs.map { keys in
            let terminal = try PseudoTerminal(
                program, ["-X", "-v", "HISTFILE=\(history)"] + testCase.arguments + server.server.connection,
                environment: variables, columns: 200, rows: 50)
            try #require(terminal.expect(testCase.promptEnd) != nil, "no first prompt: \(terminal.transcript)")
            for (index, key) in keys.enumerated() {
                terminal.send(key)
                guard index < keys.count - 1 else { break }
                // A line editor redraws the prompt after Tab: the next prompt is the one after
                // the line's end.
                if key.hasSuffix("\r") {
                    try #require(terminal.expect("\n") != nil, "no end of line after \(key.debugDescription): \(terminal.transcript)")
                }
                try #require(terminal.expect(testCase.promptEnd) != nil, "no prompt after \(key.debugDescription): \(terminal.transcript)")
            }
            let status = terminal.waitForExit()
            let transcript = terminal.transcript
            let banner = try #require(transcript.range(of: "Type \"help\" for help."), "no banner: \(transcript)")
            return Screen(lines: TerminalScreen.lines(normalized(String(transcript[banner.lowerBound...]))), status: status)
        }
    }

    /// The program's own name (psql's pset.progname), and libedit's echo of the Ctrl-D that ends
    /// input (em-delete-or-list writes it as `^D`; readline writes nothing): the same key, drawn
    /// differently by the two editors.
    static func normalized(_ transcript: String) -> String {
        transcript.replacing("Use \"\\q\" to leave psql.", with: "Use \"\\q\" to leave pgentra.").replacing("^D", with: "")
    }
}
