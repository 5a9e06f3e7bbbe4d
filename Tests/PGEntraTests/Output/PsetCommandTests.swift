import Testing
@testable import PGEntraOutput

extension OutputTests {
    @Suite struct PsetCommandTests {
        @Test(arguments: PsetGolden.all)
        func answersAsPsqlDid(_ golden: PsetGolden) throws {
            let (stdout, stderr) = try golden.run()
            #expect(stdout == golden.stdout)
            #expect(stderr == golden.stderr)
        }

        @Test func commandLineAssignmentsSplitAtTheFirstEqualsSign() throws {
            var options = PrintOptions()
            try PsetCommand.apply(assignment: "tableattr=class=x", to: &options)
            try PsetCommand.apply(assignment: "null=", to: &options)
            try PsetCommand.apply(assignment: "fieldsep_zero", to: &options)
            #expect(options.tableAttributes == "class=x")
            #expect(options.nullDisplay == "")
            #expect(options.fieldSeparator == .zero)
        }

        @Test func commandLineFailuresCarryPsqlsMessage() {
            var options = PrintOptions()
            #expect(throws: PsetError.unknownOption("nosuch")) {
                try PsetCommand.apply(assignment: "nosuch=1", to: &options)
            }
            #expect(PsetError.unknownOption("nosuch").description == "\\pset: unknown option: nosuch")
        }

        @Test func backslashAAlternatesAlignedAndUnaligned() throws {
            var options = PrintOptions()
            #expect(try PsetCommand.toggleAligned(&options) == "Output format is unaligned.")
            #expect(try PsetCommand.toggleAligned(&options) == "Output format is aligned.")
            options.format = .csv
            #expect(try PsetCommand.toggleAligned(&options) == "Output format is aligned.")
        }

        @Test func backslashHAlternatesHTMLAndAligned() throws {
            var options = PrintOptions()
            #expect(try PsetCommand.toggleHTML(&options) == "Output format is html.")
            #expect(try PsetCommand.toggleHTML(&options) == "Output format is aligned.")
        }

        @Test func backslashTWithAValueIsSilentLikePsql() throws {
            var options = PrintOptions()
            #expect(try PsetCommand.apply(name: "t", value: "on", to: &options) == nil)
            #expect(options.tuplesOnly)
            #expect(try PsetCommand.apply(name: "t", value: nil, to: &options) == "Tuples only is off.")
        }

        @Test(arguments: [("42", Int32(42)), ("  -7x", -7), ("x", 0), ("", 0), ("+3", 3),
                          ("99999999999999999999", -1), ("-99999999999999999999", 0), ("4294967297", 1)])
        func numbersAreReadLikeCsAtoi(_ text: String, _ expected: Int32) {
            #expect(PsetCommand.atoi(text) == expected)
        }
    }
}
