import PGEntraOutput
import PGEntraScanner

/// What a listing's row in MetaCommandTable is given: the pattern psql reads for it
/// (exec_command_d for every `\d` command, exec_command_list for `\l`, exec_command_z for `\z`),
/// the option letters of the name, and what describe.c's queries need of the session.
struct ListingCall {
    let commands: MetaCommands
    let name: String
    let pattern: String?
    /// The rest of the line, for the patterns some listings read after the first.
    var arguments: ArgumentReader
    let location: ScriptLocation?
    let context: DescribeQueries.Context

    /// `+`: more columns or detail.
    var verbose: Bool { name.contains("+") }
    /// `S`: system objects too.
    var system: Bool { name.contains("S") }

    /// The name's letters less `S` and `+`: listTables' relation kinds (`tv` for `\dtv+`).
    var letters: String { String(name.dropFirst().filter { $0 != "S" && $0 != "+" }) }

    /// The pattern after the first, read only when there was a first (`\dAc`, `\dAf`, `\dAo`,
    /// `\dAp`, `\drds`).
    mutating func secondPattern() -> String? {
        pattern == nil ? nil : arguments.nextPattern()?.text
    }

    /// The print options of psql 18's listings: the session's as `expandedWhenAsked` left them,
    /// `\pset null` included.
    var options: PrintOptions { commands.session.printOptions }

    /// Runs `sql` as a hidden query and prints its rows under `title`.
    func list(_ sql: String, title: String) -> MetaCommands.Outcome {
        commands.list(sql, title: title, options: options)
    }
}

extension MetaCommands {
    typealias ListingBody = @Sendable (inout ListingCall) throws(PatternTranslator.Failure) -> Outcome

    /// Reads the pattern and runs the listing's `body`, with the command's `x` turning expanded
    /// output on for this command only; a pattern describe.c cannot translate is the command's
    /// error.
    func listing(_ call: inout MetaCommandSpec.Call, _ body: ListingBody) -> Outcome {
        expandedWhenAsked(call.name) {
            let pattern = call.arguments.nextPattern()?.text
            var listing = ListingCall(
                commands: self, name: call.name, pattern: pattern, arguments: call.arguments, location: call.location,
                context: describeContext())
            defer { call.arguments = listing.arguments }
            do throws(PatternTranslator.Failure) {
                return try body(&listing)
            } catch {
                session.error(error.description, at: call.location)
                return .failed
            }
        }
    }
}
