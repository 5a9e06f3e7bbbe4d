import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `\cd`, `\!`, `\encoding`, `\getenv`, `\setenv`, `\prompt`: the shell around the session.
extension MetaCommands {
    func changeDirectory(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let directory = arguments.next().map { expandTilde($0.text) } ?? homeDirectory
        guard chdir(directory) == 0 else {
            session.error("\\\(name): could not change directory to \"\(directory)\": \(String(cString: strerror(errno)))", at: location)
            return .failed
        }
        return .ok
    }

    func shell(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let command = arguments.next(.wholeLine)?.text ?? session.environment["SHELL"] ?? "/bin/sh"
        session.output.flush()
        Console.flushStandardStreams()
        let status = LosslessText.withCString(command) { system($0) }
        session.setShellResultVariables(ShellResult(waitStatus: status))
        // psql's do_shell compares the raw status: a shell's "not found" (127 << 8) is no failure.
        guard status != -1 && status != 127 else {
            session.error("\\!: failed", at: location)
            return .failed
        }
        return .ok
    }

    func encoding(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let connection = session.connection else { return .ok }
        guard let name = arguments.next()?.text else {
            session.output.flush()
            session.printStandard((connection.parameterStatus("client_encoding") ?? "SQL_ASCII") + "\n")
            return .ok
        }
        guard connection.setClientEncoding(name) else {
            session.error("\(name): invalid encoding name or conversion procedure not found", at: location)
            return .failed
        }
        session.refreshConnectionVariables()
        return .ok
    }

    func getenvCommand(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let variable = arguments.next()?.text, let environment = arguments.next()?.text else {
            session.error("\\\(name): missing required argument", at: location)
            return .failed
        }
        guard let value = session.environment.variables[environment] else { return .ok }
        return setVariable(variable, value, at: location)
    }

    func setenvCommand(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let variable = arguments.next()?.text else {
            session.error("\\\(name): missing required argument", at: location)
            return .failed
        }
        let value = arguments.next()?.text
        if variable.contains("=") {
            session.error("\\\(name): environment variable name must not contain \"=\"", at: location)
            return .failed
        }
        // The process's copy too, for the commands \! and \e start and for libpq's PG* lookups.
        if let value { setenv(variable, value, 1) } else { unsetenv(variable) }
        session.environment = session.environment.with([variable: value])
        // psql reads PAGER and COLUMNS each time it pages.
        session.pagerSettings = PagerSettings(environment: session.environment)
        return .ok
    }

    /// `\prompt [text] name`: in a `-f` script the text goes to stdout and a line is read from
    /// stdin; otherwise (no terminal here) the text goes to stderr and end of input gives "".
    /// When the script itself comes from stdin, its next line is the answer.
    func prompt(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let first = arguments.next()?.text else {
            session.error("\\\(name): missing required argument", at: location)
            return .failed
        }
        let second = arguments.next()?.text
        let text = second == nil ? nil : first
        let variable = second ?? first
        session.output.flush()
        let fromFile = location?.source != nil
        if let text {
            if fromFile { session.printStandard(text) } else { session.diagnostics(text) }
        }
        let input = session.currentInput.flatMap { $0.readsStandardInput ? $0 : nil }
        guard let line = input.map({ $0.readLine() }) ?? Self.readStandardInputLine() else {
            if fromFile {
                session.error("\\\(name): could not read value for variable", at: location)
                return .failed
            }
            return setVariable(variable, "", at: location)
        }
        return setVariable(variable, line, at: location)
    }

    /// One line from fd 0, read a byte at a time so nothing after it is consumed; what the
    /// line editor read ahead (an answer pasted with its `\prompt`) comes first.
    static func readStandardInputLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        var sawAny = false
        while let next = LibeditKeyReader.takeTypeaheadByte() ?? (read(0, &byte, 1) == 1 ? byte : nil) {
            sawAny = true
            if next == UInt8(ascii: "\n") { break }
            bytes.append(next)
        }
        guard sawAny else { return nil }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return LosslessText.string(decoding: bytes)
    }
}
