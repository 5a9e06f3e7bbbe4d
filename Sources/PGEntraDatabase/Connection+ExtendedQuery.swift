import CLibpq
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// The extended query protocol and libpq's pipeline mode, as psql 18's `\bind`, `\bind_named`,
/// `\parse`, `\close_prepared` and the pipeline commands use them (common.c
/// ExecQueryAndProcessResults). Results follow from `nextResult`, as after `send`.
extension Connection {
    /// PQsendQueryParams: `sql` as one statement with text parameters (nil is NULL).
    package func sendQuery(_ sql: String, parameters: [String?]) -> Bool {
        withParameters(parameters) { count, values in
            LosslessText.withCString(sql) { PQsendQueryParams(handle, $0, count, nil, values, nil, nil, 0) == 1 }
        }
    }

    /// PQsendQueryPrepared: runs the statement prepared as `name` ("" is the unnamed one).
    package func sendPrepared(_ name: String, parameters: [String?]) -> Bool {
        withParameters(parameters) { count, values in
            LosslessText.withCString(name) { PQsendQueryPrepared(handle, $0, count, values, nil, nil, 0) == 1 }
        }
    }

    /// PQsendPrepare: prepares `sql` as `name`, parameter types left to the server.
    package func sendPrepare(_ name: String, _ sql: String) -> Bool {
        LosslessText.withCString(name) { name in
            LosslessText.withCString(sql) { PQsendPrepare(handle, name, $0, 0, nil) == 1 }
        }
    }

    /// psql 18 sends a Close message (PQsendClosePrepared, libpq 17), which the libpq 15 we
    /// link lacks. The same effect through what libpq 15 has: `DEALLOCATE name` sent with the
    /// extended protocol (so it may be queued in a pipeline); the shell shows its result as
    /// psql shows CloseComplete (an empty command tag), and outside a pipeline sends nothing
    /// for a name that is not prepared (see `isPrepared`). In a pipeline nothing can be asked
    /// first, and a Close of an unknown name must not abort it, so the check and the
    /// DEALLOCATE run on the server, in a DO block. The unnamed statement has no name
    /// DEALLOCATE takes, but every simple-protocol query drops it (the server's
    /// exec_simple_query): an empty one does, outside a pipeline; in one, where only the
    /// extended protocol may go, an empty statement parsed in its place stands for closing it.
    /// What libpq 15 cannot do: any statement sent in a pipeline replaces the unnamed one,
    /// which a Close of a named statement leaves alone.
    package func sendClosePrepared(_ name: String) -> Bool {
        guard !name.isEmpty else { return isInPipeline ? sendQuery("", parameters: []) : send("") }
        guard let quoted = identifier(name) else { return false }
        guard isInPipeline else { return sendQuery("DEALLOCATE " + quoted, parameters: []) }
        let name = literal(name)
        var tag = "$pgentra$"
        while name.contains(tag) { tag.insert("_", at: tag.index(before: tag.endIndex)) }
        return sendQuery(
            "DO \(tag)BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_prepared_statements WHERE name = \(name)) "
                + "THEN EXECUTE 'DEALLOCATE ' || pg_catalog.quote_ident(\(name)); END IF; END\(tag)",
            parameters: [])
    }

    /// Whether `name` is prepared in this session: a Close of an unknown name is no error, a
    /// DEALLOCATE of one is (and would abort the transaction), so the shell asks first.
    package func isPrepared(_ name: String) -> Bool {
        let found = execute("SELECT 1 FROM pg_catalog.pg_prepared_statements WHERE name = " + literal(name))
        guard let found, found.status == .tuples else { return false }
        return found.rowCount == 1
    }

    /// A Close works in a failed transaction, DEALLOCATE does not: the shell defers the close
    /// and does it here once the transaction is over, when `name` (still) exists.
    package func deallocateIfPrepared(_ name: String) {
        guard isPrepared(name), let quoted = identifier(name) else { return }
        _ = execute("DEALLOCATE " + quoted)
    }

    /// libpq's PQpipelineStatus.
    package enum PipelineStatus: Sendable { case off, on, aborted }

    package var pipelineStatus: PipelineStatus {
        switch PQpipelineStatus(handle) {
        case PQ_PIPELINE_ON: .on
        case PQ_PIPELINE_ABORTED: .aborted
        default: .off
        }
    }

    package var isInPipeline: Bool { pipelineStatus != .off }

    package func enterPipelineMode() -> Bool { PQenterPipelineMode(handle) == 1 }

    package func exitPipelineMode() -> Bool { PQexitPipelineMode(handle) == 1 }

    /// PQpipelineSync: a Sync, then the send buffer flushed.
    package func pipelineSync() -> Bool { PQpipelineSync(handle) == 1 }

    /// psql 18's `\syncpipeline` calls PQsendPipelineSync (libpq 17), a Sync without the flush.
    /// libpq 15 has only PQpipelineSync, which also flushes: the server sees the same messages
    /// a little earlier, and the results and errors are the same.
    package func sendPipelineSync() -> Bool { pipelineSync() }

    /// PQsendFlushRequest: asks the server to send the results it has so far.
    package func sendFlushRequest() -> Bool { PQsendFlushRequest(handle) == 1 }

    /// PQflush's own return value: 0 when everything was sent, 1 when some is left, -1 on failure.
    package func flush() -> Int32 { PQflush(handle) }

    private func withParameters<R>(_ parameters: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        // strdup'd copies live until libpq has copied them into its send buffer.
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { LosslessText.withCString($0) { strdup($0) } } }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer($0) }
        return values.withUnsafeBufferPointer { body(Int32(clamping: values.count), $0.baseAddress) }
    }
}
