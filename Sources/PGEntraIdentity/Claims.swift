/// The claims of an Entra access token (credentials.md §10), all optional.
package struct Claims: Sendable, Equatable {
    package let values: [String: JSONValue]

    init(_ values: [String: JSONValue]) {
        self.values = values
    }

    subscript(_ name: String) -> String? {
        values[name]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    package var tenant: String? { self["tid"] }
    package var objectID: String? { self["oid"] }
    package var applicationID: String? { self["appid"] ?? self["azp"] }
    package var audience: String? { self["aud"] }
    package var issuedAt: Int64? { values["iat"]?.integerValue }
    var expiresAt: Int64? { values["exp"]?.integerValue }
    var managedIdentityResource: String? { self["xms_mirid"] }

    /// Who the token speaks for, as the claims say it.
    package enum PrincipalKind: String, Sendable {
        case user
        case servicePrincipal = "service principal"
        case managedIdentity = "managed identity"
    }

    package var principalKind: PrincipalKind {
        if managedIdentityResource != nil { return .managedIdentity }
        if self["idtyp"] == "user" || self["upn"] != nil || self["scp"] != nil { return .user }
        return .servicePrincipal
    }

    /// The most readable name the token carries for its principal.
    package var principalName: String? {
        if let resource = managedIdentityResource, let name = resource.split(separator: "/").last {
            return String(name)
        }
        return self["upn"] ?? self["preferred_username"] ?? self["unique_name"] ?? self["name"]
            ?? applicationID
    }
}
