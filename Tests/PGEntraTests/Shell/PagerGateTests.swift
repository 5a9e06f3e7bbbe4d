import Testing
@testable import PGEntraOutput
@testable import PGEntraShell
@testable import PGEntraSystem

/// When psql's PageOutput starts the pager, and which command it runs (psql-compat.md §9).
@Suite struct PagerGateTests {
    private let terminal = Terminal(stdinIsTerminal: true, stdoutIsTerminal: true, rows: 24, columns: 80)

    private func options(_ pager: PrintOptions.PagerUsage, minLines: Int = 0) -> PrintOptions {
        var options = PrintOptions()
        options.pager = pager
        options.pagerMinLines = minLines
        return options
    }

    @Test func onPagesFromTheTerminalHeight() {
        #expect(!PagerGate.wants(lines: 23, options: options(.on), terminal: terminal))
        #expect(PagerGate.wants(lines: 24, options: options(.on), terminal: terminal))
        #expect(PagerGate.wants(lines: .max, options: options(.on), terminal: terminal))
    }

    @Test func pagerMinLinesRaisesTheThreshold() {
        #expect(!PagerGate.wants(lines: 29, options: options(.on, minLines: 30), terminal: terminal))
        #expect(PagerGate.wants(lines: 30, options: options(.on, minLines: 30), terminal: terminal))
    }

    @Test func alwaysPagesAnythingAndOffNothing() {
        #expect(PagerGate.wants(lines: 0, options: options(.always), terminal: terminal))
        #expect(!PagerGate.wants(lines: .max, options: options(.off), terminal: terminal))
    }

    @Test func bothStdinAndStdoutMustBeTerminals() {
        var noInput = terminal
        noInput.stdinIsTerminal = false
        var noOutput = terminal
        noOutput.stdoutIsTerminal = false
        #expect(!PagerGate.wants(lines: .max, options: options(.always), terminal: noInput))
        #expect(!PagerGate.wants(lines: .max, options: options(.always), terminal: noOutput))
    }

    @Test func anUnknownWindowSizePages() {
        var unknown = terminal
        unknown.rows = nil
        #expect(PagerGate.wants(lines: 1, options: options(.on), terminal: unknown))
    }

    @Test func psqlPagerWinsOverPager() {
        let settings = PagerSettings(environment: Environment(["PSQL_PAGER": "cat -n", "PAGER": "more"]))
        #expect(settings.command == "cat -n")
        #expect(PagerSettings(environment: Environment(["PAGER": "most"])).command == "most")
    }

    @Test func aBlankPagerTurnsPagingOff() {
        #expect(PagerSettings(environment: Environment(["PAGER": ""])).command == nil)
        #expect(PagerSettings(environment: Environment(["PAGER": " \t"])).command == nil)
        // psql does not fall back to PAGER when PSQL_PAGER is set but empty.
        #expect(PagerSettings(environment: Environment(["PSQL_PAGER": "", "PAGER": "more"])).command == nil)
    }

    @Test func theDefaultIsLessDashSWhenLessIsOnThePath() {
        let withLess = PagerSettings(environment: Environment(["PATH": "/opt/bin:/usr/bin"])) { $0 == "/usr/bin/less" }
        #expect(withLess.command == "less -S")
        let without = PagerSettings(environment: Environment(["PATH": "/opt/bin"])) { _ in false }
        #expect(without.command == "more")
    }

    @Test func columnsComesFromTheEnvironment() {
        #expect(PagerSettings(environment: Environment(["COLUMNS": "132"])).environmentColumns == 132)
        #expect(PagerSettings(environment: Environment(["COLUMNS": "wide"])).environmentColumns == 0)
        #expect(PagerSettings().command == nil)
    }
}
