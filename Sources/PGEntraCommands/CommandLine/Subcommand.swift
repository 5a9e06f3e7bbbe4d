/// The forms of `pgentra` (cli.md "Invocations"). `shell` is the bare `pgentra [OPTIONS]`.
package enum Subcommand: String, CaseIterable, Sendable {
    case shell
    case exec
    case token
    case whoami
    /// Runs another program with a ready libpq environment (issue 12).
    case run
    /// A local PostgreSQL endpoint that signs every connection in with a token (issue 12).
    case proxy

    /// The word that selects the form; the shell has none.
    var word: String? { self == .shell ? nil : rawValue }

    init?(word: String) {
        guard word != "shell", let command = Subcommand(rawValue: word) else { return nil }
        self = command
    }

    /// Options this form accepts; anything else is rejected at parse time rather than ignored.
    package var acceptedOptions: Set<OptionName> {
        switch self {
        case .shell, .exec:
            return OptionName.common.union(OptionName.sessionOnly)
        case .token:
            return OptionName.common.union([.json, .minTTL, .version])
        case .whoami:
            return OptionName.common.union([.json, .role, .version])
        case .run:
            return OptionName.common.union([.minTTL, .printEnv, .version])
        case .proxy:
            return OptionName.common.union(OptionName.proxyOnly).union([.version])
        }
    }

    /// How the form is written in messages: `pgentra token`.
    var invocationName: String { word.map { "pgentra \($0)" } ?? "pgentra" }
}
