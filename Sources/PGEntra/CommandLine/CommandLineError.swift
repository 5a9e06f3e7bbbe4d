/// What can be wrong with argv. Each description is the primary line of a psql-style error;
/// `Commands` adds the `Try "pgentra --help"` hint and exits 1.
public enum CommandLineError: Error, Equatable, Sendable, CustomStringConvertible {
    case unrecognizedOption(String)
    case ambiguousOption(String, candidates: [String])
    case missingArgument(String)
    case unexpectedArgument(String)
    case optionNotAccepted(String, command: String)
    case invalidValue(option: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .unrecognizedOption(let option):
            return "unrecognized option \"\(option)\""
        case .ambiguousOption(let option, let candidates):
            let list = candidates.map { "--\($0)" }.joined(separator: ", ")
            return "option \"\(option)\" is ambiguous; possibilities: \(list)"
        case .missingArgument(let option):
            return "option \"\(option)\" requires an argument"
        case .unexpectedArgument(let option):
            return "option \"\(option)\" does not take an argument"
        case .optionNotAccepted(let option, let command):
            return "option \"\(option)\" is not accepted by \"\(command)\""
        case .invalidValue(let option, let value, let expected):
            return "invalid value \"\(value)\" for \"\(option)\": \(expected)"
        }
    }
}
