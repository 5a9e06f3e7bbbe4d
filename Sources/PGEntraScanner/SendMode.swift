/// How the next query is sent (psql 18's pset.send_mode with bind_params and stmtName): set by
/// `\bind`, `\bind_named`, `\parse`, `\close_prepared` and the pipeline commands, used by the
/// next send (`\g`, `;`, or the command itself) and then back to `.query` (psql's
/// clean_extended_state).
package enum SendMode: Equatable {
    /// The simple protocol (PQsendQuery), or PQsendQueryParams without parameters in a pipeline.
    case query
    /// `\bind`: the buffer with these parameters (PQsendQueryParams).
    case extendedParameters([String])
    /// `\bind_named`: a prepared statement with these parameters (PQsendQueryPrepared).
    case extendedPrepared(name: String, parameters: [String])
    /// `\parse`: the buffer prepared under a name (PQsendPrepare).
    case parse(name: String)
    /// `\close_prepared`: a prepared statement closed.
    case close(name: String)
    /// `\startpipeline`.
    case startPipeline
    /// `\endpipeline`: a sync, every result read, the pipeline left.
    case endPipeline
    /// `\syncpipeline`.
    case syncPipeline
    /// `\flush`.
    case flush
    /// `\flushrequest`.
    case flushRequest
    /// `\getresults [N]`: N (0 for all) of the results the server was asked to send.
    case getResults(Int)

    /// `\close_prepared`, whose results are shown as a Close's.
    package var isClose: Bool {
        if case .close = self { return true }
        return false
    }

    /// What `\sendpipeline` may follow (psql 18's exec_command_sendpipeline).
    package var isBind: Bool {
        switch self {
        case .extendedParameters, .extendedPrepared: true
        default: false
        }
    }
}
