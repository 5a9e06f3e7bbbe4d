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
        #expect(result.out.hasPrefix("""
            pgentra is a psql-style client for Azure Database for PostgreSQL that signs in
            with Microsoft Entra ID and fetches a fresh token whenever it connects.

            Usage:
              pgentra [OPTION]... [DBNAME [USERNAME]]       interactive shell, or a script

            """), "\(result.out)")
        for line in [
            "  -c, --command=COMMAND    run only single command (SQL or internal) and exit",
            "  -h, --host=HOSTNAME      database server host or socket directory",
            "  --credential=NAME        default, dev, prod, environment, workload-identity,",
            "  --password-auth          no Entra token: sign in like plain psql",
        ] {
            #expect(result.out.contains("\n\(line)\n"), "--help lacks: \(line)")
        }
        #expect(result.err.isEmpty)
    }

    /// Each subcommand's help begins with its own first line and usage, and lists its own options.
    @Test(arguments: [
        (Subcommand.exec, "pgentra exec runs SQL from scripts: every -c and -f in order, or stdin when\n",
         "  pgentra exec [OPTION]... [DBNAME [USERNAME]]\n", "  -f, --file=FILENAME      execute commands from file, then exit\n"),
        (.token, "pgentra token prints an access token for Azure Database for PostgreSQL and a\n",
         "  pgentra token [OPTION]...\n", "  --min-ttl=SECONDS        return a token with at least this lifetime left\n"),
        (.whoami, "pgentra whoami shows whom the token speaks for and the PostgreSQL role pgentra\n",
         "  pgentra whoami [OPTION]...\n", "  --role                   print only the role name\n"),
    ])
    func subcommandHelpIsItsOwn(_ command: Subcommand, first: String, usage: String, option: String) {
        let result = run([command.rawValue, "--help"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix(first), "\(result.out)")
        #expect(result.out.contains("\nUsage:\n\(usage)"), "\(result.out)")
        #expect(result.out.contains("\n\(option)"), "\(result.out)")
        #expect(result.out != run(["--help"]).out)
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
        #expect(run(["--help=options"]).out == run(["--help"]).out)
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
        #expect(result.out == "pgentra 0.1.0\n")
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
