import Foundation
import Synchronization
import TestSupport
import Testing
@testable import PGEntraCommands

/// Issue 12, item 5: the clients Microsoft's token-refresh samples were written for, used as an
/// application uses them, with no token code in them, through `pgentra run` and through
/// `pgentra proxy`; against a real PostgreSQL that takes TLS with a cleartext password, as Azure
/// does, whose role passwords are the emulator's tokens and expire with them (VALID UNTIL).
/// Serialized: every test's emulator sets the passwords of the same roles on the suite's server.
@Suite(.serialized) struct ClientLibraryTests {
    static let hostName = "pg.pgentra.test"

    /// Room for 200 clients at once, the pools and the superuser.
    static let stack = Result {
        try TLSPostgres(hostName: hostName, hba: ["local all all trust", "hostssl all all 127.0.0.1/32 password"],
                        setup: """
                            create role diff_group;
                            create role "\(Fixtures.managedIdentityName)" login;
                            create database dumpdb owner "\(Fixtures.managedIdentityName)";
                            """,
                        maxConnections: 260)
    }

    /// The emulator (tokens living `lifetime` seconds) and an environment that signs in as the
    /// managed identity `pg-reader`.
    private func environment(lifetime: Int? = nil) throws -> (TestEnvironment, IdentityEmulator, TLSPostgres) {
        try ClientProgram.verify()
        let stack = try Self.stack.get()
        let emulator = try Fixtures.emulator(lifetime.map { ["--lifetime", "\($0)"] } ?? [], postgres: stack.server)
        let environment = clientEnvironment(emulator, stack)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        return (environment, emulator, stack)
    }

    /// A new HOME with `emulator` as Entra, the server's name resolving to 127.0.0.1, the test
    /// CA as PGSSLROOTCERT, and the clients' libraries.
    private func clientEnvironment(_ emulator: IdentityEmulator, _ stack: TLSPostgres) -> TestEnvironment {
        let environment = TestEnvironment(emulator: emulator)
        environment["PGSSLROOTCERT"] = stack.certificates.caCertificate
        environment.resolve(Self.hostName)
        for (name, value) in ClientProgram.environment(certificateAuthority: stack.certificates.caCertificate) {
            environment[name] = value
        }
        return environment
    }

    private func proxy(_ environment: TestEnvironment, _ stack: TLSPostgres, _ extra: [String] = []) throws -> (ProxyProcess, Int) {
        let port = ChildProcess.freePort()
        let proxy = try ProxyProcess(
            ["-h", Self.hostName, "-p", "\(stack.server.port)", "--listen", "127.0.0.1:\(port)"] + extra, environment: environment)
        return (proxy, port)
    }

    /// What a client of the proxy is given: its address and a user name, no password, no TLS.
    private func proxyClient(_ environment: TestEnvironment, port: Int, database: String = "postgres") -> [String: String] {
        var variables = environment.variables
        variables["PGSSLROOTCERT"] = nil
        // The proxy's address is a number: no nss_wrapper, whose getaddrinfo corrupts the heap
        // of a client that connects from several threads at once (3 or 4 runs in 12 of 200
        // psycopg2 threads aborted with it, none in 12 without it).
        variables["LD_PRELOAD"] = nil
        variables["NSS_WRAPPER_HOSTS"] = nil
        variables.merge(["PGHOST": "127.0.0.1", "PGPORT": "\(port)", "PGUSER": Fixtures.managedIdentityName,
                         "PGDATABASE": database, "PGCONNECT_TIMEOUT": "20"]) { $1 }
        return variables
    }

    private func runArguments(_ stack: TLSPostgres, database: String = "postgres") -> [String] {
        ["run", "-h", Self.hostName, "-p", "\(stack.server.port)", "-d", database]
    }

    /// Each client, once through `run` (TLS verify-full to the server's name, the token as
    /// PGPASSWORD) and once through the proxy (plain on loopback, TLS from the proxy on): both
    /// times it is the managed identity's role on a TLS connection.
    @Test(arguments: ClientProgram.all)
    func eachClientConnectsThroughRunAndThroughTheProxy(client: ClientProgram) throws {
        let (environment, _, stack) = try environment()
        let ran = environment.pgentra(runArguments(stack) + ["--"] + client.commandUnderRun + ["once"], timeout: 90)
        #expect(ran.status == 0, "\(client) under run: \(ran.stderr)")
        let direct = try #require(ClientProgram.objects(ran.stdout).first, "\(client): \(ran.stdout) \(ran.stderr)")
        #expect(direct["user"] as? String == Fixtures.managedIdentityName)
        #expect(direct["ssl"] as? Bool == true)

        let (proxy, port) = try proxy(environment, stack)
        let proxied = ChildProcess.run(client.command[0], Array(client.command.dropFirst()) + ["once"],
                                       environment: proxyClient(environment, port: port), timeout: 90)
        #expect(proxied.status == 0, "\(client) through the proxy: \(proxied.stderr)\nproxy: \(proxy.output)")
        let relayed = try #require(ClientProgram.objects(proxied.stdout).first, "\(client): \(proxied.stdout) \(proxied.stderr)")
        #expect(relayed["user"] as? String == Fixtures.managedIdentityName)
        #expect(relayed["ssl"] as? Bool == true, "the proxy's own connection to the server is TLS")
        #expect(proxy.stop() == 0)
    }

