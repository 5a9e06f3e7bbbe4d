/// The claims of an Entra access token (credentials.md §10), all optional.
public struct Claims: Sendable, Equatable {
    public let values: [String: JSONValue]

    public init(_ values: [String: JSONValue]) {
        self.values = values
    }

    public subscript(_ name: String) -> String? {
        values[name]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var tenant: String? { self["tid"] }
    public var objectID: String? { self["oid"] }
    public var applicationID: String? { self["appid"] ?? self["azp"] }
    public var audience: String? { self["aud"] }
    public var issuedAt: Int64? { values["iat"]?.integerValue }
    public var expiresAt: Int64? { values["exp"]?.integerValue }
    public var managedIdentityResource: String? { self["xms_mirid"] }

    /// Who the token speaks for, as the claims say it.
    public enum PrincipalKind: String, Sendable {
        case user
        case servicePrincipal = "service principal"
        case managedIdentity = "managed identity"
    }

    public var principalKind: PrincipalKind {
        if managedIdentityResource != nil { return .managedIdentity }
        if self["idtyp"] == "user" || self["upn"] != nil || self["scp"] != nil { return .user }
        return .servicePrincipal
    }

    /// The most readable name the token carries for its principal.
    public var principalName: String? {
        if let resource = managedIdentityResource, let name = resource.split(separator: "/").last {
            return String(name)
        }
        return self["upn"] ?? self["preferred_username"] ?? self["unique_name"] ?? self["name"]
            ?? applicationID
    }
}
