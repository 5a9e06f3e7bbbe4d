/// Big-endian integers and NUL-terminated strings as the PostgreSQL protocol lays them out,
/// read with bounds checks: every read of a hostile packet names its offset and length first.
enum WireBytes {
    /// The UInt32 at `offset`; the caller has checked that four bytes are there.
    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A message with a type byte: the type, a length counting itself and `body`, then `body`.
    static func message(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        var bytes = [type]
        append(UInt32(body.count + 4), to: &bytes)
        return bytes + body
    }

    /// A string as the protocol's String: its bytes and a NUL.
    static func cString(_ bytes: [UInt8]) -> [UInt8] {
        bytes + [0]
    }
}
