import TestSupport
import Testing
@testable import PGEntraIdentity

/// The fakes must fail tests on surprises, or the credential tests prove nothing.
@Suite struct ScriptedFakesTests {
    private let url = "http://127.0.0.1:9/metadata/identity/oauth2/token"

    private func send(_ http: ScriptedHTTPClient, _ request: HTTPRequest) {
        _ = try? http.send(request)
    }

    @Test func aMatchingRequestGetsItsAnswerInOrder() throws {
        let http = ScriptedHTTPClient()
        http.expect(.get, url, query: [("api-version", "2018-02-01"), ("resource", "https://x")], exactQuery: true,
                    headers: [("metadata", "true")], absentHeaders: ["Authorization"], respond: .json(200, "{}"))
        http.expect(.post, "http://127.0.0.1:9/", urlIsPrefix: true, form: [("a", "b c")], exactForm: true, fail: .timedOut("t"))
        let first = try http.send(HTTPRequest(
            method: .get, url: url + "?api-version=2018-02-01&resource=https%3A%2F%2Fx", headers: [("Metadata", "true")]))
        #expect(first.status == 200)
        #expect(throws: TransportError.timedOut("t")) {
            try http.send(.form(url: "http://127.0.0.1:9/token", fields: [("a", "b c")]))
        }
        http.verifyAllUsed()
        #expect(http.requests.count == 2)
    }

    @Test func anUnexpectedRequestIsAnIssue() {
        let http = ScriptedHTTPClient()
        withKnownIssue { send(http, HTTPRequest(method: .get, url: url)) }
    }

    @Test func eachMismatchIsAnIssue() {
        let cases: [(ScriptedHTTPClient) -> Void] = [
            { $0.expect(.post, self.url, respond: .json(200, "{}")) },
            { $0.expect(.get, self.url + "x", respond: .json(200, "{}")) },
            { $0.expect(.get, self.url, query: [("api-version", "2019-08-01")], respond: .json(200, "{}")) },
            { $0.expect(.get, self.url, query: [], exactQuery: true, respond: .json(200, "{}")) },
            { $0.expect(.get, self.url, headers: [("Metadata", "true")], respond: .json(200, "{}")) },
            { $0.expect(.get, self.url, absentHeaders: ["secret"], respond: .json(200, "{}")) },
            { $0.expect(.get, self.url, form: [("resource", "x")], respond: .json(200, "{}")) },
        ]
        for script in cases {
            let http = ScriptedHTTPClient()
            script(http)
            withKnownIssue {
                send(http, HTTPRequest(method: .get, url: url + "?api-version=2018-02-01", headers: [("Secret", "s")]))
            }
        }
    }

    @Test func anUnusedExpectationIsAnIssue() {
        let http = ScriptedHTTPClient()
        http.expect(.get, url, respond: .json(200, "{}"))
        withKnownIssue { http.verifyAllUsed() }
    }

    @Test func theRunnerChecksExecutableArgumentsAndEnvironment() throws {
        let runner = ScriptedProcessRunner()
        runner.expect("/az", ["account"], environment: ["A": "1"], standardOutput: "ok")
        let output = try runner.run(ProcessInvocation(executable: "/usr/bin/az", arguments: ["account"], environment: ["A": "1", "B": "2"], timeout: 1))
        #expect(output.standardOutput == "ok")
        runner.verifyAllUsed()

        let mismatches: [ProcessInvocation] = [
            ProcessInvocation(executable: "/usr/bin/azd", arguments: ["account"], environment: ["A": "1"], timeout: 1),
            ProcessInvocation(executable: "/usr/bin/az", arguments: ["account", "x"], environment: ["A": "1"], timeout: 1),
            ProcessInvocation(executable: "/usr/bin/az", arguments: ["account"], environment: [:], timeout: 1),
        ]
        for invocation in mismatches {
            let strict = ScriptedProcessRunner()
            strict.expect("/az", ["account"], environment: ["A": "1"])
            withKnownIssue { _ = try? strict.run(invocation) }
        }
        let empty = ScriptedProcessRunner()
        withKnownIssue { _ = try? empty.run(ProcessInvocation(executable: "/az", arguments: [], environment: [:], timeout: 1)) }
        let unused = ScriptedProcessRunner()
        unused.expect("/az", [])
        withKnownIssue { unused.verifyAllUsed() }
    }

    @Test func theTestClockRecordsSleepsAndMovesOn() {
        let clock = TestClock(now: 100)
        clock.clock.sleep(2.5)
        clock.clock.sleep(0)
        #expect(clock.sleeps == [2.5, 0])
        #expect(clock.clock.now() == 102.5)
        clock.advance(by: 10)
        #expect(clock.clock.epochSeconds == 112)
    }
}
