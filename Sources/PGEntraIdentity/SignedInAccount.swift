/// Which account az or azd is signed in as, read cheaply from the files each tool keeps, so that
/// a cached token never outlives `az login`, `az account set` or `azd auth login` as someone
/// else (issue 11). The files' contents are hashed, not parsed: any change to them is a
/// possible change of account, and a fresh token costs one tool run.
///
/// - az keeps its accounts and the default subscription in `azureProfile.json` in
///   `AZURE_CONFIG_DIR` (default `~/.azure`); `az login`, `az logout` and `az account set`
///   rewrite it (azure-cli-core's `Profile` in `_profile.py`).
/// - azd keeps the signed-in user's home account id in `auth.json` (pkg/auth/manager.go's
///   `authConfigFileName`; older azd wrote `auth.account.currentUser` into `config.json`) in
///   `AZD_CONFIG_DIR` (default `~/.azd`). `config.json`'s `auth.useAzCliAuth` hands sign-in
///   to az, so azd's fingerprint covers az's profile too.
enum SignedInAccount {
    /// A fingerprint of the account `kind` would sign in as; nil for credentials that are not
    /// developer tools.
    static func fingerprint(of kind: CredentialKind, environment: [String: String]) -> String? {
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let azure = environment["AZURE_CONFIG_DIR"] ?? home.map { "\($0)/.azure" }
        let azd = environment["AZD_CONFIG_DIR"] ?? home.map { "\($0)/.azd" }
        let azProfile = azure.map { ["\($0)/azureProfile.json"] } ?? []
        switch kind {
        case .azureCLI:
            return fingerprint(of: azProfile)
        case .azureDeveloperCLI:
            return fingerprint(of: (azd.map { ["\($0)/auth.json", "\($0)/config.json"] } ?? []) + azProfile)
        default:
            return nil
        }
    }

    /// Each file's path and bytes (or its absence) hashed together; nil when no directory is
    /// known (no HOME), so there is nothing to tell accounts apart by.
    private static func fingerprint(of paths: [String]) -> String? {
        guard !paths.isEmpty else { return nil }
        var bytes: [UInt8] = []
        for path in paths {
            bytes += Array(path.utf8) + [0]
            if let contents = try? FileContents.read(path, limit: 1 << 20) {
                bytes += Array(String(contents.count).utf8) + [0] + contents
            } else {
                bytes += Array("-".utf8) + [0]
            }
        }
        return FNV1a.hex(bytes)
    }
}
