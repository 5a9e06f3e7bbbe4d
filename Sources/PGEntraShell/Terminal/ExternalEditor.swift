import PGEntraIdentity
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// The editor `\e` and `\ef` run (psql's do_edit and editFile): PSQL_EDITOR, EDITOR, VISUAL,
/// else `vi`, started through `sh` as `exec EDITOR [+LINE] 'FILE'` (the `+` is
/// PSQL_EDITOR_LINENUMBER_ARG, else psql's built-in DEFAULT_EDITOR_LINENUMBER_ARG). The variables come from the
/// session's environment when the command runs, as psql reads them, so `\setenv EDITOR ...`
/// takes effect.
struct ExternalEditor {
    enum Failure: Error, Equatable, CustomStringConvertible {
        case couldNotStart(String)
        case couldNotStartShell
        case exited
        case file(String)

        var description: String {
            switch self {
            case .couldNotStart(let editor): "could not start editor \"\(editor)\""
            case .couldNotStartShell: "could not start /bin/sh"
            case .exited: ""
            case .file(let message): message
            }
        }
    }

    let environment: Environment

    private func lookup(_ name: String) -> String? { environment[name] }

    var editor: String {
        lookup("PSQL_EDITOR") ?? lookup("EDITOR") ?? lookup("VISUAL") ?? "vi"
    }

    /// The shell command: the editor is not quoted (it may carry options, `EDITOR="pico -t"`).
    func command(file: String, line: Int?) throws(Failure) -> String {
        guard let line else { return "exec \(editor) '\(file)'" }
        // psql on Unix has a built-in default (settings.h); only its Windows build lacks one.
        let argument = lookup("PSQL_EDITOR_LINENUMBER_ARG") ?? "+"
        return "exec \(editor) \(argument)\(line) '\(file)'"
    }

    /// Edits `text` (newline-terminated first) in a 0600 file in TMPDIR and returns what the
    /// editor left, or nil when the file was not changed (same size and modification time).
    func edit(_ text: inout String, line: Int?) throws(Failure) -> String? {
        let directory = lookup("TMPDIR") ?? "/tmp"
        let path = "\(directory)/pgentra.edit.\(getpid()).sql"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .file("could not open temporary file \"\(path)\": \(Self.lastError())") }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        let bytes = LosslessText.bytes(of: text)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        defer { unlink(path) }
        guard written == bytes.count else { throw .file("\(path): \(Self.lastError())") }
        // A little in the past, so a change made within the same second still shows.
        var times = utimbuf(actime: time(nil) - 2, modtime: time(nil) - 2)
        utime(path, &times)
        return try editFile(path, line: line)
    }

    /// Runs the editor on `path`; the file's new contents, or nil when it was left unchanged.
    func editFile(_ path: String, line: Int?) throws(Failure) -> String? {
        var before = stat()
        guard stat(path, &before) == 0 else { throw .file("\(path): \(Self.lastError())") }
        let shellCommand = try command(file: path, line: line)
        Console.flushStandardStreams()
        let status = system(shellCommand)
        // psql compares the raw wait status with 127, so a shell that exits 127 is "an editor".
        if status == -1 { throw .couldNotStart(editor) }
        if status == 127 { throw .couldNotStartShell }
        guard status == 0 else { throw .exited }
        var after = stat()
        guard stat(path, &after) == 0 else { throw .file("\(path): \(Self.lastError())") }
        guard before.st_size != after.st_size || before.st_mtim.tv_sec != after.st_mtim.tv_sec else { return nil }
        do throws(FileContents.ReadError) {
            return LosslessText.string(decoding: try FileContents.read(path, limit: 1 << 30))
        } catch {
            throw .file("\(path): \(error)")
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
