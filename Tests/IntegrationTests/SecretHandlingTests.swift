import Foundation
import TestSupport
import Testing

/// A token, client secret or federated assertion never reaches argv, --debug output, error
/// messages or any file but the 0600 token cache.
@Suite struct SecretHandlingTests {
    @Test func debugOutputNamesEveryStepButNoSecret() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret
        let result = environment.pgentra(["token", "--debug"])
        #expect(result.status == 0)
        let token = result.stdout.trimmingCharacters(in: .newlines)
        #expect(result.stderr.contains("pgentra: debug: "))
        #expect(result.stderr.contains("token cache: miss"))
        #expect(result.stderr.contains("EnvironmentCredential"))
        #expect(!result.stderr.contains(token))
        #expect(!result.stderr.contains(String(token.prefix(20))))
        #expect(!result.stderr.contains(Fixtures.clientSecret))

        let whoami = environment.pgentra(["whoami", "--debug", "--json"])
        #expect(whoami.status == 0)
        #expect(!whoami.stdout.contains(token) && !whoami.stderr.contains(token))
        #expect(whoami.stderr.contains("token cache: hit"))
    }

    @Test func theTokenIsOnlyInTheCacheFileWhichIsPrivate() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        let result = environment.pgentra(["token"])
        #expect(result.status == 0)
        let token = result.stdout.trimmingCharacters(in: .newlines)
        let cacheDirectory = environment.home.file("cache/pgentra")
        var attributes = try FileManager.default.attributesOfItem(atPath: cacheDirectory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        var holders: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: environment.home.path))
        for case let relative as String in enumerator {
            let path = environment.home.file(relative)
            if let contents = try? String(contentsOfFile: path, encoding: .utf8), contents.contains(token) {
                holders.append(path)
                attributes = try FileManager.default.attributesOfItem(atPath: path)
                #expect((attributes[.posixPermissions] as? Int) == 0o600)
            }
        }
        #expect(holders.count == 1)
        #expect(holders.first?.hasPrefix(cacheDirectory) == true)
    }

    @Test func aTokenInAzureCLIErrorOutputIsMasked() throws {
        let environment = TestEnvironment()
        let leaked = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOnRydWV9.c2lnbmF0dXJlLXNlY3JldA"
        environment.installTool("az", script: """
        #!/bin/sh
        echo '{"accessToken": "\(leaked)", "oops": AADSTS50001 broken' >&2
        exit 1
        """)
        let result = environment.pgentra(["token", "--credential", "azure-cli"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains(leaked))
        #expect(!result.stderr.contains(String(leaked.prefix(12))))
        #expect(result.stderr.contains("AADSTS50001"))
    }

    /// Issue 11: az and azd received AZURE_CLIENT_SECRET, IDENTITY_HEADER and MSI_SECRET.
    @Test(arguments: [("az", "azure-cli"), ("azd", "azd")])
    func developerToolsNeverSeeCredentialSecrets(tool: String, credential: String) throws {
        let environment = TestEnvironment()
        let secrets = ["AZURE_CLIENT_SECRET": "client-secret-value", "AZURE_CLIENT_CERTIFICATE_PASSWORD": "cert-password-value",
                       "IDENTITY_HEADER": "identity-header-value", "MSI_SECRET": "msi-secret-value"]
        for (name, value) in secrets { environment[name] = value }
        let dump = environment.home.file("\(tool).env")
        environment.installTool(tool, script: "#!/bin/sh\nenv > '\(dump)'\nexit 1\n")
        _ = environment.pgentra(["token", "--credential", credential])
        let seen = try String(contentsOfFile: dump, encoding: .utf8)
        #expect(seen.contains("HOME="), "the tool ran with the user's environment")
        for (name, value) in secrets {
            #expect(!seen.contains(name) && !seen.contains(value), "\(tool) saw \(name)")
        }
    }

    @Test func noTokenCacheLeavesNoFiles() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        let result = environment.pgentra(["token", "--no-token-cache"])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: environment.home.file("cache/pgentra")))
        environment["PGENTRA_NO_TOKEN_CACHE"] = "1"
        #expect(environment.pgentra(["token"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: environment.home.file("cache/pgentra")))
        #expect(emulator.issued().count == 2)
    }
}
