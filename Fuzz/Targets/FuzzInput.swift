/// A fuzz input read front to back: leading bytes choose among a target's variants, the rest
/// is the hostile text itself. Reading past the end yields zeros, so every input is usable.
struct FuzzInput {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next byte, or 0 at the end.
    mutating func choice() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// One of `options`, chosen by the next byte.
    mutating func pick<T>(_ options: [T]) -> T {
        options[Int(choice()) % options.count]
    }

    /// Everything not read yet.
    var rest: [UInt8] {
        Array(bytes[min(offset, bytes.count)...])
    }

    /// Builds a seed: the choice bytes, then the text.
    static func seed(_ choices: [UInt8], _ text: String) -> [UInt8] {
        choices + Array(text.utf8)
    }
}
