/// Something that can produce an access token for a scope.
protocol TokenCredential: Sendable {
    var kind: CredentialKind { get }
    func token(for request: TokenRequest) throws(CredentialError) -> AccessToken
}
