#if canImport(Glibc)
import Glibc
#endif

/// The user signed in with `az login` (credentials.md §5): `az account get-access-token`.
struct AzureCLICredential: TokenCredential {
    let kind = CredentialKind.azureCLI
    let tool: DeveloperTool
    let tenantID: String?

    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken {
        let arguments = try DeveloperTool.tokenArguments(
            ["account", "get-access-token", "--output", "json"], scopeFlag: "--resource", scope: request.resource,
            tenantFlag: "--tenant", tenant: request.tenant ?? tenantID)
        let output = try tool.output(
            of: arguments, extraEnvironment: ["AZURE_CORE_NO_COLOR": "true"], wording: .azureCLI,
            failure: Self.failureMessage)
        return try parse(output.standardOutput)
    }

    /// A failed `az` asks for `az login` when it says so and Entra ID did not refuse (no AADSTS code).
    static func failureMessage(_ output: ProcessOutput) -> String {
        let stderr = output.standardError
        if (stderr.contains("az login") || stderr.contains("az account set")) && !stderr.contains("AADSTS") {
            return "Please run 'az login' to set up an account"
        }
        let message = DeveloperTool.cleanError(stderr)
        return message.isEmpty ? "Failed to invoke Azure CLI (exit status \(output.exitStatus))" : message
    }

    private func parse(_ text: String) throws(CredentialError) -> AccessToken {
        guard let object = JSONValue.object(from: Array(text.utf8)),
              let token = object["accessToken"]?.stringValue, !token.isEmpty else {
            throw .unavailable("Unexpected output from Azure CLI: '\(TokenResponse.excerpt(of: Array(text.utf8)))'")
        }
        // CLI 2.54+ adds an epoch `expires_on`; older ones only a local-time `expiresOn`.
        if let epoch = object["expires_on"]?.integerValue {
            guard AccessToken.plausibleTimes.contains(epoch) else {
                throw .unavailable("Unexpected output from Azure CLI: expires_on \(epoch) is out of range")
            }
            return AccessToken(token: token, expiresOn: epoch)
        }
        guard let local = object["expiresOn"]?.stringValue, let epoch = Self.epoch(fromLocalTime: local),
              AccessToken.plausibleTimes.contains(epoch) else {
            throw .unavailable("Unexpected output from Azure CLI: no readable expiresOn")
        }
        return AccessToken(token: token, expiresOn: epoch)
    }

    /// `2023-11-14 22:13:20.000000` in the machine's local time zone.
    static func epoch(fromLocalTime text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int32($0) }
        let clock = parts[1].prefix { $0 != "." }.split(separator: ":").compactMap { Int32($0) }
        // Bounded before `tm_year = year - 1900` can overflow.
        guard date.count == 3, clock.count == 3, (1...9999).contains(date[0]), (1...12).contains(date[1]),
              (1...31).contains(date[2]), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
              (0...60).contains(clock[2]) else { return nil }
        var fields = tm()
        fields.tm_year = date[0] - 1900
        fields.tm_mon = date[1] - 1
        fields.tm_mday = date[2]
        fields.tm_hour = clock[0]
        fields.tm_min = clock[1]
        fields.tm_sec = clock[2]
        fields.tm_isdst = -1
        let epoch = mktime(&fields)
        return epoch == -1 ? nil : Int64(epoch)
    }
}
