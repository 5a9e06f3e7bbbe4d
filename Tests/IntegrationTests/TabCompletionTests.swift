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

    @Test func completesATableNameAQualifiedOneAndAColumn() throws {
        let (terminal, environment) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")

        // libedit redraws the prompt and line after a completion: wait for results, not prompts.
        terminal.send("select * from ite\t;\r")
        let table = try #require(terminal.expect("(0 rows)"), "transcript: \(terminal.transcript)")
        #expect(table.contains(" id | quantity | label "), "transcript: \(terminal.transcript)")
        #expect(terminal.expect("postgres=> ") != nil)

        terminal.send("select id from public.it\t;\r")
        let qualified = try #require(terminal.expect("(0 rows)"), "transcript: \(terminal.transcript)")
        #expect(qualified.contains(" id \r\n----\r\n"), "transcript: \(terminal.transcript)")
        #expect(terminal.expect("postgres=> ") != nil)

        terminal.send("select label from items where qu\t= 1;\r")
        let column = try #require(terminal.expect("(0 rows)"), "transcript: \(terminal.transcript)")
        #expect(column.contains(" label \r\n-------\r\n"), "transcript: \(terminal.transcript)")
        #expect(terminal.expect("postgres=> ") != nil)

        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    @Test func completesAMetaCommandName() throws {
        let (terminal, environment) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\\timi\t\r")
        #expect(terminal.expect("Timing is on.") != nil, "transcript: \(terminal.transcript)")
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    @Test func aTableCreatedInTheSessionIsOfferedAfterTheDDL() throws {
        let (terminal, environment) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")

        // The first Tab fills the cache while the table does not exist yet.
        terminal.send("select * from fresh\t;\r")
        #expect(terminal.expect("relation \"fresh\" does not exist") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.expect("postgres=> ") != nil)

        terminal.send("create temp table freshly_made (x int);\r")
        #expect(terminal.expect("CREATE TABLE") != nil, "transcript: \(terminal.transcript)")
        #expect(terminal.expect("postgres=> ") != nil)

        terminal.send("select * from fresh\t;\r")
        let after = try #require(terminal.expect("(0 rows)"), "transcript: \(terminal.transcript)")
        #expect(after.contains(" x \r\n---\r\n"), "transcript: \(terminal.transcript)")

        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }

    @Test func aLostConnectionFoundByTabIsResetAndTheShellGoesOn() throws {
        let (terminal, environment) = try shell()
        defer { withExtendedLifetime(environment) {} }
        #expect(terminal.expect("postgres=> ") != nil, "transcript: \(terminal.transcript)")
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

        terminal.send("select * from ite\t;\r")
        let after = try #require(terminal.expect("(0 rows)"), "transcript: \(terminal.transcript)")
        #expect(after.contains(" id | quantity | label "), "transcript: \(terminal.transcript)")
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0, "transcript: \(terminal.transcript)")
    }
}
