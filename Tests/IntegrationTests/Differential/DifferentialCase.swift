import Testing

/// One input run through both the real psql and pgentra.
struct DifferentialCase: Sendable, CustomTestStringConvertible {
    enum Mode: Sendable {
        /// The same options for `psql` and `pgentra`.
        case plain
        /// `psql -X -v ON_ERROR_STOP=1 ...` against `pgentra exec ...`: the script replacement.
        case exec
    }

    var name: String
    var arguments: [String]
    var mode: Mode = .plain
    /// Standard input for both, as bytes (a script need not be UTF-8); nil is /dev/null.
    var standardInput: [UInt8]?
    /// Script files, written once under their names as these bytes; arguments refer to them as
    /// `{dir}/NAME`.
    var files: [String: [UInt8]] = [:]
    /// Arguments naming a file each program writes (`-o {out}`, `-L {out}`): compared too.
    var writesOutputFile = false
    /// Connection options given after the shared ones, so they win (`-d nosuchdb`, `-p DEAD`).
    var overrides: [String] = []
    /// `\\timing` output differs per run: `Time: …` lines in stdout are masked in both.
    var masksTiming = false
    /// `\watch` titles carry the time of each run: dates like `Sun Nov 29 09:55:54 2026` are masked in both.
    var masksDates = false
    /// `\conninfo`'s table rows only pgentra prints (its identity rows after psql's), by
    /// parameter. Non-empty, it compares every "Connection Information" table in stdout and the
    /// output file as its rows alone: these rows widen pgentra's table, so its rules and padding
    /// cannot match, and each program's connection has its own backend PID.
    var pgentraOnlyRows: [String] = []
    /// The oldest server (server_version_num) whose fixtures or SQL the case needs; on an older
    /// one the case does not apply, and only the releases that have it run it.
    var minimumServerVersion: Int?

    var testDescription: String { name }

    /// Every case of every group.
    static var every: [DifferentialCase] { all + metaCommands + helpWatchEdit + releases + objectSources + largeObjects + catalogLists
        + textSearch + restrict + describeExpanded + crosstab + extendedQuery + fetchCount + oneShot + variables + echo
        + lexer + optionErrors + bytes }

    /// `stdin` and `files` as text are written as UTF-8; `rawStdin` and `rawFiles` are written
    /// byte for byte (and win over them), for input that is not UTF-8. An argument may hold
    /// bytes that are not UTF-8 as `LosslessText` escapes.
    init(_ name: String, _ arguments: [String], mode: Mode = .plain, stdin: String? = nil,
         files: [String: String] = [:], rawStdin: [UInt8]? = nil, rawFiles: [String: [UInt8]] = [:],
         writesOutputFile: Bool = false, overrides: [String] = [],
         masksTiming: Bool = false, masksDates: Bool = false, pgentraOnlyRows: [String] = [],
         minimumServerVersion: Int? = nil) {
        self.name = name
        self.arguments = arguments
        self.mode = mode
        self.standardInput = rawStdin ?? stdin.map { Array($0.utf8) }
        self.files = files.mapValues { Array($0.utf8) }.merging(rawFiles) { $1 }
        self.writesOutputFile = writesOutputFile
        self.overrides = overrides
        self.masksTiming = masksTiming
        self.masksDates = masksDates
        self.pgentraOnlyRows = pgentraOnlyRows
        self.minimumServerVersion = minimumServerVersion
    }
}
