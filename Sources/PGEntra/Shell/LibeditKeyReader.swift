#if canImport(Glibc)
import Glibc
#endif

/// libedit's `rl_getc_function`: the next key typed, as one Unicode scalar decoded from UTF-8,
/// read through `CancelSignal.waitAndRead` so that Ctrl-C ends the wait even when it comes while
/// libedit is still drawing the prompt (libedit's own read would then block until the next key).
/// -1 makes libedit's readline return nil, which the editor tells apart as Ctrl-C or Ctrl-D.
enum LibeditKeyReader {
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
                bytes.append(next)
            }
            guard let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first else { continue }
            return Int32(scalar.value)
        }
    }

    /// One byte; nil at the end of input or at Ctrl-C.
    private static func readByte(_ fd: Int32) -> UInt8? {
        var byte: UInt8 = 0
        let waited = withUnsafeMutableBytes(of: &byte) { CancelSignal.waitAndRead(fd, into: $0) }
        return waited == .read(1) ? byte : nil
    }
}
