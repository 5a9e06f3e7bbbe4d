import TestSupport
import Testing
@testable import PGEntraIdentity
@testable import PGEntraSystem

@Suite struct ManagedIdentityCredentialTests {
    static let imdsBase = "http://127.0.0.1:9"
    static let imdsPath = imdsBase + "/metadata/identity/oauth2/token"
    static let imdsSuccess = """
        {"access_token":"eyJ.p.s","client_id":"\(Vector.miClient)","expires_in":"86399","expires_on":"1700086399",\
        "ext_expires_in":"86399","not_before":"1699999700","resource":"\(Vector.resource)","token_type":"Bearer"}
        """
    static let metadataMissing = #"{"error":"invalid_request","error_description":"Required metadata header not specified"}"#
    static let identityNotFound = #"{"error":"invalid_request","error_description":"Identity not found"}"#

    private func credential(
        _ source: ManagedIdentitySource, selector: ManagedIdentitySelector? = nil, probe: Bool = false,
        http: ScriptedHTTPClient, clock: TestClock = TestClock()
    ) -> ManagedIdentityCredential {
        ManagedIdentityCredential(
            source: source, selector: selector, probeIMDS: probe, http: http, clock: clock.clock, log: .silent)
    }

    private func outcome(_ credential: ManagedIdentityCredential) -> Result<AccessToken, CredentialError> {
        do throws(CredentialError) {
            return .success(try credential.token(for: TokenRequest(scope: Vector.scope)))
        } catch {
            return .failure(error)
        }
    }

    private func failure(_ result: Result<AccessToken, CredentialError>, sourceLocation: SourceLocation = #_sourceLocation) -> CredentialError? {
        guard case .failure(let error) = result else {
            Issue.record("expected a failure, got \(result)", sourceLocation: sourceLocation)
            return nil
        }
        return error
    }

    private func expectProbe(_ http: ScriptedHTTPClient, respond: HTTPResponse? = nil, fail: TransportError? = nil) {
        let check: (HTTPRequest) -> Void = { request in
            #expect(request.timeout <= 1, "probe timeout \(request.timeout)")
            #expect(request.connectTimeout <= 1, "probe connect timeout \(request.connectTimeout)")
        }
        let query = [("api-version", "2018-02-01"), ("resource", Vector.resource)]
        if let fail {
            http.expect(.get, Self.imdsPath, query: query, exactQuery: true, absentHeaders: ["Metadata"], check: check, fail: fail)
        } else {
            http.expect(.get, Self.imdsPath, query: query, exactQuery: true, absentHeaders: ["Metadata"], check: check,
                        respond: respond ?? .json(400, Self.metadataMissing))
        }
    }

