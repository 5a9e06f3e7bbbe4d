/// The user signed in with `azd auth login` (credentials.md §6): `azd auth token`.
struct AzureDeveloperCLICredential: TokenCredential {
    let kind = CredentialKind.azureDeveloperCLI
    let tool: DeveloperTool
    let tenantID: String?

    static let loginHint = "Please run 'azd auth login' from a command prompt to authenticate before using this credential."

    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken {
        let arguments = try DeveloperTool.tokenArguments(
            ["auth", "token", "--output", "json", "--no-prompt"], scopeFlag: "--scope", scope: request.scope,
            tenantFlag: "--tenant-id", tenant: request.tenant ?? tenantID)
        let output = try tool.output(
            of: arguments, extraEnvironment: ["NO_COLOR": "true"], wording: .azureDeveloperCLI,
            failure: Self.failureMessage)
        guard let object = JSONValue.object(from: Array(output.standardOutput.utf8)),
              let token = object["token"]?.stringValue, !token.isEmpty,
              let expiry = object["expiresOn"]?.stringValue, let epoch = ExpiryDate.isoDate(expiry),
              AccessToken.plausibleTimes.contains(epoch) else {
            throw .unavailable("Unexpected output from Azure Developer CLI: '\(TokenResponse.excerpt(of: Array(output.standardOutput.utf8)))'")
        }
        return AccessToken(token: token, expiresOn: epoch)
    }

    /// azd 1.23.7+ writes JSON errors (`error`, else `data.message`); older ones plain text.
    static func failureMessage(_ output: ProcessOutput) -> String {
        var text = output.standardError
        if let object = JSONValue.object(from: Array(text.utf8)) {
            if let error = object["error"]?.stringValue {
                text = error
            } else if case .object(let data)? = object["data"], let message = data["message"]?.stringValue {
                text = message
            }
        }
        if (text.contains("azd auth login") || text.contains("not logged in")) && !text.contains("AADSTS") {
            return loginHint
        }
        let message = DeveloperTool.cleanError(text)
        return message.isEmpty ? "Failed to invoke the Azure Developer CLI (exit status \(output.exitStatus))" : message
    }
}
