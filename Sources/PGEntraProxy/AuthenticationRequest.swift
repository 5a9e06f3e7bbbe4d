/// What a server asks for in an Authentication message ('R', protocol.sgml), read with
/// bounds checks; pgentra answers with the token (cleartext, MD5 or SCRAM-SHA-256).
enum AuthenticationRequest: Equatable, Sendable {
    case ok
    case cleartextPassword
    case md5Password(salt: [UInt8])
    /// AuthenticationSASL: the mechanisms the server offers, in its order.
    case sasl(mechanisms: [String])
    case saslContinue([UInt8])
    case saslFinal([UInt8])
    /// Kerberos, GSSAPI, SSPI: nothing a token can answer.
    case unsupported(UInt32)

    struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        let description: String
    }

    static func parse(_ body: [UInt8]) throws(Invalid) -> AuthenticationRequest {
        guard body.count >= 4 else { throw Invalid(description: "an authentication request without its code") }
        let code = WireBytes.uint32(body, at: 0)
        let rest = Array(body[4...])
        switch code {
        case 0: return .ok
        case 3: return .cleartextPassword
        case 5:
            guard rest.count == 4 else { throw Invalid(description: "an MD5 request without a 4-byte salt") }
            return .md5Password(salt: rest)
        case 10:
            // Mechanism names, each NUL-terminated, then an empty one.
            var mechanisms: [String] = []
            var index = 0
            while index < rest.count, rest[index] != 0 {
                guard let end = rest[index...].firstIndex(of: 0) else {
                    throw Invalid(description: "a SASL mechanism list without its terminator")
                }
                mechanisms.append(String(decoding: rest[index..<end], as: UTF8.self))
                index = end + 1
            }
            guard index < rest.count else { throw Invalid(description: "a SASL mechanism list without its terminator") }
            return .sasl(mechanisms: mechanisms)
        case 11: return .saslContinue(rest)
        case 12: return .saslFinal(rest)
        default: return .unsupported(code)
        }
    }
}
