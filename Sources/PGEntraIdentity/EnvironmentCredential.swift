/// A service principal configured through `AZURE_*` variables (credentials.md §2): a client
/// secret, or a certificate file whose key signs an RS256 client assertion.
struct EnvironmentCredential: TokenCredential {
    let kind = CredentialKind.environment

    enum Mode: Sendable {
        case secret(String)
        case certificate(path: String, password: String?, sendChain: Bool)
    }

    let tenantID: String
    let clientID: String
    let mode: Mode
    let endpoint: TokenEndpoint

    /// The configured mode, or why there is none (the first full match wins, secret first).
    static func configuration(_ settings: IdentitySettings, certificatePassword: String?, sendChain: Bool)
        -> Swift.Result<(tenant: String, client: String, mode: Mode), CredentialError>
    {
        guard let tenant = settings.tenantID, let client = settings.clientID,
              settings.clientSecret != nil || settings.clientCertificatePath != nil else {
            var missing: [String] = []
            if settings.tenantID == nil { missing.append("AZURE_TENANT_ID") }
            if settings.clientID == nil { missing.append("AZURE_CLIENT_ID") }
            if settings.clientSecret == nil && settings.clientCertificatePath == nil {
                missing.append("AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH")
            }
            return .failure(.unavailable(
                "environment variables are not fully configured (missing \(missing.joined(separator: ", ")))"))
        }
        if let secret = settings.clientSecret {
            return .success((tenant, client, .secret(secret)))
        }
        return .success((tenant, client, .certificate(
            path: settings.clientCertificatePath!, password: certificatePassword, sendChain: sendChain)))
    }

    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken {
        let tenant = request.tenant ?? tenantID
        var fields = [("grant_type", "client_credentials"), ("client_id", clientID), ("scope", request.scope)]
        switch mode {
        case .secret(let secret):
            fields.append(("client_secret", secret))
        case .certificate(let path, let password, let sendChain):
            let certificate: ClientCertificate
            do throws(ClientCertificate.LoadError) {
                certificate = try ClientCertificate(path: path, password: password)
            } catch {
                throw .authenticationFailed(error.description)
            }
            let now = endpoint.clock.epochSeconds
            let assertion = certificate.clientAssertion(
                audience: endpoint.authority.tokenURL(tenant: tenant), clientID: clientID,
                issuedAt: now, includeChain: sendChain)
            fields.append(("client_assertion_type", ClientAssertion.type))
            fields.append(("client_assertion", assertion))
        }
        do throws(TokenEndpoint.Failure) {
            return try endpoint.requestToken(tenant: tenant, fields: fields, label: kind.className)
        } catch {
            throw error.credentialError
        }
    }
}

enum ClientAssertion {
    static let type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
}
