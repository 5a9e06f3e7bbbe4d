import PGEntraSystem

/// Which credentials to try, from `--credential`, `PGENTRA_CREDENTIAL` or the Azure SDKs'
/// `AZURE_TOKEN_CREDENTIALS` (cli.md, credentials.md §8.2), first one set wins.
package struct CredentialSelection: Sendable, Equatable {
    package let members: [CredentialKind]
    /// The name as the user gave it, lower-cased (`default`, `dev`, `azure-cli`), for cache keys and messages.
    package let name: String

    /// One credential chosen by name: no IMDS probe, its own errors reported as they are.
    var isSingle: Bool { members.count == 1 }

    static let `default` = CredentialSelection(members: CredentialKind.defaultChain, name: "default")

    /// The names `--credential` takes (the shell completions offer the same; a test checks).
    package static let names = ["default", "dev", "prod"] + CredentialKind.allCases.map(\.rawValue)

    package struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        let value: String
        let source: String

        package var description: String {
            return "invalid value \"\(value)\" for \(source); valid values are \(names.joined(separator: ", ")) or an Azure SDK credential class name such as AzureCliCredential"
        }
    }

    package static func resolve(option: String?, environment: Environment) throws(Invalid) -> CredentialSelection {
        if let option { return try parse(option, source: "--credential") }
        if let value = environment["PGENTRA_CREDENTIAL"] { return try parse(value, source: "PGENTRA_CREDENTIAL") }
        if let value = environment["AZURE_TOKEN_CREDENTIALS"] {
            return try parse(value, source: "AZURE_TOKEN_CREDENTIALS")
        }
        return .default
    }

    static func parse(_ value: String, source: String) throws(Invalid) -> CredentialSelection {
        let name = value.trimmingWhitespace().lowercased()
        switch name {
        case "", "default", "defaultazurecredential":
            return .default
        case "dev":
            return CredentialSelection(members: CredentialKind.developerChain, name: "dev")
        case "prod":
            return CredentialSelection(members: CredentialKind.productionChain, name: "prod")
        default:
            guard let kind = CredentialKind.allCases.first(where: {
                $0.rawValue == name || $0.className.lowercased() == name
            }) else {
                throw Invalid(value: value, source: source)
            }
            return CredentialSelection(members: [kind], name: kind.rawValue)
        }
    }
}
