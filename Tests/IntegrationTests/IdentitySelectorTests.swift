import Foundation
import TestSupport
import Testing

/// Issue 11 item 1: the token always belongs to the identity asked for. Switching a managed
/// identity's object or resource id, or the account az or azd is signed in as, gets the new
/// identity's token at once, never the previous one's from the cache.
@Suite struct IdentitySelectorTests {
    static let writer = (name: "pg-writer", clientID: "44444444-4444-4444-4444-444444444444",
                         objectID: "55555555-5555-5555-5555-555555555555")

    private func emulator() throws -> IdentityEmulator {
        try Fixtures.emulator(["--managed-identity", "\(Self.writer.name)=\(Self.writer.clientID)=\(Self.writer.objectID)"])
    }

    /// The token's `oid` claim, read independently of pgentra.
    private func objectID(_ result: ChildProcess.Result) throws -> String? {
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(Fixtures.claims(result.stdout.trimmingCharacters(in: .newlines)))["oid"] as? String
    }

    @Test(arguments: [
        ("AZURE_CLIENT_OBJECT_ID", Fixtures.managedIdentityObjectID, writer.objectID),
        ("AZURE_CLIENT_RESOURCE_ID", Fixtures.managedIdentityResourceID,
         "/subscriptions/00000000-0000-0000-0000-00000000000s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pg-writer"),
    ])
    func switchingAManagedIdentitySelectorGetsThatIdentitysToken(variable: String, first: String, second: String) throws {
        let emulator = try emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment[variable] = first
        #expect(try objectID(environment.pgentra(["token", "--credential", "managed-identity"])) == Fixtures.managedIdentityObjectID)
        environment[variable] = second
        #expect(try objectID(environment.pgentra(["token", "--credential", "managed-identity"])) == Self.writer.objectID)
        environment[variable] = first
        #expect(try objectID(environment.pgentra(["token", "--credential", "managed-identity"])) == Fixtures.managedIdentityObjectID)
        // The last one came from the cache: two identities, two token requests.
        let issued = emulator.issued().filter { ($0["resource"] as? String)?.contains("ossrdbms") == true }
        #expect(issued.count == 2, "\(issued)")
    }

    /// `az login` or `az account set` rewrites azureProfile.json; azd's sign-in lives in
    /// ~/.azd/auth.json. Either change makes the cached token someone else's.
    @Test(arguments: [("azure-cli", ".azure/azureProfile.json"), ("azd", ".azd/auth.json")])
    func signingInAsAnotherAccountGetsANewToken(credential: String, file: String) throws {
        let emulator = try emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment.installFakeCLIs(emulator: emulator)
        let directory = (environment.home.file(file) as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment.home.write(file, #"{"user": {"name": "alice@contoso.com"}}"#)
        #expect(environment.pgentra(["token", "--credential", credential]).status == 0)
        #expect(environment.pgentra(["token", "--credential", credential]).status == 0)
        #expect(emulator.issued().count == 1, "the same account's token is reused")
        environment.home.write(file, #"{"user": {"name": "bob@contoso.com"}}"#)
        let switched = environment.pgentra(["token", "--credential", credential])
        #expect(switched.status == 0, "stderr: \(switched.stderr)")
        #expect(emulator.issued().count == 2, "another account's token is fetched at once")
    }
}
