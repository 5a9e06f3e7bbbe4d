import Foundation
import PGEntraIdentity
import Testing

// Fakes at the seams of the Identity layer (style.md "Tests"): an HTTP client and a process
// runner that take expected requests with canned answers, in order, and fail the test on any
// surprise; and a clock that records sleeps instead of sleeping.

// MARK: - ScriptedHTTPClient

/// An `HTTPClient` that answers from a script, in order, and records an issue for any request it
/// did not expect (wrong method, URL, query, header, form field) or, via `verifyAllUsed()`, for
/// an expectation no request used. Modelled on azure-identity's `validating_transport`.
package final class ScriptedHTTPClient: HTTPClient, @unchecked Sendable {
    /// One expected request and its canned outcome.
    package struct Expectation: @unchecked Sendable {
        package var method: HTTPRequest.Method
        /// The URL without its query, compared exactly, or as a prefix when `urlIsPrefix`.
        package var url: String
        package var urlIsPrefix: Bool
        /// Query items that must be present with these (decoded) values.
        package var query: [(String, String)]
        /// When true, the request's query must hold exactly `query`, nothing more.
        package var exactQuery: Bool
        /// Headers that must be present with these values (names case-insensitive).
        package var headers: [(String, String)]
        /// Headers that must not be sent at all.
        package var absentHeaders: [String]
        /// Form fields (`application/x-www-form-urlencoded` body) that must be present with these values.
        package var form: [(String, String)]
        /// When true, the body must hold exactly the fields in `form`, nothing more.
        package var exactForm: Bool
        /// Extra checks on the request, run after the built-in ones.
        package var check: ((HTTPRequest) -> Void)?
        package var outcome: Result<HTTPResponse, TransportError>
        package var sourceLocation: SourceLocation

        package init(
            method: HTTPRequest.Method, url: String, urlIsPrefix: Bool = false,
            query: [(String, String)] = [], exactQuery: Bool = false,
            headers: [(String, String)] = [], absentHeaders: [String] = [],
            form: [(String, String)] = [], exactForm: Bool = false,
            check: ((HTTPRequest) -> Void)? = nil,
            outcome: Result<HTTPResponse, TransportError>,
            sourceLocation: SourceLocation = #_sourceLocation
        ) {
            self.method = method
            self.url = url
            self.urlIsPrefix = urlIsPrefix
            self.query = query
            self.exactQuery = exactQuery
            self.headers = headers
            self.absentHeaders = absentHeaders
            self.form = form
            self.exactForm = exactForm
            self.check = check
            self.outcome = outcome
            self.sourceLocation = sourceLocation
        }
    }

    private let lock = NSLock()
    private var pending: [Expectation] = []
    private var log: [HTTPRequest] = []
    private let creationLocation: SourceLocation

    package init(sourceLocation: SourceLocation = #_sourceLocation) {
        creationLocation = sourceLocation
    }

    /// Adds an expectation answered with `response`.
    @discardableResult
    package func expect(
        _ method: HTTPRequest.Method, _ url: String, urlIsPrefix: Bool = false,
        query: [(String, String)] = [], exactQuery: Bool = false,
        headers: [(String, String)] = [], absentHeaders: [String] = [],
        form: [(String, String)] = [], exactForm: Bool = false,
        check: ((HTTPRequest) -> Void)? = nil,
        respond response: HTTPResponse,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Self {
        add(Expectation(
            method: method, url: url, urlIsPrefix: urlIsPrefix, query: query, exactQuery: exactQuery,
            headers: headers, absentHeaders: absentHeaders, form: form, exactForm: exactForm, check: check,
            outcome: .success(response), sourceLocation: sourceLocation))
        return self
    }

    /// Adds an expectation answered with a transport failure (no HTTP answer at all).
    @discardableResult
    package func expect(
        _ method: HTTPRequest.Method, _ url: String, urlIsPrefix: Bool = false,
        query: [(String, String)] = [], exactQuery: Bool = false,
        headers: [(String, String)] = [], absentHeaders: [String] = [],
        form: [(String, String)] = [], exactForm: Bool = false,
        check: ((HTTPRequest) -> Void)? = nil,
        fail error: TransportError,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Self {
        add(Expectation(
            method: method, url: url, urlIsPrefix: urlIsPrefix, query: query, exactQuery: exactQuery,
            headers: headers, absentHeaders: absentHeaders, form: form, exactForm: exactForm, check: check,
            outcome: .failure(error), sourceLocation: sourceLocation))
        return self
    }

    package func add(_ expectation: Expectation) {
        lock.withLock { pending.append(expectation) }
    }

    /// Every request received so far, in order.
    package var requests: [HTTPRequest] {
        lock.withLock { log }
    }

    /// Expectations not yet used.
    package var remaining: Int {
        lock.withLock { pending.count }
    }

    /// Records an issue for each expectation that no request used.
    package func verifyAllUsed(sourceLocation: SourceLocation = #_sourceLocation) {
        let unused = lock.withLock { pending }
        for expectation in unused {
            Issue.record(
                "expected request \(expectation.method.rawValue) \(expectation.url) was never sent",
                sourceLocation: expectation.sourceLocation)
        }
        if !unused.isEmpty {
            Issue.record("\(unused.count) scripted HTTP answer(s) unused", sourceLocation: sourceLocation)
        }
    }

    package func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let next: Expectation? = lock.withLock {
            log.append(request)
            return pending.isEmpty ? nil : pending.removeFirst()
        }
        guard let expectation = next else {
            Issue.record(
                "unexpected request \(request.method.rawValue) \(request.url): no more scripted answers",
                sourceLocation: creationLocation)
            throw .failed("ScriptedHTTPClient: unexpected request")
        }
        Self.verify(request, against: expectation)
        switch expectation.outcome {
        case .success(let response): return response
        case .failure(let error): throw error
        }
    }

    private static func verify(_ request: HTTPRequest, against expectation: Expectation) {
        let location = expectation.sourceLocation
        let what = "\(request.method.rawValue) \(request.url)"
        if request.method != expectation.method {
            Issue.record("\(what): expected method \(expectation.method.rawValue)", sourceLocation: location)
        }
        let (base, queryText) = split(request.url)
        if expectation.urlIsPrefix ? !base.hasPrefix(expectation.url) : base != expectation.url {
            Issue.record(
                "\(what): expected URL \(expectation.urlIsPrefix ? "starting with " : "")\(expectation.url)",
                sourceLocation: location)
        }
        let query = FormFields.decode(queryText ?? "")
        check(query, required: expectation.query, exact: expectation.exactQuery, kind: "query item", what: what, location: location)
        for (name, value) in expectation.headers {
            let sent = request.header(name)
            if sent != value {
                Issue.record(
                    "\(what): expected header \(name): \(value), got \(sent.map { "\"\($0)\"" } ?? "none")",
                    sourceLocation: location)
            }
        }
        for name in expectation.absentHeaders where request.header(name) != nil {
            Issue.record("\(what): header \(name) must not be sent", sourceLocation: location)
        }
        if !expectation.form.isEmpty || expectation.exactForm {
            let contentType = request.header("Content-Type") ?? ""
            if !contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
                Issue.record("\(what): expected a form body, Content-Type is \"\(contentType)\"", sourceLocation: location)
            }
            let fields = FormFields.decode(String(decoding: request.body, as: UTF8.self))
            check(fields, required: expectation.form, exact: expectation.exactForm, kind: "form field", what: what, location: location)
        }
        expectation.check?(request)
    }

    private static func check(
        _ actual: [(String, String)], required: [(String, String)], exact: Bool, kind: String, what: String,
        location: SourceLocation
    ) {
        for (name, value) in required {
            let values = actual.filter { $0.0 == name }.map(\.1)
            if values != [value] {
                Issue.record(
                    "\(what): expected \(kind) \(name)=\"\(value)\", got \(values.isEmpty ? "none" : values.map { "\"\($0)\"" }.joined(separator: ", "))",
                    sourceLocation: location)
            }
        }
        if exact {
            let expectedNames = Set(required.map(\.0))
            for (name, _) in actual where !expectedNames.contains(name) {
                Issue.record("\(what): unexpected \(kind) \(name)", sourceLocation: location)
            }
        }
    }

    private static func split(_ url: String) -> (String, String?) {
        guard let mark = url.firstIndex(of: "?") else { return (url, nil) }
        return (String(url[..<mark]), String(url[url.index(after: mark)...]))
    }
}

