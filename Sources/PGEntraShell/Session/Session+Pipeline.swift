import PGEntraDatabase
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Sending a query as the send mode says and reading a pipeline's results, as psql 18's
/// ExecQueryAndProcessResults and discardAbortedPipelineResults do (common.c).
extension Session {
    /// What happened to the query handed over.
    enum Dispatch: Equatable {
        /// Not sent: the caller reports libpq's message.
        case failed
        /// Queued in a pipeline, nothing to read yet.
        case queued
        /// Results to read; `endsPipeline` for `\endpipeline`.
        case read(endsPipeline: Bool)
        /// `\close_prepared` outside a pipeline of a name not prepared (nothing to do), or in a
        /// failed transaction (done when it is over): shown as done now.
        case closedWithoutSending
    }

    /// psql 18's switch on pset.send_mode, with its pipeline counters.
    func dispatch(_ sql: String, on connection: Connection, at location: ScriptLocation?) -> Dispatch {
        let wasInPipeline = connection.isInPipeline
        if !wasInPipeline && connection.transactionState != .failed && !deferredCloses.isEmpty {
            for name in deferredCloses { connection.deallocateIfPrepared(name) }
            deferredCloses = []
        }
        var endsPipeline = false
        let sent: Bool
        switch sendMode {
        case .query where wasInPipeline:
            // Queries in a pipeline go through the extended protocol.
            sent = countCommand(connection.sendQuery(sql, parameters: []), connection)
        case .query:
            sent = connection.send(sql)
        case .extendedParameters(let parameters):
            sent = countCommand(connection.sendQuery(sql, parameters: parameters), connection)
        case .extendedPrepared(let name, let parameters):
            sent = countCommand(connection.sendPrepared(name, parameters: parameters), connection)
        case .parse(let name):
            sent = countCommand(connection.sendPrepare(name, sql), connection)
        case .close(let name) where !wasInPipeline && !name.isEmpty && connection.transactionState == .failed:
            deferredCloses.append(name)
            return .closedWithoutSending
        case .close(let name) where !wasInPipeline && !name.isEmpty && !connection.isPrepared(name):
            return .closedWithoutSending
        case .close(let name):
            sent = countCommand(connection.sendClosePrepared(name), connection, closing: true)
        case .startPipeline:
            sent = connection.enterPipelineMode()
        case .endPipeline:
            sent = connection.pipelineSync()
            if sent && connection.isInPipeline {
                endsPipeline = true
                pipeline.syncs += 1
                pipeline.commandsFlushed()
                pipeline.requested = pipeline.available + pipeline.syncs
            }
        case .syncPipeline:
            sent = connection.sendPipelineSync()
            if sent && connection.isInPipeline {
                pipeline.syncs += 1
                pipeline.commandsFlushed()
            }
        case .flush:
            // psql 18 takes PQflush's result as success, so "all sent" (0) counts as a
            // failure: `\flush` fails (silently, or with libpq's last message) as it does there.
            sent = connection.flush() != 0
        case .flushRequest:
            sent = connection.sendFlushRequest()
            if sent && connection.isInPipeline { pipeline.commandsFlushed() }
        case .getResults(let count):
            if pipeline.available == 0 && pipeline.syncs == 0 {
                // Nothing was flushed or synced: PQgetResult would wait forever.
                report("No pending results to get", at: location)
                pipeline.requested = 0
                sent = false
            } else {
                pipeline.request(count)
                sent = true
            }
        }
        guard sent else { return .failed }
        if pipeline.requested == 0 && !endsPipeline && connection.isInPipeline { return .queued }
        return .read(endsPipeline: endsPipeline)
    }

    private func countCommand(_ sent: Bool, _ connection: Connection, closing: Bool = false) -> Bool {
        if sent && connection.isInPipeline { pipeline.queued(closing: closing) }
        return sent
    }

    /// The result after `result` in a pipeline (psql reads the NULL that ends each command's
    /// results, then the next result only while some are requested); outside one, the next.
    func followingResult(after result: QueryResult, on connection: Connection) -> QueryResult? {
        guard connection.isInPipeline else { return connection.nextResult() }
        if result.status != .pipelineSync { _ = connection.nextResult() }
        return pipeline.requested > 0 ? connection.nextResult() : nil
    }

    /// A result read in a pipeline: the counters of what is left to read. Returns false when
    /// leaving the pipeline at its end failed.
    func countPipelineResult(_ result: QueryResult, endsPipeline: Bool, on connection: Connection) -> Bool {
        if result.status == .pipelineSync {
            pipeline.syncs -= 1
            pipeline.requested -= 1
            if endsPipeline && pipeline.syncs == 0 { return connection.exitPipelineMode() }
        } else if connection.isInPipeline {
            pipeline.commandRead()
        }
        return true
    }

    /// psql 18's discardAbortedPipelineResults: after an error in a pipeline, every result up
    /// to the next sync is dropped (the sync is returned), or up to what was requested or known.
    func discardAbortedPipelineResults(_ connection: Connection) -> QueryResult? {
        while true {
            let result = connection.nextResult()
            if let result, result.status == .pipelineSync { return result }
            if let result, result.status == .error {
                // A FATAL error the backend sent: its end is read, the caller handles it.
                _ = connection.nextResult()
                return result
            }
            if result == nil { pipeline.commandRead() }
            if pipeline.requested <= 0 { return result }
            if pipeline.available <= 0 && pipeline.syncs == 0 { return result }
        }
    }

    /// psql 18's SetPipelineVariables.
    func setPipelineVariables() {
        for (name, value) in pipeline.variables { try? variables.set(name, value) }
    }

    /// COPY cannot run in a pipeline: psql 18 drops the connection and exits (EXIT_BADCONN).
    func copyInPipeline(at location: ScriptLocation?) -> Never {
        report("COPY in a pipeline is not supported, aborting connection", at: location)
        output.flush()
        exit(ExitStatus.connectionFailed.rawValue)
    }
}
