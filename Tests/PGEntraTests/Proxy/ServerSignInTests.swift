import Testing
@testable import PGEntraIdentity
@testable import PGEntraProxy

/// The pieces the proxy signs in to a server with: message framing, authentication requests,
/// MD5 and SCRAM-SHA-256 answers, and the ErrorResponse a refused client gets.
@Suite struct ServerSignInTests {
    @Test func messagesAreCutFromAStreamInAnyPieces() throws {
        let stream = WireBytes.message(UInt8(ascii: "R"), [0, 0, 0, 0])
            + WireBytes.message(UInt8(ascii: "S"), Array("client_encoding\0UTF8\0".utf8))
        var framer = MessageFramer()
        var messages: [MessageFramer.Message] = []
        for byte in stream {
            framer.append([byte])
            while let message = try framer.next() { messages.append(message) }
        }
        #expect(messages.map(\.type) == [UInt8(ascii: "R"), UInt8(ascii: "S")])
        #expect(messages[1].body == Array("client_encoding\0UTF8\0".utf8))
        // "trailing" is not a message: its length word reads as far too long.
        framer.append(Array("trailing".utf8))
        #expect(throws: MessageFramer.Invalid.self) { try framer.next() }
    }

    @Test func aHostileLengthIsRefusedBeforeItIsAllocated() {
        var framer = MessageFramer(maximumLength: 1 << 20)
        framer.append([UInt8(ascii: "E"), 0x40, 0, 0, 0])
        #expect(throws: MessageFramer.Invalid.length(type: UInt8(ascii: "E"), length: 1 << 30)) { try framer.next() }
        var short = MessageFramer()
        short.append([UInt8(ascii: "Z"), 0, 0, 0, 3])
        #expect(throws: MessageFramer.Invalid.self) { try short.next() }
    }

    @Test func whatFollowsTheTakenMessagesIsTheRemainder() throws {
        var framer = MessageFramer()
        framer.append(WireBytes.message(UInt8(ascii: "Z"), [UInt8(ascii: "I")]) + [1, 2, 3])
        #expect(try framer.next()?.type == UInt8(ascii: "Z"))
        #expect(framer.takeRemainder() == [1, 2, 3])
    }

