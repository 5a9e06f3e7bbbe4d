import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// What the environment says about paging (psql-compat.md §2, §9), read once from the
/// `Environment` main passes down: the pager command and `COLUMNS`.
package struct PagerSettings: Equatable, Sendable {
    /// The command run through `sh -c`; nil when PSQL_PAGER or PAGER is set but blank, which
    /// turns paging off as in psql.
    var command: String?
    /// `COLUMNS` as a positive number, else 0: the width to fit instead of the window's.
    var environmentColumns: Int

    /// No pager: what a session gets unless its starter says otherwise (tests, `exec`).
    init() {
        command = nil
        environmentColumns = 0
    }

    /// PSQL_PAGER, else PAGER (either one blank: no pager), else `less -S` when `less` is on
    /// PATH, else `more`. psql's own default is `more` (Debian's build: `pager`); pgentra
    /// prefers `less -S` so wide tables scroll sideways instead of folding.
    package init(environment: Environment, isExecutable: (String) -> Bool = { access($0, X_OK) == 0 }) {
        // Environment's subscript hides empty values; a blank pager is meaningful here.
        if let chosen = environment.variables["PSQL_PAGER"] ?? environment.variables["PAGER"] {
            command = chosen.allSatisfy { " \t\r\n".contains($0) } ? nil : chosen
        } else {
            let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            let hasLess = path.split(separator: ":").contains { isExecutable("\($0)/less") }
            command = hasLess ? "less -S" : "more"
        }
        environmentColumns = max(Int(atoi(environment["COLUMNS"] ?? "0")), 0)
    }
}
