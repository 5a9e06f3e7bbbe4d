#if canImport(Glibc)
import Glibc
#endif

/// Kubernetes workload identity (credentials.md §3): a projected service-account token, read
/// from a file, is exchanged for an Entra token.
struct WorkloadIdentityCredential: TokenCredential {
    let kind = CredentialKind.workloadIdentity
    let tenantID: String
    let clientID: String
    let tokenFile: String
    let endpoint: TokenEndpoint

    static func configuration(_ settings: IdentitySettings) -> Swift.Result<(String, String, String), CredentialError> {
        guard let tenant = settings.tenantID, let client = settings.clientID, let file = settings.federatedTokenFile else {
            var missing: [String] = []
            if settings.tenantID == nil { missing.append("AZURE_TENANT_ID") }
            if settings.clientID == nil { missing.append("AZURE_CLIENT_ID") }
            if settings.federatedTokenFile == nil { missing.append("AZURE_FEDERATED_TOKEN_FILE") }
            return .failure(.unavailable(
                "the workload options are not fully configured (missing \(missing.joined(separator: ", ")))"))
        }
        return .success((tenant, client, file))
    }

    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken {
        // The file is read on every request: the kubelet rotates it, so a fresh read never hands
        // Entra an assertion that has expired meanwhile (the SDKs re-read after 600 s).
        let assertion = try readAssertion()
        let fields = [
            ("client_assertion", assertion), ("client_assertion_type", ClientAssertion.type),
            ("client_id", clientID), ("grant_type", "client_credentials"), ("scope", request.scope),
        ]
        do throws(TokenEndpoint.Failure) {
            return try endpoint.requestToken(tenant: request.tenant ?? tenantID, fields: fields, label: kind.className)
        } catch {
            throw error.credentialError
        }
    }

    private func readAssertion() throws(CredentialError) -> String {
        let bytes: [UInt8]
        do throws(FileContents.ReadError) {
            // Followed: Kubernetes projects the token as a link into its ..data directory.
            bytes = try FileContents.read(tokenFile, limit: 1 << 20)
        } catch {
            throw .authenticationFailed(
                "could not read the federated token file \"\(tokenFile)\" (AZURE_FEDERATED_TOKEN_FILE): \(error)")
        }
        let assertion = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        guard !assertion.isEmpty else {
            throw .authenticationFailed("the federated token file \"\(tokenFile)\" is empty")
        }
        return assertion
    }
}
