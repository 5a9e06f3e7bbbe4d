import PGEntraOutput
import PGEntraShell
import PGEntraSystem

/// psql's behaviour options turned into the session's starting state, in command-line order
/// (psql-compat.md §1: the last of `-A`/`-H`/`--csv`, `-F`/`-z`, ... wins), rejecting bad
/// values before any connection is made.
struct SessionSettings {
    var actions: [ScriptCommand.Action] = []
    var variables = Variables()
    var printOptions = PrintOptions()
    var outputPath: String?
    var logPath: String?

    init(invocation: Invocation, environment: Environment, strict: Bool) throws(ErrorReport) {
        for option in invocation.options {
            let value = option.value ?? ""
            switch option.name {
            case .command: actions.append(.command(value))
            case .file: actions.append(.file(value))
            case .set: try setVariable(value)
            case .quiet: try setSpecial("QUIET", "on")
            case .echoQueries: try setSpecial("ECHO", "queries")
            case .echoAll: try setSpecial("ECHO", "all")
            case .echoErrors: try setSpecial("ECHO", "errors")
            case .echoHidden: try setSpecial("ECHO_HIDDEN", "on")
            case .singleLine: try setSpecial("SINGLELINE", "on")
            case .singleStep: try setSpecial("SINGLESTEP", "on")
            case .noAlign: printOptions.format = .unaligned
            case .csv: printOptions.format = .csv
            case .html: printOptions.format = .html
            case .json: printOptions.format = .json
            case .tuplesOnly: printOptions.tuplesOnly = true
            case .expanded: printOptions.expanded = .on
            case .fieldSeparator: printOptions.fieldSeparator = .text(value)
            case .recordSeparator: printOptions.recordSeparator = .text(value)
            case .fieldSeparatorZero: printOptions.fieldSeparator = .zero
            case .recordSeparatorZero: printOptions.recordSeparator = .zero
            case .tableAttr: printOptions.tableAttributes = value
            case .pset: try applyPset(value)
            case .output: outputPath = value
            case .logFile: logPath = value
            default: break
            }
        }
        if strict { try? variables.set("ON_ERROR_STOP", "on") }
        // psql -l lists the databases and leaves, whatever -c or -f asked for.
        if invocation.has(.list) { actions = [.command("\\l")] }
        if actions.isEmpty { actions = [.standardInput] }
    }

    /// `-P NAME[=VALUE]`: psql reports a refusal and then names the parameter.
    private mutating func applyPset(_ assignment: String) throws(ErrorReport) {
        do throws(PsetError) {
            try PsetCommand.apply(assignment: assignment, to: &printOptions)
        } catch {
            var report = ErrorReport(error.description)
            let name = assignment.split(separator: "=", maxSplits: 1).first.map(String.init) ?? assignment
            report.followingErrors = ["could not set printing parameter \"\(name)\""]
            throw report
        }
    }

    /// `-v NAME=VALUE` sets, `-v NAME=` empties, `-v NAME` unsets.
    private mutating func setVariable(_ assignment: String) throws(ErrorReport) {
        let name: String
        let value: String?
        if let equals = assignment.firstIndex(of: "=") {
            name = String(assignment[..<equals])
            value = String(assignment[assignment.index(after: equals)...])
        } else {
            name = assignment
            value = nil
        }
        do throws(Variables.Invalid) {
            try variables.set(name, value)
        } catch {
            throw ErrorReport(error.description)
        }
    }

    private mutating func setSpecial(_ name: String, _ value: String) throws(ErrorReport) {
        do throws(Variables.Invalid) {
            try variables.set(name, value)
        } catch {
            throw ErrorReport(error.description)
        }
    }
}
