import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `\o`, `\timing`, `\w`: where output goes and what is written besides query results.
extension MetaCommands {
    func out(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let target = arguments.next(.filePipe).map { expandTilde($0.text) }
        if let message = session.setQueryOutput(target) {
            session.error(message, at: location)
            return .failed
        }
        return .ok
    }

    func timing(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        var outcome = Outcome.ok
        if let value = arguments.next()?.text {
            if let parsed = Variables.parseBoolean(value) {
                session.timing = parsed
            } else {
                session.error("unrecognized value \"\(value)\" for \"\\timing\": Boolean expected", at: location)
                outcome = .failed
            }
        } else {
            session.timing.toggle()
        }
        if !session.variables.bool("QUIET") {
            session.output.flush()
            session.printStandard(session.timing ? "Timing is on.\n" : "Timing is off.\n")
        }
        return outcome
    }

    /// `\w FILE` (or `|cmd`): the query buffer, else the previous query, with a newline.
    func write(_ arguments: inout ArgumentReader, buffer: String, at location: ScriptLocation?) -> Outcome {
        guard let target = arguments.next(.filePipe)?.text else {
            session.error("\\w: missing required argument", at: location)
            return .failed
        }
        let text = (buffer.isEmpty ? session.previousQuery ?? "" : buffer)
        let bytes = text.isEmpty ? "" : text + "\n"
        if target.hasPrefix("|") {
            Console.flushStandardStreams()
            guard let pipe = popen(String(target.dropFirst()), "w") else {
                session.error("\(target.dropFirst()): \(String(cString: strerror(errno)))", at: location)
                return .failed
            }
            let sigpipe = IgnoredSignal(SIGPIPE)
            LosslessText.withCString(bytes) { _ = fputs($0, pipe) }
            let result = ShellResult(waitStatus: pclose(pipe))
            sigpipe.restore()
            session.setShellResultVariables(result)
            if let failure = result.failure {
                session.error("\(target): \(failure)", at: location)
                return .failed
            }
            return .ok
        }
        let path = expandTilde(target)
        guard let file = fopen(path, "w") else {
            session.error("\(path): \(String(cString: strerror(errno)))", at: location)
            return .failed
        }
        LosslessText.withCString(bytes) { _ = fputs($0, file) }
        fclose(file)
        return .ok
    }

    /// psql's expand_tilde: `~` and `~/…` become the home directory.
    func expandTilde(_ path: String) -> String {
        Self.expandTilde(path, home: homeDirectory)
    }

    static func expandTilde(_ path: String, home: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    /// HOME, else the password database's entry (psql 15 reads only the latter; HOME first
    /// keeps a test's or a sandbox's home where it was put).
    var homeDirectory: String {
        session.environment["HOME"] ?? getpwuid(geteuid()).map { String(cString: $0.pointee.pw_dir) } ?? "/"
    }
}
