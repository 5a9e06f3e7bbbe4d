/// Bytes one side of a relayed connection has sent and the other has not taken yet, in a
/// fixed amount of memory: when it is full the relay stops reading that side (backpressure),
/// so a slow client never makes the proxy hold a whole result.
struct RelayBuffer {
    /// Enough for several TLS records (16 KiB each) in flight.
    static let capacity = 256 * 1024

    private var storage = [UInt8](repeating: 0, count: RelayBuffer.capacity)
    private var start = 0
    private var end = 0

    var isEmpty: Bool { start == end }
    var hasRoom: Bool { end < storage.count || start > 0 }
    var count: Int { end - start }

    /// Appends `bytes` (at most the free room; the caller checks `hasRoom`).
    mutating func append(_ bytes: [UInt8]) {
        compact()
        let taken = min(bytes.count, storage.count - end)
        storage.replaceSubrange(end..<(end + taken), with: bytes.prefix(taken))
        end += taken
    }

    /// Lets `body` fill the free room at the end; it returns how many bytes it wrote there
    /// (0 or less: nothing).
    @discardableResult
    mutating func fill(_ body: (UnsafeMutableRawBufferPointer) -> Int) -> Int {
        compact()
        let filled = storage.withUnsafeMutableBytes { all in
            body(UnsafeMutableRawBufferPointer(rebasing: all[end...]))
        }
        if filled > 0 { end += filled }
        return filled
    }

    /// Lets `body` send from the pending bytes; it returns how many it took.
    @discardableResult
    mutating func drain(_ body: (UnsafeRawBufferPointer) -> Int) -> Int {
        let taken = storage.withUnsafeBytes { all in
            body(UnsafeRawBufferPointer(rebasing: all[start..<end]))
        }
        if taken > 0 {
            start += taken
            if start == end { start = 0; end = 0 }
        }
        return taken
    }

    /// Moves the pending bytes to the front when that frees room at the end.
    private mutating func compact() {
        guard start > 0, end == storage.count || start >= storage.count / 2 else { return }
        storage.withUnsafeMutableBytes { all in
            let base = all.baseAddress!
            base.copyMemory(from: base + start, byteCount: end - start)
        }
        end -= start
        start = 0
    }
}
