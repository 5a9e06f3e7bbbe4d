import Testing
@testable import PGEntraCommands

@Suite struct ArgumentScannerTests {
    private func scan(_ arguments: [String]) throws(CommandLineError) -> ScannedArguments {
        try ArgumentScanner().scan(arguments)
    }

    private func pairs(_ scanned: ScannedArguments) -> [String] {
        scanned.options.map { "\($0.name.rawValue)=\($0.value ?? "nil")" }
    }

    private func error(_ arguments: [String]) -> CommandLineError? {
        do {
            _ = try Invocation(arguments: arguments)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Short options

    @Test func shortOptionsClusterLikeGetopt() throws {
        let scanned = try scan(["-At"])
        #expect(pairs(scanned) == ["noAlign=nil", "tuplesOnly=nil"])
        #expect(scanned.options.map(\.spelling) == ["-A", "-t"])
    }

    @Test func aClusterMayEndWithAnOptionThatTakesTheNextWord() throws {
        let scanned = try scan(["-Atc", "select 1"])
        #expect(pairs(scanned) == ["noAlign=nil", "tuplesOnly=nil", "command=select 1"])
    }

    @Test func shortOptionValuesMayBeAttached() throws {
        #expect(pairs(try scan(["-p5432"])) == ["port=5432"])
        #expect(pairs(try scan(["-p", "5432"])) == ["port=5432"])
    }

    @Test func attachedVariableKeepsItsEqualsSign() throws {
        #expect(pairs(try scan(["-vname=value"])) == ["set=name=value"])
        #expect(pairs(try scan(["-v", "ON_ERROR_STOP=1"])) == ["set=ON_ERROR_STOP=1"])
    }

    @Test func aLoneDashIsAPositionalWord() throws {
        let scanned = try scan(["-f", "-", "-"])
        #expect(pairs(scanned) == ["file=-"])
        #expect(scanned.positionals == ["-"])
    }

    // MARK: - Long options

    @Test func longOptionsTakeValuesAfterEqualsOrAsTheNextWord() throws {
        #expect(pairs(try scan(["--host=db.example"])) == ["host=db.example"])
        #expect(pairs(try scan(["--host", "db.example"])) == ["host=db.example"])
        #expect(pairs(try scan(["--host="])) == ["host="])
    }

    @Test func aUniquePrefixSelectsTheLongOption() throws {
        let scanned = try scan(["--ho", "db.example", "--userna=alice"])
        #expect(pairs(scanned) == ["host=db.example", "username=alice"])
        #expect(scanned.options.map(\.spelling) == ["--host", "--username"])
    }

    @Test func anExactLongNameWinsOverLongerOnes() throws {
        #expect(pairs(try scan(["--field-separator", ";"])) == ["fieldSeparator=;"])
        #expect(pairs(try scan(["--record-separator=x"])) == ["recordSeparator=x"])
    }

    @Test func alternativeLongNamesMapToTheSameOption() throws {
        #expect(pairs(try scan(["--variable=a=b", "--set", "c=d"])) == ["set=a=b", "set=c=d"])
    }

    @Test func anAmbiguousPrefixIsAnErrorListingTheCandidatesInPsqlsOrder() throws {
        // psql 18.6: option '--echo' is ambiguous; possibilities: '--echo-all' '--echo-queries' '--echo-errors' '--echo-hidden'
        #expect(throws: CommandLineError.ambiguousOption(
            "--echo", candidates: ["echo-all", "echo-queries", "echo-errors", "echo-hidden"])) {
            try scan(["--echo"])
        }
        #expect(error(["--ec=1"])?.description
            == "option '--ec=1' is ambiguous; possibilities: '--echo-all' '--echo-queries' '--echo-errors' '--echo-hidden'")
        // Names of one option are no ambiguity; after the first match only other options are listed.
        #expect(error(["--v"])?.description == "option '--v' is ambiguous; possibilities: '--variable' '--version'")
        #expect(pairs(try scan(["--var", "a=b"])) == ["set=a=b"])
    }

    @Test func aUniquePrefixIsTheOption() throws {
        #expect(pairs(try scan(["--comm", "select 1", "--cs", "--no-a"])) == ["command=select 1", "csv=nil", "noAlign=nil"])
        #expect(error(["--comm"])?.description == "option '--command' requires an argument")
    }

    @Test func aFlagGivenAValueIsRejected() {
        #expect(throws: CommandLineError.unexpectedArgument("--csv")) { try scan(["--csv=yes"]) }
        #expect(error(["--cs=yes"])?.description == "option '--csv' doesn't allow an argument")
    }

    @Test func helpTakesAnOptionalTopicOnlyWhenAttached() throws {
        let topic = try Invocation(arguments: ["--help=commands"])
        #expect(topic.help == .some("commands"))
        let bare = try Invocation(arguments: ["--help"])
        #expect(bare.help == .some(nil))
        let short = try Invocation(arguments: ["-?"])
        #expect(short.help == .some(nil))
        // getopt's optional arguments are attached only: the next word is a database name.
        let next = try Invocation(arguments: ["--help", "commands"])
        #expect(next.help == .some(nil))
        #expect(next.connection.dbname == "commands")
    }

    // MARK: - Positionals and --

    @Test func doubleDashEndsOptionsSoDashWordsBecomeTheDatabase() throws {
        let invocation = try Invocation(arguments: ["--", "-x"])
        #expect(invocation.connection.dbname == "-x")
        #expect(invocation.options.isEmpty)
        #expect(invocation.subcommand == .shell)
    }

    @Test func optionsAndPositionalsMixFreely() throws {
        let invocation = try Invocation(arguments: ["mydb", "-h", "srv", "alice", "-X"])
        #expect(invocation.connection.dbname == "mydb")
        #expect(invocation.connection.username == "alice")
        #expect(invocation.connection.host == "srv")
        #expect(invocation.has(.noPsqlrc))
    }

    @Test func repeatedCommandsAndFilesKeepTheirOrder() throws {
        let invocation = try Invocation(arguments: ["-c", "select 1", "-f", "a.sql", "--command=select 2", "-cselect 3"])
        let sequence = invocation.options.map { "\($0.name.rawValue):\($0.value ?? "")" }
        #expect(sequence == ["command:select 1", "file:a.sql", "command:select 2", "command:select 3"])
    }

    @Test func anExtraPositionalWordIsIgnoredWithPsqlsWarning() throws {
        let invocation = try Invocation(arguments: ["db", "user", "extra"])
        #expect(invocation.connection.dbname == "db")
        #expect(invocation.connection.username == "user")
        #expect(invocation.warnings == ["extra command-line argument \"extra\" ignored"])
    }

    @Test func explicitDatabaseAndUserLeavePositionalsAsExtras() throws {
        let invocation = try Invocation(arguments: ["-d", "db", "-U", "bob", "other"])
        #expect(invocation.connection.dbname == "db")
        #expect(invocation.connection.username == "bob")
        #expect(invocation.warnings == ["extra command-line argument \"other\" ignored"])
    }

    // MARK: - Subcommands

    @Test func aFirstWordNamingASubcommandSelectsIt() throws {
        #expect(try scan(["token"]).subcommand == .token)
        #expect(try scan(["whoami", "--json"]).subcommand == .whoami)
        #expect(try scan(["exec", "-c", "select 1"]).subcommand == .exec)
        #expect(try scan([]).subcommand == .shell)
        #expect(try scan(["shell"]).subcommand == .shell)
        #expect(try scan(["shell"]).positionals == ["shell"])
    }

    @Test func optionsBeforeTheSubcommandWordAreKept() throws {
        let invocation = try Invocation(arguments: ["-h", "host", "token"])
        #expect(invocation.subcommand == .token)
        #expect(invocation.connection.host == "host")
        #expect(invocation.connection.dbname == nil)
    }

    @Test func aDatabaseNamedLikeASubcommandIsReachedWithDashD() throws {
        let invocation = try Invocation(arguments: ["-d", "token"])
        #expect(invocation.subcommand == .shell)
        #expect(invocation.connection.dbname == "token")
    }

    @Test func aDatabaseNamedLikeASubcommandIsReachedAfterDoubleDash() throws {
        let invocation = try Invocation(arguments: ["--", "token"])
        #expect(invocation.subcommand == .shell)
        #expect(invocation.connection.dbname == "token")
    }

    @Test func onlyTheFirstPositionalWordCanBeASubcommand() throws {
        let invocation = try Invocation(arguments: ["mydb", "token"])
        #expect(invocation.subcommand == .shell)
        #expect(invocation.connection.dbname == "mydb")
        #expect(invocation.connection.username == "token")
    }

    /// `pgentra exec [OPTIONS] [DBNAME [USERNAME]]`: after the subcommand word, a second
    /// subcommand-like word is the database, never silently dropped.
    @Test func aWordAfterTheSubcommandNamedLikeAnotherSubcommandIsTheDatabase() throws {
        let invocation = try Invocation(arguments: ["exec", "whoami"])
        #expect(invocation.subcommand == .exec)
        #expect(invocation.connection.dbname == "whoami")
    }

    @Test func subcommandOptionsAreAcceptedAfterTheWord() throws {
        let invocation = try Invocation(arguments: ["token", "--json", "--min-ttl", "600"])
        #expect(invocation.subcommand == .token)
        #expect(invocation.json)
        #expect(invocation.minimumLifetime == 600)
        let whoami = try Invocation(arguments: ["whoami", "--role"])
        #expect(whoami.roleOnly)
    }

    @Test func tokenRejectsSessionOptions() {
        #expect(throws: CommandLineError.optionNotAccepted("-c", command: "pgentra token")) {
            try scan(["token", "-c", "select 1"])
        }
        #expect(error(["token", "-c", "select 1"])?.description == "option \"-c\" is not accepted by \"pgentra token\"")
        // Before the subcommand word too.
        #expect(throws: CommandLineError.optionNotAccepted("-c", command: "pgentra token")) {
            try scan(["-c", "select 1", "token"])
        }
        #expect(throws: CommandLineError.optionNotAccepted("-A", command: "pgentra token")) {
            try scan(["token", "-At"])
        }
    }

    @Test func subcommandOnlyOptionsAreRejectedByTheShell() {
        #expect(throws: CommandLineError.optionNotAccepted("--role", command: "pgentra")) {
            try scan(["--role"])
        }
        #expect(throws: CommandLineError.optionNotAccepted("--min-ttl", command: "pgentra whoami")) {
            try scan(["whoami", "--min-ttl=5"])
        }
    }

    @Test func credentialOptionsAreAcceptedByEveryForm() throws {
        for form in [[], ["exec"], ["token"], ["whoami"]] {
            let invocation = try Invocation(arguments: form + [
                "--credential", "azure-cli", "--tenant=t", "--client-id", "c", "--scope", "s", "--no-token-cache", "--debug",
            ])
            #expect(invocation.credentials == CredentialOptions(
                credential: "azure-cli", tenant: "t", clientID: "c", scope: "s", noTokenCache: true, debug: true))
        }
    }

    // MARK: - Errors

    @Test func aMissingArgumentIsReportedInGlibcsWords() {
        #expect(throws: CommandLineError.missingShortArgument("c")) { try scan(["-c"]) }
        #expect(throws: CommandLineError.missingArgument("--host")) { try scan(["--host"]) }
        #expect(throws: CommandLineError.missingShortArgument("p")) { try scan(["-At", "-p"]) }
        #expect(error(["-c"])?.description == "option requires an argument -- 'c'")
        #expect(error(["--file"])?.description == "option '--file' requires an argument")
    }

    @Test func unknownOptionsAreReportedInGlibcsWords() {
        #expect(throws: CommandLineError.invalidOption("Y")) { try scan(["-Y"]) }
        #expect(throws: CommandLineError.unrecognizedOption("--bogus=1")) { try scan(["--bogus=1"]) }
        #expect(throws: CommandLineError.invalidOption("Y")) { try scan(["-AY"]) }
        #expect(error(["--bogus"])?.description == "unrecognized option '--bogus'")
        #expect(error(["---x"])?.description == "unrecognized option '---x'")
        #expect(error(["-Y"])?.description == "invalid option -- 'Y'")
    }

    @Test func helpInsideAClusterIsOnlyTheHint() throws {
        #expect(throws: CommandLineError.unknownHelpRequest) { try scan(["-?x"]) }
        #expect(throws: CommandLineError.unknownHelpRequest) { try scan(["-x?"]) }
        #expect(pairs(try scan(["-?"])) == ["help=nil"])
    }

    @Test func minTTLMustBeAWholeNumberOfSeconds() {
        for bad in ["abc", "-5", "1.5", ""] {
            #expect(throws: CommandLineError.invalidValue(
                option: "--min-ttl", value: bad, expected: "a whole number of seconds")) {
                try Invocation(arguments: ["token", "--min-ttl", bad])
            }
        }
        #expect(error(["token", "--min-ttl", "abc"])?.description
            == "invalid value \"abc\" for \"--min-ttl\": a whole number of seconds")
    }

    @Test func minTTLAcceptsZeroAndAttachedValues() throws {
        #expect(try Invocation(arguments: ["token", "--min-ttl=0"]).minimumLifetime == 0)
        #expect(try Invocation(arguments: ["token", "--min-t", "3600"]).minimumLifetime == 3600)
    }

    @Test func versionIsAcceptedByEveryForm() throws {
        #expect(try Invocation(arguments: ["-V"]).version)
        #expect(try Invocation(arguments: ["token", "--version"]).version)
        #expect(try Invocation(arguments: ["whoami", "--version"]).version)
    }

    // MARK: - pgentra run

    /// Everything after `--` is the command, untouched, however much it looks like pgentra's
    /// options (as env(1) and sudo treat theirs).
    @Test func runTakesEveryWordAfterDoubleDashAsTheCommand() throws {
        let invocation = try Invocation(arguments: [
            "run", "-h", "db", "--min-ttl=60", "app", "--", "psql", "-c", "select 1", "--", "-U", "x",
        ])
        #expect(invocation.subcommand == .run)
        #expect(invocation.command == ["psql", "-c", "select 1", "--", "-U", "x"])
        #expect(invocation.connection.host == "db")
        #expect(invocation.connection.dbname == "app")
        #expect(invocation.connection.username == nil)
        #expect(invocation.minimumLifetime == 60)
        #expect(try Invocation(arguments: ["-h", "db", "run", "--", "true"]).command == ["true"])
    }

    @Test func runWithoutACommandIsAClearError() {
        for arguments in [["run"], ["run", "--"], ["run", "psql", "-c", "select 1"], ["run", "-h", "db", "pg_dump"]] {
            #expect(throws: CommandLineError.missingCommand, "\(arguments)") { try Invocation(arguments: arguments) }
        }
        #expect(error(["run"])?.description
            == "\"pgentra run\" needs the command to run after \"--\", as in: pgentra run -- pg_dump -f app.sql")
        #expect(error(["run"])?.isGetoptMessage == false)
    }

    @Test func printEnvNeedsNoCommandAndTakesNone() throws {
        #expect(try Invocation(arguments: ["run", "--print-env"]).printEnvironment)
        #expect(try Invocation(arguments: ["run", "--print-env", "-d", "app"]).command.isEmpty)
        #expect(throws: CommandLineError.optionNotAccepted("--print-env", command: "pgentra run -- COMMAND")) {
            try Invocation(arguments: ["run", "--print-env", "--", "env"])
        }
        #expect(throws: CommandLineError.optionNotAccepted("--print-env", command: "pgentra token")) {
            try Invocation(arguments: ["token", "--print-env"])
        }
        // Help and the version need no command either.
        #expect(try Invocation(arguments: ["run", "--help"]).help != nil)
        #expect(try Invocation(arguments: ["run", "-V"]).version)
    }

    @Test func runRefusesTheSessionOptions() {
        #expect(throws: CommandLineError.optionNotAccepted("-c", command: "pgentra run")) {
            try Invocation(arguments: ["run", "-c", "select 1", "--", "true"])
        }
    }

    /// run's and proxy's options take their full names only, so psql's prefixes keep their meaning.
    @Test func newSubcommandOptionsDoNotChangePsqlsPrefixes() throws {
        #expect(try scan(["--lis"]).options.map(\.name) == [.list])
        #expect(try scan(["--ver"]).options.map(\.name) == [.version])
        #expect(try scan(["--lo", "f"]).options.map(\.name) == [.logFile])
        #expect(try scan(["proxy", "--listen", "127.0.0.1:1", "--verbose", "--grace=2"]).options.map(\.name) == [.listen, .verbose, .grace])
        #expect(throws: CommandLineError.unrecognizedOption("--gra")) { try scan(["proxy", "--gra"]) }
        #expect(throws: CommandLineError.unrecognizedOption("--print-e")) { try scan(["run", "--print-e"]) }
    }
}
