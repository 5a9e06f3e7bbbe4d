/// A heading of `\?` and the commands under it.
struct MetaCommandSection: Sendable {
    let title: String
    /// A line under the title (the Informational section's option letters).
    var lead: String? = nil
    let commands: [MetaCommandSpec]
    /// A line after the commands (the Entra ID section's remark on `\password`).
    var trailer: String? = nil
}
