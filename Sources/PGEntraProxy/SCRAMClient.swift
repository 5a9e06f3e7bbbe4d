import PGEntraIdentity

/// The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as libpq's fe-auth-scram.c speaks it
/// to PostgreSQL: no channel binding ("n,,"), an empty user name (the server takes the startup
/// packet's), and the server's signature checked at the end, so a server that does not know
/// the password is not believed. The password is a token, printable ASCII, which SASLprep
/// leaves as it is.
struct SCRAMClient {
    static let mechanism = "SCRAM-SHA-256"
    /// Iterations a server may ask for: PostgreSQL's default is 4096; beyond this a hostile
    /// server would make the proxy spend seconds of CPU per connection.
    static let maximumIterations = 1 << 20

    enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed(String)
        case serverError(String)
        case wrongServerSignature

        var description: String {
            switch self {
            case .malformed(let what): "malformed SCRAM message from the server: \(what)"
            case .serverError(let error): "the server refused the SCRAM exchange: \(error)"
            case .wrongServerSignature: "incorrect server signature"
            }
        }
    }

    private let password: [UInt8]
    private let clientNonce: String
    private var authMessage: [UInt8] = []
    private var serverKey: [UInt8] = []

    /// `clientNonce` is fresh randomness in printable ASCII without `,` (tests give RFC 7677's).
    init(password: [UInt8], clientNonce: String) {
        self.password = password
        self.clientNonce = clientNonce
    }

    private var clientFirstBare: String { "n=,r=\(clientNonce)" }

    /// SASLInitialResponse's data.
    var firstMessage: [UInt8] { Array(("n,," + clientFirstBare).utf8) }

    /// The answer to the server-first message: client-final with the proof.
    mutating func finalMessage(answering serverFirst: [UInt8]) throws(Failure) -> [UInt8] {
        let text = String(decoding: serverFirst, as: UTF8.self)
        let fields = Self.fields(text)
        guard let nonce = fields["r"], nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count else {
            throw .malformed("the nonce does not extend ours")
        }
        guard let saltText = fields["s"], let salt = Base64URL.decode(Substring(saltText)), !salt.isEmpty else {
            throw .malformed("no salt")
        }
        guard let iterationText = fields["i"], let iterations = Int(iterationText),
              (1...Self.maximumIterations).contains(iterations) else {
            throw .malformed("iteration count \(fields["i"] ?? "missing") is out of range")
        }
        let salted = PasswordDigest.pbkdf2SHA256(password, salt: salt, iterations: iterations)
        let clientKey = PasswordDigest.hmacSHA256(key: salted, Array("Client Key".utf8))
        let storedKey = PasswordDigest.sha256(clientKey)
        serverKey = PasswordDigest.hmacSHA256(key: salted, Array("Server Key".utf8))
        // "biws" is base64 of the GS2 header "n,,".
        let withoutProof = "c=biws,r=\(nonce)"
        authMessage = Array("\(clientFirstBare),\(text),\(withoutProof)".utf8)
        let signature = PasswordDigest.hmacSHA256(key: storedKey, authMessage)
        let proof = zip(clientKey, signature).map { $0 ^ $1 }
        return Array("\(withoutProof),p=\(Base64URL.encodeStandard(proof))".utf8)
    }

    /// Checks server-final: the server's signature over the exchange, or its error.
    func verify(serverFinal: [UInt8]) throws(Failure) {
        let fields = Self.fields(String(decoding: serverFinal, as: UTF8.self))
        if let error = fields["e"] { throw .serverError(error) }
        guard !serverKey.isEmpty, let text = fields["v"], let signature = Base64URL.decode(Substring(text)) else {
            throw .malformed("no server signature")
        }
        guard signature == PasswordDigest.hmacSHA256(key: serverKey, authMessage) else { throw .wrongServerSignature }
    }

    /// `a=b,c=d` attributes; the first of a repeated one counts.
    private static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard part.count >= 2, part[part.index(after: part.startIndex)] == "=" else { continue }
            let name = String(part.prefix(1))
            if fields[name] == nil { fields[name] = String(part.dropFirst(2)) }
        }
        return fields
    }
}
