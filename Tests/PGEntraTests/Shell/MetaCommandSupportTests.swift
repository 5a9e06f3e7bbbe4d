import Testing
@testable import PGEntraShell

/// The pure parts of the newer meta-commands: `\timing`'s line, `\copy`'s argument parsing and
/// the `\if` stack. Whole commands are compared with psql in the differential suite.
@Suite struct MetaCommandSupportTests {
    @Test func timingLinesFollowPsqlsPrintTiming() {
        #expect(Session.timingLine(0.37) == "Time: 0.370 ms\n")
        #expect(Session.timingLine(1203.77) == "Time: 1203.770 ms (00:01.204)\n")
        #expect(Session.timingLine(3_723_004.5) == "Time: 3723004.500 ms (01:02:03.005)\n")
        #expect(Session.timingLine(90_061_000) == "Time: 90061000.000 ms (1 d 01:01:01.000)\n")
    }

    @Test func copyBuildsPsqlsStatement() throws {
        let toStdout = try CopyCommand.parse("public.items (id, name) to stdout with csv")
        #expect(toStdout.sql == "COPY  public.items ( id, name ) TO STDOUT with csv")
        #expect(toStdout.file == nil && !toStdout.from)
        let fromFile = try CopyCommand.parse("c from 'my file.txt'")
        #expect(fromFile.from && fromFile.file == "my file.txt" && fromFile.sql == "COPY  c FROM STDIN ")
        let program = try CopyCommand.parse("c to program 'sort -r'")
        #expect(program.program && program.file == "sort -r")
        let query = try CopyCommand.parse("(select 1) to stdout")
        #expect(query.sql == "COPY  ( select 1 ) TO STDOUT ")
    }

    @Test func copyReportsPsqlsParseErrors() {
        #expect(throws: CopyCommand.ParseError.noArguments) { try CopyCommand.parse(nil) }
        #expect(throws: CopyCommand.ParseError.at("sideways")) { try CopyCommand.parse("c sideways") }
        #expect(throws: CopyCommand.ParseError.at(nil)) { try CopyCommand.parse("c from") }
        #expect(throws: CopyCommand.ParseError.at("sort")) { try CopyCommand.parse("c from program sort") }
    }

    @Test func conditionalStackIsActiveOnlyInRunningBranches() {
        var stack = ConditionalStack()
        #expect(stack.isActive && stack.isEmpty)
        stack.push(.inactive, saving: .init(length: 3))
        #expect(!stack.isActive && stack.saved.length == 3)
        stack.poke(.elseActive)
        #expect(stack.isActive)
        stack.pop()
        #expect(stack.isEmpty && stack.top == nil)
        #expect(MetaCommandTable.isBranching("elif") && !MetaCommandTable.isBranching("echo"))
    }
}
