import Testing
@testable import PGEntraOutput

/// One `\pset` as the real psql 18.6 answered it: earlier settings (given to psql as `-P`), the
/// command, and what psql wrote to stdout and stderr. Cases are in PsetGoldens.swift, written by
/// scripts/capture-output-goldens.py.
struct PsetGolden: Sendable, CustomTestStringConvertible {
    let prior: [String]
    /// nil: a bare `\pset` (the listing).
    let name: String?
    let value: String?
    let stdout: String
    let stderr: String

    var testDescription: String {
        let command = name.map { "\\pset \($0)" + (value.map { " '\($0)'" } ?? "") } ?? "\\pset"
        return prior.isEmpty ? command : "\(command) after \(prior.joined(separator: " "))"
    }

    /// What pgentra prints for the command: (stdout, stderr), each line newline-terminated.
    func run() throws -> (String, String) {
        var options = PrintOptions()
        for assignment in prior { try PsetCommand.apply(assignment: assignment, to: &options) }
        guard let name else { return (PsetCommand.listing(options), "") }
        do {
            let message = try PsetCommand.apply(name: name, value: value, to: &options)
            return (message.map { $0 + "\n" } ?? "", "")
        } catch {
            return ("", error.description + "\n")
        }
    }
}
