import Foundation
import Synchronization
import TestSupport
import Testing
@testable import PGEntraProxy

/// `pgentra proxy` with the real binary (issue 12), between real clients and a real PostgreSQL
/// that takes TLS with a cleartext password, as Azure does, whose role passwords are the
/// emulator's tokens. Serialized: the emulators set the same role's password.
@Suite(.serialized) struct ProxyTests {
    static let hostName = "pg.pgentra.test"

    static let stack = Result {
        try TLSPostgres(hostName: hostName, hba: ["local all all trust", "hostssl all all 127.0.0.1/32 password"])
    }

    /// The emulator, an environment whose managed identity is `pg-reader` and which resolves the
    /// server's name to 127.0.0.1, and a proxy started with `extra` options.
    private func proxy(
        _ extra: [String] = [], listen: String? = nil, lifetime: Int? = nil, variables: [String: String] = [:]
    ) throws -> (ProxyProcess, TestEnvironment, Int, IdentityEmulator) {
        let stack = try Self.stack.get()
        let emulator = try Fixtures.emulator(lifetime.map { ["--lifetime", "\($0)"] } ?? [], postgres: stack.server)
        let environment = TestEnvironment(emulator: emulator)
        for (name, value) in variables { environment[name] = value }
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        environment["PGSSLROOTCERT"] = stack.certificates.caCertificate
        environment.resolve(Self.hostName)
        let port = ChildProcess.freePort()
        let process = try ProxyProcess(
            ["-h", Self.hostName, "-p", "\(stack.server.port)", "--listen", listen ?? "127.0.0.1:\(port)"] + extra,
            environment: environment)
        return (process, environment, port, emulator)
    }

    /// psql as the managed identity's role: libpq always sends a user name (the OS user's when
    /// none is given), which the proxy uses as the client's choice.
    private func psql(_ port: Int, _ arguments: [String], environment extra: [String: String] = [:]) -> ChildProcess.Result {
        ChildProcess.run(References.psql, ["-X", "-At", "-h", "127.0.0.1", "-p", "\(port)", "-d", "postgres"] + arguments,
                         environment: ["PATH": "/usr/bin:/bin", "PGCONNECT_TIMEOUT": "10", "PGUSER": Fixtures.managedIdentityName]
                            .merging(extra) { $1 })
    }

    @Test func psqlConnectsWithoutAPassword() throws {
        let (proxy, _, port, _) = try proxy(["--verbose"])
        let result = psql(port, ["-c", "select current_user, current_database(), current_setting('application_name')"],
                          environment: ["PGAPPNAME": "through-the-proxy"])
        #expect(result.status == 0, "stderr: \(result.stderr)\nproxy: \(proxy.output)")
        #expect(result.stdout == "\(Fixtures.managedIdentityName)|postgres|through-the-proxy\n")
        // The server saw TLS; the proxy logged the connection and never the token.
        let log = try Self.stack.get().server.serverLog
        #expect(log.contains("connection authorized: user=\(Fixtures.managedIdentityName) database=postgres application_name=through-the-proxy SSL enabled"))
        #expect(proxy.stop() == 0)
        #expect(proxy.output.contains("signed in as \(Fixtures.managedIdentityName) to database postgres"), "\(proxy.output)")
        #expect(!proxy.output.contains("eyJ"))
    }

    /// Megabytes both ways through TLS: more than the relay buffers hold, so backpressure and
    /// partial TLS writes are on the path; every byte arrives.
    @Test func largeResultsAndCopyDataArriveWhole() throws {
        let (proxy, environment, port, _) = try proxy()
        // Into a file: the harness keeps at most 1 MiB of a child's output.
        let output = environment.home.file("rows.txt")
        let rows = psql(port, ["-o", output, "-c", "select sum(length(repeat(i::text, 300))) from generate_series(1, 20000) i",
                               "-c", "select repeat(i::text, 300) from generate_series(1, 20000) i"])
        #expect(rows.status == 0, "\(rows.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 20_002)
        #expect(lines.dropFirst().prefix(20_000).map(\.count).reduce(0, +) == Int(lines.first ?? "") ?? -1)

        let data = (1...20_000).map { "\($0)\t\(String(repeating: "y", count: 300))" }.joined(separator: "\n") + "\n"
        let file = environment.home.write("copy.tsv", data, mode: 0o644)
        let copied = ChildProcess.run(References.psql, [
            "-X", "-At", "-h", "127.0.0.1", "-p", "\(port)", "-d", "postgres",
            "-c", "create temp table t (i int, s text)", "-c", "\\copy t from '\(file)'", "-c", "select count(*), sum(length(s)) from t",
        ], environment: ["PATH": "/usr/bin:/bin", "PGUSER": Fixtures.managedIdentityName])
        #expect(copied.stdout.hasSuffix("20000|6000000\n"), "\(copied.stdout.suffix(200)) \(copied.stderr)")
        #expect(proxy.stop() == 0)
    }

