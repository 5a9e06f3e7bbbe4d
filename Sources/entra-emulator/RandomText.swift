/// Random opaque strings: token ids, device and user codes, refresh tokens. Swift's default
/// generator reads the system CSPRNG, so none of them is guessable.
enum RandomText {
    static func base64URL(byteCount: Int) -> String {
        Base64URL.encode((0..<byteCount).map { _ in UInt8.random(in: 0...255) })
    }

    /// Eight characters like `ABCD1234`, without the look-alikes 0/O and 1/I.
    static func userCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<8).map { _ in alphabet.randomElement()! })
    }
}
