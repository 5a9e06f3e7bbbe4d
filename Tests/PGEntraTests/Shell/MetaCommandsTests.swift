import Foundation
import TestSupport
import Testing
@testable import PGEntraShell
@testable import PGEntraSystem

/// Backslash commands that need no server, run as a script would run them, with stdout, the
/// query output and stderr captured apart: each goes where psql sends it (command.c's
/// exec_command_echo, exec_command_out, exec_command_print...), with psql's words.
@Suite struct MetaCommandsTests {
    @Test func echoQechoAndWarnGoToStdoutQueryOutputAndStderr() throws {
        let captured = CapturedSession(separateQueryOutput: true)
        try captured.runScript("\\echo to stdout\n\\qecho to the query output\n\\warn to stderr\n\\echo -n no newline\n")
        #expect(captured.standardOutput == "to stdout\nno newline")
        #expect(captured.queryOutputText == "to the query output\n")
        #expect(captured.diagnostics == "to stderr\n")
    }

    @Test func variablesAreSetAndInterpolated() throws {
        let captured = CapturedSession()
        try captured.runScript("\\set greeting 'hello world'\n\\echo :greeting :'greeting'\n\\unset greeting\n\\echo :greeting\n")
        #expect(captured.standardOutput == "hello world 'hello world'\n:greeting\n")
        #expect(captured.diagnostics == "")
    }

    @Test func anUnknownCommandIsAnErrorWithTheScriptsLine() throws {
        let captured = CapturedSession()
        let status = try captured.runScript("\\echo one\n\\nosuch\n\\echo three\n", name: "named.sql")
        #expect(status == .success)
        #expect(captured.standardOutput == "one\nthree\n")
        #expect(captured.diagnostics == "pgentra:\(captured.scriptPath("named.sql")):2: error: invalid command \\nosuch\n")
    }

    @Test func onErrorStopEndsTheScriptWithStatus3() throws {
        let captured = CapturedSession()
        let status = try captured.runScript("\\set ON_ERROR_STOP on\n\\nosuch\n\\echo never\n")
        #expect(status == .scriptError)
        #expect(captured.standardOutput == "")
        #expect(captured.diagnostics == "pgentra:\(captured.scriptPath()):2: error: invalid command \\nosuch\n")
    }

    @Test func printAndResetSpeakOfTheQueryBuffer() throws {
        let captured = CapturedSession()
        try captured.runScript("\\p\nselect 1\n\\p\n\\r\n\\p\n")
        #expect(captured.standardOutput == "Query buffer is empty.\nselect 1\nQuery buffer reset (cleared).\nQuery buffer is empty.\n")
    }

    /// exec_command_timing says where timing stands even after a value it could not parse.
    @Test func timingSaysWhereItStands() throws {
        let captured = CapturedSession()
        try captured.runScript("\\timing on\n\\timing\n\\timing nonsense\n")
        #expect(captured.standardOutput == "Timing is on.\nTiming is off.\nTiming is off.\n")
        #expect(captured.diagnostics == "pgentra:\(captured.scriptPath()):3: error: unrecognized value \"nonsense\" for \"\\timing\": Boolean expected\n")
    }

    /// An inactive branch runs no command, but psql's exec_command still calls an unknown name
    /// invalid there.
    @Test func inactiveBranchesRunNothingButKnowTheNames() throws {
        let captured = CapturedSession()
        try captured.runScript("\\if false\n\\echo skipped\n\\nosuch\n\\elif true\n\\echo taken\n\\else\n\\echo not taken\n\\endif\n")
        #expect(captured.standardOutput == "taken\n")
        #expect(captured.diagnostics == "pgentra:\(captured.scriptPath()):3: error: invalid command \\nosuch\n")
    }

    /// `\o FILE` takes the query output and `\o` alone gives it back to the session's stdout:
    /// the injected sink, not a new one on descriptor 1.
    @Test func outRedirectsTheQueryOutputAndGivesItBack() throws {
        let directory = TemporaryDirectory()
        let file = directory.file("out.txt")
        let captured = CapturedSession()
        try captured.runScript("\\qecho before\n\\o \(file)\n\\qecho into the file\n\\echo still stdout\n\\o\n\\qecho after\n")
        #expect(captured.standardOutput == "before\nstill stdout\nafter\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "into the file\n")
        #expect(captured.diagnostics == "")
    }
}
