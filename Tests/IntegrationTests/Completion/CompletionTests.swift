import Foundation
import PGEntraCommands
import PGEntraIdentity
import PGEntraOutput
import TestSupport
import Testing

/// What Tab offers in bash, zsh and fish, each running completions/ in the real shell: the
/// subcommands, options by prefix, `--credential` and `--pset` names, files, and for every form
/// exactly the options the parser accepts (so the three files cannot drift from OptionName).
@Suite struct CompletionTests {
    /// No Azure and no server: database names come back empty, quietly.
    private let environment = TestEnvironment()

    @Test(arguments: CompletionShell.allCases)
    func aSubcommandCompletesFromItsPrefix(_ shell: CompletionShell) throws {
        let offer = try shell.complete("pgentra to", in: environment)
        #expect(offer.words == ["token"], "\(offer)")
    }

    @Test(arguments: CompletionShell.allCases)
    func theFirstWordOffersEverySubcommand(_ shell: CompletionShell) throws {
        let offer = try shell.complete("pgentra ", in: environment)
        #expect(Set(offer.words) == ["exec", "token", "whoami", "run", "proxy"], "\(offer)")
        let afterSubcommand = try shell.complete("pgentra exec ", in: environment)
        #expect(afterSubcommand.words.isEmpty, "\(afterSubcommand)")
    }

    @Test(arguments: CompletionShell.allCases)
    func aLongOptionCompletesFromItsPrefix(_ shell: CompletionShell) throws {
        let offer = try shell.complete("pgentra --cred", in: environment)
        #expect(offer.words == ["--credential"], "\(offer)")
    }

    @Test(arguments: CompletionShell.allCases)
    func credentialOffersEveryName(_ shell: CompletionShell) throws {
        let offer = try shell.complete("pgentra token --credential ", in: environment)
        #expect(Set(offer.words) == Set(CredentialSelection.names), "\(offer)")
        let attached = try shell.complete("pgentra --credential=az", in: environment)
        #expect(Set(attached.words) == ["azure-cli", "azd"], "\(attached)")
    }

    @Test(arguments: CompletionShell.allCases)
    func psetOffersEveryPrintingOption(_ shell: CompletionShell) throws {
        let offer = try shell.complete("pgentra -P ", in: environment)
        #expect(Set(offer.words) == Set(PsetCommand.listedNames), "\(offer)")
        let long = try shell.complete("pgentra exec --pset fo", in: environment)
        #expect(Set(long.words) == ["footer", "format"], "\(long)")
    }

    @Test(arguments: CompletionShell.allCases, ["-f", "-o", "-L", "--file"])
    func fileOptionsOfferFiles(_ shell: CompletionShell, option: String) throws {
        let directory = TemporaryDirectory(prefix: "pgentra-files")
        directory.write("script.sql", "select 1;\n")
        directory.write("schema.sql", "")
        directory.write("other.txt", "")
        let offer = try shell.complete("pgentra \(option) \(directory.path)/sc", in: environment)
        let names = Set(offer.words.map { ($0 as NSString).lastPathComponent })
        #expect(names == ["script.sql", "schema.sql"], "\(offer)")
    }

    /// `pgentra [form] -` offers every spelling of every option the form accepts, and nothing else.
    @Test(arguments: CompletionShell.allCases, Subcommand.allCases)
    func everyFormOffersExactlyTheOptionsItAccepts(_ shell: CompletionShell, command: Subcommand) throws {
        var expected: Set<String> = []
        for option in command.acceptedOptions {
            expected.formUnion(option.longNames.map { "--\($0)" })
            if let short = option.short { expected.insert("-\(short)") }
        }
        let line = command == .shell ? "pgentra -" : "pgentra \(command.rawValue) -"
        let offer = try shell.complete(line, in: environment)
        let offered = Set(offer.words.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 })
        #expect(offered.subtracting(expected).isEmpty, "\(shell) offers what \(command) rejects: \(offered.subtracting(expected).sorted())")
        #expect(expected.subtracting(offered).isEmpty, "\(shell) misses \(command) options: \(expected.subtracting(offered).sorted())")
    }

    /// After run's `--` the words are a command line of their own: a command first, then what
    /// the shell offers for it, and never pgentra's options.
    @Test(arguments: CompletionShell.allCases)
    func runCompletesTheCommandAfterDoubleDash(_ shell: CompletionShell) throws {
        let tool = environment.home.write("bin/pgentra-test-tool", "#!/bin/sh\n", mode: 0o755)
        let offer = try shell.complete("pgentra run -d app -- pgentra-test-to", in: environment)
        #expect(offer.words == [(tool as NSString).lastPathComponent], "\(offer)")
        let directory = TemporaryDirectory(prefix: "pgentra-files")
        directory.write("dump.sql", "")
        let argument = try shell.complete("pgentra run -- cat \(directory.path)/du", in: environment)
        #expect(argument.words.map { ($0 as NSString).lastPathComponent } == ["dump.sql"], "\(argument)")
        let noOptions = try shell.complete("pgentra run -- cat --print-e", in: environment)
        #expect(!noOptions.words.contains("--print-env"), "\(noOptions)")
    }
}
