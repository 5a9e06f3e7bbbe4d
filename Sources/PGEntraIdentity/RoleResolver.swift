/// The PostgreSQL role a token signs in as (cli.md "Role name", credentials.md §10).
package struct RoleResolver: Sendable {
    /// The hint after "no role": a service principal's token names no role, so the user must.
    package static let noRoleHint = "Pass the PostgreSQL role with -U NAME (or set PGUSER): service principals carry no name in their tokens."

    package init() {}

    /// Where a role name came from, shown by `whoami` so users know what to fix.
    package enum Source: Sendable, Equatable, CustomStringConvertible {
        case option(String)
        case connectionString
        case environment(String)
        case claim(String)
        case managementTokenClaim(String)

        package var description: String {
            switch self {
            case .option(let spelling): "the \(spelling) option"
            case .connectionString: "the user in the connection string"
            case .environment(let name): "the \(name) environment variable"
            case .claim(let name): "the token's \(name) claim"
            case .managementTokenClaim(let name): "the \(name) claim of a management-scope token"
            }
        }

        /// A short machine-readable form for `--json`.
        package var code: String {
            switch self {
            case .option: "option"
            case .connectionString: "conninfo"
            case .environment(let name): "env:\(name)"
            case .claim(let name): "claim:\(name)"
            case .managementTokenClaim(let name): "management-claim:\(name)"
            }
        }
    }

    /// The sample rule: `xms_mirid` naming a user-assigned identity, then `upn`,
    /// `preferred_username`, `unique_name`. For a system-assigned identity `xms_mirid` names the
    /// host resource, whose name is the role Azure creates for it: pgentra's documented extension.
    package func role(from claims: Claims) -> (name: String, claim: String)? {
        if let resource = claims.managedIdentityResource {
            let segments = resource.split(separator: "/")
            if let name = segments.last, segments.count >= 2 {
                return (String(name), "xms_mirid")
            }
        }
        for claim in ["upn", "preferred_username", "unique_name"] {
            if let name = claims[claim] { return (name, claim) }
        }
        return nil
    }
}