/// Reading `a=b&c=d` bodies and queries, percent- and plus-decoded.
package enum FormFields {
    package static func decode(_ text: String) -> [(String, String)] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = unescape(String(parts[0]))
            let value = parts.count > 1 ? unescape(String(parts[1])) : ""
            return (name, value)
        }
    }

    /// The fields of `request`'s body as a dictionary (last value wins).
    package static func dictionary(_ request: HTTPRequest) -> [String: String] {
        Dictionary(decode(String(decoding: request.body, as: UTF8.self)), uniquingKeysWith: { $1 })
    }

    /// The query items of `url` as a dictionary (last value wins).
    package static func query(_ url: String) -> [String: String] {
        guard let mark = url.firstIndex(of: "?") else { return [:] }
        return Dictionary(decode(String(url[url.index(after: mark)...])), uniquingKeysWith: { $1 })
    }

    private static func unescape(_ text: String) -> String {
        let plusDecoded = text.replacingOccurrences(of: "+", with: " ")
        return plusDecoded.removingPercentEncoding ?? plusDecoded
    }
}

extension HTTPResponse {
    /// A JSON answer with `Content-Type: application/json`.
    package static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers.merging(["content-type": "application/json"]) { $1 }, text: body)
    }
}

// MARK: - ScriptedProcessRunner

