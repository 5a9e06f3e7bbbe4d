import PGEntraSystem

/// Who a token signs in as, in the rows `pgentra whoami` and the shell's `\whoami` print: the
/// principal, the role and where it came from, the tenant, the token's lifetime and credential.
package enum SignInSummary {
    /// The human-readable form, also the shell's `\whoami` (whose role is the connection's).
    package static func text(_ provided: TokenProvider.Provided, claims: Claims, role: (name: String, source: String)?, now: Int64) -> String {
        var rows: [(String, String)] = [
            ("Principal", "\(claims.principalName ?? "(unnamed)") (\(claims.principalKind.rawValue))"),
            ("Role", role.map { "\($0.name) (from \($0.source))" } ?? "(none: pass -U NAME or set PGUSER)"),
        ]
        if let tenant = claims.tenant { rows.append(("Tenant", tenant)) }
        if let oid = claims.objectID { rows.append(("Object ID", oid)) }
        if let app = claims.applicationID { rows.append(("Application", app)) }
        if let audience = claims.audience { rows.append(("Audience", audience)) }
        if let issued = claims.issuedAt { rows.append(("Issued", CivilTime.format(issued))) }
        let lifetime = Self.lifetime(expiresOn: provided.token.expiresOn, now: now, sayingExpires: false)
        rows.append(("Expires", CivilTime.format(provided.token.expiresOn) + " (\(lifetime))"))
        rows.append(("Credential", provided.credential.className + (provided.fromCache ? " (cached token)" : "")))
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { "\($0.0):" + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }
            .joined(separator: "\n") + "\n"
    }

    /// How long a token has left, worded once for every place that shows it: `in 54 min 10 s`
    /// (`expires in 54 min 10 s` with `sayingExpires`), or `expired 3 min 2 s ago` once it has
    /// passed. `whoami`'s Expires row puts it in parentheses after the time; the shell's
    /// `\conninfo` and `\refresh` put it after the credential's name.
    package static func lifetime(expiresOn: Int64, now: Int64, sayingExpires: Bool) -> String {
        let remaining = expiresOn - now
        let duration = CivilTime.duration(remaining)
        guard remaining >= 0 else { return "expired \(duration) ago" }
        return sayingExpires ? "expires in \(duration)" : "in \(duration)"
    }
}
