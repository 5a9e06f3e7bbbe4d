/// Scope → resource (credentials.md §1): exactly one resource scope, from which a trailing
/// `/.default` is removed; the OpenID scopes user flows add (`openid profile offline_access`)
/// ride along and are ignored.
enum ScopeParser {
    static let openIDScopes: Set<String> = ["openid", "profile", "offline_access", "email"]

    struct Parsed: Sendable {
        /// The one resource scope as sent, e.g. `https://ossrdbms-aad.database.windows.net/.default`.
        let scope: String
        /// The token audience, e.g. `https://ossrdbms-aad.database.windows.net`.
        let resource: String
        let isDefault: Bool
    }

    static func parse(_ text: String) -> Result<Parsed, EntraError> {
        let resourceScopes = text.split(separator: " ")
            .map(String.init).filter { !openIDScopes.contains($0.lowercased()) }
        guard resourceScopes.count == 1, let scope = resourceScopes.first else {
            let reason = resourceScopes.isEmpty ? "It names no resource." : "It names more than one resource."
            return .failure(.invalidScope(text, reason))
        }
        if scope.hasSuffix("/.default") {
            return .success(Parsed(scope: scope, resource: String(scope.dropLast("/.default".count)), isDefault: true))
        }
        // A delegated permission such as `https://host/user_impersonation`: the resource is what
        // precedes the permission name.
        if let schemeEnd = scope.range(of: "://"), let slash = scope[schemeEnd.upperBound...].lastIndex(of: "/") {
            return .success(Parsed(scope: scope, resource: String(scope[..<slash]), isDefault: false))
        }
        return .success(Parsed(scope: scope, resource: scope, isDefault: false))
    }

    /// The resource of an azd-style scope: the scope minus a trailing `/.default`.
    static func resource(ofScope scope: String) -> String {
        scope.hasSuffix("/.default") ? String(scope.dropLast("/.default".count)) : scope
    }
}
