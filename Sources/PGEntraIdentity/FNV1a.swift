/// FNV-1a, 64 bits: a short stable name for a longer text (cache file names, account
/// fingerprints). Not a defence against a chosen collision; every cache file also holds its full
/// key, which is compared before the file is believed.
enum FNV1a {
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 hex digits.
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let hex = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
