/// The messages the proxy writes itself (protocol.sgml "Message Formats"): to a server while it
/// signs in on a client's behalf, and to a client that cannot be served. Everything else it
/// relays as it came.
enum OutgoingMessage {
    static func sslRequest() -> [UInt8] {
        var bytes: [UInt8] = []
        WireBytes.append(8, to: &bytes)
        WireBytes.append(StartupPacket.sslRequestCode, to: &bytes)
        return bytes
    }

    /// StartupMessage with the client's protocol version and parameters.
    static func startup(version: UInt32, parameters: [StartupPacket.Parameter]) -> [UInt8] {
        var body: [UInt8] = []
        WireBytes.append(version, to: &body)
        for parameter in parameters {
            body += WireBytes.cString(parameter.name) + WireBytes.cString(parameter.value)
        }
        body.append(0)
        var bytes: [UInt8] = []
        WireBytes.append(UInt32(body.count + 4), to: &bytes)
        return bytes + body
    }

    /// PasswordMessage: a cleartext or MD5 password.
    static func password(_ password: [UInt8]) -> [UInt8] {
        WireBytes.message(UInt8(ascii: "p"), WireBytes.cString(password))
    }

    static func saslInitialResponse(mechanism: String, _ data: [UInt8]) -> [UInt8] {
        var body = WireBytes.cString(Array(mechanism.utf8))
        WireBytes.append(UInt32(data.count), to: &body)
        return WireBytes.message(UInt8(ascii: "p"), body + data)
    }

    static func saslResponse(_ data: [UInt8]) -> [UInt8] {
        WireBytes.message(UInt8(ascii: "p"), data)
    }

    static func cancelRequest(processID: UInt32, key: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        WireBytes.append(UInt32(12 + key.count), to: &bytes)
        WireBytes.append(StartupPacket.cancelRequestCode, to: &bytes)
        WireBytes.append(processID, to: &bytes)
        return bytes + key
    }

    static func terminate() -> [UInt8] {
        WireBytes.message(UInt8(ascii: "X"), [])
    }

    /// AuthenticationCleartextPassword, for `--local-password`.
    static func authenticationCleartextPassword() -> [UInt8] {
        var body: [UInt8] = []
        WireBytes.append(3, to: &body)
        return WireBytes.message(UInt8(ascii: "R"), body)
    }

    /// ErrorResponse with severity FATAL, as a server ends a connection it will not serve.
    static func fatal(_ refusal: ProxyRefusal) -> [UInt8] {
        var body: [UInt8] = []
        func field(_ code: Character, _ text: String) {
            // A protocol string cannot hold a NUL.
            body.append(code.asciiValue!)
            body += WireBytes.cString(Array(text.utf8).filter { $0 != 0 })
        }
        field("S", "FATAL")
        field("V", "FATAL")
        field("C", refusal.sqlState)
        field("M", refusal.message)
        if let detail = refusal.detail { field("D", detail) }
        if let hint = refusal.hint { field("H", hint) }
        body.append(0)
        return WireBytes.message(UInt8(ascii: "E"), body)
    }
}
