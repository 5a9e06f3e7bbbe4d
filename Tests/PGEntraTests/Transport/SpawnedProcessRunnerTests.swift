import Testing
@testable import PGEntraIdentity

@Suite struct SpawnedProcessRunnerTests {
    private let runner = SpawnedProcessRunner()

    private func sh(_ script: String, environment: [String: String] = [:], directory: String? = nil, timeout: Double = 5)
        throws(ProcessError) -> ProcessOutput
    {
        try runner.run(ProcessInvocation(
            executable: "/bin/sh", arguments: ["-c", script], environment: environment, workingDirectory: directory, timeout: timeout))
    }

    @Test func capturesStdoutStderrAndStatus() throws {
        let output = try sh("echo out; echo err >&2; exit 3")
        #expect(output == ProcessOutput(exitStatus: 3, standardOutput: "out\n", standardError: "err\n"))
    }

    @Test func passesExactlyTheGivenEnvironment() throws {
        let output = try sh("echo \"$A|${HOME-unset}\"", environment: ["A": "1"])
        #expect(output.standardOutput == "1|unset\n")
    }

    @Test func runsInTheWorkingDirectory() throws {
        #expect(try sh("pwd", directory: "/bin").standardOutput.hasSuffix("bin\n"))
    }

    /// Issue 11: a tool that floods its output is killed at 1 MiB, not read into memory forever.
    @Test func endlessOutputIsRefused() {
        #expect(throws: ProcessError.outputTooLarge(limit: 1 << 20)) { try sh("yes") }
        #expect(throws: ProcessError.outputTooLarge(limit: 1 << 20)) { try sh("yes >&2") }
    }

    @Test func stdinIsClosed() throws {
        #expect(try sh("cat; echo done").standardOutput == "done\n")
    }

    @Test func argumentsAreNotInterpretedByAShell() throws {
        let output = try runner.run(ProcessInvocation(
            executable: "/bin/echo", arguments: ["$(id)", "a b", ";"], environment: [:], workingDirectory: "/tmp", timeout: 5))
        #expect(output.standardOutput == "$(id) a b ;\n")
    }

    @Test func largeOutputIsReadCompletely() throws {
        let output = try sh("head -c 200000 /dev/zero | tr '\\0' x")
        #expect(output.standardOutput.count == 200_000)
    }

    @Test func aHungProcessIsKilledAtTheDeadline() {
        #expect(throws: ProcessError.timedOut(seconds: 0.3)) {
            try sh("sleep 5 & wait", timeout: 0.3)
        }
    }

    /// Issue 11: every wait on a child has a deadline, including the wait for its exit after it
    /// closed its output (before, waitpid then blocked for as long as the child ran).
    @Test func aProcessThatClosedItsOutputIsStillKilledAtTheDeadline() throws {
        let started = ContinuousClock.now
        #expect(throws: ProcessError.timedOut(seconds: 0.5)) {
            try sh("exec >&- 2>&-; sleep 30", timeout: 0.5)
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        // One that finishes in time after closing its output keeps its status.
        #expect(try sh("exec >&- 2>&-; sleep 0.2; exit 4", timeout: 5).exitStatus == 4)
    }

    @Test func aMissingExecutableCannotStart() {
        #expect(throws: ProcessError.self) {
            try runner.run(ProcessInvocation(executable: "/nonexistent/az", arguments: [], environment: [:], timeout: 1))
        }
    }

    @Test func aKilledProcessReportsTheSignal() throws {
        #expect(try sh("kill -9 $$").exitStatus == 137)
    }
}
