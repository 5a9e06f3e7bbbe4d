import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Where printers write: bytes, buffered, flushed in large writes. Printers work on bytes, not
/// Strings, so millions of rows stream out without a conversion per cell.
///
/// The buffer is a raw allocation rather than an `[UInt8]`: a printer makes two or three small
/// writes per cell, and a plain `memcpy` into fixed storage keeps each one a few instructions.
package final class ByteSink {
    package enum Destination {
        /// A file descriptor (stdout, a `-o` file); the sink does not close it.
        case descriptor(Int32)
        /// Kept in memory, for tests.
        case memory
        /// Nowhere: rows read for a `\g` file that could not be opened, dropped as psql drops them.
        case discarded
    }

    private let destination: Destination
    private let storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Everything written, for `.memory`.
    private(set) var captured: [UInt8] = []
    /// Set when a write failed (a closed pipe): callers stop producing output.
    private(set) var failed = false

    static let flushThreshold = 1 << 16

    package init(_ destination: Destination) {
        self.destination = destination
        storage = .allocate(capacity: Self.flushThreshold)
    }

    deinit {
        flush()
        storage.deallocate()
    }

    @inline(__always)
    package func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0 else { return }
        if count + n > Self.flushThreshold {
            flush()
            if n > Self.flushThreshold {
                emit(UnsafeRawBufferPointer(bytes))
                return
            }
        }
        (storage + count).update(from: bytes.baseAddress!, count: n)
        count += n
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// Text goes out as the bytes it stands for: bytes read that were not UTF-8 leave as they
    /// came (LosslessText).
    package func write(_ text: String) {
        LosslessText.withBytes(of: text) { write($0) }
    }

    /// Literal fragments (`" | "`, `"<td align=\"left\">"`) without building a String.
    @inline(__always)
    func write(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    func write(byte: UInt8) {
        if count == Self.flushThreshold { flush() }
        storage[count] = byte
        count += 1
    }

    func write(repeating byte: UInt8, count repeats: Int) {
        var remaining = repeats
        while remaining > 0 {
            if count == Self.flushThreshold { flush() }
            let n = min(remaining, Self.flushThreshold - count)
            (storage + count).update(repeating: byte, count: n)
            count += n
            remaining -= n
        }
    }

    /// Writes `value` in decimal, as `printf("%lu")` would.
    func write(decimal value: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if value < 0 { write(byte: UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            write(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[start...]))
        }
    }

    package func flush() {
        guard count > 0 else { return }
        emit(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) {
        switch destination {
        case .memory:
            captured.append(contentsOf: bytes)
        case .discarded:
            break
        case .descriptor(let fd):
            var offset = 0
            while offset < bytes.count && !failed {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                } else {
                    offset += written
                }
            }
        }
    }

    /// Whether this writes to stdout (fd 1): only then may a pager stand in for it.
    package var isStandardOutput: Bool {
        if case .descriptor(1) = destination { return true }
        return false
    }

    /// The captured bytes as text, for tests.
    var text: String {
        flush()
        return String(decoding: captured, as: UTF8.self)
    }
}