    /// A client naming another role gets the server's own refusal for it.
    @Test func aClientsUserNameIsUsedAndTheServersRefusalReachesIt() throws {
        let (proxy, _, port, _) = try proxy()
        let result = psql(port, ["-U", "someone-else", "-c", "select 1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("password authentication failed for user \"someone-else\""), "\(result.stderr)")
        // The proxy serves the next client.
        #expect(psql(port, ["-c", "select 1"]).stdout == "1\n")
        proxy.stop()
    }

    /// A client's CancelRequest reaches its own backend, with the server's key.
    @Test func aCancelStopsTheQueryThroughTheProxy() throws {
        let (proxy, _, port, _) = try proxy(["--verbose", "--grace", "1"])
        // No user name in the start-up packet: the role derived from the token.
        let named = try RawClient(port: port)
        _ = try named.start(user: nil)
        named.send(WireBytes.message(UInt8(ascii: "Q"), WireBytes.cString(Array("select current_user".utf8))))
        let row = try #require(try named.untilReady().first { $0.type == UInt8(ascii: "D") })
        #expect(Array(row.body.suffix(Fixtures.managedIdentityName.utf8.count)) == Array(Fixtures.managedIdentityName.utf8))

        let client = try RawClient(port: port)
        let start = try client.start(user: nil)
        let key = try #require(start.first { $0.type == UInt8(ascii: "K") })
        client.send(WireBytes.message(UInt8(ascii: "Q"), WireBytes.cString(Array("select pg_sleep(60)".utf8))))
        usleep(500_000)
        let canceller = try RawClient(port: port)
        canceller.send([0, 0, 0, UInt8(8 + key.body.count), 0x04, 0xD2, 0x16, 0x2E] + key.body)
        let began = Date()
        let answer = try client.untilReady()
        #expect(Date().timeIntervalSince(began) < 20)
        let error = try #require(answer.first { $0.type == UInt8(ascii: "E") })
        #expect(ServerConnection.errorFields(error.body)["C"] == "57014", "canceling statement due to user request")
        #expect(proxy.waitFor("passed a cancel request on to backend \(WireBytes.uint32(key.body, at: 0))"), "\(proxy.output)")
        // A made-up key is not passed on.
        let stranger = try RawClient(port: port)
        stranger.send([0, 0, 0, 16, 0x04, 0xD2, 0x16, 0x2E, 0, 0, 0, 1, 1, 2, 3, 4])
        _ = try stranger.untilClosed()
        #expect(proxy.output.contains("ignored a cancel request for a backend this proxy does not know"), "\(proxy.output)")
        proxy.stop()
    }

