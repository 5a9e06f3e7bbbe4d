import Testing
@testable import PGEntraIdentity
@testable import PGEntraSystem

@Suite struct IdentitySettingsTests {
    @Test func readsTheStandardVariables() {
        let environment = Environment([
            "AZURE_TENANT_ID": Vector.tenant, "AZURE_CLIENT_ID": Vector.client, "AZURE_CLIENT_SECRET": "s",
            "AZURE_CLIENT_CERTIFICATE_PATH": "/c.pem", "AZURE_FEDERATED_TOKEN_FILE": "/t", "AZURE_AUTHORITY_HOST": "login.microsoftonline.us",
            "PATH": "/opt/az/bin:/usr/bin", "PGENTRA_TOOL_TIMEOUT": "2.5", "IDENTITY_ENDPOINT": "http://127.0.0.1:1/msi",
            "IDENTITY_HEADER": "h", "MSI_ENDPOINT": "http://127.0.0.1:2", "AZURE_POD_IDENTITY_AUTHORITY_HOST": "http://127.0.0.1:3",
        ])
        let settings = IdentitySettings(environment: environment, tenant: nil, clientID: nil)
        #expect(settings.tenantID == Vector.tenant)
        #expect(settings.clientID == Vector.client)
        #expect(settings.clientSecret == "s")
        #expect(settings.clientCertificatePath == "/c.pem")
        #expect(settings.federatedTokenFile == "/t")
        #expect(settings.authorityHost == "login.microsoftonline.us")
        #expect(settings.searchPath == "/opt/az/bin:/usr/bin")
        #expect(settings.toolTimeout == 2.5)
        // The tools get the user's environment without the secrets (issue 11).
        #expect(settings.toolEnvironment == environment.variables.filter { $0.key != "AZURE_CLIENT_SECRET" && $0.key != "IDENTITY_HEADER" })
        #expect(settings.managedIdentity.identityEndpoint == "http://127.0.0.1:1/msi")
        #expect(settings.managedIdentity.identityHeader == "h")
        #expect(settings.managedIdentity.msiEndpoint == "http://127.0.0.1:2")
        #expect(settings.managedIdentity.podIdentityAuthorityHost == "http://127.0.0.1:3")
        #expect(settings.managedIdentity.selector == .clientID(Vector.client))
    }

    @Test func optionsOverrideTenantAndClient() {
        let environment = Environment(["AZURE_TENANT_ID": "env-tenant", "AZURE_CLIENT_ID": "env-client"])
        let settings = IdentitySettings(environment: environment, tenant: "flag-tenant", clientID: "flag-client")
        #expect(settings.tenantID == "flag-tenant")
        #expect(settings.clientID == "flag-client")
        #expect(settings.managedIdentity.selector == .clientID("flag-client"))
    }

    @Test func emptyVariablesAreUnset() {
        let settings = IdentitySettings(
            environment: Environment(["AZURE_TENANT_ID": "", "AZURE_CLIENT_SECRET": "", "PATH": "", "PGENTRA_TOOL_TIMEOUT": "soon"]),
            tenant: nil, clientID: nil)
        #expect(settings.tenantID == nil)
        #expect(settings.clientSecret == nil)
        #expect(settings.searchPath == "/usr/local/bin:/usr/bin:/bin")
        #expect(settings.toolTimeout == 10)
    }
}
