import PGEntraSystem

/// The first packet a client sends (postmaster.c's ProcessStartupPacket, protocol.sgml's
/// "Start-up"): a length that counts itself, then a protocol version or a request code. Read
/// with PostgreSQL's own limit, so a hostile length (a gigabyte) is refused from its first four
/// bytes, before anything is allocated or waited for.
enum StartupPacket: Equatable, Sendable {
    /// SSLRequest: the proxy answers 'N' (clients reach it on loopback or a Unix socket).
    case sslRequest
    /// GSSENCRequest: answered 'N' too.
    case gssEncryptionRequest
    /// CancelRequest: the backend's process id and its secret key, 4 bytes before protocol 3.2
    /// and up to 256 from it.
    case cancel(processID: UInt32, key: [UInt8])
    /// StartupMessage: the protocol version asked for and the parameters, in order, as bytes
    /// (they are passed on to the server unchanged).
    case startup(version: UInt32, parameters: [Parameter])

    struct Parameter: Equatable, Sendable {
        let name: [UInt8]
        let value: [UInt8]

        var nameText: String { String(decoding: name, as: UTF8.self) }
        var valueText: String { LosslessText.string(decoding: value) }
    }

    /// MAX_STARTUP_PACKET_LENGTH (pqcomm.h): the longest packet, length word included.
    static let maximumLength = 10_000
    /// CancelRequest's key is at most 256 bytes (protocol 3.2).
    static let maximumCancelKey = 256

    static let sslRequestCode: UInt32 = 80_877_103
    static let gssEncryptionRequestCode: UInt32 = 80_877_104
    static let cancelRequestCode: UInt32 = 80_877_102

    enum Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        case length(Int)
        case unsupportedVersion(UInt32)
        case malformed(String)

        /// The server's wording (ProcessStartupPacket), which clients already know.
        var description: String {
            switch self {
            case .length: "invalid length of startup packet"
            case .unsupportedVersion(let version):
                "unsupported frontend protocol \(version >> 16).\(version & 0xFFFF): server supports 3.0 to 3.2"
            case .malformed(let what): "invalid startup packet layout: \(what)"
            }
        }
    }

    /// The whole packet's length, read from its first four bytes, or why it is refused.
    static func length(fromHeader header: [UInt8]) throws(Invalid) -> Int {
        precondition(header.count >= 4)
        let length = Int(WireBytes.uint32(header, at: 0))
        guard length >= 8, length <= maximumLength else { throw .length(length) }
        return length
    }

    /// Parses a packet whose length word has been checked; `packet` includes it.
    static func parse(_ packet: [UInt8]) throws(Invalid) -> StartupPacket {
        guard packet.count >= 8, packet.count <= maximumLength,
              Int(WireBytes.uint32(packet, at: 0)) == packet.count else { throw .length(packet.count) }
        let code = WireBytes.uint32(packet, at: 4)
        switch code {
        case sslRequestCode:
            guard packet.count == 8 else { throw .malformed("SSLRequest has a body") }
            return .sslRequest
        case gssEncryptionRequestCode:
            guard packet.count == 8 else { throw .malformed("GSSENCRequest has a body") }
            return .gssEncryptionRequest
        case cancelRequestCode:
            guard packet.count >= 16, packet.count - 12 <= maximumCancelKey else { throw .malformed("bad CancelRequest length") }
            return .cancel(processID: WireBytes.uint32(packet, at: 8), key: Array(packet[12...]))
        default:
            // Protocol 3.x: the server negotiates the minor version (NegotiateProtocolVersion).
            guard code >> 16 == 3 else { throw .unsupportedVersion(code) }
            return .startup(version: code, parameters: try parameters(packet[8...]))
        }
    }

    /// Name and value strings, each NUL-terminated, ending with an empty name.
    private static func parameters(_ body: ArraySlice<UInt8>) throws(Invalid) -> [Parameter] {
        var parameters: [Parameter] = []
        var index = body.startIndex
        func string() throws(Invalid) -> [UInt8] {
            guard let end = body[index...].firstIndex(of: 0) else { throw .malformed("missing terminator") }
            defer { index = end + 1 }
            return Array(body[index..<end])
        }
        while true {
            let name = try string()
            if name.isEmpty { break }
            parameters.append(Parameter(name: name, value: try string()))
        }
        guard index == body.endIndex else { throw .malformed("data after the last parameter") }
        return parameters
    }
}
