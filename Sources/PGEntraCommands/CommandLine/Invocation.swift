/// A parsed command line: the form to run and every option as a typed value.
///
/// Parsing happens once, at the edge; bad values (a non-numeric `--min-ttl`) are rejected here
/// so the layers below never see strings they must re-validate.
struct Invocation: Sendable {
    var subcommand: Subcommand
    /// Every option in command-line order, for the psql behaviour options applied in sequence.
    var options: [ParsedOption]
    var connection: ConnectionOptions
    var credentials: CredentialOptions
    var json: Bool
    var roleOnly: Bool
    var minimumLifetime: Int?
    /// `run --print-env`: print the environment as `export` lines instead of running a command.
    var printEnvironment: Bool
    /// `run`'s program and arguments, after `--`.
    var command: [String]
    /// `proxy`'s settings, checked here; nil for the other forms.
    var proxy: ProxyOptions?
    /// `--help` was given; the value is its optional topic.
    var help: String??
    var version: Bool
    /// Non-fatal remarks found while parsing (psql's "extra command-line argument ... ignored").
    var warnings: [String]

    init(arguments: [String]) throws(CommandLineError) {
        let scanned = try ArgumentScanner().scan(arguments)
        subcommand = scanned.subcommand
        options = scanned.options
        connection = ConnectionOptions()
        credentials = CredentialOptions()
        json = false
        roleOnly = false
        minimumLifetime = nil
        printEnvironment = false
        command = scanned.command ?? []
        proxy = nil
        help = nil
        version = false
        warnings = []

        for option in scanned.options {
            switch option.name {
            case .host: connection.host = option.value
            case .port: connection.port = option.value
            case .username: connection.username = option.value
            case .dbname: connection.dbname = option.value
            case .credential: credentials.credential = option.value
            case .tenant: credentials.tenant = option.value
            case .clientID: credentials.clientID = option.value
            case .scope: credentials.scope = option.value
            case .noTokenCache: credentials.noTokenCache = true
            case .debug: credentials.debug = true
            case .passwordAuth: credentials.passwordAuth = true
            case .json: json = true
            case .role: roleOnly = true
            case .minTTL:
                guard let value = option.value, let seconds = Int(value), seconds >= 0 else {
                    throw .invalidValue(
                        option: option.spelling, value: option.value ?? "",
                        expected: "a whole number of seconds")
                }
                minimumLifetime = seconds
            case .printEnv: printEnvironment = true
            case .listen, .allowRemote, .localPassword, .maxConnections, .clientTimeout, .grace, .verbose:
                var settings = proxy ?? ProxyOptions()
                try settings.apply(option)
                proxy = settings
            case .help: help = .some(option.value)
            case .version: version = true
            default: break
            }
        }

        // psql: positional words fill the database (unless -d), then the user (unless -U).
        var positionals = scanned.positionals[...]
        if connection.dbname == nil, let word = positionals.first {
            connection.dbname = word
            positionals = positionals.dropFirst()
        }
        if connection.username == nil, let word = positionals.first {
            connection.username = word
            positionals = positionals.dropFirst()
        }
        for extra in positionals {
            warnings.append("extra command-line argument \"\(extra)\" ignored")
        }
        if subcommand == .run && command.isEmpty && !printEnvironment && help == nil && !version {
            throw .missingCommand
        }
        if subcommand == .proxy && help == nil && !version {
            guard let settings = proxy, settings.listen != nil else { throw .missingListenAddress }
        }
        if printEnvironment && !command.isEmpty {
            throw .optionNotAccepted("--print-env", command: "pgentra run -- COMMAND")
        }
    }

    /// Whether an option was given at all, for flags read by later layers.
    func has(_ name: OptionName) -> Bool {
        options.contains { $0.name == name }
    }
}

/// Where to connect, as given on the command line; libpq's environment fills the rest.
struct ConnectionOptions: Sendable, Equatable {
    var host: String?
    var port: String?
    var username: String?
    /// A database name, a `key=value` conninfo string or a `postgresql://` URI.
    var dbname: String?
}

/// The credential options of every form (cli.md "Credential options"), still unvalidated names:
/// Identity turns `credential` into a chain selection and rejects unknown names there.
struct CredentialOptions: Sendable, Equatable {
    var credential: String?
    var tenant: String?
    var clientID: String?
    var scope: String?
    var noTokenCache = false
    var debug = false
    var passwordAuth = false
}

/// `pgentra proxy`'s options, each value checked as it is parsed.
struct ProxyOptions: Sendable, Equatable {
    var listen: String?
    var allowRemote = false
    var localPassword = false
    var maximumConnections = 100
    var clientTimeout = 30
    var grace = 30
    var verbose = false

    mutating func apply(_ option: ParsedOption) throws(CommandLineError) {
        func seconds(minimum: Int) throws(CommandLineError) -> Int {
            guard let value = option.value, let number = Int(value), number >= minimum, number <= 86_400 else {
                throw .invalidValue(option: option.spelling, value: option.value ?? "",
                                    expected: "a whole number from \(minimum) to 86400")
            }
            return number
        }
        switch option.name {
        case .listen: listen = option.value
        case .allowRemote: allowRemote = true
        case .localPassword: localPassword = true
        case .maxConnections:
            guard let value = option.value, let number = Int(value), (1...100_000).contains(number) else {
                throw .invalidValue(option: option.spelling, value: option.value ?? "", expected: "a whole number from 1 to 100000")
            }
            maximumConnections = number
        case .clientTimeout: clientTimeout = try seconds(minimum: 1)
        case .grace: grace = try seconds(minimum: 0)
        case .verbose: verbose = true
        default: break
        }
    }
}