    /// Every pool opens two connections, waits until the token they were made with has expired
    /// (30-second tokens, a 35-second wait), then needs four at once, so new physical
    /// connections, which the server saw start after that token's end. Through the proxy each one succeeds. The same programs under `run`,
    /// whose PGPASSWORD is the token it started with, are the control: their new connections
    /// are refused, which is the failure this proxy exists to remove.
    @Test func poolsOpenedBeforeTheTokenExpiredOpenNewConnectionsAfterIt() throws {
        let (environment, emulator, stack) = try environment(lifetime: 30)
        let (proxy, port) = try proxy(environment, stack)
        let firstExpiry = try #require(emulator.issued().first { $0["role"] as? String == Fixtures.managedIdentityName }?["exp"] as? Int)
        let wait = "35"

        // The control signs in as the service principal `sp-app` (an app's token names no role,
        // so it is given), and its token is not the proxy's: each issued token replaces its
        // role's password.
        let control = clientEnvironment(emulator, stack)
        control["AZURE_TENANT_ID"] = Fixtures.tenant
        control["AZURE_CLIENT_ID"] = Fixtures.clientID
        control["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret

        let clients = ClientProgram.all
        // One `run` starts the five controls, so they share its one token (another fetch would
        // replace the role's password under the first); each writes files of its own.
        let script = clients.indices.map { index in
            (clients[index].commandUnderRun + ["pool", wait]).map(RunCommand.shellQuoted).joined(separator: " ")
                + " >\(RunCommand.shellQuoted(control.home.file("out.\(index)"))) 2>\(RunCommand.shellQuoted(control.home.file("err.\(index)"))) &"
        }.joined(separator: "\n") + "\nwait\n"
        let controls = control.home.write("controls.sh", script, mode: 0o644)

        // A thread each: all of them wait out the same token at the same time.
        let finished = Mutex([ChildProcess.Result?](repeating: nil, count: clients.count + 1))
        let group = DispatchGroup()
        for index in 0...clients.count {
            group.enter()
            Thread {
                let result = index < clients.count
                    ? ChildProcess.run(clients[index].command[0], Array(clients[index].command.dropFirst()) + ["pool", wait],
                                       environment: proxyClient(environment, port: port), timeout: 120)
                    : control.pgentra(runArguments(stack) + ["-U", Fixtures.servicePrincipalRole, "--min-ttl", "10", "--",
                                                             "/bin/sh", controls], timeout: 120)
                finished.withLock { $0[index] = result }
                group.leave()
            }.start()
        }
        group.wait()
        let results = finished.withLock { $0 }

        for (index, client) in clients.enumerated() {
            let result = try #require(results[index])
            #expect(result.status == 0, "\(client) through the proxy: \(result.stderr)\nproxy: \(proxy.output)")
            let lines = ClientProgram.objects(result.stdout)
            let before = lines.first?["before"] as? [[String: Any]] ?? []
            let after = lines.last?["after"] as? [[String: Any]] ?? []
            #expect(before.count == 2, "\(client): \(result.stdout)")
            #expect(after.count == 4, "\(client): \(result.stdout)")
            #expect(after.allSatisfy { $0["user"] as? String == Fixtures.managedIdentityName })
            let opened = after.filter { ($0["started"] as? Double).map { $0 > Double(firstExpiry) } == true }
            // At least one: a pool may have opened a spare connection before (psycopg_pool grows
            // ahead of demand), but four at once are more than the two it needed then.
            #expect(opened.count >= 1, "\(client) opened a new physical connection after the first token expired: \(result.stdout)")

            let output = (try? String(contentsOfFile: control.home.file("out.\(index)"), encoding: .utf8)) ?? ""
            let errors = (try? String(contentsOfFile: control.home.file("err.\(index)"), encoding: .utf8)) ?? ""
            let first = ClientProgram.objects(output).first?["before"] as? [[String: Any]]
            #expect(first?.count == 2, "\(client) under run signed in while its token was valid: \(errors)")
            #expect(ClientProgram.objects(output).count == 1, "\(client) under run went on after its token expired: \(output)")
            #expect(errors.contains("password authentication failed"), "\(client) under run: \(errors)")
        }
        let databaseTokens = emulator.issued().filter {
            ($0["resource"] as? String)?.contains("ossrdbms") == true && $0["role"] as? String == Fixtures.managedIdentityName
        }
        #expect(databaseTokens.count >= 2, "the proxy renewed its token while the pools waited")
        #expect(proxy.stop() == 0)
        #expect(!proxy.output.contains("eyJ"), "no token in the proxy's log")
    }

    /// pg_dump through `run` and through the proxy writes the same dump as over the server's own
    /// socket, byte for byte. pg_dump 17.10: the 18.6 wheel's is built without OpenSSL, and `run`
    /// asks for verify-full to a remote host.
    @Test func pgDumpThroughRunAndThroughTheProxyEqualsADirectDump() throws {
        let (environment, _, stack) = try environment()
        let loaded = stack.server.superuserScript("set role \"\(Fixtures.managedIdentityName)\";\n" + DumpRestoreFixture.sql, database: "dumpdb")
        try #require(loaded.status == 0, "\(loaded.stderr)")
        defer { stack.server.superuserSQL("drop schema shop cascade; drop table plain_nulls", database: "dumpdb") }
        let pgDump = "\(PostgresRelease.v17.binaries)/pg_dump"
        let options = ["--restrict-key=pgentra", "--no-sync"]

        let direct = ChildProcess.run(pgDump, options + ["-h", stack.server.socketDirectory, "-p", "\(stack.server.port)",
                                                         "-U", Fixtures.managedIdentityName, "dumpdb"],
                                      environment: ["PATH": "/usr/bin:/bin"])
        try #require(direct.status == 0, "\(direct.stderr)")
        #expect(direct.stdout.contains("CREATE TABLE shop.items") && direct.stdout.contains("COPY shop.orders"))

        let ran = environment.pgentra(runArguments(stack, database: "dumpdb") + ["--", pgDump] + options)
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(ran.stdout == direct.stdout, "pg_dump under run differs from a direct dump")

        let (proxy, port) = try proxy(environment, stack)
        let proxied = ChildProcess.run(pgDump, options, environment: proxyClient(environment, port: port, database: "dumpdb"))
        #expect(proxied.status == 0, "\(proxied.stderr)\nproxy: \(proxy.output)")
        #expect(proxied.stdout == direct.stdout, "pg_dump through the proxy differs from a direct dump")
        #expect(proxy.stop() == 0)
    }

    /// Ctrl-C at psql's terminal, with a `pg_sleep` running through the proxy: psql sends its
    /// CancelRequest to the proxy, which passes it on with the server's key.
    @Test func ctrlCThroughTheProxyStopsAQuery() throws {
        let (environment, _, stack) = try environment()
        let (proxy, port) = try proxy(environment, stack)
        let terminal = try PseudoTerminal(References.psql, ["-X"], environment: proxyClient(environment, port: port))
        #expect(terminal.expect("postgres=>") != nil, "\(terminal.transcript)")
        terminal.send("select pg_sleep(60);\r")
        #expect(stack.server.waitForQuery(like: "select pg_sleep(60)%"), "the query reached the server: \(terminal.transcript)")
        let began = Date()
        terminal.interrupt()
        #expect(terminal.expect("canceling statement due to user request") != nil, "\(terminal.transcript)")
        #expect(Date().timeIntervalSince(began) < 10)
        terminal.send("select 'still here';\r")
        #expect(terminal.expect("still here\r\n") != nil, "\(terminal.transcript)")
        terminal.send("\\q\r")
        #expect(terminal.waitForExit() == 0)
        #expect(proxy.stop() == 0)
    }

    /// Two hundred client processes open, query and close at once, and every one succeeds.
    @Test func twoHundredClientsAtOnce() throws {
        let (environment, _, stack) = try environment()
        let (proxy, port) = try proxy(environment, stack, ["--max-connections", "250"])
        let result = ChildProcess.run(ClientProgram.psycopg2.command[0], Array(ClientProgram.psycopg2.command.dropFirst()) + ["many", "200"],
                                      environment: proxyClient(environment, port: port), timeout: 120)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)\nproxy: \(proxy.output)")
        let summary = ClientProgram.objects(result.stdout).first
        #expect(summary?["succeeded"] as? Int == 200, "\(result.stdout)")
        #expect(summary?["pids"] as? Int == 200, "each client had a server connection of its own")
        #expect(proxy.stop() == 0)
    }
}
