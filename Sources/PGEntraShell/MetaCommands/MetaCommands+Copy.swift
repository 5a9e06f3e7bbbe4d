import PGEntraOutput
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `\copy`: COPY FROM STDIN / TO STDOUT with the data read or written here (psql's do_copy).
extension MetaCommands {
    func copy(_ arguments: inout ArgumentReader, at location: ScriptLocation?, source: InputSource?) -> Outcome {
        let command: CopyCommand
        do throws(CopyCommand.ParseError) {
            command = try CopyCommand.parse(arguments.next(.wholeLine)?.text, home: homeDirectory)
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
        let stream: CopyStream
        var closer: (() -> Bool)?
        if command.from {
            if let file = command.file {
                if command.program {
                    session.output.flush()
                    Console.flushStandardStreams()
                    guard let pipe = popen(file, "r") else {
                        session.error("could not execute command \"\(file)\": \(String(cString: strerror(errno)))", at: location)
                        return .failed
                    }
                    session.copyStream = .input(InputSource(descriptor: fileno(pipe), name: nil))
                    let previous = session.previousQuery
                    let ok = session.run(command.sql, at: location)
                    session.previousQuery = previous
                    session.copyStream = nil
                    return closeProgram(pipe, file, at: location) && ok ? .ok : .failed
                }
                do throws(InputSource.OpenError) {
                    stream = .input(try InputSource(path: file))
                } catch {
                    session.error(error.description, at: location)
                    return .failed
                }
            } else if command.psqlInOut {
                // pstdin of a script read from stdin is that script, read on from where it is.
                let standardInput = session.currentInput.flatMap { $0.readsStandardInput ? $0 : nil }
                stream = session.terminalCopyInput != nil ? .terminal : .input(standardInput ?? InputSource(descriptor: 0, name: nil))
            } else if let script = source ?? session.currentInput {
                stream = .input(script)
            } else {
                stream = session.terminalCopyInput != nil ? .terminal : .input(InputSource(descriptor: 0, name: nil))
            }
        } else if let file = command.file {
            session.output.flush()
            Console.flushStandardStreams()
            if command.program {
                guard let pipe = popen(file, "w") else {
                    session.error("could not execute command \"\(file)\": \(String(cString: strerror(errno)))", at: location)
                    return .failed
                }
                stream = .output(ByteSink(.descriptor(fileno(pipe))), showsTag: true)
                let sigpipe = IgnoredSignal(SIGPIPE)
                closer = { [self] in
                    defer { sigpipe.restore() }
                    return closeProgram(pipe, file, at: location)
                }
            } else {
                let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
                guard fd >= 0 else {
                    session.error("\(file): \(String(cString: strerror(errno)))", at: location)
                    return .failed
                }
                stream = .output(ByteSink(.descriptor(fd)), showsTag: true)
                closer = { close(fd) == 0 }
            }
        } else if command.psqlInOut {
            // HandleCopyResult hides the tag when the data went to the query output: stdout is
            // that only when neither -o nor \o took it elsewhere.
            stream = .output(session.standardOutput, showsTag: session.output !== session.standardOutput)
        } else {
            stream = .output(session.output, showsTag: false)
        }
        session.copyStream = stream
        let previous = session.previousQuery
        let started = session.copyInsStarted
        let ok = session.run(command.sql, at: location)
        session.previousQuery = previous
        session.copyStream = nil
        let closed = closer?() ?? true
        if command.from, command.file == nil, case .input(let data) = stream, session.copyInsStarted == started {
            // psql 18.6 (CVE-2026-6464): the data of a failed `\copy ... from stdin|pstdin`
            // is skipped rather than run when it would have come from where commands come
            // from: the script, or stdin for `-c` (not yet read from, as the COPY never started).
            if data === source || data === session.currentInput {
                session.skipCopyData(blocks: 1, in: data)
            } else if session.currentInput == nil && data.readsStandardInput {
                session.skipCopyData(blocks: 1, descriptor: 0)
            }
        }
        return ok && closed ? .ok : .failed
    }

    /// psql's do_copy after `PROGRAM`: the command's failure is the copy's, and SHELL_ERROR and
    /// SHELL_EXIT_CODE tell how it ended.
    private func closeProgram(_ pipe: UnsafeMutablePointer<FILE>, _ command: String, at location: ScriptLocation?) -> Bool {
        let result = ShellResult(waitStatus: pclose(pipe))
        session.setShellResultVariables(result)
        guard let failure = result.failure else { return true }
        session.error("\(command): \(failure)", at: location)
        return false
    }
}