    @Test func authenticationRequestsAreRead() throws {
        func request(_ code: UInt32, _ rest: [UInt8] = []) throws -> AuthenticationRequest {
            var body: [UInt8] = []
            WireBytes.append(code, to: &body)
            return try AuthenticationRequest.parse(body + rest)
        }
        #expect(try request(0) == .ok)
        #expect(try request(3) == .cleartextPassword)
        #expect(try request(5, [1, 2, 3, 4]) == .md5Password(salt: [1, 2, 3, 4]))
        #expect(try request(10, Array("SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0".utf8))
            == .sasl(mechanisms: ["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"]))
        #expect(try request(11, [9]) == .saslContinue([9]))
        #expect(try request(12, [8]) == .saslFinal([8]))
        #expect(try request(7) == .unsupported(7))
        #expect(throws: AuthenticationRequest.Invalid.self) { try request(5, [1]) }
        #expect(throws: AuthenticationRequest.Invalid.self) { try request(10, Array("SCRAM".utf8)) }
        #expect(throws: AuthenticationRequest.Invalid.self) { try AuthenticationRequest.parse([0, 0]) }
    }

    /// Expected value from Python's hashlib: md5(hex(md5(password + user)) + salt).
    @Test func md5AnswersAsLibpqDoes() {
        #expect(PasswordDigest.md5Response(password: Array("eyJ0.token".utf8), user: Array("alice".utf8), salt: [1, 2, 3, 4])
            == Array("md5fe057e154235adfe29414cafe5150703".utf8))
    }

    /// RFC 7677 §3's exchange, with its user name left out as libpq leaves it (the server takes
    /// the startup packet's), so the proof is computed here from the RFC's own steps.
    @Test func scramFollowsRFC7677() throws {
        var client = SCRAMClient(password: Array("pencil".utf8), clientNonce: "rOprNGfwEbeRWgbNEkqO")
        #expect(client.firstMessage == Array("n,,n=,r=rOprNGfwEbeRWgbNEkqO".utf8))
        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        let final = String(decoding: try client.finalMessage(answering: Array(serverFirst.utf8)), as: UTF8.self)
        #expect(final.hasPrefix("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p="))

        // The RFC's salted password for "pencil" (its SaltedPassword step), then the proof over
        // this exchange's AuthMessage.
        let salted = PasswordDigest.pbkdf2SHA256(Array("pencil".utf8), salt: Base64URL.decode("W22ZaJ0SNY7soEsUEjb6gQ==")!, iterations: 4096)
        let clientKey = PasswordDigest.hmacSHA256(key: salted, Array("Client Key".utf8))
        let authMessage = Array("n=,r=rOprNGfwEbeRWgbNEkqO,\(serverFirst),c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0".utf8)
        let signature = PasswordDigest.hmacSHA256(key: PasswordDigest.sha256(clientKey), authMessage)
        let proof = Base64URL.encodeStandard(zip(clientKey, signature).map { $0 ^ $1 })
        #expect(final.hasSuffix(",p=\(proof)"))

        let serverKey = PasswordDigest.hmacSHA256(key: salted, Array("Server Key".utf8))
        let serverSignature = Base64URL.encodeStandard(PasswordDigest.hmacSHA256(key: serverKey, authMessage))
        try client.verify(serverFinal: Array("v=\(serverSignature)".utf8))
        #expect(throws: SCRAMClient.Failure.wrongServerSignature) {
            try client.verify(serverFinal: Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
        }
        #expect(throws: SCRAMClient.Failure.serverError("invalid-proof")) {
            try client.verify(serverFinal: Array("e=invalid-proof".utf8))
        }
    }

    /// RFC 7677's SaltedPassword is what PBKDF2 gives: checked against the RFC's own client proof
    /// for its exchange, which names the user.
    @Test func pbkdf2MatchesTheRFCVector() {
        let salted = PasswordDigest.pbkdf2SHA256(Array("pencil".utf8), salt: Base64URL.decode("W22ZaJ0SNY7soEsUEjb6gQ==")!, iterations: 4096)
        let clientKey = PasswordDigest.hmacSHA256(key: salted, Array("Client Key".utf8))
        let authMessage = Array(("n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0").utf8)
        let signature = PasswordDigest.hmacSHA256(key: PasswordDigest.sha256(clientKey), authMessage)
        #expect(Base64URL.encodeStandard(zip(clientKey, signature).map { $0 ^ $1 }) == "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        let serverKey = PasswordDigest.hmacSHA256(key: salted, Array("Server Key".utf8))
        #expect(Base64URL.encodeStandard(PasswordDigest.hmacSHA256(key: serverKey, authMessage)) == "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
    }

    @Test func hostileServerFirstMessagesAreRefused() {
        for serverFirst in [
            "r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            "r=abcX,s=,i=4096",
            "r=abcX,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0",
            "r=abcX,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=999999999999",
            "r=abc,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        ] {
            var client = SCRAMClient(password: [1], clientNonce: "abc")
            #expect(throws: SCRAMClient.Failure.self, "\(serverFirst)") { try client.finalMessage(answering: Array(serverFirst.utf8)) }
        }
        #expect(throws: SCRAMClient.Failure.self) {
            try SCRAMClient(password: [1], clientNonce: "abc").verify(serverFinal: Array("v=AAAA".utf8))
        }
    }

    @Test func aRefusedClientGetsAFatalErrorResponse() throws {
        let bytes = OutgoingMessage.fatal(ProxyRefusal(sqlState: "28000", message: "m", detail: "d", hint: nil))
        var framer = MessageFramer()
        framer.append(bytes)
        let message = try #require(try framer.next())
        #expect(message.type == UInt8(ascii: "E"))
        #expect(message.body == Array("SFATAL\0VFATAL\0C28000\0Mm\0Dd\0\0".utf8))
    }
}
