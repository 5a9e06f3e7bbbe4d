import Testing
@testable import PGEntraProxy

/// The client's first packet, read as postmaster.c's ProcessStartupPacket reads it.
@Suite struct StartupPacketTests {
    private func packet(_ code: UInt32, _ body: [UInt8] = []) -> [UInt8] {
        var bytes: [UInt8] = []
        WireBytes.append(UInt32(8 + body.count), to: &bytes)
        WireBytes.append(code, to: &bytes)
        return bytes + body
    }

    @Test func requestsAreRecognised() throws {
        #expect(try StartupPacket.parse(packet(80_877_103)) == .sslRequest)
        #expect(try StartupPacket.parse(packet(80_877_104)) == .gssEncryptionRequest)
        #expect(try StartupPacket.parse(packet(80_877_102, [0, 0, 0x30, 0x39, 1, 2, 3, 4]))
            == .cancel(processID: 12345, key: [1, 2, 3, 4]))
        // Protocol 3.2's longer keys.
        let key = [UInt8](repeating: 7, count: 32)
        #expect(try StartupPacket.parse(packet(80_877_102, [0, 0, 0, 1] + key)) == .cancel(processID: 1, key: key))
    }

    /// What libpq sends, rebuilt by OutgoingMessage.startup byte for byte.
    @Test func aStartupMessageKeepsEveryParameterInOrder() throws {
        let body = Array("user\0alice@contoso.com\0database\0app\0application_name\0\0options\0-c x=1\0\0".utf8)
        let bytes = packet(196_608, body)
        guard case .startup(let version, let parameters) = try StartupPacket.parse(bytes) else {
            Issue.record("not a startup message")
            return
        }
        #expect(version == 196_608)
        #expect(parameters.map(\.nameText) == ["user", "database", "application_name", "options"])
        #expect(parameters.map(\.valueText) == ["alice@contoso.com", "app", "", "-c x=1"])
        #expect(OutgoingMessage.startup(version: version, parameters: parameters) == bytes)
        // A later minor version of protocol 3 is read, not refused.
        guard case .startup(let later, let laterParameters) = try StartupPacket.parse(packet(196_610, Array("user\0u\0\0".utf8))) else {
            Issue.record("a 3.2 startup packet was not read as a startup")
            return
        }
        #expect(later == 196_610 && laterParameters.map(\.valueText) == ["u"])
    }

    /// A hostile length is refused from the first four bytes.
    @Test(arguments: [0, 4, 7, 10_001, 1 << 30, Int(UInt32.max)])
    func aLengthOutsidePostgresLimitsIsRefused(_ length: Int) {
        var header: [UInt8] = []
        WireBytes.append(UInt32(length), to: &header)
        #expect(throws: StartupPacket.Invalid.length(length)) { try StartupPacket.length(fromHeader: header) }
    }

    @Test func malformedPacketsAreRefused() {
        #expect(throws: StartupPacket.Invalid.unsupportedVersion(131_072)) { try StartupPacket.parse(packet(131_072, [0])) }
        #expect(throws: StartupPacket.Invalid.self) { try StartupPacket.parse(packet(196_608, Array("user\0alice".utf8))) }
        #expect(throws: StartupPacket.Invalid.self) { try StartupPacket.parse(packet(196_608, Array("user\0a\0\0junk".utf8))) }
        #expect(throws: StartupPacket.Invalid.self) { try StartupPacket.parse(packet(80_877_103, [0])) }
        #expect(throws: StartupPacket.Invalid.self) { try StartupPacket.parse(packet(80_877_102, [0, 0, 0, 1])) }
        // Shorter than its process id (found by the proxy-protocol fuzz target).
        #expect(throws: StartupPacket.Invalid.self) { try StartupPacket.parse(packet(80_877_102, [0, 0, 0])) }
        #expect(throws: StartupPacket.Invalid.self) { try StartupPacket.parse(packet(80_877_102, [UInt8](repeating: 1, count: 261))) }
        #expect(throws: StartupPacket.Invalid.self) { try StartupPacket.parse([0, 0, 0, 9, 0, 3, 0, 0]) }
        #expect(StartupPacket.Invalid.unsupportedVersion(131_072).description
            == "unsupported frontend protocol 2.0: server supports 3.0 to 3.2")
    }
}
