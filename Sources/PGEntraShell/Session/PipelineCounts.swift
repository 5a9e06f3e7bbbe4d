/// psql 18's pipeline bookkeeping (pset.piped_commands, piped_syncs, available_results,
/// requested_results): what was queued, what the server was asked to answer, and how many
/// results the current read wants. Shown as PIPELINE_COMMAND_COUNT, PIPELINE_SYNC_COUNT and
/// PIPELINE_RESULT_COUNT.
struct PipelineCounts: Equatable {
    /// Commands queued since the last sync or flush request.
    var commands = 0
    /// Syncs sent whose result has not been read.
    var syncs = 0
    /// Results of commands before a sync or flush request, not yet read.
    var available = 0
    /// Results the current read is to take (syncs included).
    var requested = 0
    /// For each queued command whose result is still to come, whether it is a
    /// `\close_prepared` (shown as psql shows a Close).
    var queuedCloses: [Bool] = []

    /// Whether the next command result to be read is a `\close_prepared`'s.
    var nextIsClose: Bool { queuedCloses.first ?? false }

    /// A command was queued.
    mutating func queued(closing: Bool) {
        commands += 1
        queuedCloses.append(closing)
    }

    /// A command's results were read (or dropped after an error).
    mutating func commandRead() {
        available -= 1
        requested -= 1
        if !queuedCloses.isEmpty { queuedCloses.removeFirst() }
    }

    /// psql's SetPipelineVariables.
    var variables: [(String, String)] {
        [("PIPELINE_SYNC_COUNT", String(syncs)), ("PIPELINE_COMMAND_COUNT", String(commands)),
         ("PIPELINE_RESULT_COUNT", String(available))]
    }

    /// A sync or flush request makes every queued command's result available.
    mutating func commandsFlushed() {
        available += commands
        commands = 0
    }

    /// `\getresults N`'s request capped as psql caps it: 0 or more than known means all.
    mutating func request(_ count: Int) {
        let known = available + syncs
        requested = count == 0 || count > known ? known : count
    }
}
