import Foundation
import TestSupport
import Testing
@testable import PGEntraProxy
@testable import PGEntraSystem

/// The proxy's server side (issue 12) against a real PostgreSQL that takes TLS (Debian's 15;
/// the 18 wheel is built without OpenSSL): TCP and TLS with verify-full, then a sign-in answered
/// with the password by each method a server asks for (cleartext, as Azure asks, MD5 and
/// SCRAM-SHA-256), then a query over the signed-in connection; and the failures a client must
/// be told about.
@Suite(.serialized) struct ProxyServerSignInTests {
    static let hostName = "pg.pgentra.test"

    static let stack = Result {
        try TLSPostgres(hostName: hostName, hba: [
            "local all all trust",
            "hostssl all scram_role 127.0.0.1/32 scram-sha-256",
            "hostssl all md5_role 127.0.0.1/32 md5",
            "hostssl all clear_role 127.0.0.1/32 password",
        ], setup: """
            create role scram_role login password 'eyJ0.scram-token';
            set password_encryption = 'md5';
            create role md5_role login password 'eyJ0.md5-token';
            create role clear_role login password 'eyJ0.clear-token';
            """)
    }

    struct Unexpected: Error, CustomStringConvertible {
        let description: String
    }

    private func target(_ stack: TLSPostgres, host: String = hostName, mode: UpstreamTarget.SSLMode = .verifyFull, port: Int? = nil) -> UpstreamTarget {
        UpstreamTarget(host: host, address: "127.0.0.1", port: UInt16(port ?? stack.server.port), sslMode: mode,
                       rootCertificates: stack.certificates.caCertificate)
    }

    private func signIn(_ target: UpstreamTarget, user: String, password: String) throws -> (ServerConnection, ServerConnection.SignedIn) {
        let deadline = MonotonicClock.seconds() + 10
        let connection = try ServerConnection.connect(to: target, tls: try TLSClientContext(target), deadline: deadline)
        let forwarded = try connection.signIn(
            version: 196_608, parameters: [.init(name: Array("database".utf8), value: Array("postgres".utf8))],
            user: Array(user.utf8), password: Array(password.utf8), deadline: deadline)
        return (connection, forwarded)
    }

    /// Messages until ReadyForQuery.
    private func untilReady(_ connection: ServerConnection) throws -> [MessageFramer.Message] {
        var framer = MessageFramer()
        var messages: [MessageFramer.Message] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let deadline = MonotonicClock.seconds() + 10
        while true {
            while let message = try framer.next() {
                messages.append(message)
                if message.type == UInt8(ascii: "Z") { return messages }
            }
            switch buffer.withUnsafeMutableBytes({ connection.read(into: $0) }) {
            case .done(let count): framer.append(buffer.prefix(count))
            case .wouldBlock(let readable):
                guard ServerConnection.waitFor(connection.socket, readable: readable, deadline: deadline) else {
                    throw Unexpected(description: "no ReadyForQuery in time")
                }
            case .closed, .failed: throw Unexpected(description: "the connection ended")
            }
        }
    }

    @Test(arguments: [
        ("scram_role", "eyJ0.scram-token", "scram-sha-256"), ("md5_role", "eyJ0.md5-token", "md5"),
        ("clear_role", "eyJ0.clear-token", "password"),
    ])
    func eachMethodSignsInOverVerifiedTLS(_ role: String, _ password: String, _ method: String) throws {
        let stack = try Self.stack.get()
        let (connection, signedIn) = try signIn(target(stack), user: role, password: password)
        #expect(connection.tls != nil)
        // The client gets AuthenticationOk first, then the session's start up to ReadyForQuery.
        #expect(Array(signedIn.forwarded.prefix(9)) == [UInt8(ascii: "R"), 0, 0, 0, 8, 0, 0, 0, 0])
        var framer = MessageFramer()
        framer.append(signedIn.forwarded)
        var session: [MessageFramer.Message] = []
        while let message = try framer.next() { session.append(message) }
        #expect(session.last?.type == UInt8(ascii: "Z"))
        let key = try #require(session.first { $0.type == UInt8(ascii: "K") }, "BackendKeyData reaches the client")
        #expect(signedIn.backendKey == ServerConnection.BackendKey(processID: WireBytes.uint32(key.body, at: 0), key: Array(key.body[4...])))
        #expect(session.contains { $0.type == UInt8(ascii: "S") && $0.body.starts(with: Array("server_version\0".utf8)) })

        let query = WireBytes.message(UInt8(ascii: "Q"), WireBytes.cString(Array("select current_user".utf8)))
        #expect(query.withUnsafeBytes { connection.write($0) } == .done(query.count))
        let rows = try untilReady(connection).filter { $0.type == UInt8(ascii: "D") }
        #expect(rows.count == 1)
        #expect(rows.first.map { Array($0.body.suffix(role.utf8.count)) } == Array(role.utf8))
        let log = stack.server.serverLog
        #expect(log.contains("connection authorized: user=\(role) database=postgres SSL enabled"), "\(log.suffix(2000))")
        #expect(log.contains("identity=\"\(role)\" method=\(method) "), "\(log.suffix(2000))")
    }

    @Test func aWrongPasswordIsTheServersOwnError() throws {
        let stack = try Self.stack.get()
        for role in ["scram_role", "md5_role", "clear_role"] {
            #expect {
                _ = try signIn(target(stack), user: role, password: "eyJ0.stale")
            } throws: { error in
                guard case .refused(let state, let message, let response)? = error as? ServerConnection.Failure else { return false }
                return state == "28P01" && message == "password authentication failed for user \"\(role)\"" && response.first == UInt8(ascii: "E")
            }
        }
    }

    @Test func verifyFullRefusesAnotherName() throws {
        let stack = try Self.stack.get()
        #expect {
            _ = try signIn(target(stack, host: "other.pgentra.test"), user: "scram_role", password: "eyJ0.scram-token")
        } throws: { error in
            (error as? ServerConnection.Failure)?.description.hasPrefix("SSL error: certificate verify failed") == true
        }
        // verify-ca checks the chain only, as libpq's does.
        _ = try signIn(target(stack, host: "other.pgentra.test", mode: .verifyCA), user: "scram_role", password: "eyJ0.scram-token")
    }

    @Test func noTLSWhereTheServerRequiresItIsRefusedByTheServer() throws {
        let stack = try Self.stack.get()
        #expect {
            _ = try signIn(target(stack, mode: .disable), user: "scram_role", password: "eyJ0.scram-token")
        } throws: { error in
            guard case .refused(let state, _, _)? = error as? ServerConnection.Failure else { return false }
            return state == "28000"
        }
    }

    @Test func aClosedPortIsUnreachable() throws {
        let stack = try Self.stack.get()
        #expect {
            _ = try signIn(target(stack, port: ChildProcess.freePort()), user: "scram_role", password: "x")
        } throws: { error in
            guard case .unreachable(let reason)? = error as? ServerConnection.Failure else { return false }
            return reason.hasSuffix("failed: Connection refused")
        }
    }
}