    /// Hostile or broken clients fail alone, each with an ErrorResponse or a close; the proxy
    /// serves the next one.
    @Test func badClientsFailAloneAndTheProxyGoesOn() throws {
        let (proxy, _, port, _) = try proxy(["--client-timeout", "2"])
        let huge = try RawClient(port: port)
        huge.send([0x40, 0, 0, 0, 0, 3, 0, 0])
        let refusal = try huge.untilClosed()
        #expect(refusal.first.map { ServerConnection.errorFields($0.body)["M"] } == "invalid length of startup packet")

        let garbage = try RawClient(port: port)
        garbage.send(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(try garbage.untilClosed().first?.type == UInt8(ascii: "E"))

        let truncated = try RawClient(port: port)
        truncated.send([0, 0, 0, 40, 0, 3, 0, 0])
        let silent = try RawClient(port: port)
        let began = Date()
        _ = try silent.untilClosed()
        #expect(Date().timeIntervalSince(began) < 10, "closed after --client-timeout")

        #expect(psql(port, ["-c", "select 1"]).stdout == "1\n")
        _ = truncated
        proxy.stop()
    }

    /// A server that hangs up during sign-in, after the start-up packet or halfway through an
    /// authentication request: the client is told, and the proxy serves the next one.
    @Test func aServerClosingMidHandshakeFailsThatClientOnly() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(bound == 0 && listen(listener, 8) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let serverPort = Int(UInt16(bigEndian: address.sin_port))
        // The fake server: the first connection is closed once its start-up packet is read, the
        // second after half an AuthenticationMD5Password.
        let fake = Thread {
            for answer in [[], [UInt8(ascii: "R"), 0, 0, 0, 12, 0, 0]] as [[UInt8]] {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                var buffer = [UInt8](repeating: 0, count: 4096)
                _ = recv(connection, &buffer, buffer.count, 0)
                _ = answer.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
                close(connection)
            }
        }
        fake.start()
        defer { close(listener) }

        let stack = try Self.stack.get()
        let emulator = try Fixtures.emulator(postgres: stack.server)
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        environment["PGSSLMODE"] = "disable"
        let port = ChildProcess.freePort()
        let proxy = try ProxyProcess(["-h", "127.0.0.1", "-p", "\(serverPort)", "--listen", "127.0.0.1:\(port)"], environment: environment)
        for expected in ["server closed the connection unexpectedly", "server closed the connection unexpectedly"] {
            let result = psql(port, ["-c", "select 1"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("FATAL:  pgentra proxy: could not connect to the server: \(expected)"), "\(result.stderr)")
        }
        #expect(proxy.stop() == 0, "the proxy stopped cleanly after both: \(proxy.output)")
    }

    @Test func anAddressInUseOrRemoteIsAClearErrorAtStart() throws {
        let (proxy, environment, port, _) = try proxy()
        let stack = try Self.stack.get()
        let second = environment.pgentra(["proxy", "-h", Self.hostName, "-p", "\(stack.server.port)", "--listen", "127.0.0.1:\(port)"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("pgentra: error: could not listen on 127.0.0.1:\(port): Address already in use"), "\(second.stderr)")
        let remote = environment.pgentra(["proxy", "-h", Self.hostName, "--listen", "0.0.0.0:\(port)"])
        #expect(remote.status == 1)
        #expect(remote.stderr.hasPrefix("pgentra: error: 0.0.0.0:\(port) is not a loopback address"), "\(remote.stderr)")
        let missing = environment.pgentra(["proxy", "-h", Self.hostName])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("\"pgentra proxy\" needs --listen ADDRESS"))
        proxy.stop()
    }

    /// Tokens are renewed in the background before they expire, so a client that connects
    /// after the first token's end is served at once, with no warning in between. A 16-s token
    /// is renewed 8 s after it was fetched and handed out while more than 10 s are left: the
    /// client comes 4 s after the first token's end, halfway between two renewals.
    @Test func tokensAreRenewedBeforeTheyAreNeeded() throws {
        let (proxy, _, port, emulator) = try proxy(lifetime: 16)
        #expect(psql(port, ["-c", "select 1"]).stdout == "1\n")
        let first = try #require(emulator.issued().first { ($0["resource"] as? String)?.contains("ossrdbms") == true }?["exp"] as? Int)
        IdentityEmulator.waitUntilPast(first + 3)
        let databaseTokens = emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }
        #expect(databaseTokens.count >= 2, "renewed in the background, before any client asked")
        // Renewed in time: a token fetched before the client comes is still valid when it does.
        let latestExpiry = databaseTokens.compactMap { $0["exp"] as? Int }.max() ?? 0
        let began = Date()
        #expect(latestExpiry > Int(began.timeIntervalSince1970) + 1, "latest exp \(latestExpiry), now \(began.timeIntervalSince1970)")
        let later = psql(port, ["-c", "select 2"])
        #expect(later.stdout == "2\n", "\(later.stderr)\n\(proxy.output)")
        #expect(Date().timeIntervalSince(began) < 5)
        #expect(proxy.stop() == 0)
        #expect(!proxy.output.contains("warning"), "\(proxy.output)")
    }

    /// A renewal that fails is retried with backoff while the old token goes on serving; once
    /// that has expired a client is told why in an ErrorResponse; when Entra answers again the
    /// proxy serves again, with no restart.
    @Test func aFailingRenewalServesWithTheOldTokenUntilItExpires() throws {
        let (proxy, _, port, emulator) = try proxy(lifetime: 40)
        #expect(psql(port, ["-c", "select 1"]).stdout == "1\n")
        let first = try #require(emulator.issued().last?["exp"] as? Int)
        let tokenRequests = { emulator.requests().filter { ($0["path"] as? String)?.hasPrefix("/metadata") == true }.count }
        let before = tokenRequests()
        // Refused at once (a 500 is retried for 24 s by the managed identity credential).
        #expect(emulator.setFaults(["/metadata:400-aadsts"]))
        // Renewal is due at half life (20 s); the old token is handed out until 10 s before its end.
        #expect(proxy.waitFor("retrying in", timeout: 30), "\(proxy.output)")
        #expect(psql(port, ["-c", "select 2"]).stdout == "2\n", "served with the old token: \(proxy.output)")
        IdentityEmulator.waitUntilPast(first)
        let refused = psql(port, ["-c", "select 3"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("FATAL:  pgentra proxy: no access token for the server"), "\(refused.stderr)")
        // With backoff (1, 2, 4, 8, 16 s), about five renewals in these 20 s, and a fetch for
        // the refused client; each is a probe and a request. Not a spin.
        let attempts = tokenRequests() - before
        #expect(attempts <= 16, "\(attempts) token requests while Entra refused")
        // The renewal thread, not a client, gets the next token once Entra answers again.
        let issued = emulator.issued().count
        #expect(emulator.setFaults([]))
        let deadline = Date().addingTimeInterval(40)
        while emulator.issued().count == issued && Date() < deadline { usleep(200_000) }
        #expect(emulator.issued().count > issued, "renewed in the background after Entra recovered")
        #expect(psql(port, ["-c", "select 4"]).stdout == "4\n", "served again: \(proxy.output)")
        #expect(proxy.stop() == 0)
    }

    /// A token the server refuses (its password changed behind the proxy's back) is replaced
    /// once, and the client that met the refusal is served.
    @Test func aRefusedTokenIsReplacedOnceAndTheClientServed() throws {
        let (proxy, _, port, emulator) = try proxy()
        #expect(psql(port, ["-c", "select 1"]).stdout == "1\n")
        let issued = emulator.issued().count
        let server = try Self.stack.get().server
        #expect(server.superuserSQL("alter role \"\(Fixtures.managedIdentityName)\" password 'not-the-token'").status == 0)
        let result = psql(port, ["-c", "select 2"])
        #expect(result.stdout == "2\n", "\(result.stderr)\n\(proxy.output)")
        #expect(emulator.issued().count == issued + 1, "one fresh token, past the cache")
        #expect(proxy.stop() == 0)
    }

    /// SIGHUP fetches a fresh token at once, in the background, past the cache.
    @Test func sighupFetchesAFreshToken() throws {
        let (proxy, _, port, emulator) = try proxy()
        #expect(psql(port, ["-c", "select 1"]).stdout == "1\n")
        let issued = emulator.issued().count
        kill(proxy.process.processIdentifier, SIGHUP)
        #expect(proxy.waitFor("SIGHUP: fetching a fresh token"))
        let deadline = Date().addingTimeInterval(10)
        while emulator.issued().count == issued && Date() < deadline { usleep(50_000) }
        #expect(emulator.issued().count == issued + 1, "fetched before any client asked")
        #expect(psql(port, ["-c", "select 2"]).stdout == "2\n")
        #expect(proxy.stop() == 0)
    }

    /// `--max-connections` refuses the next client with PostgreSQL's own SQLSTATE; SIGTERM stops
    /// accepting, and open connections go on for `--grace` seconds before the proxy leaves.
    @Test func maxConnectionsAndGrace() throws {
        let (proxy, _, port, _) = try proxy(["--max-connections", "2", "--grace", "4"])
        let first = try RawClient(port: port)
        _ = try first.start(user: Fixtures.managedIdentityName)
        let second = try RawClient(port: port)
        _ = try second.start(user: Fixtures.managedIdentityName)
        let third = try RawClient(port: port)
        let refusal = try third.untilClosed()
        #expect(refusal.first.map { ServerConnection.errorFields($0.body)["C"] } == "53300", "\(refusal)")
        #expect(proxy.waitFor("refused a connection: already 2 (--max-connections)"), "\(proxy.output)")

        let stopped = Date()
        kill(proxy.process.processIdentifier, SIGTERM)
        #expect(proxy.waitFor("no longer accepting; waiting up to 4 s for 2 connections"), "\(proxy.output)")
        let late = LoopbackSocket.connect(port: port)
        #expect(late == nil, "the listener is closed")
        if let late { close(late) }
        first.send(WireBytes.message(UInt8(ascii: "Q"), WireBytes.cString(Array("select 'during grace'".utf8))))
        #expect(try first.untilReady().contains { $0.type == UInt8(ascii: "D") }, "an open connection is served during the grace period")
        // No second signal (which would end the wait): the proxy leaves when the period ends.
        #expect(proxy.waitForExit(timeout: 15) == 0)
        let waited = Date().timeIntervalSince(stopped)
        #expect(waited >= 3.5 && waited < 10, "left after the grace period: \(waited) s")
        #expect(try second.untilClosed().allSatisfy { $0.type != UInt8(ascii: "D") }, "closed when the grace period ended")
    }

    /// PGENTRA_PROXY_PASSWORD: clients must give it; it never reaches the server or the log.
    @Test func aLocalPasswordIsAskedFor() throws {
        let (proxy, _, port, _) = try proxy(["--local-password", "--verbose"], variables: ["PGENTRA_PROXY_PASSWORD": "local-s3cret"])
        #expect(psql(port, ["-c", "select 1"], environment: ["PGPASSWORD": "local-s3cret"]).stdout == "1\n")
        let wrong = psql(port, ["-c", "select 1"], environment: ["PGPASSWORD": "guess"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("FATAL:  pgentra proxy: password authentication failed"), "\(wrong.stderr)")
        #expect(proxy.stop() == 0)
        #expect(!proxy.output.contains("local-s3cret"))
    }

    /// A Unix socket only its owner can use; one left by a killed proxy is replaced at the next start.
    @Test func aUnixSocketIsPrivateAndAStaleOneIsReplaced() throws {
        let sockets = TemporaryDirectory(prefix: "pgentra-sockets")
        let directory = sockets.file("run")
        let (first, _, _, _) = try proxy(listen: "unix:\(directory):6543")
        let path = "\(directory)/.s.PGSQL.6543"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int) == 0o700)
        let result = ChildProcess.run(References.psql, ["-X", "-At", "-h", directory, "-p", "6543", "-d", "postgres", "-c", "select current_user"],
                                      environment: ["PATH": "/usr/bin:/bin", "PGUSER": Fixtures.managedIdentityName])
        #expect(result.stdout == "\(Fixtures.managedIdentityName)\n", "\(result.stderr)")
        // Killed while in use: a client is in the middle of a query.
        let busy = DispatchGroup()
        let interrupted = Mutex<ChildProcess.Result?>(nil)
        busy.enter()
        Thread {
            let result = ChildProcess.run(References.psql, ["-X", "-At", "-h", directory, "-p", "6543", "-d", "postgres", "-c", "select pg_sleep(30)"],
                                          environment: ["PATH": "/usr/bin:/bin", "PGUSER": Fixtures.managedIdentityName])
            interrupted.withLock { $0 = result }
            busy.leave()
        }.start()
        #expect(try Self.stack.get().server.waitForQuery(like: "select pg_sleep(30)"), "the query reached the server through the proxy")
        first.stop(signal: SIGKILL)
        busy.wait()
        #expect(interrupted.withLock { $0?.status } == 2, "the client in the middle of a query lost its connection")
        #expect(FileManager.default.fileExists(atPath: path), "SIGKILL leaves the file")
        let (second, _, _, _) = try proxy(listen: "unix:\(directory):6543")
        #expect(ChildProcess.run(References.psql, ["-X", "-At", "-h", directory, "-p", "6543", "-d", "postgres", "-c", "select 1"],
                                 environment: ["PATH": "/usr/bin:/bin", "PGUSER": Fixtures.managedIdentityName]).stdout == "1\n")
        #expect(second.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: path), "a clean stop removes it")
    }
}

