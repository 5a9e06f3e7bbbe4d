import Foundation
import TestSupport

/// The identities every integration test's emulator knows (credentials.md §11's vectors).
enum Fixtures {
    static let tenant = IdentityEmulator.tenant
    static let clientID = "11111111-1111-1111-1111-111111111111"
    static let clientSecret = "s3cr3t-value-never-shown"
    static let servicePrincipalRole = "sp-app"
    static let federatedToken = "eyJfed.k8s.sa"
    static let managedIdentityClientID = "22222222-2222-2222-2222-222222222222"
    static let managedIdentityObjectID = "33333333-3333-3333-3333-333333333333"
    static let managedIdentityName = "pg-reader"
    static let managedIdentityResourceID =
        "/subscriptions/00000000-0000-0000-0000-00000000000s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pg-reader"
    static let systemIdentity = "vm-01"
    static let identityHeader = "h1-identity-header"
    static let msiSecret = "ms1-secret"

    static let emulatorArguments = [
        "--tenant", tenant,
        "--client", "\(clientID)=\(clientSecret)=\(servicePrincipalRole)",
        "--federated-token", federatedToken,
        "--managed-identity", "\(managedIdentityName)=\(managedIdentityClientID)=\(managedIdentityObjectID)",
        "--system-identity", systemIdentity,
        "--identity-header", identityHeader,
        "--msi-secret", msiSecret,
    ]

    /// `--lifetime` for a token a test waits out, as short as the margins allow on a loaded
    /// machine. psql signing in with a token pgentra printed has 9 s (a token ends 9 to 10 s
    /// after it is issued).
    static let shortLifetime = ["--lifetime", "10"]
    /// A pgentra that connects asks for the token twice (for the role, then the connection)
    /// and reuses it only while more than 10 s are left (TokenPasswordSource.reuseMargin): 20 s
    /// leaves 9 s for both, or it fetches a second token.
    static let connectingLifetime = ["--lifetime", "20"]

    /// An emulator with the standard identities plus `extra` options (faults, lifetime).
    static func emulator(_ extra: [String] = [], postgres: PostgresServer? = nil) throws -> IdentityEmulator {
        try IdentityEmulator(emulatorArguments + extra, postgres: postgres)
    }

    /// The claims of a JWT, decoded independently of pgentra's own decoder.
    static func claims(_ token: String) -> [String: Any]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
}
