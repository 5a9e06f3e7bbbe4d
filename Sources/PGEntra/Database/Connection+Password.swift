import CLibpq

/// `\password`: libpq hashes the new password on the client (PQencryptPasswordConn, SCRAM by
/// the server's password_encryption), so the plain text never reaches the server or any log.
extension Connection {
    /// The hashed password; nil when libpq could not (its reason is in `errorMessage`).
    public func encryptPassword(_ password: String, user: String) -> String? {
        guard let hashed = PQencryptPasswordConn(handle, password, user, nil) else { return nil }
        defer { PQfreemem(hashed) }
        return String(cString: hashed)
    }

    /// The role name goes into `ALTER USER` as SQL text (it cannot be a parameter), so libpq
    /// quotes it for the connection's encoding; nil when it cannot (bad bytes), with the reason
    /// in `errorMessage`.
    public func identifier(_ text: String) -> String? {
        guard let escaped = PQescapeIdentifier(handle, text, text.utf8.count) else { return nil }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }
}
