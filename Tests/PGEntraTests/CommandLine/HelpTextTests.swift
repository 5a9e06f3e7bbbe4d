import TestSupport
import Testing
@testable import PGEntraCommands

@Suite struct HelpTextTests {
    private var allHelp: String { Subcommand.allCases.map(HelpText.text(for:)).joined(separator: "\n") }

    /// Every option's first long name and its short one, as the option lines spell them.
    private var spellings: [String] {
        OptionName.allCases.flatMap { option in ["--\(option.longNames[0])"] + (option.short.map { ["-\($0)"] } ?? []) }
    }

    @Test func everyOptionIsListedInSomeHelpText() {
        #expect(spellings.count > 50, "OptionName lists the options")
        #expect(HelpOptions.unlisted(spellings, in: allHelp) == [])
    }

    /// The check above reads whole options: a help text that lost `-c, --command` fails it,
    /// though `-c` is still part of `--credential` and of the usage line's `-c/-f/stdin`.
    @Test func anOptionMissingFromTheOptionLinesIsFound() {
        let withoutCommand = allHelp.split(separator: "\n").filter { !$0.contains("-c, --command=") }.joined(separator: "\n")
        #expect(withoutCommand.contains("-c"), "a substring check would find -c")
        #expect(HelpOptions.unlisted(spellings, in: withoutCommand) == ["--command", "-c"])
        #expect(HelpOptions.listed(in: "  --credential=NAME        default\n  -v, --set=, --variable=NAME=VALUE\n")
            == ["--credential", "-v", "--set", "--variable"])
        #expect(HelpOptions.listed(in: "  -1 (\"one\"), --single-transaction\n  -?, --help[=TOPIC]       show this help\n")
            == ["-1", "--single-transaction", "-?", "--help"])
    }

    @Test(arguments: Subcommand.allCases)
    func everyHelpLineFitsIn80Columns(_ command: Subcommand) {
        for line in HelpText.text(for: command).split(separator: "\n") {
            #expect(line.count <= 80, "too long: \(line)")
        }
    }

    @Test(arguments: Subcommand.allCases)
    func everyHelpTextEndsWithANewline(_ command: Subcommand) {
        #expect(HelpText.text(for: command).hasSuffix("\n"))
    }

    /// `pgentra token --help` must not advertise an option `pgentra token` rejects.
    @Test(arguments: [Subcommand.token, .whoami])
    func subcommandHelpListsOnlyOptionsTheSubcommandAccepts(_ command: Subcommand) {
        let help = HelpText.text(for: command)
        let words = help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "=" || $0 == "[" })
        for word in words where word.hasPrefix("--") && word.count > 2 {
            let name = String(word.dropFirst(2))
            guard let option = OptionName.allCases.first(where: { $0.longNames.contains(name) }) else {
                Issue.record("\(command) help mentions unknown option --\(name)")
                continue
            }
            #expect(command.acceptedOptions.contains(option), "\(command) help shows --\(name), which \(command) rejects")
        }
    }
}

/// `--help` and man/pgentra.1 list the same things: each form's help shows every option the
/// form accepts and every environment variable the page describes for it.
@Suite struct HelpTextAgreesWithManualPageTests {
    private let page = ManualPage()

    @Test(arguments: Subcommand.allCases)
    func helpListsEveryOptionTheFormAccepts(_ command: Subcommand) {
        let help = HelpText.text(for: command)
        for option in command.acceptedOptions {
            for long in option.longNames {
                #expect(ManualPage.mentions(option: "--\(long)", in: help), "\(command) --help lacks --\(long)")
            }
            if let short = option.short {
                #expect(ManualPage.mentions(option: "-\(short)", in: help), "\(command) --help lacks -\(short)")
            }
        }
    }

    /// The shell reads every variable; the other forms all but the interactive shell's own.
    @Test(arguments: Subcommand.allCases)
    func helpListsTheEnvironmentTheManualPageDescribes(_ command: Subcommand) {
        let variables = page.environmentVariables
        #expect(variables.count > 40, "ENVIRONMENT not found in man/pgentra.1")
        let help = HelpText.text(for: command)
        for (subsection, name) in variables where command == .shell || subsection != "Interactive shell" {
            #expect(ManualPage.mentions(option: name, in: help), "\(command) --help lacks \(name)")
        }
    }

    @Test func theManualPageListsEveryOptionInHelp() {
        let help = Subcommand.allCases.map(HelpText.text(for:)).joined(separator: "\n")
        let spellings = help.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "?") }
            .filter { $0.hasPrefix("-") }.map(String.init)
        for spelling in Set(spellings) where isOption(spelling) {
            #expect(page.mentions(option: spelling), "man/pgentra.1 lacks \(spelling), which --help lists")
        }
    }

    private func isOption(_ spelling: String) -> Bool {
        if spelling.hasPrefix("--") { return OptionName.allCases.contains { $0.longNames.contains(String(spelling.dropFirst(2))) } }
        return spelling.count == 2 && OptionName.allCases.contains { $0.short == spelling.last }
    }
}
