/// Builds the chain's members from settings: the one place that knows how each credential is
/// configured, so the chain itself only composes (credentials.md §8).
struct CredentialFactory: Sendable {
    let settings: IdentitySettings
    let http: any HTTPClient
    let runner: any ProcessRunner
    let clock: Clock
    let log: DiagnosticLog

    func chain(_ selection: CredentialSelection) -> CredentialChain {
        CredentialChain(
            members: selection.members.map { member($0, inChain: !selection.isSingle) },
            clock: clock, log: log)
    }

    func member(_ kind: CredentialKind, inChain: Bool) -> CredentialChain.Member {
        switch kind {
        case .environment:
            switch EnvironmentCredential.configuration(
                settings, certificatePassword: settings.clientCertificatePassword,
                sendChain: ["1", "true"].contains(settings.toolEnvironment["AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"]?.lowercased() ?? "")) {
            case .failure(let error):
                return .unbuildable(kind, error)
            case .success(let configuration):
                return endpoint(kind).map { .ready(EnvironmentCredential(
                    tenantID: configuration.tenant, clientID: configuration.client, mode: configuration.mode, endpoint: $0)) }
                    ?? invalidAuthority(kind)
            }
        case .workloadIdentity:
            switch WorkloadIdentityCredential.configuration(settings) {
            case .failure(let error):
                return .unbuildable(kind, error)
            case .success(let (tenant, client, file)):
                return endpoint(kind).map { .ready(WorkloadIdentityCredential(
                    tenantID: tenant, clientID: client, tokenFile: file, endpoint: $0)) }
                    ?? invalidAuthority(kind)
            }
        case .managedIdentity:
            let source = ManagedIdentitySource.detect(settings.managedIdentity)
            return .ready(ManagedIdentityCredential(
                source: source, selector: settings.managedIdentity.selector,
                probeIMDS: inChain, http: http, clock: clock, log: log))
        case .azureCLI:
            return .ready(AzureCLICredential(tool: tool("az"), tenantID: settings.tenantID))
        case .azureDeveloperCLI:
            return .ready(AzureDeveloperCLICredential(tool: tool("azd"), tenantID: settings.tenantID))
        case .deviceCode:
            return endpoint(kind).map { .ready(DeviceCodeCredential(
                tenantID: settings.tenantID, clientID: settings.clientID, endpoint: $0)) }
                ?? invalidAuthority(kind)
        }
    }

    private func endpoint(_ kind: CredentialKind) -> TokenEndpoint? {
        guard let authority = try? AuthorityHost(settings.authorityHost) else { return nil }
        return TokenEndpoint(authority: authority, http: http, clock: clock, log: log)
    }

    private func invalidAuthority(_ kind: CredentialKind) -> CredentialChain.Member {
        do throws(AuthorityHost.Invalid) {
            _ = try AuthorityHost(settings.authorityHost)
            return .unbuildable(kind, .unavailable("invalid authority"))
        } catch {
            return .unbuildable(kind, .unavailable("AZURE_AUTHORITY_HOST: \(error)"))
        }
    }

    private func tool(_ program: String) -> DeveloperTool {
        DeveloperTool(
            program: program, searchPath: settings.searchPath, environment: settings.toolEnvironment,
            timeout: settings.toolTimeout, runner: runner, log: log)
    }
}
