/// When and how long to wait before retrying a token request (credentials.md §4.4, Python's numbers).
struct RetryPolicy: Sendable {
    /// Retries after the first attempt for HTTP answers.
    let maxRetries: Int
    /// Retries after the first attempt for requests that got no answer at all.
    let maxConnectionRetries: Int
    let retriesStatus: @Sendable (Int, _ hasRetryAfter: Bool) -> Bool
    /// Back-off before retry `n` (1-based) after an answer with `status`.
    let backoff: @Sendable (_ retry: Int, _ status: Int?) -> Double

    /// IMDS: 404, 410, 429, 5xx and any other error carrying Retry-After except 400, 401 and 403,
    /// which are answers (§4.4); 0, 1.6, 3.2, 6.4, 12.8 s, and 0, 5, 10, 20, 40 s for 410, which
    /// IMDS answers while it starts up.
    static let imds = RetryPolicy(
        maxRetries: 5, maxConnectionRetries: 3,
        retriesStatus: { status, hasRetryAfter in
            [404, 410, 429].contains(status) || (500...599).contains(status)
                || (status >= 400 && hasRetryAfter && ![400, 401, 403].contains(status))
        },
        backoff: { retry, status in
            guard retry > 1 else { return 0 }
            let factor = status == 410 ? 2.5 : 0.8
            return min(60, factor * Double(1 << (retry - 1)))
        })

    /// Other managed-identity sources and Entra token posts: three retries, 0, 1.6, 3.2 s.
    /// 400, 401 and 403 are answers, never retried.
    static let standard = RetryPolicy(
        maxRetries: 3, maxConnectionRetries: 3,
        retriesStatus: { status, _ in [408, 429, 500, 502, 503, 504].contains(status) || status >= 506 },
        backoff: { retry, _ in retry > 1 ? min(60, 0.8 * Double(1 << (retry - 1))) : 0 })

    /// No retries: the IMDS probe must answer fast or not at all.
    static let none = RetryPolicy(
        maxRetries: 0, maxConnectionRetries: 0, retriesStatus: { _, _ in false }, backoff: { _, _ in 0 })

    /// Sends `request`, retrying per this policy; returns the last answer, or throws the last
    /// transport error.
    func send(
        _ request: HTTPRequest, through http: any HTTPClient, clock: Clock, log: DiagnosticLog, label: String
    ) throws(TransportError) -> HTTPResponse {
        var answerRetries = 0
        var connectionRetries = 0
        while true {
            let started = clock.now()
            let outcome: Swift.Result<HTTPResponse, TransportError>
            do throws(TransportError) {
                outcome = .success(try http.send(request))
            } catch {
                outcome = .failure(error)
            }
            let elapsed = Int((clock.now() - started) * 1000)
            switch outcome {
            case .success(let response):
                let retryAfter = Self.retryAfter(response.headers, now: clock.now())
                log.debug("\(label): HTTP \(response.status) in \(elapsed) ms")
                guard retriesStatus(response.status, retryAfter != nil), answerRetries < maxRetries else {
                    return response
                }
                answerRetries += 1
                let delay = retryAfter.map { min($0, 60) } ?? backoff(answerRetries, response.status)
                log.debug("\(label): retry \(answerRetries) of \(maxRetries) in \(delay) s")
                clock.sleep(delay)
            case .failure(let error):
                log.debug("\(label): no answer after \(elapsed) ms (\(error))")
                guard connectionRetries < maxConnectionRetries else { throw error }
                if case .timedOut = error { throw error }
                connectionRetries += 1
                let delay = backoff(connectionRetries, nil)
                log.debug("\(label): retry \(connectionRetries) of \(maxConnectionRetries) in \(delay) s")
                clock.sleep(delay)
            }
        }
    }

    /// Seconds to wait from `Retry-After` (seconds or an HTTP date), `retry-after-ms` or
    /// `x-ms-retry-after-ms`.
    static func retryAfter(_ headers: [String: String], now: Double) -> Double? {
        for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
            if let text = headers[name], let milliseconds = Double(text.trimmingWhitespace()), milliseconds >= 0 {
                return milliseconds / 1000
            }
        }
        guard let text = headers["retry-after"]?.trimmingWhitespace() else { return nil }
        if let seconds = Double(text), seconds >= 0 { return seconds }
        if let date = HTTPDate.parse(text) { return max(0, Double(date) - now) }
        return nil
    }
}
