import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Lines typed at the terminal without line editing: the shell's input under `-n` and COPY
/// data at PROMPT3 (psql reads both with fgets on stdin). The terminal stays in its cooked mode,
/// so it echoes and erases; Ctrl-C ends the wait (see `CancelSignal.waitAndRead`), which is
/// reported as `.interrupted`. Bytes after a newline are kept for the next line.
package final class TerminalInput {
    private let fd: Int32
    private var buffer: [UInt8] = []

    package init(descriptor: Int32 = 0) {
        fd = descriptor
    }

    /// The bytes read past the last line returned (and forgets them), for the line editor.
    func takeBuffered() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    /// The next line; at Ctrl-D after some text that text (fgets returns it), on an empty line `.end`.
    func readLine() -> LineInput {
        // Lines pasted after the one the line editor returned (COPY data after its COPY).
        if fd == 0 { buffer += LibeditKeyReader.takeTypeahead() }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = LosslessText.string(decoding: buffer[..<newline])
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            let waited = chunk.withUnsafeMutableBytes { CancelSignal.waitAndRead(fd, into: $0) }
            guard case .read(let count) = waited else {
                _ = CancelSignal.takeInterrupt()
                buffer = []
                return .interrupted
            }
            guard count > 0 else {
                guard !buffer.isEmpty else { return .end }
                defer { buffer = [] }
                return .line(LosslessText.string(decoding: buffer))
            }
            buffer += chunk[..<count]
        }
    }
}
