/// Messages cut from a byte stream as they arrive (protocol.sgml "Message Formats"): a type
/// byte, a length that counts itself but not the type, the body. The proxy reads a server's
/// messages this way until the session is ready, and a client's password message; afterwards
/// bytes are relayed without being looked at.
struct MessageFramer {
    struct Message: Equatable, Sendable {
        let type: UInt8
        let body: [UInt8]
    }

    enum Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        case length(type: UInt8, length: Int)

        var description: String {
            switch self {
            case .length(let type, let length):
                "invalid message length \(length) for message type \"\(String(decoding: [type], as: UTF8.self))\""
            }
        }
    }

    /// The longest message accepted: what a sign-in exchange holds is a few KiB at most, and
    /// a hostile length must not decide what is allocated.
    let maximumLength: Int
    private var buffer: [UInt8] = []
    private var start = 0

    init(maximumLength: Int = 1 << 20) {
        self.maximumLength = maximumLength
    }

    mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next whole message, nil until one has arrived.
    mutating func next() throws(Invalid) -> Message? {
        guard buffer.count - start >= 5 else { return nil }
        let type = buffer[start]
        let length = Int(WireBytes.uint32(buffer, at: start + 1))
        guard length >= 4, length <= maximumLength else { throw .length(type: type, length: length) }
        guard buffer.count - start >= 1 + length else { return nil }
        let body = Array(buffer[(start + 5)..<(start + 1 + length)])
        start += 1 + length
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        return Message(type: type, body: body)
    }

    /// Bytes received after the messages taken so far: what follows the sign-in, to be relayed.
    mutating func takeRemainder() -> [UInt8] {
        defer {
            buffer.removeAll()
            start = 0
        }
        return Array(buffer[start...])
    }
}
