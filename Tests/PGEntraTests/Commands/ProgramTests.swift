import Testing
@testable import PGEntraCommands
@testable import PGEntraSystem

/// The whole program for the paths that end before any credential runs: help, version, argv errors,
/// invalid credential names and connection strings. Nothing here reads HOME or opens a socket.
@Suite struct ProgramTests {
    private func run(_ arguments: [String], _ variables: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
        let captured = Captured()
        let status = Program.run(
            arguments: arguments, environment: Environment(variables.merging(["HOME": "/nonexistent-pgentra-home"]) { a, _ in a }),
            console: captured.console)
        return (status, captured.outputText, captured.errorText)
    }

    @Test func helpGoesToStdoutAndExitsZero() {
        let result = run(["--help"])
        #expect(result.status == 0)
        #expect(result.out == HelpText.text(for: .shell))
        #expect(result.err.isEmpty)
    }

    @Test(arguments: [Subcommand.exec, .token, .whoami])
    func subcommandHelpIsItsOwn(_ command: Subcommand) {
        let result = run([command.rawValue, "--help"])
        #expect(result.status == 0)
        #expect(result.out == HelpText.text(for: command))
    }

    @Test func helpTopicsAreTheBackslashHelpTexts() {
        let commands = run(["--help=commands"])
        #expect(commands.status == 0)
        #expect(commands.out.hasPrefix("General\n"))
        #expect(commands.out.contains("connect to new database (currently no connection)"))
        #expect(commands.out.contains("\\refresh"))
        let variables = run(["--help=variables"])
        #expect(variables.status == 0)
        #expect(variables.out.hasPrefix("List of specially treated variables\n"))
        #expect(run(["--help=options"]).out == HelpText.text(for: .shell))
    }

    @Test func anUnknownHelpTopicIsRefusedWithPsqlsHintAlone() {
        let result = run(["--help=nosuch"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err == "pgentra: hint: Try \"pgentra --help\" for more information.\n")
    }

    @Test func versionGoesToStdoutAndExitsZero() {
        let result = run(["--version"])
        #expect(result.status == 0)
        #expect(result.out == "pgentra \(Product.version)\n")
        #expect(run(["-V"]).out == result.out)
    }

    @Test func aBadOptionExitsOneWithAPsqlStyleErrorAndHint() {
        let result = run(["--bogus"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err == "pgentra: unrecognized option '--bogus'\npgentra: hint: Try \"pgentra --help\" for more information.\n")
    }

    @Test func aSessionOptionGivenToTokenExitsOne() {
        let result = run(["token", "-c", "select 1"])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("pgentra: error: option \"-c\" is not accepted by \"pgentra token\"\n"))
    }

    @Test func aBadMinTTLExitsOne() {
        let result = run(["token", "--min-ttl", "abc"])
        #expect(result.status == 1)
        #expect(result.err.contains("invalid value \"abc\" for \"--min-ttl\""))
    }

    @Test func aBogusCredentialNameExitsOneNamingTheChoices() {
        let result = run(["token", "--credential", "bogus"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("pgentra: error: invalid value \"bogus\" for --credential"))
        #expect(result.err.contains("pgentra: hint: "))
    }

    @Test func aBogusAzureTokenCredentialsExitsOne() {
        let result = run(["whoami"], ["AZURE_TOKEN_CREDENTIALS": "bogus"])
        #expect(result.status == 1)
        #expect(result.err.contains("AZURE_TOKEN_CREDENTIALS"))
    }

    @Test func anInvalidConnectionStringExitsOne() {
        let result = run(["token", "-d", "host='unterminated", "--credential", "azure-cli"])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("pgentra: error: invalid connection string"))
    }
}
