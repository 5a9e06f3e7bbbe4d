import PGEntraSystem

/// What a failed chain tells the user, in psql's message shape, for every command that asks
/// for a token (`token`, `whoami`, a connection, `run`, the proxy).
extension ChainError {
    /// A chain failure as psql-style lines: what failed, one detail per credential, what to do.
    package func report(scope: String, selection: CredentialSelection) -> ErrorReport {
        let details = attempts.map { "\($0.kind.className): \($0.error.message)" }
        if stopped, let last = attempts.last {
            return ErrorReport(
                "\(last.kind.className) could not get an access token for \(scope)", details: details,
                hint: Self.hint(for: last.kind, stopped: true))
        }
        let hint = selection.isSingle
            ? Self.hint(for: selection.members[0], stopped: false)
            : "Sign in with \"az login\" or \"azd auth login\", set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a service principal, or choose a credential with --credential (pgentra --help lists them)."
        return ErrorReport("no credential could get an access token for \(scope)", details: details, hint: hint)
    }

    private static func hint(for kind: CredentialKind, stopped: Bool) -> String {
        switch kind {
        case .environment:
            "Check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)."
        case .workloadIdentity:
            "Check AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE and the identity's federated credential."
        case .managedIdentity:
            "Check that this host has a managed identity and, for a user-assigned one, that AZURE_CLIENT_ID names it."
        case .azureCLI:
            "Run \"az login\", or choose another credential with --credential."
        case .azureDeveloperCLI:
            "Run \"azd auth login\", or choose another credential with --credential."
        case .deviceCode:
            "Run the command again and complete the sign-in in a browser."
        }
    }
}