    private func expectIMDSToken(_ http: ScriptedHTTPClient, selector: (String, String)? = nil, respond: HTTPResponse) {
        var query = [("api-version", "2018-02-01"), ("resource", Vector.resource)]
        if let selector { query.append(selector) }
        http.expect(.get, Self.imdsPath, query: query, exactQuery: true, headers: [("Metadata", "true")],
                    check: { #expect($0.connectTimeout <= 2) }, respond: respond)
    }

    // MARK: - IMDS (vectors 4, 5)

    @Test func inAChainIMDSIsProbedWithoutMetadataThenAskedWithIt() throws {
        let http = ScriptedHTTPClient()
        expectProbe(http)
        expectIMDSToken(http, respond: .json(200, Self.imdsSuccess))
        let token = try outcome(credential(.imds(base: Self.imdsBase), probe: true, http: http)).get()
        #expect(token.token == Vector.token)
        #expect(token.expiresOn == 1_700_086_399)
        #expect(token.refreshOn == 1_700_043_199)
        http.verifyAllUsed()
    }

    @Test func aUserAssignedClientIDIsSentAsClientID() throws {
        let http = ScriptedHTTPClient()
        expectIMDSToken(http, selector: ("client_id", Vector.miClient), respond: .json(200, Self.imdsSuccess))
        _ = try outcome(credential(.imds(base: Self.imdsBase), selector: .clientID(Vector.miClient), http: http)).get()
        http.verifyAllUsed()
    }

    @Test func objectAndResourceIDSelectorsUseIMDSNames() throws {
        let http = ScriptedHTTPClient()
        expectIMDSToken(http, selector: ("object_id", "oid-1"), respond: .json(200, Self.imdsSuccess))
        expectIMDSToken(http, selector: ("msi_res_id", "/subscriptions/s/rg/mi"), respond: .json(200, Self.imdsSuccess))
        _ = try outcome(credential(.imds(base: Self.imdsBase), selector: .objectID("oid-1"), http: http)).get()
        _ = try outcome(credential(.imds(base: Self.imdsBase), selector: .resourceID("/subscriptions/s/rg/mi"), http: http)).get()
        http.verifyAllUsed()
    }

    @Test func aSingleManagedIdentityCredentialSkipsTheProbe() throws {
        let http = ScriptedHTTPClient()
        expectIMDSToken(http, respond: .json(200, Self.imdsSuccess))
        _ = try outcome(credential(.imds(base: Self.imdsBase), probe: false, http: http)).get()
        http.verifyAllUsed()
    }

    @Test func noListenerForTheProbeIsUnavailableAtOnce() {
        let http = ScriptedHTTPClient()
        let clock = TestClock()
        expectProbe(http, fail: .couldNotConnect("Failed to connect to 127.0.0.1 port 9: Connection refused"))
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), probe: true, http: http, clock: clock)))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("no response from the IMDS endpoint") == true)
        #expect(http.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
        http.verifyAllUsed()
    }

    @Test func aProbeTimeoutIsUnavailable() {
        let http = ScriptedHTTPClient()
        expectProbe(http, fail: .timedOut("Connection timed out after 1000 milliseconds"))
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), probe: true, http: http)))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("no response from the IMDS endpoint") == true)
        http.verifyAllUsed()
    }

    @Test func dockerDesktopsUnreachable403IsUnavailable() {
        let http = ScriptedHTTPClient()
        expectProbe(http, respond: HTTPResponse(status: 403, text: "connecting to 169.254.169.254:80: connecting to 169.254.169.254:80: dial tcp 169.254.169.254:80: connectex: A socket operation was attempted to an unreachable network."))
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), probe: true, http: http)))
        #expect(error?.isUnavailable == true)
        http.verifyAllUsed()
    }

    @Test func anyOtherJSONProbeAnswerMeansIMDSIsThere() throws {
        let http = ScriptedHTTPClient()
        expectProbe(http, respond: .json(403, #"{"error":"forbidden"}"#))
        expectIMDSToken(http, respond: .json(200, Self.imdsSuccess))
        _ = try outcome(credential(.imds(base: Self.imdsBase), probe: true, http: http)).get()
        http.verifyAllUsed()
    }

    /// Issue 11: a proxy's or a captive portal's page is not IMDS; the chain moves on.
    @Test(arguments: [
        HTTPResponse(status: 502, text: "<html><body>Bad Gateway</body></html>"),
        HTTPResponse(status: 407, text: "Proxy Authentication Required"),
        HTTPResponse(status: 200, text: "<html>Sign in to the Wi-Fi</html>"),
    ])
    func aProbeAnswerThatIsNotIMDSsIsUnavailable(_ answer: HTTPResponse) {
        let http = ScriptedHTTPClient()
        expectProbe(http, respond: answer)
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), probe: true, http: http)))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("is not IMDS's (HTTP \(answer.status)") == true, "\(String(describing: error))")
        http.verifyAllUsed()
    }

    @Test func identityNotFoundIsUnavailable() {
        let http = ScriptedHTTPClient()
        expectProbe(http)
        expectIMDSToken(http, selector: ("client_id", Vector.miClient), respond: .json(400, Self.identityNotFound))
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), selector: .clientID(Vector.miClient), probe: true, http: http)))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("Identity not found") == true)
        #expect(error?.message.contains("invalid_request") == true)
        http.verifyAllUsed()
    }

    @Test func imdsStartingUpAnswers410AndIsWaitedFor() throws {
        let http = ScriptedHTTPClient()
        let clock = TestClock()
        expectProbe(http)
        expectIMDSToken(http, respond: .json(410, "{}"))
        expectIMDSToken(http, respond: .json(410, "{}"))
        expectIMDSToken(http, respond: .json(200, Self.imdsSuccess))
        _ = try outcome(credential(.imds(base: Self.imdsBase), probe: true, http: http, clock: clock)).get()
        #expect(clock.sleeps == [0, 5])
        http.verifyAllUsed()
    }

    @Test func aNonJSONAnswerIsUnavailable() {
        let http = ScriptedHTTPClient()
        expectIMDSToken(http, respond: HTTPResponse(status: 200, text: "<html>captive portal</html>"))
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), http: http)))
        #expect(error?.isUnavailable == true)
        http.verifyAllUsed()
    }

    @Test func aTruncatedAnswerNeverShowsTheToken() {
        let token = TestJWT.realistic()
        let http = ScriptedHTTPClient()
        expectIMDSToken(http, respond: HTTPResponse(status: 200, text: #"{"access_token":"\#(token)","expires_on":"170008"#))
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), http: http)))
        #expect(error?.message.contains(String(token.prefix(12))) == false, "\(error?.message ?? "")")
    }

    @Test func anErrorBodyEchoingATokenIsMasked() {
        let token = TestJWT.realistic()
        let http = ScriptedHTTPClient()
        expectIMDSToken(http, respond: .json(500, #"{"error":"server_error","error_description":"bad token \#(token)"}"#))
        for _ in 0..<5 { expectIMDSToken(http, respond: .json(500, #"{"error":"server_error","error_description":"bad token \#(token)"}"#)) }
        let error = failure(outcome(credential(.imds(base: Self.imdsBase), http: http)))
        #expect(error?.message.contains(String(token.prefix(12))) == false)
        http.verifyAllUsed()
    }

    // MARK: - App Service (vector 6)

    @Test func appServiceSendsTheIdentityHeader() throws {
        let http = ScriptedHTTPClient()
        http.expect(
            .get, "http://127.0.0.1:8081/msi/token",
            query: [("api-version", "2019-08-01"), ("resource", Vector.resource), ("client_id", Vector.miClient)], exactQuery: true,
            headers: [("X-IDENTITY-HEADER", "h1")],
            respond: .json(200, """
                {"access_token":"eyJ.p.s","expires_on":"1700003600","resource":"\(Vector.resource)","token_type":"Bearer","client_id":"\(Vector.miClient)"}
                """))
        let source = ManagedIdentitySource.detect(ManagedIdentitySettings(
            identityEndpoint: "http://127.0.0.1:8081/msi/token", identityHeader: "h1"))
        let token = try outcome(credential(source, selector: .clientID(Vector.miClient), probe: true, http: http)).get()
        #expect(token.expiresOn == 1_700_003_600)
        http.verifyAllUsed()
    }

    @Test func appServiceSelectorNames() throws {
        let http = ScriptedHTTPClient()
        let success = HTTPResponse.json(200, #"{"access_token":"eyJ.p.s","expires_on":"1700003600"}"#)
        http.expect(.get, "http://127.0.0.1:8081/msi/token", query: [("mi_res_id", "/subscriptions/s/mi")], respond: success)
        http.expect(.get, "http://127.0.0.1:8081/msi/token", query: [("object_id", "oid-1")], respond: success)
        let source = ManagedIdentitySource.appService(endpoint: "http://127.0.0.1:8081/msi/token", secret: "h1")
        _ = try outcome(credential(source, selector: .resourceID("/subscriptions/s/mi"), http: http)).get()
        _ = try outcome(credential(source, selector: .objectID("oid-1"), http: http)).get()
        http.verifyAllUsed()
    }

    @Test func appServiceWithoutThatIdentityIsUnavailable() {
        let http = ScriptedHTTPClient()
        http.expect(.get, "http://127.0.0.1:8081/msi/token", respond: .json(400, """
            {"statusCode":400,"message":"No Managed Identity found for specified ClientId/ResourceId/PrincipalId.","correlationId":"c"}
            """))
        let source = ManagedIdentitySource.appService(endpoint: "http://127.0.0.1:8081/msi/token", secret: "h1")
        let error = failure(outcome(credential(source, selector: .clientID(Vector.miClient), http: http)))
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("No Managed Identity found") == true)
        #expect(error?.message.contains("h1") == false)
        http.verifyAllUsed()
    }

    // MARK: - Azure Arc (vector 7, error cases)

    private let arcEndpoint = "http://127.0.0.1:40342/metadata/identity/oauth2/token"

    private func expectArcChallenge(_ http: ScriptedHTTPClient, selector: (String, String)? = nil, respond: HTTPResponse) {
        var query = [("api-version", "2020-06-01"), ("resource", Vector.resource)]
        if let selector { query.append(selector) }
        http.expect(.get, arcEndpoint, query: query, exactQuery: true, headers: [("Metadata", "true")],
                    absentHeaders: ["Authorization"], respond: respond)
    }

    private var arcSource: ManagedIdentitySource {
        ManagedIdentitySource.detect(ManagedIdentitySettings(identityEndpoint: arcEndpoint, imdsEndpoint: "http://127.0.0.1:40342"))
    }

    @Test(arguments: ["/tmp/x.key", "/var/opt/azcmagent/tokens/x.txt", "/var/opt/azcmagent/tokens/../../../tmp/x.key", "x.key"])
    func arcRejectsAKeyFileOutsideItsDirectory(_ realm: String) {
        let http = ScriptedHTTPClient()
        expectArcChallenge(http, respond: HTTPResponse(status: 401, headers: ["WWW-Authenticate": "Basic realm=\(realm)"], text: ""))
        let error = failure(outcome(credential(arcSource, http: http)))
        #expect(error?.isUnavailable == false, "a bad Arc challenge stops the chain")
        #expect(http.requests.count == 1)
        http.verifyAllUsed()
    }

    @Test func arcFirstAnswerMustBeA401() {
        let http = ScriptedHTTPClient()
        expectArcChallenge(http, respond: .json(200, Self.imdsSuccess))
        let error = failure(outcome(credential(arcSource, http: http)))
        #expect(error?.isUnavailable == false)
        #expect(error?.message.contains("401") == true)
        #expect(http.requests.count == 1)
        http.verifyAllUsed()
    }

    @Test func arcChallengeWithoutBasicRealmIsRejected() {
        let http = ScriptedHTTPClient()
        expectArcChallenge(http, respond: HTTPResponse(status: 401, headers: ["WWW-Authenticate": "Bearer realm=/var/opt/azcmagent/tokens/a.key"], text: ""))
        let error = failure(outcome(credential(arcSource, http: http)))
        #expect(error?.isUnavailable == false)
        #expect(http.requests.count == 1)
        http.verifyAllUsed()
    }

    @Test func arcSelectorUsesMsiResID() {
        let http = ScriptedHTTPClient()
        expectArcChallenge(http, selector: ("msi_res_id", "/subscriptions/s/mi"), respond: .json(200, "{}"))
        _ = outcome(credential(arcSource, selector: .resourceID("/subscriptions/s/mi"), http: http))
        http.verifyAllUsed()
    }

    @Test func noArcAgentIsUnavailable() {
        let http = ScriptedHTTPClient()
        for _ in 0..<4 {
            http.expect(.get, arcEndpoint, fail: .couldNotConnect("Connection refused"))
        }
        let error = failure(outcome(credential(arcSource, http: http)))
        #expect(error?.isUnavailable == true)
        http.verifyAllUsed()
    }

    // MARK: - Cloud Shell (vector 8)

    @Test func cloudShellPostsTheResourceAsAForm() throws {
        let http = ScriptedHTTPClient()
        http.expect(
            .post, "http://127.0.0.1:50342/oauth2/token", headers: [("Metadata", "true")],
            form: [("resource", Vector.resource)], exactForm: true,
            respond: .json(200, #"{"access_token":"eyJ.p.s","expires_in":"3599","token_type":"Bearer"}"#))
        let source = ManagedIdentitySource.detect(ManagedIdentitySettings(msiEndpoint: "http://127.0.0.1:50342/oauth2/token"))
        let token = try outcome(credential(source, http: http)).get()
        #expect(token.expiresOn == 1_700_003_599)
        http.verifyAllUsed()
    }

    // MARK: - App Service 2017 / Azure ML (vector 10)

    @Test(arguments: ["11/14/2023 23:13:20 +00:00", "11/14/2023 11:13:20 PM +00:00"])
    func appService2017SendsSecretAndClientIDAndReadsItsDates(_ expiry: String) throws {
        let http = ScriptedHTTPClient()
        http.expect(
            .get, "http://127.0.0.1:8082/msi/token",
            query: [("api-version", "2017-09-01"), ("resource", Vector.resource), ("clientid", Vector.miClient)], exactQuery: true,
            headers: [("secret", "ms1")],
            respond: .json(200, #"{"access_token":"eyJ.p.s","expires_on":"\#(expiry)","resource":"\#(Vector.resource)","token_type":"Bearer"}"#))
        let source = ManagedIdentitySource.detect(ManagedIdentitySettings(msiEndpoint: "http://127.0.0.1:8082/msi/token", msiSecret: "ms1"))
        let token = try outcome(credential(source, selector: .clientID(Vector.miClient), http: http)).get()
        #expect(token.expiresOn == 1_700_003_600)
        http.verifyAllUsed()
    }

    @Test func appService2017AcceptsOnlyAClientID() {
        let http = ScriptedHTTPClient()
        let source = ManagedIdentitySource.appService2017(endpoint: "http://127.0.0.1:8082/msi/token", secret: "ms1")
        let error = failure(outcome(credential(source, selector: .objectID("oid"), http: http)))
        #expect(error != nil)
        #expect(http.requests.isEmpty)
    }

    // MARK: - Source detection (§4.1)

    @Test func detectionFollowsThePythonOrder() {
        #expect(ManagedIdentitySource.detect(ManagedIdentitySettings(
            identityEndpoint: "https://127.0.0.1:2377/x", identityHeader: "sf1", identityServerThumbprint: "AB"))
            == .serviceFabric(endpoint: "https://127.0.0.1:2377/x", secret: "sf1", thumbprint: "AB"))
        #expect(ManagedIdentitySource.detect(ManagedIdentitySettings(
            identityEndpoint: "http://a", identityHeader: "h", imdsEndpoint: "http://b"))
            == .appService(endpoint: "http://a", secret: "h"))
        #expect(ManagedIdentitySource.detect(ManagedIdentitySettings(identityEndpoint: "http://a", imdsEndpoint: "http://b"))
            == .arc(endpoint: "http://a"))
        #expect(ManagedIdentitySource.detect(ManagedIdentitySettings(
            identityEndpoint: "http://a", msiEndpoint: "http://m", msiSecret: "s"))
            == .appService2017(endpoint: "http://m", secret: "s"))
        #expect(ManagedIdentitySource.detect(ManagedIdentitySettings(msiEndpoint: "http://m")) == .cloudShell(endpoint: "http://m"))
        #expect(ManagedIdentitySource.detect(ManagedIdentitySettings()) == .imds(base: "http://169.254.169.254"))
        #expect(ManagedIdentitySource.detect(ManagedIdentitySettings(podIdentityAuthorityHost: "http://127.0.0.1:8080//"))
            == .imds(base: "http://127.0.0.1:8080"))
    }

    @Test func settingsTakeTheSelectorFromTheEnvironment() {
        #expect(ManagedIdentitySettings(environment: Environment(["AZURE_CLIENT_ID": Vector.miClient]), clientID: nil).selector
            == .clientID(Vector.miClient))
        #expect(ManagedIdentitySettings(environment: Environment(["AZURE_CLIENT_ID": "env"]), clientID: "flag").selector
            == .clientID("flag"))
        #expect(ManagedIdentitySettings(environment: Environment(["AZURE_CLIENT_OBJECT_ID": "o"]), clientID: nil).selector
            == .objectID("o"))
        #expect(ManagedIdentitySettings(environment: Environment(["AZURE_CLIENT_RESOURCE_ID": "/r"]), clientID: nil).selector
            == .resourceID("/r"))
        #expect(ManagedIdentitySettings(environment: Environment(["AZURE_CLIENT_ID": ""]), clientID: nil).selector == nil)
    }
}
