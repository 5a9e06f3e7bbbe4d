import Foundation
import TestSupport
import Testing

/// `pgentra token` and `pgentra whoami --role` through each credential of the chain, against the
/// real emulator: the token is a signed JWT from the emulator and the role is the one Azure would use.
@Suite struct CredentialTokenTests {
    /// Runs `token` then `whoami --role` and checks the output shapes and the issued token.
    private func expectToken(
        _ environment: TestEnvironment, _ emulator: IdentityEmulator, arguments: [String] = [],
        endpoint: String, role: String?
    ) throws {
        let token = environment.pgentra(["token"] + arguments)
        #expect(token.status == 0, "stderr: \(token.stderr)")
        #expect(token.stderr.isEmpty)
        #expect(token.stdout.hasSuffix("\n"))
        let text = token.stdout.trimmingCharacters(in: .newlines)
        #expect(!text.contains("\n") && text.split(separator: ".").count == 3)
        let claims = try #require(Fixtures.claims(text))
        #expect(claims["aud"] as? String == "https://ossrdbms-aad.database.windows.net")
        let issued = emulator.issued()
        #expect(issued.count == 1)
        #expect(issued.first?["endpoint"] as? String == endpoint)

        let whoami = environment.pgentra(["whoami", "--role"] + arguments)
        if let role {
            #expect(whoami.status == 0, "stderr: \(whoami.stderr)")
            #expect(whoami.stdout == role + "\n")
        } else {
            #expect(whoami.status == 1)
            #expect(whoami.stderr.contains("-U"))
        }
        // The second command found the first one's token in the cache (or the management token).
        #expect(emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }.count == 1)
    }

    @Test func environmentClientSecretGetsAnAppTokenWithNoRoleClaim() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_CLIENT_SECRET"] = Fixtures.clientSecret
        try expectToken(environment, emulator, endpoint: "client_secret", role: nil)
        let explicit = environment.pgentra(["whoami", "--role", "-U", "sp-app"])
        #expect(explicit.stdout == "sp-app\n")
    }

    @Test func workloadIdentityExchangesTheFederatedTokenFile() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_TENANT_ID"] = Fixtures.tenant
        environment["AZURE_CLIENT_ID"] = Fixtures.clientID
        environment["AZURE_FEDERATED_TOKEN_FILE"] = environment.home.write("federated", Fixtures.federatedToken + "\n")
        try expectToken(environment, emulator, arguments: ["--credential", "workload-identity"],
                        endpoint: "workload", role: nil)
    }

    @Test func imdsSystemAssignedIdentityIsNamedAfterItsHost() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        try expectToken(environment, emulator, endpoint: "imds", role: Fixtures.systemIdentity)
        let requests = emulator.requests().filter { ($0["path"] as? String)?.hasPrefix("/metadata") == true }
        // The chain probes without the Metadata header first, then asks with it.
        let first = try #require(requests.first)
        #expect((first["headers"] as? [String: Any])?["metadata"] == nil)
        #expect((requests.last?["headers"] as? [String: Any])?["metadata"] as? String == "true")
    }

    @Test(arguments: [
        ("AZURE_CLIENT_ID", Fixtures.managedIdentityClientID, "client_id="),
        ("AZURE_CLIENT_OBJECT_ID", Fixtures.managedIdentityObjectID, "object_id="),
        ("AZURE_CLIENT_RESOURCE_ID", Fixtures.managedIdentityResourceID, "msi_res_id="),
    ])
    func imdsUserAssignedIdentityIsSelectedAndNamed(variable: String, value: String, parameter: String) throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment[variable] = value
        try expectToken(environment, emulator, arguments: ["--credential", "managed-identity"],
                        endpoint: "imds", role: Fixtures.managedIdentityName)
        let query = emulator.requests().compactMap { $0["query"] as? String }.first { $0.contains(parameter) }
        #expect(query != nil)
    }

    @Test func appServiceIdentitySendsTheIdentityHeader() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["IDENTITY_ENDPOINT"] = emulator.baseURL + "/msi/token"
        environment["IDENTITY_HEADER"] = Fixtures.identityHeader
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        try expectToken(environment, emulator, arguments: ["--credential", "managed-identity"],
                        endpoint: "appservice", role: Fixtures.managedIdentityName)
    }

    @Test func appService2017ReadsTheDateStringExpiry() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["MSI_ENDPOINT"] = emulator.baseURL + "/msi2017/token"
        environment["MSI_SECRET"] = Fixtures.msiSecret
        try expectToken(environment, emulator, arguments: ["--credential", "ManagedIdentityCredential"],
                        endpoint: "appservice2017", role: Fixtures.systemIdentity)
        let json = environment.pgentra(["token", "--json", "--credential", "managed-identity"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let expiresOn = try #require(object["expires_on"] as? Int)
        let exp = try #require(emulator.issued().first?["exp"] as? Int)
        #expect(expiresOn == exp)
    }

    @Test func azureCLIIsRunWithTheResourceAndNeverTheToken() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment.installFakeCLIs(emulator: emulator)
        try expectToken(environment, emulator, arguments: ["--credential", "azure-cli"],
                        endpoint: "az", role: IdentityEmulator.user)
        #expect(environment.recordedArguments("az") == [
            "account", "get-access-token", "--output", "json", "--resource",
            "https://ossrdbms-aad.database.windows.net",
        ])
    }

    @Test func azureDeveloperCLIIsRunWithTheScope() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment.installFakeCLIs(emulator: emulator)
        try expectToken(environment, emulator, arguments: ["--credential", "azd", "--tenant", Fixtures.tenant],
                        endpoint: "azd", role: IdentityEmulator.user)
        #expect(environment.recordedArguments("azd") == [
            "auth", "token", "--output", "json", "--no-prompt", "--scope",
            "https://ossrdbms-aad.database.windows.net/.default", "--tenant-id", Fixtures.tenant,
        ])
    }

    @Test func deviceCodeShowsTheSignInMessageAndPolls() throws {
        let emulator = try Fixtures.emulator(["--device-pending", "1", "--device-interval", "1"])
        let environment = TestEnvironment(emulator: emulator)
        let result = environment.pgentra(["token", "--credential", "device-code"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("https://microsoft.com/devicelogin"))
        let claims = try #require(Fixtures.claims(result.stdout.trimmingCharacters(in: .newlines)))
        #expect(claims["upn"] as? String == IdentityEmulator.user)
    }

    @Test func theChainRemembersWhichCredentialWorked() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment.installFakeCLIs(emulator: emulator)
        // No IMDS here: the chain reaches az after a refused probe.
        environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = TestEnvironment.deadEndpoint
        let first = environment.pgentra(["token", "--debug"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stderr.contains("ManagedIdentityCredential"))
        let second = environment.pgentra(["token", "--debug", "--no-token-cache"])
        #expect(second.status == 0)
        // With the cache off, the remembered preference is not read either: the full chain runs again.
        #expect(second.stderr.contains("ManagedIdentityCredential"))
        let third = environment.pgentra(["token", "--debug"])
        #expect(third.stderr.contains("token cache: hit for AzureCliCredential"))
        #expect(!third.stderr.contains("ManagedIdentityCredential probe"))
    }
}
