import Testing
@testable import PGEntraDatabase
@testable import PGEntraScanner
@testable import PGEntraShell

/// PROMPT1/2/3 escapes (psql-compat.md §5) on plain values: no server, no terminal.
@Suite struct PromptTests {
    private func context(
        host: String = "127.0.0.1", user: String = "alice", database: String = "postgres",
        superuser: Bool = false, transaction: Connection.TransactionState = .idle
    ) -> Prompt.Context {
        var context = Prompt.Context()
        context.connection = Prompt.ConnectionInfo(
            host: host, port: "5432", user: user, database: database, backendPID: 4242,
            isSuperuser: superuser, transaction: transaction)
        context.variable = { ["app": "ledger", "n": ""][$0] }
        return context
    }

    @Test func defaultPromptsMatchPsql() {
        #expect(Prompt.render(Variables.defaults["PROMPT1"]!, context()) == "postgres=> ")
        #expect(Prompt.render(Variables.defaults["PROMPT1"]!, context(superuser: true)) == "postgres=# ")
        var continuing = context()
        continuing.status = .continuation(.continuing)
        #expect(Prompt.render(Variables.defaults["PROMPT2"]!, continuing) == "postgres-> ")
        #expect(Prompt.render(Variables.defaults["PROMPT3"]!, context()) == ">> ")
    }

    @Test(arguments: [
        (Continuation.singleQuote, "postgres'> "), (.doubleQuote, "postgres\"> "), (.dollarQuote, "postgres$> "),
        (.comment, "postgres*> "), (.parenthesis, "postgres(> "),
    ])
    func continuationMarkerShowsWhatIsOpen(continuation: Continuation, expected: String) {
        var context = context()
        context.status = .continuation(continuation)
        #expect(Prompt.render(Variables.defaults["PROMPT2"]!, context) == expected)
    }

    /// psql 18's %P: the pipeline status while connected, nothing without a connection.
    @Test func pipelineStatus() {
        var context = context()
        #expect(Prompt.render("%P", context) == "off")
        context.connection?.pipeline = .on
        #expect(Prompt.render("%P", context) == "on")
        context.connection?.pipeline = .aborted
        #expect(Prompt.render("[%P]", context) == "[abort]")
        context.connection = nil
        #expect(Prompt.render("[%P]", context) == "[]")
    }

    /// psql 18's %s: the SERVICE variable, which SyncVariables sets from the connection's service.
    @Test func serviceName() {
        var context = context()
        #expect(Prompt.render("[%s]", context) == "[]")
        context.variable = { $0 == "SERVICE" ? "reporting" : nil }
        #expect(Prompt.render("[%s]", context) == "[reporting]")
    }

    @Test func transactionStatusMarkers() {
        #expect(Prompt.render("%x", context(transaction: .inTransaction)) == "*")
        #expect(Prompt.render("%x", context(transaction: .active)) == "*")
        #expect(Prompt.render("%x", context(transaction: .failed)) == "!")
        #expect(Prompt.render("%x", context(transaction: .unknown)) == "?")
        #expect(Prompt.render("%/%R%x%# ", context(superuser: true, transaction: .failed)) == "postgres=!# ")
    }

    @Test func readyMarkerForSingleLineInactiveBranchAndNoConnection() {
        var single = context()
        single.singleLine = true
        #expect(Prompt.render("%R", single) == "^")
        var inactive = context()
        inactive.conditionalActive = false
        #expect(Prompt.render("%R", inactive) == "@")
        var copy = context()
        copy.status = .copy
        #expect(Prompt.render("%R", copy) == "")
        #expect(Prompt.render(Variables.defaults["PROMPT1"]!, Prompt.Context()) == "!?> ")
    }

    @Test func hostEscapes() {
        #expect(Prompt.render("%M|%m", context(host: "db.example.com")) == "db.example.com|db")
        #expect(Prompt.render("%m", context(host: "127.0.0.1")) == "127")
        #expect(Prompt.render("%M|%m", context(host: "/var/run/postgresql")) == "[local]|[local]")
        #expect(Prompt.render("%M|%m", context(host: "/tmp")) == "[local:/tmp]|[local]")
        #expect(Prompt.render("%M%m", Prompt.Context()) == "")
    }

    @Test func connectionEscapes() {
        #expect(Prompt.render("%n@%/:%> pid %p", context()) == "alice@postgres:5432 pid 4242")
        #expect(Prompt.render("%~", context()) == "postgres")
        #expect(Prompt.render("%~", context(user: "postgres")) == "~")
        var fromEnvironment = context()
        fromEnvironment.environmentDatabase = "postgres"
        #expect(Prompt.render("%~", fromEnvironment) == "~")
    }

    @Test func lineVariablesOctalPercentAndInvisibleSpans() {
        var context = context()
        context.statementLine = 3
        #expect(Prompt.render("%l", context) == "3")
        #expect(Prompt.render("[%:app:|%:n:|%:missing:]", context) == "[ledger||]")
        #expect(Prompt.render("%033[1m%%", context) == "\u{1B}[1m%")
        #expect(Prompt.render("%[%033[1m%]db", context) == "\u{1}\u{1B}[1m\u{2}db")
        #expect(Prompt.render("%q", context) == "q")
        #expect(Prompt.render("x%", context) == "x")
    }

    @Test func commandOutputAndWidthOfLastPrompt() {
        var context = context()
        context.runCommand = { $0 == "echo hi" ? "hi\n" : "" }
        #expect(Prompt.render("%`echo hi`>", context) == "hi>")
        context.lastPrompt1Width = 4
        #expect(Prompt.render("%w", context) == "    ")
        #expect(Prompt.visibleWidth("\u{1}\u{1B}[1m\u{2}db=> ") == 5)
    }
}
