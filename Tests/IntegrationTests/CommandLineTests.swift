import PGEntraCommands
import TestSupport
import Testing

/// The real binary's help, version and option errors.
@Suite struct CommandLineTests {
    /// getopt's messages begin with argv[0], as glibc prints them for psql; pgentra's own
    /// option errors are psql-style `pgentra: error:` lines.
    @Test func unknownOptionsArePsqlStyleErrors() {
        let environment = TestEnvironment()
        let getopt = [
            ["--bogus"]: "unrecognized option '--bogus'", ["-k"]: "invalid option -- 'k'",
            ["-h"]: "option requires an argument -- 'h'",
        ]
        for arguments in [["--bogus"], ["-k"], ["token", "-c", "select 1"], ["token", "--min-ttl", "soon"], ["-h"]] {
            let result = environment.pgentra(arguments)
            #expect(result.status == 1, "\(arguments)")
            let first = getopt[arguments].map { "\(BuiltProducts.pgentra): \($0)\n" } ?? "pgentra: error: "
            #expect(result.stderr.hasPrefix(first), "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasSuffix("pgentra: hint: Try \"pgentra --help\" for more information.\n"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test(arguments: [[], ["exec"], ["token"], ["whoami"], ["run"], ["proxy"]])
    func helpFitsEightyColumnsAndExitsZero(prefix: [String]) {
        let result = TestEnvironment().pgentra(prefix + ["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        for line in result.stdout.split(separator: "\n") {
            #expect(line.count <= 80, "too wide: \(line)")
        }
    }

    @Test func theHelpTextsTogetherListEveryOption() {
        let environment = TestEnvironment()
        let help = [[], ["token"], ["whoami"], ["run"], ["proxy"]].map { environment.pgentra($0 + ["--help"]).stdout }.joined()
        let spellings = OptionName.allCases.flatMap { ["--\($0.longNames[0])"] + ($0.short.map { ["-\($0)"] } ?? []) }
        #expect(HelpOptions.unlisted(spellings, in: help) == [], "--help lacks these")
    }

    @Test func versionPrintsTheVersion() {
        let result = TestEnvironment().pgentra(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "pgentra 0.1.0\n")
        #expect(TestEnvironment().pgentra(["-V"]).stdout == result.stdout)
    }
}
