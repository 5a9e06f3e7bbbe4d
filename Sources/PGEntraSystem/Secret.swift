/// How secrets (access tokens, passwords) appear in text: never whole. Here, below every layer,
/// because a token is a password to Database and Proxy as much as a credential to Identity.
package enum Secret {
    /// The most of a secret any message may show: its first 6 characters and an ellipsis.
    package static func mask(_ secret: String) -> String {
        String(secret.prefix(6)) + "…"
    }
}
