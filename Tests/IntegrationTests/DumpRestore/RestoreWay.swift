/// The ways a dump reaches psql and pgentra: `-f dump` and standard input, each without and
/// with ON_ERROR_STOP (pgentra's side then is `pgentra exec`, the script runner, which always
/// stops at the first error), and `-1 -v ON_ERROR_STOP=1 -f dump`, the restore in one
/// transaction that pg_dump's documentation suggests.
enum RestoreWay: String, CaseIterable, CustomStringConvertible {
    case file, standardInput, exec, execStandardInput, singleTransaction

    var description: String { rawValue }

    /// Whether the restore stops at the first error (psql's ON_ERROR_STOP).
    var stopsOnError: Bool { self != .file && self != .standardInput }

    /// For a way that reads standard input, the way that reads the same dump from the file.
    var fromFile: RestoreWay? {
        switch self {
        case .file, .exec, .singleTransaction: nil
        case .standardInput: .file
        case .execStandardInput: .exec
        }
    }

    func psqlArguments(_ dump: String) -> [String] {
        switch self {
        case .file: ["-X", "-f", dump]
        case .standardInput: ["-X"]
        case .exec: ["-X", "-v", "ON_ERROR_STOP=1", "-f", dump]
        case .execStandardInput: ["-X", "-v", "ON_ERROR_STOP=1"]
        case .singleTransaction: ["-X", "-1", "-v", "ON_ERROR_STOP=1", "-f", dump]
        }
    }

    func pgentraArguments(_ dump: String) -> [String] {
        switch self {
        case .exec: ["exec", "-f", dump]
        case .execStandardInput: ["exec"]
        case .file, .standardInput, .singleTransaction: psqlArguments(dump)
        }
    }

    /// The file the program's standard input is read from, if any.
    func standardInput(_ dump: String) -> String? { fromFile == nil ? nil : dump }
}
