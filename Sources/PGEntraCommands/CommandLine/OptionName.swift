/// Every option pgentra knows, with the spelling psql uses where psql has it (cli.md).
///
/// This table is the single source for the parser, `--help` and the tests that keep the man page
/// and completions in step with the parser.
package enum OptionName: String, CaseIterable, Sendable {
    // Connection (psql's)
    case host, port, username, dbname, noPassword, password
    // Actions and behaviour (psql's)
    case command, file, set, noPsqlrc, quiet, echoQueries, echoHidden, echoAll, echoErrors
    case noAlign, tuplesOnly, fieldSeparator, recordSeparator, fieldSeparatorZero, recordSeparatorZero
    case csv, html, expanded, pset, output, singleTransaction, logFile, noReadline, singleStep
    case singleLine, tableAttr, list, version, help
    // Output beyond psql, and the subcommands' own
    case json, role, minTTL, printEnv
    // pgentra proxy's own
    case listen, allowRemote, localPassword, maxConnections, clientTimeout, grace, verbose
    // Credentials (every form)
    case credential, tenant, clientID, scope, noTokenCache, debug, passwordAuth

    /// What follows the option on the command line.
    enum Argument: Sendable {
        case none
        case required(String)
        /// Only attached with `=` (`--help=commands`), as getopt's optional arguments are.
        case optional(String)
    }

    package var short: Character? {
        switch self {
        case .host: "h"
        case .port: "p"
        case .username: "U"
        case .dbname: "d"
        case .noPassword: "w"
        case .password: "W"
        case .command: "c"
        case .file: "f"
        case .set: "v"
        case .noPsqlrc: "X"
        case .quiet: "q"
        case .echoQueries: "e"
        case .echoHidden: "E"
        case .echoAll: "a"
        case .echoErrors: "b"
        case .noAlign: "A"
        case .tuplesOnly: "t"
        case .fieldSeparator: "F"
        case .recordSeparator: "R"
        case .fieldSeparatorZero: "z"
        case .recordSeparatorZero: "0"
        case .html: "H"
        case .expanded: "x"
        case .pset: "P"
        case .output: "o"
        case .singleTransaction: "1"
        case .logFile: "L"
        case .noReadline: "n"
        case .singleStep: "s"
        case .singleLine: "S"
        case .tableAttr: "T"
        case .list: "l"
        case .version: "V"
        case .help: "?"
        default: nil
        }
    }

    /// The long spellings; the first is the canonical one shown in help.
    package var longNames: [String] {
        switch self {
        case .host: ["host"]
        case .port: ["port"]
        case .username: ["username"]
        case .dbname: ["dbname"]
        case .noPassword: ["no-password"]
        case .password: ["password"]
        case .command: ["command"]
        case .file: ["file"]
        case .set: ["set", "variable"]
        case .noPsqlrc: ["no-psqlrc"]
        case .quiet: ["quiet"]
        case .echoQueries: ["echo-queries"]
        case .echoHidden: ["echo-hidden"]
        case .echoAll: ["echo-all"]
        case .echoErrors: ["echo-errors"]
        case .noAlign: ["no-align"]
        case .tuplesOnly: ["tuples-only"]
        case .fieldSeparator: ["field-separator"]
        case .recordSeparator: ["record-separator"]
        case .fieldSeparatorZero: ["field-separator-zero"]
        case .recordSeparatorZero: ["record-separator-zero"]
        case .csv: ["csv"]
        case .html: ["html"]
        case .expanded: ["expanded"]
        case .pset: ["pset"]
        case .output: ["output"]
        case .singleTransaction: ["single-transaction"]
        case .logFile: ["log-file"]
        case .noReadline: ["no-readline"]
        case .singleStep: ["single-step"]
        case .singleLine: ["single-line"]
        case .tableAttr: ["table-attr"]
        case .list: ["list"]
        case .version: ["version"]
        case .help: ["help"]
        case .json: ["json"]
        case .role: ["role"]
        case .minTTL: ["min-ttl"]
        case .printEnv: ["print-env"]
        case .listen: ["listen"]
        case .allowRemote: ["allow-remote"]
        case .localPassword: ["local-password"]
        case .maxConnections: ["max-connections"]
        case .clientTimeout: ["client-timeout"]
        case .grace: ["grace"]
        case .verbose: ["verbose"]
        case .credential: ["credential"]
        case .tenant: ["tenant"]
        case .clientID: ["client-id"]
        case .scope: ["scope"]
        case .noTokenCache: ["no-token-cache"]
        case .debug: ["debug"]
        case .passwordAuth: ["password-auth"]
        }
    }

    var argument: Argument {
        switch self {
        case .host: .required("HOSTNAME")
        case .port: .required("PORT")
        case .username: .required("USERNAME")
        case .dbname: .required("DBNAME")
        case .command: .required("COMMAND")
        case .file: .required("FILENAME")
        case .set: .required("NAME=VALUE")
        case .fieldSeparator: .required("STRING")
        case .recordSeparator: .required("STRING")
        case .pset: .required("VAR[=ARG]")
        case .output: .required("FILENAME")
        case .logFile: .required("FILENAME")
        case .tableAttr: .required("TEXT")
        case .minTTL: .required("SECONDS")
        case .credential: .required("NAME")
        case .tenant: .required("ID")
        case .clientID: .required("ID")
        case .scope: .required("SCOPE")
        case .listen: .required("ADDRESS")
        case .maxConnections: .required("N")
        case .clientTimeout: .required("SECONDS")
        case .grace: .required("SECONDS")
        case .help: .optional("TOPIC")
        default: .none
        }
    }

    /// The form users type, for messages: `-c/--command` or `--json`.
    var displayName: String {
        if let short { return "-\(short)/--\(longNames[0])" }
        return "--\(longNames[0])"
    }

    /// Every long name with its option, in the order getopt_long searches them: psql 18's
    /// long_options array (startup.c's parse_psql_options) first, pgentra's own after. The order
    /// decides which of several prefix matches is found first and how an ambiguity lists them.
    static let longNameOrder: [(name: String, option: OptionName)] = {
        let psql = [
            "echo-all", "no-align", "command", "dbname", "echo-queries", "echo-errors", "echo-hidden", "file",
            "field-separator", "field-separator-zero", "host", "html", "list", "log-file", "no-readline",
            "single-transaction", "output", "port", "pset", "quiet", "record-separator", "record-separator-zero",
            "single-step", "single-line", "tuples-only", "table-attr", "username", "set", "variable", "version",
            "no-password", "password", "expanded", "no-psqlrc", "help", "csv",
        ]
        let all = allCases.flatMap { option in option.longNames.map { (name: $0, option: option) } }
        let first = psql.compactMap { name in all.first { $0.name == name } }
        return first + all.filter { !psql.contains($0.name) }
    }()

    /// Options every form accepts: credentials, connection target (it decides scope and role), help.
    static let common: Set<OptionName> = [
        .host, .port, .username, .dbname, .noPassword, .password,
        .credential, .tenant, .clientID, .scope, .noTokenCache, .debug, .help,
    ]

    /// psql's behaviour options, meaningful only where SQL runs.
    static let sessionOnly: Set<OptionName> = Set(allCases).subtracting(common)
        .subtracting([.role, .minTTL, .printEnv])
        .subtracting(proxyOnly)

    /// Whether a unique prefix selects the option, as getopt_long allows. The options `run` and
    /// `proxy` brought are spelled in full: their names share prefixes with psql's (`--lis` is
    /// psql's `--list`, `--ver` its `--version`, `--lo` its `--log-file`), which must keep
    /// meaning what they mean to psql.
    var isAbbreviable: Bool {
        !Self.proxyOnly.contains(self) && self != .printEnv
    }

    /// `pgentra proxy`'s own options.
    static let proxyOnly: Set<OptionName> = [
        .listen, .allowRemote, .localPassword, .maxConnections, .clientTimeout, .grace, .verbose,
    ]
}
