import Testing
@testable import PGEntraCommands
@testable import PGEntraShell
@testable import PGEntraSystem

/// The pure parts of `\?`, `\h`, `\e` and `\ef`: help lookup and layout, line-number parsing,
/// and the editor command line.
struct MetaCommandHelpTests {
    private let state = BackslashHelp.State(database: "db", html: false, tuplesOnly: true, expanded: .auto, timing: false)

    @Test func backslashHelpIsPsql18sListWithTheEntraSection() {
        for topic in [nil, "options", "variables"] as [String?] {
            let text = BackslashHelp.text(topic: topic, state: state, options: HelpText.text(for: .shell))
            // psql 18's own `\df` and `\dAc` lines are wider; its other texts fit 80 columns.
            if topic != nil { #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "topic \(topic!)") }
            if topic != "options" { #expect(!text.contains("psql "), "topic \(topic ?? "commands")") }
        }
        let commands = BackslashHelp.text(topic: "commands", state: state, options: "")
        #expect(commands.contains("\n  \\df[anptw][Sx+] [FUNCPTRN [TYPEPTRN ...]]\n"
            + "                         list [only agg/normal/procedure/trigger/window] functions\n"))
        #expect(commands.contains("\n  \\watch [[i=]SEC] [c=N] [m=MIN]\n"))
        #expect(commands.hasSuffix("  \\syncpipeline          add a synchronisation point to an ongoing pipeline\n"))
        #expect(commands.contains("Connection\n") && commands.contains("Entra ID\n") && commands.contains("Operating System\n"))
        #expect(commands.contains("Entra ID\n  \\whoami "))
        #expect(commands.contains("  \\refresh "))
        #expect(commands.contains("connect to new database (currently \"db\")"))
        #expect(commands.contains("show only rows (currently on)"))
        #expect(commands.contains("toggle expanded output (currently auto)"))
        #expect(BackslashHelp.text(topic: "nosuch", state: state, options: "") == commands)
    }

    @Test func sqlHelpStopsAtAnExactMatchAndFallsBackToTheFirstWords() {
        let select = SQLHelp.help("select")
        #expect(select.hasPrefix("Command:     SELECT\n"))
        #expect(!select.contains("SELECT INTO"))
        #expect(SQLHelp.help("SELECT IN").hasPrefix("Command:     SELECT INTO\n"))
        // No topic starts with "alter nosuch": the first two words fail too, then ALTER lists all.
        #expect(SQLHelp.help("alter nosuch").hasPrefix("Command:     ALTER AGGREGATE\n"))
        #expect(SQLHelp.help("nosuch") == "No help available for \"nosuch\".\nTry \\h with no arguments to see available help.\n")
    }

    @Test func theListingFillsColumnsTopToBottom() {
        let wide = SQLHelp.listing(width: 80).split(separator: "\n")
        #expect(wide.first == "Available help:")
        #expect(wide[1].hasPrefix("  ABORT "))
        #expect(SQLHelp.listing(width: 20).split(separator: "\n").count == SQLHelp.topics.count + 1)
    }

    @Test func trailingDigitsAfterABlankOrParenthesisAreALineNumber() {
        #expect(MetaCommands.stripLineNumber("f1 12") == .number(12, rest: "f1 "))
        #expect(MetaCommands.stripLineNumber("f(int)3") == .number(3, rest: "f(int)"))
        #expect(MetaCommands.stripLineNumber("f12") == .none)
        #expect(MetaCommands.stripLineNumber("f 0") == .invalid("0"))
        #expect(MetaCommands.linesBeforeBody("CREATE FUNCTION f()\n RETURNS int\nAS $$x$$\n") == 2)
    }

    @Test func theEditorComesFromPsqlsVariablesInOrder() throws {
        func editor(_ values: [String: String]) -> ExternalEditor {
            ExternalEditor(environment: Environment(values))
        }
        #expect(try editor([:]).command(file: "/t/f.sql", line: nil) == "exec vi '/t/f.sql'")
        #expect(try editor(["VISUAL": "v", "EDITOR": "e"]).command(file: "f", line: nil) == "exec e 'f'")
        #expect(try editor(["PSQL_EDITOR": "p -t", "EDITOR": "e"]).command(file: "f", line: nil) == "exec p -t 'f'")
        #expect(try editor([:]).command(file: "f", line: 3) == "exec vi +3 'f'")
        #expect(try editor(["PSQL_EDITOR_LINENUMBER_ARG": "--line="]).command(file: "f", line: 3) == "exec vi --line=3 'f'")
    }
}
