import PGEntraScanner
#if canImport(Glibc)
import Glibc
#endif

/// `\startpipeline`, `\sendpipeline`, `\syncpipeline`, `\flushrequest`, `\flush`,
/// `\getresults [N]`, `\endpipeline` (psql 18's exec_command_startpipeline and neighbours):
/// each sets how the next send works and sends at once, except `\sendpipeline`, which sends
/// the buffer as `\bind` or `\bind_named` prepared it.
extension MetaCommands {
    static let pipelineModes: [String: SendMode] = [
        "startpipeline": .startPipeline, "endpipeline": .endPipeline, "syncpipeline": .syncPipeline,
        "flush": .flush, "flushrequest": .flushRequest,
    ]

    /// The commands that take no argument and only change the send mode.
    func pipelineCommand(_ mode: SendMode) -> Outcome {
        session.sendMode = mode
        return .send
    }

    /// psql 18's exec_command_getresults: a count read as C's atoi reads it; negative is refused
    /// (the mode is set first and stays, as psql leaves it).
    func getResults(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        session.sendMode = .getResults(0)
        guard let text = arguments.next()?.text else { return .send }
        let count = Int(atoi(text))
        guard count >= 0 else {
            session.error("\\getresults: invalid number of requested results", at: location)
            return .failed
        }
        session.sendMode = .getResults(count)
        return .send
    }

    /// psql 18's exec_command_sendpipeline: only in a pipeline, only after `\bind` or `\bind_named`.
    func sendPipeline(at location: ScriptLocation?) -> Outcome {
        guard session.inPipeline else {
            return refuse("\\sendpipeline not allowed outside of pipeline mode", at: location)
        }
        guard session.sendMode.isBind else {
            return refuse("\\sendpipeline must be used after \\bind or \\bind_named", at: location)
        }
        return .send
    }

    /// `\g`, `\gx`, `\gset`, `\gexec` and `\watch` in a pipeline: psql's error, and the
    /// extended-query state dropped (clean_extended_state). Nil outside a pipeline.
    func refusedInPipeline(_ name: String, at location: ScriptLocation?) -> Outcome? {
        guard session.inPipeline else { return nil }
        return refuse("\\\(name) not allowed in pipeline mode", at: location)
    }

    private func refuse(_ message: String, at location: ScriptLocation?) -> Outcome {
        session.error(message, at: location)
        session.sendMode = .query
        return .failed
    }
}

extension Session {
    /// PQpipelineStatus is not off (psql's test before the commands a pipeline refuses).
    var inPipeline: Bool { connection?.isInPipeline ?? false }
}