/// A client speaking the protocol byte by byte, for what psql will not do on purpose.
final class RawClient {
    let fd: Int32
    private var framer = MessageFramer()

    init(port: Int) throws {
        guard let fd = LoopbackSocket.connect(port: port) else { throw ProxyProcess.Failure(description: "cannot connect to the proxy") }
        self.fd = fd
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// A StartupMessage, then the messages up to ReadyForQuery.
    func start(user: String?) throws -> [MessageFramer.Message] {
        var parameters = [StartupPacket.Parameter(name: Array("database".utf8), value: Array("postgres".utf8))]
        if let user { parameters.append(.init(name: Array("user".utf8), value: Array(user.utf8))) }
        send(OutgoingMessage.startup(version: 196_608, parameters: parameters))
        return try untilReady()
    }

    func untilReady() throws -> [MessageFramer.Message] {
        var messages: [MessageFramer.Message] = []
        while true {
            guard let message = try next() else { throw ProxyProcess.Failure(description: "closed before ReadyForQuery: \(messages.map(\.type))") }
            messages.append(message)
            if message.type == UInt8(ascii: "Z") { return messages }
        }
    }

    func untilClosed() throws -> [MessageFramer.Message] {
        var messages: [MessageFramer.Message] = []
        while let message = try next() { messages.append(message) }
        return messages
    }

    private func next() throws -> MessageFramer.Message? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let message = try framer.next() { return message }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            framer.append(buffer.prefix(count))
        }
    }
}