/// A `ProcessRunner` for az/azd that checks each run against the next expectation (executable
/// path suffix, exact argv, required environment entries) and answers with canned output or a
/// `ProcessError`; any other run is an issue, as is an unused expectation (`verifyAllUsed()`).
package struct ScriptedProcessRunner: ProcessRunner {
    package struct Expectation: Sendable {
        /// The executable's path must end with this (`/az`): the runner gets an absolute path.
        package var executableSuffix: String
        package var arguments: [String]
        /// Entries that must be in the environment with these values.
        package var environment: [String: String]
        /// Names that must not be in the environment.
        package var absentEnvironment: [String]
        package var outcome: Result<ProcessOutput, ProcessError>
        package var sourceLocation: SourceLocation

        package init(
            executableSuffix: String, arguments: [String], environment: [String: String] = [:],
            absentEnvironment: [String] = [], outcome: Result<ProcessOutput, ProcessError>,
            sourceLocation: SourceLocation = #_sourceLocation
        ) {
            self.executableSuffix = executableSuffix
            self.arguments = arguments
            self.environment = environment
            self.absentEnvironment = absentEnvironment
            self.outcome = outcome
            self.sourceLocation = sourceLocation
        }
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var pending: [Expectation] = []
        var runs: [ProcessInvocation] = []
    }

    private let state = State()
    private let creationLocation: SourceLocation

    package init(sourceLocation: SourceLocation = #_sourceLocation) {
        creationLocation = sourceLocation
    }

    /// Expects one run answered with `output` (exit status, stdout, stderr).
    package func expect(
        _ executableSuffix: String, _ arguments: [String], environment: [String: String] = [:],
        absentEnvironment: [String] = [],
        exitStatus: Int32 = 0, standardOutput: String = "", standardError: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        add(Expectation(
            executableSuffix: executableSuffix, arguments: arguments, environment: environment,
            absentEnvironment: absentEnvironment,
            outcome: .success(ProcessOutput(exitStatus: exitStatus, standardOutput: standardOutput, standardError: standardError)),
            sourceLocation: sourceLocation))
    }

    /// Expects one run that fails to start or times out.
    package func expect(
        _ executableSuffix: String, _ arguments: [String], environment: [String: String] = [:],
        fail error: ProcessError, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        add(Expectation(
            executableSuffix: executableSuffix, arguments: arguments, environment: environment,
            outcome: .failure(error), sourceLocation: sourceLocation))
    }

    package func add(_ expectation: Expectation) {
        state.lock.withLock { state.pending.append(expectation) }
    }

    /// Every run so far, in order.
    package var runs: [ProcessInvocation] {
        state.lock.withLock { state.runs }
    }

    package func verifyAllUsed(sourceLocation: SourceLocation = #_sourceLocation) {
        let unused = state.lock.withLock { state.pending }
        for expectation in unused {
            Issue.record(
                "expected run of …\(expectation.executableSuffix) \(expectation.arguments.joined(separator: " ")) never happened",
                sourceLocation: expectation.sourceLocation)
        }
        if !unused.isEmpty {
            Issue.record("\(unused.count) scripted process run(s) unused", sourceLocation: sourceLocation)
        }
    }

    package func run(_ invocation: ProcessInvocation) throws(ProcessError) -> ProcessOutput {
        let next: Expectation? = state.lock.withLock {
            state.runs.append(invocation)
            return state.pending.isEmpty ? nil : state.pending.removeFirst()
        }
        let what = "\(invocation.executable) \(invocation.arguments.joined(separator: " "))"
        guard let expectation = next else {
            Issue.record("unexpected run of \(what): no more scripted runs", sourceLocation: creationLocation)
            throw .couldNotStart("ScriptedProcessRunner: unexpected run")
        }
        let location = expectation.sourceLocation
        if !invocation.executable.hasSuffix(expectation.executableSuffix) {
            Issue.record("\(what): expected an executable ending in \(expectation.executableSuffix)", sourceLocation: location)
        }
        if invocation.arguments != expectation.arguments {
            Issue.record(
                "\(what): expected arguments \(expectation.arguments), got \(invocation.arguments)",
                sourceLocation: location)
        }
        for (name, value) in expectation.environment.sorted(by: { $0.key < $1.key }) where invocation.environment[name] != value {
            Issue.record(
                "\(what): expected environment \(name)=\(value), got \(invocation.environment[name] ?? "unset")",
                sourceLocation: location)
        }
        for name in expectation.absentEnvironment where invocation.environment[name] != nil {
            Issue.record("\(what): environment must not hold \(name)", sourceLocation: location)
        }
        switch expectation.outcome {
        case .success(let output): return output
        case .failure(let error): throw error
        }
    }
}

// MARK: - TestClock

/// A manual clock: `now` moves only when a test advances it or code sleeps, and every sleep is
/// recorded instead of waited for.
package final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double
    private var recorded: [Double] = []

    package init(now: Double = 1_700_000_000) {
        current = now
    }

    /// The PGEntra clock reading and advancing this one.
    package var clock: Clock {
        Clock(
            now: { [self] in lock.withLock { current } },
            sleep: { [self] seconds in
                lock.withLock {
                    recorded.append(seconds)
                    current += max(0, seconds)
                }
            })
    }

    package var now: Double {
        lock.withLock { current }
    }

    /// Every delay code asked to sleep, in order.
    package var sleeps: [Double] {
        lock.withLock { recorded }
    }

    package func advance(by seconds: Double) {
        lock.withLock { current += seconds }
    }

    package func set(_ now: Double) {
        lock.withLock { current = now }
    }
}
