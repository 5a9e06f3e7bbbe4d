import Foundation
import PGEntraCommands
import TestSupport
import Testing

/// man/pgentra.1 renders cleanly and cannot drift from the parser: every option of
/// OptionName's table, every subcommand and every environment variable the sources read is in it.
@Suite struct ManualPageTests {
    private let page = ManualPage()

    /// `groff -ww` warns about anything man(7) does not know or cannot set (bad macros, lines
    /// that cannot be broken); the page is checked on the devices and widths man uses.
    @Test(arguments: ["utf8", "ascii", "ps"], ["65n", "80n"])
    func rendersWithoutAWarning(device: String, lineLength: String) {
        let result = ChildProcess.run(
            "/usr/bin/groff", ["-man", "-ww", "-z", "-T\(device)", "-rLL=\(lineLength)", SourceTree.path("man/pgentra.1")],
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(result.status == 0, "groff: \(result.stderr)")
        #expect(result.stderr.isEmpty, "groff warns: \(result.stderr)")
    }

    @Test func hasTheSectionsOfAManualPage() {
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "SUBCOMMANDS", "OPTIONS", "ENVIRONMENT", "FILES",
                        "\"EXIT STATUS\"", "EXAMPLES", "\"SEE ALSO\""] {
            #expect(page.source.contains("\n.SH \(section)\n"), "no \(section) section")
        }
    }

    @Test func mentionsEveryOptionTheParserKnows() {
        for option in OptionName.allCases {
            for long in option.longNames {
                #expect(page.mentions(option: "--\(long)"), "man/pgentra.1 lacks --\(long)")
            }
            if let short = option.short {
                #expect(page.mentions(option: "-\(short)"), "man/pgentra.1 lacks -\(short)")
            }
        }
    }

    @Test func describesEverySubcommandInSynopsisAndItsOwnSection() {
        let synopsis = page.source.components(separatedBy: ".SH SYNOPSIS")[1].components(separatedBy: "\n.SH ")[0]
        for command in Subcommand.allCases where command != .shell {
            #expect(synopsis.contains("\n.B \(command.rawValue)\n"), "SYNOPSIS lacks pgentra \(command.rawValue)")
            #expect(page.subcommandTitles.contains { $0.hasPrefix("pgentra \(command.rawValue) ") },
                    "SUBCOMMANDS has no section for \(command.rawValue)")
        }
        for invocation in ["\\-c", "\\-\\-help", "\\-\\-version"] {
            #expect(synopsis.contains(invocation), "SYNOPSIS lacks \(invocation)")
        }
    }

    /// Each subcommand's section names the options only that subcommand takes.
    @Test func subcommandSectionsListTheirOwnOptions() {
        let sections = page.plainText.components(separatedBy: "\n.SS \"pgentra ")
        for command in [Subcommand.token, .whoami] {
            let section = sections.first { $0.hasPrefix("\(command.rawValue) ") } ?? ""
            let own = command.acceptedOptions.subtracting(Subcommand.shell.acceptedOptions)
            for option in own {
                #expect(ManualPage.mentions(option: "--\(option.longNames[0])", in: section),
                        "the \(command.rawValue) section lacks --\(option.longNames[0])")
            }
        }
    }

    /// Every variable the sources read (`environment["NAME"]`, `environment.flag("NAME")`) is
    /// described under ENVIRONMENT.
    @Test func describesEveryEnvironmentVariableTheSourcesRead() throws {
        let documented = Set(page.environmentVariables.map(\.name))
        let sources = SourceTree.path("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources)?.allObjects as? [String])
        var read: Set<String> = []
        // The product's layers (Sources/PGEntra*), not the emulator.
        for file in files where file.hasPrefix("PGEntra") && file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: "\(sources)/\(file)", encoding: .utf8)
            for match in text.matches(of: /[eE]nvironment(?:\.flag\(|\[)"([A-Za-z_][A-Za-z0-9_]*)"/) {
                read.insert(String(match.output.1))
            }
        }
        #expect(read.count > 30, "the scan found too few variables: \(read.sorted())")
        for name in read.sorted() {
            #expect(documented.contains(name), "\(name) is read by pgentra but missing from ENVIRONMENT")
        }
    }
}
