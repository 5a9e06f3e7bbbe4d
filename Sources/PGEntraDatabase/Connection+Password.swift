import CLibpq

/// `\password`: libpq hashes the new password on the client (PQencryptPasswordConn, SCRAM by
/// the server's password_encryption), so the plain text never reaches the server or any log.
extension Connection {
    /// Sets `user`'s password as libpq 17's PQchangePassword does, which psql 18 calls and the
    /// libpq 15 linked here lacks: the hash from PQencryptPasswordConn, then `ALTER USER
    /// <identifier> PASSWORD <literal>` with both quoted by libpq for the connection's encoding.
    /// The statement is sent here, never through the shell's echo of internal queries, so even
    /// the hash stays out of ECHO_HIDDEN's output and the `-L` log, as in psql 18. Nil when libpq
    /// could not hash or quote (its reason is in `errorMessage`).
    package func changePassword(user: String, password: String) -> QueryResult? {
        guard let encrypted = PQencryptPasswordConn(handle, password, user, nil) else { return nil }
        let hashed = String(cString: encrypted)
        PQfreemem(encrypted)
        guard let value = PQescapeLiteral(handle, hashed, hashed.utf8.count) else { return nil }
        defer { PQfreemem(value) }
        guard let role = identifier(user) else { return nil }
        return execute("ALTER USER \(role) PASSWORD \(String(cString: value))")
    }
}
