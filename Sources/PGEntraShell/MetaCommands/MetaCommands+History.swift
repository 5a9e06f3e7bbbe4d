import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `\s [FILE]`: the interactive shell's history, on stdout through the pager (whenever the pager
/// is on, whatever the length) or into FILE (psql's exec_command_s and printHistory).
extension MetaCommands {
    func printHistory(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let file = arguments.next().map { expandTilde($0.text) }
        defer { if file == nil { session.printStandard("\n") } }
        // psql built with a line editor keeps history only when it reads a terminal, and then
        // fails without a word elsewhere.
        guard let entries = session.historyEntries?() else { return .failed }
        let text = entries.map { $0 + "\n" }.joined()
        guard let file else {
            session.writePaged(text, lines: Int.max)
            return .ok
        }
        guard Self.write(text, toFile: file) else {
            session.error("could not save history to file \"\(file)\": \(String(cString: strerror(errno)))", at: location)
            return .failed
        }
        if !session.variables.bool("QUIET") {
            session.output.flush()
            session.printStandard("Wrote history to file \"\(file)\".\n")
        }
        return .ok
    }

    /// The history into `path`, created 0600 (it may hold what was typed at the prompt), or
    /// truncated; false with errno set when it cannot be written whole. Opened without blocking,
    /// so a FIFO nobody reads fails at once instead of hanging the shell.
    private static func write(_ text: String, toFile path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var bytes = LosslessText.bytes(of: text)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
