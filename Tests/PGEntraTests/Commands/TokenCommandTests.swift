import Foundation
import Testing
@testable import PGEntraCommands
@testable import PGEntraSystem

/// `pgentra token` and `pgentra whoami` run in-process against a fake `az` on PATH (a shell
/// script that prints canned JSON), with HOME and the cache in a temporary directory. With
/// `--credential azure-cli` nothing touches the network.
@Suite struct TokenCommandTests {
    final class Machine {
        let root = ScratchDirectory("pgentra-token-command")
        let now = Int64(Date().timeIntervalSince1970)

        init() throws {
            try FileManager.default.createDirectory(atPath: root.file("bin"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root.file("home"), withIntermediateDirectories: true)
            root.write("bin/az", """
                #!/bin/sh
                printf '%s\\n' "$*" >> "$HOME/az-calls"
                cat "$HOME/az-stdout" 2>/dev/null
                cat "$HOME/az-stderr" >&2 2>/dev/null
                exit $(cat "$HOME/az-status" 2>/dev/null || echo 0)

                """, mode: 0o755)
        }

        var variables: [String: String] {
            [
                "PATH": root.file("bin") + ":/usr/bin:/bin", "HOME": root.file("home"), "XDG_CACHE_HOME": root.file("cache"),
                "PGENTRA_CREDENTIAL": "azure-cli",
                // Only az is selected; should that ever change, nothing may leave loopback.
                "AZURE_POD_IDENTITY_AUTHORITY_HOST": "http://127.0.0.1:9", "AZURE_AUTHORITY_HOST": "http://127.0.0.1:9",
            ]
        }

        /// az prints `token` expiring `lifetime` seconds from now.
        func azPrints(_ token: String, lifetime: Int64 = 3600) {
            root.write("home/az-stdout", #"{"accessToken":"\#(token)","expiresOn":"x","expires_on":\#(now + lifetime),"tokenType":"Bearer"}"#)
            root.write("home/az-status", "0")
        }

        func azFails(_ stderr: String, status: Int = 1) {
            root.write("home/az-stdout", "")
            root.write("home/az-stderr", stderr)
            root.write("home/az-status", "\(status)")
        }

        var azCalls: [String] {
            ((try? String(contentsOfFile: root.file("home/az-calls"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        func userToken(_ claims: [String: Any] = ["upn": "alice@contoso.com", "idtyp": "user", "name": "Alice"], lifetime: Int64 = 3600) -> String {
            var all: [String: Any] = [
                "aud": "https://ossrdbms-aad.database.windows.net", "tid": Vector.tenant, "iat": now, "exp": now + lifetime,
                "oid": "33333333-3333-3333-3333-333333333333",
            ]
            all.merge(claims) { $1 }
            return TestJWT.make(all, header: ["typ": "JWT", "alg": "RS256", "kid": "abcdefghijklmnopqrstuvwxyz0123456789"])
        }

        func run(_ arguments: [String], extra: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
            let captured = Captured()
            let status = Program.run(arguments: arguments, environment: Environment(variables.merging(extra) { $1 }), console: captured.console)
            return (status, captured.outputText, captured.errorText)
        }
    }

    @Test func tokenPrintsOnlyTheTokenAndANewline() throws {
        let machine = try Machine()
        let token = machine.userToken()
        machine.azPrints(token)
        let result = machine.run(["token"])
        #expect(result.status == 0)
        #expect(result.out == token + "\n")
        #expect(result.err.isEmpty)
        #expect(machine.azCalls == ["account get-access-token --output json --resource https://ossrdbms-aad.database.windows.net"])
    }

    @Test func theScopeFollowsTheHost() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken())
        _ = machine.run(["token", "-h", "srv.postgres.database.usgovcloudapi.net"])
        #expect(machine.azCalls.first?.hasSuffix("--resource https://ossrdbms-aad.database.usgovcloudapi.net") == true)
    }

    @Test func tokenJSONCarriesExpiryCredentialAndUser() throws {
        let machine = try Machine()
        let token = machine.userToken()
        machine.azPrints(token)
        let result = machine.run(["token", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["token"] as? String == token)
        #expect(object["expires_on"] as? Int == Int(machine.now + 3600))
        #expect(object["credential"] as? String == "azure-cli")
        #expect(object["user"] as? String == "alice@contoso.com")
    }

    @Test func aSecondRunIsServedFromTheCache() throws {
        let machine = try Machine()
        let token = machine.userToken()
        machine.azPrints(token)
        let first = machine.run(["token"])
        #expect(first.status == 0, "\(first.err)")
        machine.azFails("ERROR: Please run 'az login' to setup account.")
        let again = machine.run(["token"])
        #expect(again.status == 0)
        #expect(again.out == token + "\n")
        #expect(machine.azCalls.count == 1)
        let directory = machine.root.file("cache/pgentra")
        #expect(permissions(directory) == 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) {
            #expect(permissions(directory + "/" + file) == 0o600)
        }
    }

    @Test func noTokenCacheLeavesNoFiles() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken())
        _ = machine.run(["token", "--no-token-cache"])
        _ = machine.run(["token"], extra: ["PGENTRA_NO_TOKEN_CACHE": "1"])
        #expect(!FileManager.default.fileExists(atPath: machine.root.file("cache/pgentra")))
        #expect(machine.azCalls.count == 2)
    }

    @Test func notLoggedInExitsOneWithDetailAndHint() throws {
        let machine = try Machine()
        machine.azFails("ERROR: Please run 'az login' to setup account.\n")
        let result = machine.run(["token"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err == """
            pgentra: error: no credential could get an access token for https://ossrdbms-aad.database.windows.net/.default
            pgentra: detail: AzureCliCredential: Please run 'az login' to set up an account
            pgentra: hint: Run "az login", or choose another credential with --credential.

            """)
    }

    @Test func anExpiredTokenFromAzIsAnError() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken(lifetime: -600), lifetime: -600)
        let result = machine.run(["token"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("expired"))
    }

    @Test func minTTLLongerThanAnyTokenWarnsButPrints() throws {
        let machine = try Machine()
        let token = machine.userToken()
        machine.azPrints(token)
        let result = machine.run(["token", "--min-ttl", "7200"])
        #expect(result.status == 0)
        #expect(result.out == token + "\n")
        #expect(result.err.hasPrefix("pgentra: warning: "))
    }

    @Test func debugOutputNeverShowsTheToken() throws {
        let machine = try Machine()
        let token = machine.userToken()
        machine.azPrints(token)
        let result = machine.run(["token", "--debug"])
        #expect(result.err.contains("pgentra: debug: "))
        #expect(!result.err.contains(String(token.prefix(12))))
    }

    // MARK: - whoami

    @Test func whoamiRolePrintsOnlyTheRole() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken())
        let result = machine.run(["whoami", "--role"])
        #expect(result.status == 0)
        #expect(result.out == "alice@contoso.com\n")
    }

