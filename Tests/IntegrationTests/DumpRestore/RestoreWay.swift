/// The ways a dump reaches psql and pgentra: `-f dump` and standard input, each without and
/// with ON_ERROR_STOP; with it, pgentra's side is `pgentra exec` (the script runner, which
/// always stops at the first error) and psql's `psql -v ON_ERROR_STOP=1`.
enum RestoreWay: String, CaseIterable, CustomStringConvertible {
    case file, standardInput, exec, execStandardInput

    var description: String { rawValue }

    /// Whether the restore stops at the first error (psql's ON_ERROR_STOP).
    var stopsOnError: Bool { self == .exec || self == .execStandardInput }

    /// For a way that reads standard input, the way that reads the same dump from the file.
    var fromFile: RestoreWay? {
        switch self {
        case .file, .exec: nil
        case .standardInput: .file
        case .execStandardInput: .exec
        }
    }

    func psqlArguments(_ dump: String) -> [String] {
        (stopsOnError ? ["-X", "-v", "ON_ERROR_STOP=1"] : ["-X"]) + (fromFile == nil ? ["-f", dump] : [])
    }

    func pgentraArguments(_ dump: String) -> [String] {
        (stopsOnError ? ["exec"] : ["-X"]) + (fromFile == nil ? ["-f", dump] : [])
    }

    /// The file the program's standard input is read from, if any.
    func standardInput(_ dump: String) -> String? { fromFile == nil ? nil : dump }
}
