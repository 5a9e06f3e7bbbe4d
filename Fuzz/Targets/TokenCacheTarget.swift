@testable import PGEntraIdentity
#if canImport(Glibc)
import Glibc
#endif

extension FuzzTarget {
    /// A cache file someone else wrote (issue 11): the input becomes the file of a token entry
    /// (choice 0) or of the remembered credential (any other), and TokenCache reads it as a
    /// later run would. Whatever it accepts must be a token pgentra could use.
    static let tokenCache = FuzzTarget(
        name: "token-cache", summary: "TokenCache reading a token file and a remembered-credential file",
        seeds: [
            // What TokenCache.store and setPreferredCredential write (TokenCacheTests).
            FuzzInput.seed([0], #"{"access_token":"eyJ.p.s","expires_on":1700003600,"key":"\#(tokenCacheKey.text)","refresh_on":1700001800,"version":1}"#),
            FuzzInput.seed([0], #"{"access_token":"eyJ.p.s","expires_on":1700003600,"key":"\#(tokenCacheKey.text)","version":1}"#),
            FuzzInput.seed([0], #"{"access_token":"t","expires_on":253402300800,"key":"\#(tokenCacheKey.text)"}"#),
            FuzzInput.seed([1], #"{"credential":"AzureCliCredential","key":"\#(preferenceKey.text)","version":1}"#),
        ],
        prepare: { scratch in
            let directory = scratch + "/cache"
            mkdir(directory, 0o700)
            let cache = TokenCache(directory: directory, log: .silent)
            return { bytes in
                var input = FuzzInput(bytes)
                let preference = input.choice() != 0
                let path = "\(directory)/\((preference ? preferenceKey : tokenCacheKey).fileName)"
                let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
                precondition(fd >= 0, "cannot write \(path)")
                let text = input.rest
                precondition(text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == text.count)
                close(fd)
                if preference {
                    _ = cache.preferredCredential(
                        chain: preferenceChain, tenant: preferenceKey.tenant, clientID: nil, scope: preferenceKey.scope)
                } else if let token = cache.token(for: tokenCacheKey) {
                    precondition(!token.token.isEmpty && AccessToken.plausibleTimes.contains(token.expiresOn))
                    precondition(token.refreshOn.map(AccessToken.plausibleTimes.contains) ?? true)
                }
            }
        })

    private static let tokenCacheKey = TokenCache.Key(
        kind: "AzureCliCredential", tenant: "t", clientID: nil, scope: DatabaseScope.publicCloud, selectors: "account=1")
    private static let preferenceChain = "default"
    private static let preferenceKey = TokenCache.Key(
        kind: "chain-\(preferenceChain)", tenant: "t", clientID: nil, scope: DatabaseScope.publicCloud)
}
