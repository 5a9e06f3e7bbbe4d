import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// psql's simple_prompt with echo off (`\password`): asks on /dev/tty, or on stdin/stderr
/// without one, and reads one line the terminal does not show. Ctrl-C gives up quietly: the
/// terminal's signal keys are off while it reads, so `^C` arrives as a byte, not as SIGINT.
struct HiddenPrompt {
    enum Answer: Equatable {
        case line(String)
        case cancelled
    }

    /// Without a terminal: the next line of standard input as the script reader sees it.
    let readLineWithoutTerminal: () -> String?

    func ask(_ prompt: String) -> Answer {
        Console.flushStandardStreams()
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else {
            Self.write(prompt, to: 2)
            let line = readLineWithoutTerminal()
            Self.write("\n", to: 2)
            return .line(line ?? "")
        }
        defer { close(tty) }
        let (input, output) = (tty, tty)
        // Echo goes off before the prompt shows, as in psql's simple_prompt: an answer typed
        // the moment the prompt appears is neither shown nor flushed away.
        var saved = termios()
        let isTerminal = tcgetattr(input, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO | ISIG)
            tcsetattr(input, TCSAFLUSH, &quiet)
            // What the line editor read ahead goes too, as the flush takes what it left unread.
            _ = LibeditKeyReader.takeTypeahead()
        }
        Self.write(prompt, to: output)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        var cancelled = false
        while true {
            let count = read(input, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 || byte == UInt8(ascii: "\n") { break }
            if byte == 3 {
                cancelled = true
                break
            }
            bytes.append(byte)
        }
        if isTerminal { tcsetattr(input, TCSAFLUSH, &saved) }
        Self.write("\n", to: output)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return cancelled ? .cancelled : .line(String(decoding: bytes, as: UTF8.self))
    }

    private static func write(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
