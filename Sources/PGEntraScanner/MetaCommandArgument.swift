/// One argument of a backslash meta-command, after psql's argument lexing (psqlscanslash.l):
/// quotes removed or kept per the mode, escapes decoded, variables and backquotes substituted.
package struct MetaCommandArgument: Equatable, Sendable {
    package var text: String
    /// The last kind of quoting the argument used, if any; psql consults it, e.g. `\echo -n`
    /// is an option only when unquoted, and `''` (empty but quoted) is still an argument.
    package var quoting: ArgumentQuoting?

    init(_ text: String, quoting: ArgumentQuoting? = nil) {
        self.text = text
        self.quoting = quoting
    }
}

/// The quoting psql reports for an argument (the `quote` out-parameter of
/// psql_scan_slash_option).
package enum ArgumentQuoting: Equatable, Sendable {
    /// `'...'`
    case single
    /// `"..."`
    case double
    /// `` `command` ``
    case backquote
    /// `:name`, `:'name'` or `:"name"` (set even when the variable does not exist).
    case variable
}

/// How a command wants its next argument lexed (psql's `enum slash_option_type`).
package enum MetaCommandArgumentMode: Equatable, Sendable {
    /// OT_NORMAL: a word; `'..'` decoded, `"..."` kept with its quotes, backquotes run,
    /// `:var` substituted.
    case normal
    /// OT_SQLID: like `.normal`, then double quotes removed and unquoted ASCII letters
    /// lower-cased, as the server folds identifiers (`\set`'s names, `\c`'s database).
    case sqlIdentifier
    /// OT_SQLIDHACK: double quotes removed but case kept.
    case sqlIdentifierKeepingCase
    /// OT_FILEPIPE: like `.normal`, except that `|` at the start takes the rest of the line
    /// as a pipe target (`\o |cat -n`, `\g |cmd`); the `|` is kept in the text.
    case filePipe
    /// OT_WHOLE_LINE: the rest of the line as typed, leading whitespace dropped, no quoting,
    /// no substitution, backslashes included (`\!`, `\h`, `\copy`, `\ef`, `\ev`, `\sf`, `\sv`).
    case wholeLine
}

/// A meta-command read in one go: its name (without the backslash) and its arguments.
struct MetaCommandLine: Equatable, Sendable {
    var name: String
    var arguments: [MetaCommandArgument]

    init(name: String, arguments: [MetaCommandArgument]) {
        self.name = name
        self.arguments = arguments
    }
}
