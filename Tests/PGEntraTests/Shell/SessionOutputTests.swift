import Testing
@testable import PGEntraScanner
@testable import PGEntraShell

/// The session's ways out, without a server: psql's printf to stdout after the query output it
/// buffered, diagnostics with and without a script's location, `\timing`'s line.
@Suite struct SessionOutputTests {
    @Test func standardOutputComesAfterTheQueryOutputBufferedBeforeIt() {
        let captured = CapturedSession()
        captured.session.output.write("rows\n")
        captured.session.printStandard("message\n")
        captured.session.output.write("more rows\n")
        #expect(captured.standardOutput == "rows\nmessage\nmore rows\n")
    }

    @Test func diagnosticsCarryTheScriptsLocationOnlyInAFile() {
        let captured = CapturedSession()
        captured.session.error("bad thing", at: ScriptLocation(source: "f.sql", line: 7))
        captured.session.error("bare", at: ScriptLocation(source: nil, line: 3))
        captured.session.warning("careful", at: ScriptLocation(source: "f.sql", line: 8))
        captured.session.report("as is\n", at: nil)
        #expect(captured.diagnostics == "pgentra:f.sql:7: error: bad thing\nbare\npgentra:f.sql:8: warning: careful\nas is\n")
        #expect(captured.standardOutput == "")
    }

    @Test func scannerDiagnosticsAreErrorsOrWarningsAsPsqlReportsThem() {
        let captured = CapturedSession()
        captured.session.report(scanned: [.unterminatedQuotedString], at: ScriptLocation(source: "s.sql", line: 2))
        #expect(captured.diagnostics == "pgentra:s.sql:2: error: unterminated quoted string\n")
    }

    @Test func timingPrintsOnlyWhenOnInPsqlsFormat() {
        let captured = CapturedSession()
        captured.session.printTiming(1.5)
        #expect(captured.standardOutput == "")
        captured.session.timing = true
        captured.session.printTiming(1.5)
        captured.session.printTiming(61_500)
        #expect(captured.standardOutput == "Time: 1.500 ms\nTime: 61500.000 ms (01:01.500)\n")
    }
}
