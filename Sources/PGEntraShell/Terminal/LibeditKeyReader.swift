#if canImport(Glibc)
import Glibc
#endif

/// libedit's `rl_getc_function`: the next key typed, as one Unicode scalar decoded from UTF-8,
/// read through `CancelSignal.waitAndRead` so that Ctrl-C ends the wait even when it comes while
/// libedit is still drawing the prompt (libedit's own read would then block until the next key).
/// -1 makes libedit's readline return nil, which the editor tells apart as Ctrl-C or Ctrl-D.
///
/// Bytes are read from the terminal as many as have arrived at once, not one per system call
/// (a pasted 10 MB line took four system calls a byte). What is read past the line libedit
/// returns is typeahead that the next reader of the terminal must see first: the next prompt
/// gets it from here, COPY data and `\prompt` take it with `takeTypeahead()`/`takeTypeaheadByte()`.
enum LibeditKeyReader {
    /// Read but not yet handed to libedit. Static because libedit's callback has no context;
    /// touched only on the main thread, never from a signal handler.
    nonisolated(unsafe) private static var pending: [UInt8] = []
    nonisolated(unsafe) private static var next = 0
    nonisolated(unsafe) private static let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)

    static let callback: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        LibeditKeyReader.nextScalar(fd: 0)
    }

    static func nextScalar(fd: Int32) -> Int32 {
        while true {
            guard let lead = readByte(fd) else { return -1 }
            let length: Int
            switch lead {
            case 0..<0x80: return Int32(lead)
            case 0xC2...0xDF: length = 1
            case 0xE0...0xEF: length = 2
            case 0xF0...0xF4: length = 3
            default: continue  // not the start of a UTF-8 character: dropped, as libedit does
            }
            var bytes = [lead]
            for _ in 0..<length {
                guard let next = readByte(fd) else { return -1 }
                // A byte that cannot continue the character (Latin-1 text, then Enter) starts
                // the next key: it is kept, not swallowed with the broken character.
                guard next & 0xC0 == 0x80 else {
                    putBack([next])
                    break
                }
                bytes.append(next)
            }
            guard let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first else { continue }
            return Int32(scalar.value)
        }
    }

    /// The bytes read from the terminal that libedit has not had (and forgets them): for a
    /// reader that takes over the terminal after a line, such as COPY data pasted with its COPY.
    static func takeTypeahead() -> [UInt8] {
        defer {
            pending = []
            next = 0
        }
        return Array(pending[next...])
    }

    /// Puts `bytes` before what is still unread (typeahead another reader of the terminal took).
    static func putBack(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        pending = bytes + pending[next...]
        next = 0
    }

    /// The next byte read ahead, if any, for a reader that must not take more than one line.
    static func takeTypeaheadByte() -> UInt8? {
        guard next < pending.count else { return nil }
        next += 1
        return pending[next - 1]
    }

    /// One byte; nil at the end of input or at Ctrl-C. A Ctrl-C also drops what was read ahead,
    /// as the terminal drops its unread input at SIGINT.
    private static func readByte(_ fd: Int32) -> UInt8? {
        if !CancelSignal.interruptIsPending, let byte = takeTypeaheadByte() { return byte }
        pending = []
        next = 0
        guard case .read(let count) = CancelSignal.waitAndRead(fd, into: chunk), count > 0 else { return nil }
        pending = Array(chunk[..<count])
        next = 1
        return pending[0]
    }
}
