import Testing
@testable import PGEntraScanner
@testable import PGEntraShell

/// psql 18's pipeline bookkeeping (pset.piped_commands, piped_syncs, available_results,
/// requested_results) and the send modes `\sendpipeline` accepts.
@Suite struct PipelineCountsTests {
    @Test func syncOrFlushRequestMakesQueuedCommandsAvailable() {
        var counts = PipelineCounts()
        counts.queued(closing: false)
        counts.queued(closing: true)
        #expect(counts.commands == 2 && counts.available == 0)
        counts.commandsFlushed()
        #expect(counts.commands == 0 && counts.available == 2)
        #expect(counts.variables.map(\.1) == ["0", "0", "2"])
    }

    /// `\getresults N`: 0 or more than is known means everything known (syncs included).
    @Test(arguments: [(0, 5), (2, 2), (5, 5), (9, 5)])
    func requestIsCappedAtWhatIsKnown(count: Int, expected: Int) {
        var counts = PipelineCounts()
        counts.available = 3
        counts.syncs = 2
        counts.request(count)
        #expect(counts.requested == expected)
    }

    /// Results come back in the order the commands were queued: the close mark follows them.
    @Test func closeMarksFollowTheQueue() {
        var counts = PipelineCounts()
        counts.queued(closing: false)
        counts.queued(closing: true)
        counts.commandsFlushed()
        counts.requested = 2
        #expect(!counts.nextIsClose)
        counts.commandRead()
        #expect(counts.nextIsClose)
        counts.commandRead()
        #expect(!counts.nextIsClose && counts.available == 0 && counts.requested == 0)
    }

    @Test func onlyBindModesMaySendToAPipeline() {
        #expect(SendMode.extendedParameters(["1"]).isBind)
        #expect(SendMode.extendedPrepared(name: "s", parameters: []).isBind)
        #expect(!SendMode.query.isBind)
        #expect(!SendMode.parse(name: "s").isBind)
        #expect(SendMode.close(name: "s").isClose)
        #expect(!SendMode.getResults(0).isClose)
    }
}
