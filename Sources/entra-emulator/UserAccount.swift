/// The one signed-in user (`--user`) behind device code, Cloud Shell and the fake az/azd.
struct UserAccount: Sendable {
    let upn: String
    let objectID: String
    /// Entra's `sub` for users is pairwise and opaque, unlike apps where it equals `oid`.
    let subject: String
    let displayName: String

    init(upn: String) {
        self.upn = upn
        self.objectID = StableIdentifier.uuid("user:" + upn.lowercased())
        self.subject = StableIdentifier.opaque("user:" + upn.lowercased())
        self.displayName = UserAccount.displayName(for: upn)
    }

    /// "alice@contoso.com" → "Alice Example", "bob.smith@…" → "Bob Smith": a plausible `name` claim.
    static func displayName(for upn: String) -> String {
        let local = upn.split(separator: "@").first.map(String.init) ?? upn
        let words = local.split(whereSeparator: { ".-_+".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        switch words.count {
        case 0: return "Example User"
        case 1: return words[0] + " Example"
        default: return words.joined(separator: " ")
        }
    }
}
