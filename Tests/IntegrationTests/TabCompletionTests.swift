import Foundation
import TestSupport
import Testing

/// Tab completion in the real shell on a pseudo-terminal, against a real PostgreSQL: each
/// completed word is proved by running the statement it completed (a wrong completion names
/// a relation or column that does not exist). The server is this suite's own.
@Suite(.serialized) final class TabCompletionTests {
    static let server = Result { () throws -> PostgresServer in
        let server = try PostgresServer()
        let created = server.superuserSQL("""
            create table items (id int, quantity int, label text);
            grant select on items to public;
            """)
        guard created.status == 0 else { throw Failure(description: created.stderr) }
        return server
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private func shell() throws -> (PseudoTerminal, TestEnvironment) {
        let server = try Self.server.get()
        // A terminal without capabilities, as the other pty suites use: libedit still binds Tab.
        let environment = try ShellUnderTest.environment(server)
        let terminal = try PseudoTerminal(BuiltProducts.pgentra, ShellUnderTest.arguments(server), environment: environment.variables)
        return (terminal, environment)
    }

    /// A session of the shell at its first prompt, handed to `body`; then `\q` must end it.
    private func inShell(_ body: (PseudoTerminal) throws -> Void) throws {
        let (terminal, environment) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        try body(terminal)
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    /// Types `keys`, a statement its Tabs complete, and runs it: its result must end in `rows`
    /// and show `header`, and `prompt` must come back. A Tab that completed wrongly leaves a
    /// name the server refuses.
    private func run(_ terminal: PseudoTerminal, _ keys: String, rows: String = "(0 rows)", header: String, prompt: String = "postgres=> ") throws {
        terminal.send(keys)
        let result = try #require(terminal.expect(rows), "transcript: \(terminal.transcript)")
        #expect(result.contains(header), "transcript: \(terminal.transcript)")
        #expect(terminal.expect(prompt) != nil, "transcript: \(terminal.transcript)")
    }

    @Test func completesATableNameAQualifiedOneAndAColumn() throws {
        try inShell { terminal in

            // libedit redraws the prompt and line after a completion: wait for results, not prompts.
            try run(terminal, "select * from ite\t;\r", header: " id | quantity | label ")

            try run(terminal, "select id from public.it\t;\r", header: " id \r\n----\r\n")

            try run(terminal, "select label from items where qu\t= 1;\r", header: " label \r\n-------\r\n")

        }
    }

    /// Issue 14 item 4: in a select list, the columns of a FROM typed later on the line (the
    /// cursor moved back into the list), and an alias defined there.
    @Test func theSelectListCompletesFromAFromAfterTheCursor() throws {
        try inShell { terminal in
            // Ctrl-B, emacs's backward-char: libedit binds it on any terminal.
            let left = "\u{02}"

            // `select  from items;` with the cursor put back after `select `: quan<Tab> is quantity.
            try run(terminal, "select  from items;" + String(repeating: left, count: 12) + "quan\t\r", header: " quantity \r\n----------\r\n")

            // An alias that only comes later: i.la<Tab> is i.label.
            try run(terminal, "select  from items i;" + String(repeating: left, count: 14) + "i.la\t\r", header: " label \r\n-------\r\n")

        }
    }

    /// Past psql, in the clauses psql leaves alone: an alias's columns in WHERE, and the
    /// columns of GROUP BY and ORDER BY; each Tab that did not complete would leave a name the
    /// server refuses.
    @Test func whereGroupByAndOrderByCompleteTheirColumns() throws {
        try inShell { terminal in
            try run(terminal, "select label from items i where i.quan\t> 0 group by lab\torder by lab\t;\r", header: " label \r\n-------\r\n")
        }
    }

    /// Past psql: a function in a select list goes in as `name(`, and a listing shows each
    /// overload with its argument types.
    @Test func aFunctionGoesInWithItsParenthesisAndIsListedWithItsArgumentTypes() throws {
        try inShell { terminal in
            try run(terminal, "select initc\t'the end') as capped;\r", rows: "(1 row)", header: " capped  \r\n---------\r\n The End\r\n")

            // lower_inc and lower_inf: the first Tab puts in `lower_in`, the third lists.
            terminal.send("select lower_i\t\t\t")
            #expect(terminal.expect("lower_inc(anyrange)") != nil, "transcript: \(terminal.transcript)")
            #expect(terminal.transcript.contains("lower_inf(anyrange)"), "transcript: \(terminal.transcript)")
            terminal.send("\u{15}")
        }
    }

    @Test func completesAMetaCommandName() throws {
        try inShell { terminal in
            terminal.send("\\timi\t\r")
            #expect(terminal.expect("Timing is on.") != nil, "transcript: \(terminal.transcript)")
        }
    }

    @Test func aTableCreatedInTheSessionIsOfferedAfterTheDDL() throws {
        try inShell { terminal in

            // The first Tab fills the cache while the table does not exist yet.
            terminal.send("select * from fresh\t;\r")
            #expect(terminal.expect("relation \"fresh\" does not exist") != nil, "transcript: \(terminal.transcript)")
            #expect(terminal.expect("postgres=> ") != nil)

            terminal.send("create temp table freshly_made (x int);\r")
            #expect(terminal.expect("CREATE TABLE") != nil, "transcript: \(terminal.transcript)")
            #expect(terminal.expect("postgres=> ") != nil)

            try run(terminal, "select * from fresh\t;\r", header: " x \r\n---\r\n")

        }
    }

    @Test func aLostConnectionFoundByTabIsResetAndTheShellGoesOn() throws {
        try inShell { terminal in
            let server = try Self.server.get()
            let killed = server.superuserSQL(
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = '\(Fixtures.managedIdentityName)'")
            #expect(killed.status == 0, "\(killed.stderr)")

            // Tab on a dead connection resets it as psql does, completes nothing, and the line stays.
            let started = Date()
            terminal.send("select 'still' as here from ite\t")
            #expect(terminal.expect("The connection to the server was lost. Attempting reset: Succeeded.", timeout: 10) != nil,
                    "transcript: \(terminal.transcript)")
            #expect(Date().timeIntervalSince(started) < 5)
            terminal.send(";\r")
            #expect(terminal.expect("relation \"ite\" does not exist") != nil, "transcript: \(terminal.transcript)")
            #expect(terminal.expect("postgres=> ") != nil)

            try run(terminal, "select * from ite\t;\r", header: " id | quantity | label ")
        }
    }

    /// A superuser session on the reference psql holding `LOCK TABLE pg_class IN ACCESS
    /// EXCLUSIVE MODE` in an open transaction: every completion query, which reads pg_class,
    /// then waits on the server until `release` commits it.
    private final class CatalogLock {
        let terminal: PseudoTerminal

        init(_ server: PostgresServer) throws {
            terminal = try PseudoTerminal(References.psql, ["-X", server.superuserConninfo], environment: ["PATH": "/usr/bin:/bin"])
            // The reference psql reads whole lines: keys go at once, not after waiting for an editor.
            #expect(terminal.expect("postgres=# ") != nil, "transcript: \(terminal.transcript)")
            terminal.send(bytes: Array("begin;\rlock table pg_catalog.pg_class in access exclusive mode;\r".utf8))
            #expect(terminal.expect("LOCK TABLE") != nil, "transcript: \(terminal.transcript)")
        }

        /// What the managed identity's backend is doing (`active` while a query waits for the
        /// lock), read by the lock's holder: anyone else would wait for pg_class too.
        func stateOfTheShellsBackend() -> String? {
            terminal.send(bytes: Array("select 'state:' || string_agg(state, ',') from pg_stat_activity where usename = '\(Fixtures.managedIdentityName)';\r".utf8))
            // The row is the line starting " state:" (the echoed query has "'state:'"); its rest is the state.
            guard terminal.expect(" state:") != nil, let line = terminal.expect("\r\n") else { return nil }
            return line.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func release() {
            terminal.send(bytes: Array("commit;\r\\q\r".utf8))
            #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
        }
    }

    /// Issue 14 item 5: Tab gives its own query a second (psql would wait for the lock as long
    /// as it is held), then cancels it and offers nothing; the line is kept, the prompt answers
    /// and the server is not left running the query. Outside a transaction block.
    @Test func aTabOnALockedCatalogIsCancelledAfterASecondAndTheShellGoesOn() throws {
        try inShell { terminal in
            let lock = try CatalogLock(try Self.server.get())

            terminal.send("select 'kept' as line from ite")
            #expect(terminal.expect("from ite") != nil, "transcript: \(terminal.transcript)")
            let started = Date()
            // Tab, then keys that libedit reads only once the completion has given up.
            terminal.send("\tms;")
            #expect(terminal.expect("ms;", timeout: 10) != nil, "Tab gave up while the lock was held: \(terminal.transcript)")
            #expect(Date().timeIntervalSince(started) >= 0.9, "Tab waited its second")
            #expect(lock.stateOfTheShellsBackend() == "idle", "the query was cancelled, not left waiting")

            // The statement, `items` typed out in full, waits for the lock like any other, then runs.
            terminal.send("\r")
            lock.release()
            let table = try #require(terminal.expect("(0 rows)"), "transcript: \(terminal.transcript)")
            #expect(table.contains(" line \r\n------\r\n"), "transcript: \(terminal.transcript)")
            #expect(terminal.expect("postgres=> ") != nil)

            // A failure is not cached: the next Tab asks again and completes.
            try run(terminal, "select * from ite\t;\r", header: " id | quantity | label ")
        }
    }

    /// The same inside the user's transaction block: the completion query runs under a savepoint,
    /// so cancelling it neither aborts nor rolls back the block (its transaction-local setting
    /// survives, and COMMIT commits), and the savepoint is rolled back and gone.
    @Test func aTabCancelledInsideATransactionLeavesTheTransactionAsItWas() throws {
        try inShell { terminal in
            terminal.send("begin;\r")
            #expect(terminal.expect("BEGIN") != nil, "transcript: \(terminal.transcript)")
            terminal.send("select set_config('pgentra.kept', 'yes', true) as kept;\r")
            #expect(terminal.expect("(1 row)") != nil, "transcript: \(terminal.transcript)")
            #expect(terminal.expect("postgres=*> ") != nil, "transcript: \(terminal.transcript)")
            let lock = try CatalogLock(try Self.server.get())

            terminal.send("select current_setting('pgentra.kept') as setting from ite")
            #expect(terminal.expect("from ite") != nil, "transcript: \(terminal.transcript)")
            let started = Date()
            terminal.send("\tms;")
            #expect(terminal.expect("ms;", timeout: 10) != nil, "Tab gave up while the lock was held: \(terminal.transcript)")
            #expect(Date().timeIntervalSince(started) >= 0.9, "Tab waited its second")
            #expect(lock.stateOfTheShellsBackend() == "idle in transaction", "the query was cancelled, the block kept")

            terminal.send("\r")
            lock.release()
            let row = try #require(terminal.expect("(0 rows)"), "transcript: \(terminal.transcript)")
            #expect(row.contains(" setting \r\n---------\r\n"), "transcript: \(terminal.transcript)")
            #expect(terminal.expect("postgres=*> ") != nil, "still in the block, not in a failed one (=!>): \(terminal.transcript)")
            // The completion's savepoint is gone: releasing it fails (inside a probe savepoint,
            // whose rollback heals the block again); were it still there, it would be released.
            terminal.send("savepoint probe;\r")
            #expect(terminal.expect("SAVEPOINT") != nil, "transcript: \(terminal.transcript)")
            terminal.send("release savepoint pgentra_completion;\r")
            #expect(terminal.expect("savepoint \"pgentra_completion\" does not exist") != nil, "transcript: \(terminal.transcript)")
            terminal.send("rollback to savepoint probe;\r")
            #expect(terminal.expect("ROLLBACK") != nil, "transcript: \(terminal.transcript)")
            #expect(terminal.expect("postgres=*> ") != nil, "transcript: \(terminal.transcript)")
            try run(terminal, "select current_setting('pgentra.kept') as setting;\r", rows: "(1 row)", header: " yes\r\n", prompt: "postgres=*> ")
            terminal.send("commit;\r")
            #expect(terminal.expect("COMMIT") != nil, "transcript: \(terminal.transcript)")
        }
    }
}
