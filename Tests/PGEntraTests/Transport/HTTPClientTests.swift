import COpenSSL
import Testing
@testable import PGEntraIdentity

@Suite struct HTTPClientTests {
    @Test func percentEncodingLeavesOnlyUnreservedCharacters() {
        #expect(PercentEncoding.encode("https://ossrdbms-aad.database.windows.net/.default") == "https%3A%2F%2Fossrdbms-aad.database.windows.net%2F.default")
        #expect(PercentEncoding.encode("a b+c&d=e~f_g.h-i") == "a%20b%2Bc%26d%3De~f_g.h-i")
        #expect(PercentEncoding.encode("é") == "%C3%A9")
        #expect(PercentEncoding.query([("api-version", "2018-02-01"), ("resource", "R/x")]) == "api-version=2018-02-01&resource=R%2Fx")
    }

    @Test func aFormRequestIsAnEncodedPost() {
        let request = HTTPRequest.form(url: "https://x/token", fields: [("scope", "S openid"), ("client_secret", "a&b=c")])
        #expect(request.method == .post)
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
        #expect(request.header("ACCEPT") == "application/json")
        #expect(String(decoding: request.body, as: UTF8.self) == "scope=S%20openid&client_secret=a%26b%3Dc")
    }

    @Test func responseHeaderNamesAreLowerCased() {
        let response = HTTPResponse(status: 401, headers: ["WWW-Authenticate": "Basic realm=x", "Retry-After": "5"], text: "")
        #expect(response.headers["www-authenticate"] == "Basic realm=x")
        #expect(response.headers["retry-after"] == "5")
    }

    @Test func transportErrorsDescribeThemselves() {
        #expect(TransportError.couldNotConnect("refused").description == "could not connect: refused")
        #expect(TransportError.timedOut("1 s").description == "timed out: 1 s")
        #expect(TransportError.invalidURL("x").description == "invalid URL \"x\"")
    }
}

@Suite struct CurlHTTPClientTests {
    /// Issue 11: trusted CAs are found where OpenSSL looks, not in one distribution's paths.
    @Test func theTrustStoreFollowsOpenSSLsDefaults() {
        #expect(CurlHTTPClient(settings: .init()).trustStore.file == nil)
        #expect(CurlHTTPClient(settings: .init()).trustStore.directory == nil, "libcurl's own default applies")
        let added = CurlHTTPClient(settings: .init(caFile: "/tmp/extra.pem")).trustStore
        #expect(added.file == "/tmp/extra.pem")
        #expect(added.directory == String(cString: X509_get_default_cert_dir()), "the system's roots stay")
        #expect(CurlHTTPClient(settings: .init(caDirectory: "/opt/cas")).trustStore.directory == "/opt/cas")
    }

    /// Issue 11: IMDS and every managed-identity endpoint bypass any proxy, whatever NO_PROXY says.
    @Test func managedIdentityHostsAreNeverProxied() {
        let settings = ManagedIdentitySettings(
            identityEndpoint: "http://10.0.0.5:8081/msi/token", imdsEndpoint: "http://[fd00::1]:80",
            podIdentityAuthorityHost: "http://imds.internal")
        let client = CurlHTTPClient(settings: .init(httpProxy: "http://proxy:3128", noProxy: "corp.example",
                                                    directHosts: settings.endpointHosts))
        #expect(client.noProxyList == "corp.example,127.0.0.1,localhost,::1,169.254.169.254,10.0.0.5,fd00::1,imds.internal")
        #expect(CurlHTTPClient(settings: .init()).noProxyList == "127.0.0.1,localhost,::1,169.254.169.254")
    }

    @Test func aRefusedLoopbackConnectionIsCouldNotConnect() {
        let client = CurlHTTPClient(settings: .init())
        do throws(TransportError) {
            _ = try client.send(HTTPRequest(method: .get, url: "http://127.0.0.1:9/", timeout: 2, connectTimeout: 1))
            Issue.record("something answered on 127.0.0.1:9")
        } catch {
            guard case .couldNotConnect = error else {
                Issue.record("expected couldNotConnect, got \(error)")
                return
            }
        }
    }

    @Test func onlyHTTPAndHTTPSAreSpoken() {
        let client = CurlHTTPClient(settings: .init())
        do throws(TransportError) {
            _ = try client.send(HTTPRequest(method: .get, url: "file:///etc/passwd", timeout: 2, connectTimeout: 1))
            Issue.record("file:// was read")
        } catch {
            #expect(error == .invalidURL("file:///etc/passwd"))
        }
    }
}
