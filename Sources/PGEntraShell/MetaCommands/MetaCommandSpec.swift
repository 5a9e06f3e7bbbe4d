import PGEntraScanner

/// One row of `MetaCommandTable`: a backslash command, the names it answers to, its lines in
/// `\?`, what Tab offers for it, how its arguments are read when read in one go or skipped,
/// whether it runs in an `\if` branch that does not, and what runs it.
struct MetaCommandSpec: Sendable {
    /// What a command reads and changes while it runs: its name as typed, its arguments, the
    /// query buffer, and where it was read.
    struct Call {
        let name: String
        var arguments: ArgumentReader
        var buffer: String
        let location: ScriptLocation?
        let source: InputSource?
    }

    typealias Handler = @Sendable (MetaCommands, inout Call) -> MetaCommands.Outcome

    /// Equatable so that a row can be told apart from another by what it answers to.
    enum Names: Sendable, Equatable {
        /// These names exactly (a command and its aliases: `\i`, `\include`).
        case exact([String])
        /// Every name `ListingCommand.key(for:)` gives this key: a listing such as `\dt`, whose
        /// letters after the name psql's exec_command_d reads as options (`\dt+`, `\dtS`,
        /// `\dtx`).
        case listing(String)
    }

    let names: Names
    /// Its lines in `\?`, in psql 18's help.c slashUsage order.
    let help: [MetaCommandHelp]
    /// What Tab offers for it (psql's backslash_commands in tab-complete.c: the long name where
    /// there are two).
    let completions: [String]
    /// psql's slash_option_type for its arguments, when read in one go or skipped.
    let argumentMode: MetaCommandArgumentMode
    /// psql's is_branching_command: `\if`, `\elif`, `\else` and `\endif` run in a branch that
    /// does not.
    let branching: Bool
    let run: Handler
}
