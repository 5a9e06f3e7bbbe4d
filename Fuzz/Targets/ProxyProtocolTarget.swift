@testable import PGEntraProxy

extension FuzzTarget {
    /// What `pgentra proxy` reads from a client or a server before it relays (issue 12 item 7):
    /// a client's start-up packet (choice 0), a server's messages during sign-in with every
    /// authentication request answered (1), and a SCRAM server-first and server-final (2).
    /// Whatever parses must encode back to the same bytes where the proxy re-encodes it.
    static let proxyProtocol = FuzzTarget(
        name: "proxy-protocol", summary: "start-up packets, server sign-in messages, SCRAM answers",
        seeds: [
            // StartupPacketTests and ServerSignInTests.
            [0, 0, 0, 0, 8, 4, 0xD2, 0x16, 0x2F],
            [0, 0, 0, 0, 16, 4, 0xD2, 0x16, 0x2E, 0, 0, 0x30, 0x39, 1, 2, 3, 4],
            [0, 0, 0, 0, 33, 0, 3, 0, 0] + Array("user\0alice\0database\0app\0\0".utf8),
            [1, UInt8(ascii: "R"), 0, 0, 0, 8, 0, 0, 0, 3, UInt8(ascii: "R"), 0, 0, 0, 12, 0, 0, 0, 5, 1, 2, 3, 4],
            [1, UInt8(ascii: "R"), 0, 0, 0, 42, 0, 0, 0, 10] + Array("SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0".utf8),
            FuzzInput.seed([2], "r=abcdefXYZ,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096\0v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="),
            FuzzInput.seed([2], "r=abcdefXYZ,s=QSXCR+Q6sek8bf92,i=1\0e=invalid-proof"),
        ],
        prepare: { _ in
            { bytes in
                var input = FuzzInput(bytes)
                let rest = { (input: FuzzInput) in input.rest }
                switch input.choice() % 3 {
                case 0:
                    let packet = rest(input)
                    guard packet.count >= 4, let length = try? StartupPacket.length(fromHeader: packet),
                          length <= packet.count else { return }
                    guard let parsed = try? StartupPacket.parse(Array(packet.prefix(length))) else { return }
                    if case .startup(let version, let parameters) = parsed {
                        precondition(OutgoingMessage.startup(version: version, parameters: parameters) == Array(packet.prefix(length)),
                                     "a start-up packet does not encode back to itself")
                    }
                case 1:
                    var framer = MessageFramer(maximumLength: 1 << 16)
                    framer.append(rest(input))
                    while let message = try? framer.next() {
                        guard message.type == UInt8(ascii: "R"), let request = try? AuthenticationRequest.parse(message.body) else { continue }
                        if case .md5Password(let salt) = request {
                            _ = PasswordDigest.md5Response(password: Array("token".utf8), user: Array("u".utf8), salt: salt)
                        }
                    }
                    _ = framer.takeRemainder()
                default:
                    let parts = rest(input).split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
                    // Iterations beyond PostgreSQL's default are refused or slow by design, not bugs.
                    let first = String(decoding: parts[0], as: UTF8.self)
                    if let count = first.split(separator: ",").first(where: { $0.hasPrefix("i=") }).flatMap({ Int($0.dropFirst(2)) }),
                       count > 4096 { return }
                    var client = SCRAMClient(password: Array("eyJ0.token".utf8), clientNonce: "abcdef")
                    guard (try? client.finalMessage(answering: Array(parts[0]))) != nil else { return }
                    _ = try? client.verify(serverFinal: parts.count > 1 ? Array(parts[1]) : [])
                }
            }
        })
}
