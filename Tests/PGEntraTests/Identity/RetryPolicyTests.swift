import TestSupport
import Testing
@testable import PGEntraIdentity

@Suite struct RetryPolicyTests {
    private let url = "http://127.0.0.1:9/metadata/identity/oauth2/token"

    private func run(
        _ policy: RetryPolicy, answers: [Result<HTTPResponse, TransportError>]
    ) -> (result: Result<HTTPResponse, TransportError>, sleeps: [Double], requests: Int) {
        let http = ScriptedHTTPClient()
        for answer in answers {
            switch answer {
            case .success(let response): http.expect(.get, url, respond: response)
            case .failure(let error): http.expect(.get, url, fail: error)
            }
        }
        let clock = TestClock()
        let result: Result<HTTPResponse, TransportError>
        do throws(TransportError) {
            result = .success(try policy.send(
                HTTPRequest(method: .get, url: url), through: http, clock: clock.clock, log: .silent, label: "test"))
        } catch {
            result = .failure(error)
        }
        http.verifyAllUsed()
        return (result, clock.sleeps, http.requests.count)
    }

    private func status(_ code: Int, headers: [String: String] = [:]) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: code, headers: headers, text: "{}"))
    }

    private func expectDelays(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, "delays \(actual)", sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) < 1e-9, "delays \(actual), expected \(expected)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - IMDS

    @Test func imdsBacksOffExponentiallyFiveTimes() {
        let outcome = run(.imds, answers: Array(repeating: status(500), count: 6))
        expectDelays(outcome.sleeps, [0, 1.6, 3.2, 6.4, 12.8])
        #expect(outcome.requests == 6)
        #expect((try? outcome.result.get())?.status == 500)
    }

    @Test func imdsWaitsLongerAfter410() {
        let outcome = run(.imds, answers: Array(repeating: status(410), count: 6))
        expectDelays(outcome.sleeps, [0, 5, 10, 20, 40])
        #expect(outcome.sleeps.reduce(0, +) >= 70)
    }

    @Test func imdsStopsRetryingOnSuccess() {
        let outcome = run(.imds, answers: [status(410), status(410), status(200)])
        expectDelays(outcome.sleeps, [0, 5])
        #expect((try? outcome.result.get())?.status == 200)
    }

    @Test(arguments: [404, 429, 500, 503, 599])
    func imdsRetriesTransientStatuses(_ code: Int) {
        let outcome = run(.imds, answers: [status(code), status(200)])
        #expect(outcome.requests == 2)
        #expect((try? outcome.result.get())?.status == 200)
    }

    @Test func imdsRetriesAnyOtherErrorCarryingRetryAfter() {
        let outcome = run(.imds, answers: [status(418, headers: ["Retry-After": "2"]), status(200)])
        expectDelays(outcome.sleeps, [2])
    }

    /// credentials.md §4.4: "pgentra: … never retry 400/401/403", even with a Retry-After.
    @Test(arguments: [400, 401, 403])
    func imdsNeverRetries400_401_403(_ code: Int) {
        #expect(run(.imds, answers: [status(code)]).requests == 1)
        let withRetryAfter = run(.imds, answers: [status(code, headers: ["Retry-After": "1"])])
        #expect(withRetryAfter.requests == 1, "HTTP \(code) with Retry-After was retried")
        #expect((try? withRetryAfter.result.get())?.status == code)
    }

    @Test func imdsRetriesConnectionFailuresAtMostThreeTimes() {
        let failure = Result<HTTPResponse, TransportError>.failure(.couldNotConnect("refused"))
        let outcome = run(.imds, answers: Array(repeating: failure, count: 4))
        #expect(outcome.requests == 4)
        #expect(outcome.result == .failure(.couldNotConnect("refused")))
        expectDelays(outcome.sleeps, [0, 1.6, 3.2])
    }

    // MARK: - Retry-After

    @Test func retryAfterSecondsReplaceTheBackoff() {
        let outcome = run(.imds, answers: [status(429, headers: ["Retry-After": "7"]), status(503, headers: ["retry-after": "3"]), status(200)])
        expectDelays(outcome.sleeps, [7, 3])
    }

    @Test func retryAfterHTTPDateCountsFromNow() {
        // now = 1700000000 = Tue, 14 Nov 2023 22:13:20 GMT.
        let outcome = run(.imds, answers: [status(503, headers: ["Retry-After": "Tue, 14 Nov 2023 22:13:32 GMT"]), status(200)])
        expectDelays(outcome.sleeps, [12])
    }

    @Test func aRetryAfterDateInThePastMeansNoWait() {
        let outcome = run(.standard, answers: [status(503, headers: ["Retry-After": "Tue, 14 Nov 2023 22:00:00 GMT"]), status(200)])
        expectDelays(outcome.sleeps, [0])
    }

    @Test func millisecondHeadersAreHonoured() {
        let outcome = run(.standard, answers: [
            status(429, headers: ["retry-after-ms": "1500"]), status(429, headers: ["x-ms-retry-after-ms": "250"]), status(200),
        ])
        expectDelays(outcome.sleeps, [1.5, 0.25])
    }

    @Test func retryAfterIsCappedAtOneMinute() {
        let outcome = run(.standard, answers: [status(503, headers: ["Retry-After": "3600"]), status(200)])
        expectDelays(outcome.sleeps, [60])
    }

    @Test func anUnreadableRetryAfterFallsBackToTheBackoff() {
        let outcome = run(.standard, answers: [status(503, headers: ["Retry-After": "soon"]), status(503), status(200)])
        expectDelays(outcome.sleeps, [0, 1.6])
    }

    @Test func retryAfterParsing() {
        #expect(RetryPolicy.retryAfter(["retry-after": "5"], now: 0) == 5)
        #expect(RetryPolicy.retryAfter(["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"], now: 784_111_770) == 7)
        #expect(RetryPolicy.retryAfter(["retry-after": "-1"], now: 0) == nil)
        #expect(RetryPolicy.retryAfter([:], now: 0) == nil)
    }

    // MARK: - Standard policy

    @Test func standardPolicyRetriesThreeTimes() {
        let outcome = run(.standard, answers: Array(repeating: status(503), count: 4))
        expectDelays(outcome.sleeps, [0, 1.6, 3.2])
        #expect(outcome.requests == 4)
        #expect((try? outcome.result.get())?.status == 503)
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504, 506, 599])
    func standardPolicyRetriesItsStatuses(_ code: Int) {
        #expect(run(.standard, answers: [status(code), status(200)]).requests == 2)
    }

    @Test(arguments: [400, 401, 403, 404, 410, 501, 505])
    func standardPolicyAnswersOtherStatusesAtOnce(_ code: Int) {
        let outcome = run(.standard, answers: [status(code)])
        #expect(outcome.requests == 1)
        #expect(outcome.sleeps.isEmpty)
    }

    @Test(arguments: [400, 401, 403])
    func standardPolicyNeverRetries400_401_403EvenWithRetryAfter(_ code: Int) {
        #expect(run(.standard, answers: [status(code, headers: ["Retry-After": "1"])]).requests == 1)
    }

    @Test func standardPolicyRetriesConnectionFailures() {
        let failure = Result<HTTPResponse, TransportError>.failure(.couldNotConnect("refused"))
        let outcome = run(.standard, answers: [failure, failure, status(200)])
        #expect((try? outcome.result.get())?.status == 200)
        expectDelays(outcome.sleeps, [0, 1.6])
    }

    @Test func theProbePolicyNeverRetries() {
        #expect(run(.none, answers: [status(503)]).requests == 1)
        let outcome = run(.none, answers: [.failure(.couldNotConnect("refused"))])
        #expect(outcome.result == .failure(.couldNotConnect("refused")))
        #expect(outcome.sleeps.isEmpty)
    }
}
