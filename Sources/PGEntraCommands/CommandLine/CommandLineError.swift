/// What can be wrong with argv. The getopt cases read as glibc's getopt_long prints them, which
/// is what psql shows (`psql: unrecognized option '--x'`): `Program` writes them after argv[0]
/// and a colon. The others are pgentra's own, a psql-style `pgentra: error: ` line. Either way
/// `Program` adds the `Try "pgentra --help"` hint and exits 1.
enum CommandLineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A long option no name starts with, as typed (`--x=1`).
    case unrecognizedOption(String)
    /// A short option letter not in the option string.
    case invalidOption(Character)
    /// A prefix several options start with, as typed, and their long names in getopt's order.
    case ambiguousOption(String, candidates: [String])
    /// A long option, spelled in full, with no value after it.
    case missingArgument(String)
    /// A short option letter with no value after it.
    case missingShortArgument(Character)
    /// A long option that takes no value, spelled in full, given one with `=`.
    case unexpectedArgument(String)
    /// `-?` inside a cluster, or an unknown `--help=` topic: psql prints only its hint.
    case unknownHelpRequest
    case optionNotAccepted(String, command: String)
    case invalidValue(option: String, value: String, expected: String)
    /// `pgentra run` without `-- CMD` (and without `--print-env`, which needs none).
    case missingCommand
    /// `pgentra proxy` without `--listen`.
    case missingListenAddress

    /// Whether this is one of glibc's getopt messages, printed after argv[0] rather than as an error.
    var isGetoptMessage: Bool {
        switch self {
        case .unrecognizedOption, .invalidOption, .ambiguousOption, .missingArgument, .missingShortArgument, .unexpectedArgument:
            true
        case .unknownHelpRequest, .optionNotAccepted, .invalidValue, .missingCommand, .missingListenAddress:
            false
        }
    }

    /// glibc's wording (getopt.c's process_long_option and _getopt_internal_r) for its cases.
    var description: String {
        switch self {
        case .unrecognizedOption(let option):
            return "unrecognized option '\(option)'"
        case .invalidOption(let letter):
            return "invalid option -- '\(letter)'"
        case .ambiguousOption(let option, let candidates):
            return "option '\(option)' is ambiguous; possibilities:" + candidates.map { " '--\($0)'" }.joined()
        case .missingArgument(let option):
            return "option '\(option)' requires an argument"
        case .missingShortArgument(let letter):
            return "option requires an argument -- '\(letter)'"
        case .unexpectedArgument(let option):
            return "option '\(option)' doesn't allow an argument"
        case .unknownHelpRequest:
            return ""
        case .optionNotAccepted(let option, let command):
            return "option \"\(option)\" is not accepted by \"\(command)\""
        case .invalidValue(let option, let value, let expected):
            return "invalid value \"\(value)\" for \"\(option)\": \(expected)"
        case .missingListenAddress:
            return "\"pgentra proxy\" needs --listen ADDRESS: 127.0.0.1:PORT, [::1]:PORT or unix:DIR"
        case .missingCommand:
            return "\"pgentra run\" needs the command to run after \"--\", as in: pgentra run -- pg_dump -f app.sql"
        }
    }
}
