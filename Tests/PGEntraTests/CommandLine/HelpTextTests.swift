import Testing

@testable import PGEntra

@Suite struct HelpTextTests {
    private var allHelp: String { Subcommand.allCases.map(HelpText.text(for:)).joined(separator: "\n") }

    @Test func everyOptionAppearsInSomeHelpText() {
        let help = allHelp
        for option in OptionName.allCases {
            #expect(help.contains("--\(option.longNames[0])"), "--\(option.longNames[0]) is missing from --help")
            if let short = option.short {
                #expect(help.contains("-\(short)"), "-\(short) is missing from --help")
            }
        }
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
