/// The process environment, read once in `main` and passed down as a value.
///
/// Azure SDKs disagree on whether an empty variable counts as set; pgentra treats empty as unset
/// everywhere (credentials.md §1), so `subscript` never returns an empty string.
package struct Environment: Sendable, Equatable {
    package let variables: [String: String]

    package init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The value of `name`, or nil when it is unset or empty.
    package subscript(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// Variables holding a credential's secret. main removes them from the process's own
    /// environment once read, so the programs the shell starts (the pager, `\!`, `\e`,
    /// `\o |cmd`) never inherit them; pgentra itself reads them from this value.
    package static let secretNames = [
        "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PASSWORD", "IDENTITY_HEADER", "MSI_SECRET",
        "PGENTRA_PROXY_PASSWORD",
    ]

    /// True for `1`, `true`, `yes`, `on` in any case: the spellings scripts use for flags.
    package func flag(_ name: String) -> Bool {
        guard let value = self[name]?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(value)
    }

    /// A copy with `changes` applied; nil removes a variable. Used to build a child process's environment.
    package func with(_ changes: [String: String?]) -> Environment {
        var copy = variables
        for (name, value) in changes { copy[name] = value }
        return Environment(copy)
    }
}