    @Test func whoamiDescribesThePrincipalWithoutShowingTheToken() throws {
        let machine = try Machine()
        let token = machine.userToken()
        machine.azPrints(token)
        let result = machine.run(["whoami"])
        #expect(result.status == 0)
        #expect(result.out.contains("alice@contoso.com (user)"))
        #expect(result.out.contains("Role:"))
        #expect(result.out.contains("the token's upn claim"))
        #expect(result.out.contains(Vector.tenant))
        #expect(result.out.contains("AzureCliCredential"))
        for part in token.split(separator: ".") {
            #expect(!result.out.contains(part))
            #expect(!result.err.contains(part))
        }
    }

    @Test func whoamiJSONNamesTheRoleAndItsSource() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken())
        let result = machine.run(["whoami", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["role"] as? String == "alice@contoso.com")
        #expect(object["role_source"] as? String == "claim:upn")
        #expect(object["principal_kind"] as? String == "user")
        #expect(object["credential"] as? String == "azure-cli")
        #expect(!result.out.contains("accessToken"))
    }

    @Test func anExplicitUserWinsOverTheClaims() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken())
        #expect(machine.run(["whoami", "--role", "-U", "bob"]).out == "bob\n")
        #expect(machine.run(["whoami", "--role"], extra: ["PGUSER": "carol"]).out == "carol\n")
    }

    @Test func aRoleFromTheConnectionStringIsDescribedReadably() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken())
        let result = machine.run(["whoami", "-d", "user=dave dbname=app"])
        #expect(result.out.contains("dave"))
        #expect(!result.out.contains("the the "), "\(result.out)")
    }

    @Test func aServicePrincipalTokenWithoutANameAsksForDashU() throws {
        let machine = try Machine()
        machine.azPrints(machine.userToken(["appid": Vector.client, "idtyp": "app"]))
        let result = machine.run(["whoami", "--role"])
        #expect(result.status == 1)
        #expect(result.err.contains("-U"))
        // The management-scope token was tried once for its claims.
        #expect(machine.azCalls.count == 2)
        #expect(machine.azCalls.last?.contains("--resource https://management.azure.com") == true)
    }
}
