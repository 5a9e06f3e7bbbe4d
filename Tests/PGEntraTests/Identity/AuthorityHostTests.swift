import Testing
@testable import PGEntraIdentity
@testable import PGEntraSystem

@Suite struct AuthorityHostTests {
    @Test func unsetMeansThePublicCloud() throws {
        #expect(try AuthorityHost(nil).url == "https://login.microsoftonline.com")
        #expect(try AuthorityHost(nil).tokenURL(tenant: Vector.tenant) == Vector.tokenURL)
        #expect(try AuthorityHost(nil).deviceCodeURL(tenant: "organizations")
            == "https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode")
    }

    @Test(arguments: [
        ("login.microsoftonline.us", "https://login.microsoftonline.us"),
        ("login.chinacloudapi.cn/", "https://login.chinacloudapi.cn"),
        ("https://login.microsoftonline.com/", "https://login.microsoftonline.com"),
        ("https://login.microsoftonline.com//", "https://login.microsoftonline.com"),
        ("  https://login.microsoftonline.com/  ", "https://login.microsoftonline.com"),
        ("HTTPS://Login.Example.COM", "HTTPS://Login.Example.COM"),
        ("https://adfs.contoso.com/adfs", "https://adfs.contoso.com/adfs"),
    ])
    func httpsIsPrefixedAndTrailingSlashesAndSpacesStripped(_ configured: String, _ expected: String) throws {
        #expect(try AuthorityHost(configured).url == expected)
    }

    @Test(arguments: [
        "http://127.0.0.1:8080", "http://127.0.0.1:8080/", "http://localhost:9999", "http://LOCALHOST",
        "http://[::1]:8080", "http://127.255.255.254", "http://user@127.0.0.1:80",
    ])
    func plainHTTPIsAllowedForLoopbackOnly(_ configured: String) throws {
        let authority = try AuthorityHost(configured)
        #expect(authority.url.hasPrefix("http://"))
        #expect(!authority.url.hasSuffix("/"))
    }

    @Test(arguments: [
        "http://login.microsoftonline.com", "http://10.0.0.1", "http://127.0.0.1.example.com", "http://localhost.example.com",
        "http://127.0.0.1@evil.example.com", "http://evil.example.com#@127.0.0.1", "ftp://login.microsoftonline.com",
        "http://128.0.0.1", "http://[::2]",
    ])
    func anythingElseMustBeHTTPS(_ configured: String) {
        do throws(AuthorityHost.Invalid) {
            let accepted = try AuthorityHost(configured)
            Issue.record("accepted \(accepted.url)")
        } catch {
            #expect(error.description.contains("is an invalid authority. The value must be a TLS protected (https) URL"))
            #expect(error.description.contains(configured))
        }
    }

    @Test func loopbackHostDetection() {
        #expect(Loopback.isLoopbackHost("127.0.0.1"))
        #expect(Loopback.isLoopbackHost("127.1.2.3"))
        #expect(Loopback.isLoopbackHost("[::1]"))
        #expect(!Loopback.isLoopbackHost("127.0.0"))
        #expect(!Loopback.isLoopbackHost("127.0.0.256"))
        #expect(!Loopback.isLoopbackHost("0.0.0.0"))
        #expect(Loopback.host(ofURL: "http://u:p@[::1]:8080/path?q#f") == "[::1]")
        #expect(Loopback.host(ofURL: "https://host.example:443/x") == "host.example")
        #expect(Loopback.host(ofURL: "no scheme") == nil)
    }
}
