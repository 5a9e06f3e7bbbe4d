import Testing
@testable import PGEntraShell

/// `\watch`'s arguments and WATCH_INTERVAL as psql 18 reads them (exec_command_watch,
/// ParseVariableDouble); the differential suite runs the command itself against psql.
@Suite struct WatchOptionsTests {
    @Test func labelsAndABareIntervalAreRead() throws {
        #expect(try WatchOptions.parse([]) == WatchOptions(interval: 2, count: 0, minRows: 0))
        #expect(try WatchOptions.parse([], interval: 0.5).interval == 0.5)
        #expect(try WatchOptions.parse(["c=3", "0.1", "m=2"]) == WatchOptions(interval: 0.1, count: 3, minRows: 2))
        #expect(try WatchOptions.parse(["interval=0", "count=1", "min_rows=5"]) == WatchOptions(interval: 0, count: 1, minRows: 5))
        // strtod takes an empty interval as 0, as psql does.
        #expect(try WatchOptions.parse(["i="]).interval == 0)
    }

    @Test(arguments: [
        (["junk"], WatchOptions.Problem.badInterval("junk")),
        (["-1"], .badInterval("-1")),
        (["1", "i=2"], .intervalTwice),
        (["c=0"], .badCount("0")),
        (["c=1x"], .badCount("1x")),
        (["c=1", "count=2"], .countTwice),
        (["m=-1"], .badMinRows("-1")),
        (["m=1", "min_rows=1"], .minRowsTwice),
        (["x=1"], .unknownParameter("x=1")),
    ])
    func badArgumentsAreRefusedWithPsqlsMessage(_ arguments: [String], _ problem: WatchOptions.Problem) {
        #expect(throws: problem) { try WatchOptions.parse(arguments) }
    }

    @Test func watchIntervalIsARangedNumber() throws {
        var variables = Variables()
        #expect(variables["WATCH_INTERVAL"] == "2")
        try variables.set("WATCH_INTERVAL", "0.25")
        #expect(variables.double("WATCH_INTERVAL") == 0.25)
        #expect(throws: Variables.Invalid.number(name: "WATCH_INTERVAL", value: "junk")) {
            try variables.set("WATCH_INTERVAL", "junk")
        }
        #expect(throws: Variables.Invalid.numberBelow(name: "WATCH_INTERVAL", value: "-1", minimum: 0)) {
            try variables.set("WATCH_INTERVAL", "-1")
        }
        #expect(throws: Variables.Invalid.numberOutOfRange(name: "WATCH_INTERVAL", value: "1e400")) {
            try variables.set("WATCH_INTERVAL", "1e400")
        }
        #expect(Variables.Invalid.numberAbove(name: "WATCH_INTERVAL", value: "2000000", maximum: 1_000_000).description
            == "invalid value \"2000000\" for variable \"WATCH_INTERVAL\": must be less than 1000000.00")
        #expect(variables["WATCH_INTERVAL"] == "0.25")
        try variables.set("WATCH_INTERVAL", nil)
        #expect(variables.double("WATCH_INTERVAL") == 2)
    }
}
