import Testing
@testable import PGEntraIdentity

@Suite struct RoleResolverTests {
    private func role(_ claims: [String: Any]) throws -> (name: String, claim: String)? {
        RoleResolver().role(from: try JWT(decoding: TestJWT.make(claims)).claims)
    }

    // MARK: - credentials.md §11 vector 15

    @Test func aUserTokenNamesItsUPN() throws {
        let found = try role(["upn": "alice@contoso.com", "idtyp": "user"])
        #expect(found?.name == "alice@contoso.com")
        #expect(found?.claim == "upn")
    }

    @Test func aUserAssignedManagedIdentityIsNamedByTheLastSegmentOfItsResourceID() throws {
        let found = try role([
            "xms_mirid": "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pg-reader",
        ])
        #expect(found?.name == "pg-reader")
        #expect(found?.claim == "xms_mirid")
    }

    /// The sample yields none; pgentra's documented extension names the host resource.
    @Test func aSystemAssignedManagedIdentityIsNamedByItsHostResource() throws {
        let found = try role([
            "xms_mirid": "/subscriptions/s/resourcegroups/rg/providers/Microsoft.Compute/virtualMachines/vm-01",
        ])
        #expect(found?.name == "vm-01")
        #expect(found?.claim == "xms_mirid")
    }

    @Test func anAppOnlyTokenNamesNoRole() throws {
        #expect(try role(["appid": Vector.client, "idtyp": "app"]) == nil)
        #expect(try role(["appid": Vector.client, "idtyp": "app", "oid": "o", "sub": "o"]) == nil)
    }

    // MARK: - Precedence

    @Test func upnWinsOverPreferredUsernameAndUniqueName() throws {
        let found = try role(["upn": "u@x", "preferred_username": "p@x", "unique_name": "n@x"])
        #expect(found?.name == "u@x")
        #expect(found?.claim == "upn")
    }

    @Test func preferredUsernameWinsOverUniqueName() throws {
        let found = try role(["preferred_username": "p@x", "unique_name": "n@x"])
        #expect(found?.name == "p@x")
        #expect(found?.claim == "preferred_username")
    }

    @Test func uniqueNameIsTheLastResort() throws {
        // Guests carry no upn, and a unique_name like live.com#a@b.
        let found = try role(["unique_name": "live.com#guest@example.com", "name": "Guest"])
        #expect(found?.name == "live.com#guest@example.com")
        #expect(found?.claim == "unique_name")
    }

    @Test func managedIdentityResourceWinsOverNameClaims() throws {
        let found = try role([
            "xms_mirid": "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mi-a",
            "upn": "u@x",
        ])
        #expect(found?.name == "mi-a")
    }

    @Test func emptyOrNonStringClaimsAreSkipped() throws {
        let found = try role(["upn": "", "preferred_username": 42, "unique_name": "n@x"])
        #expect(found?.name == "n@x")
        #expect(found?.claim == "unique_name")
    }

    @Test func displayNameAndAppIDAreNeverARole() throws {
        #expect(try role(["name": "Alice", "appid": Vector.client, "azp": Vector.client]) == nil)
    }

    @Test func providerMatchingIgnoresCase() throws {
        let found = try role([
            "xms_mirid": "/subscriptions/s/resourceGroups/rg/providers/microsoft.managedidentity/USERASSIGNEDIDENTITIES/Pg-Writer",
        ])
        #expect(found?.name == "Pg-Writer")
    }

    // MARK: - Claims around the role

    @Test func principalKindFollowsTheClaims() throws {
        func kind(_ claims: [String: Any]) throws -> Claims.PrincipalKind {
            try JWT(decoding: TestJWT.make(claims)).claims.principalKind
        }
        #expect(try kind(["upn": "a@b", "idtyp": "user"]) == .user)
        #expect(try kind(["xms_mirid": "/subscriptions/s/providers/Microsoft.Compute/virtualMachines/vm"]) == .managedIdentity)
        #expect(try kind(["appid": Vector.client, "idtyp": "app"]) == .servicePrincipal)
    }

    @Test func roleSourcesDescribeThemselves() {
        #expect(RoleResolver.Source.option("-U").description == "the -U option")
        #expect(RoleResolver.Source.environment("PGUSER").code == "env:PGUSER")
        #expect(RoleResolver.Source.claim("upn").code == "claim:upn")
        #expect(RoleResolver.Source.managementTokenClaim("upn").description.contains("management"))
    }
}
