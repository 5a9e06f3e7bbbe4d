import PGEntraOutput

/// What the next query's last result is for, instead of being printed as it is (psql's
/// gset_prefix, gexec_flag, crosstab_flag). `\gdesc` is apart (`Session.describesNext`): the
/// description it prints is a result like any other, so these apply to it too.
enum ResultHandling: Equatable {
    /// `\gset [prefix]`: one row into variables.
    case gset(prefix: String)
    /// `\gexec`: every non-null cell run as a query.
    case gexec
    /// `\crosstabview [colV [colH [colD [sortcolH]]]]`: printed pivoted; the words as lexed,
    /// nil where not given (psql's ctv_args).
    case crosstab(arguments: [String?])

    /// `new` armed while `current` already is (two `-c` meta-commands before a query): psql keeps
    /// a flag for each and PrintQueryResult tests them in this order, `\gset`, `\gexec`,
    /// `\crosstabview`; a command armed again takes its new arguments.
    static func armed(_ new: ResultHandling, over current: ResultHandling?) -> ResultHandling {
        guard let current, current.precedence > new.precedence else { return new }
        return current
    }

    private var precedence: Int {
        switch self {
        case .gset: 2
        case .gexec: 1
        case .crosstab: 0
        }
    }
}

/// `\copy`'s side of the COPY data for the next query.
enum CopyStream {
    /// Data lines for COPY FROM STDIN, up to `\.` or the end.
    case input(InputSource)
    /// Data lines typed at the interactive shell, each after PROMPT3.
    case terminal
    /// COPY TO STDOUT data; `showsTag` when it does not go where the `COPY n` tag goes.
    case output(ByteSink, showsTag: Bool)
}

/// `\g [(name=value ...)] [FILE | |cmd]` and `\gx`: what the next query alone uses (psql's
/// gfname, gsavepopt and g_expanded). A `-c` meta-command leaves them for the next `-c`.
struct OneShotSend {
    /// Where its output goes instead of the query output.
    var target: String?
    /// The print settings before `\g` changed them, restored after the query.
    var savedOptions: PrintOptions?
    /// `\gx`: expanded output for this query.
    var expanded = false

    var isEmpty: Bool { target == nil && savedOptions == nil && !expanded }
}

/// `\g FILE` while its query runs: opened when the first rows arrive (psql's SetupGOutput).
struct GOutput {
    let target: String
    /// The query output and its handle, set aside while the file is open.
    var replaced: (ByteSink, QueryOutputHandle?)?
    /// The file could not be opened: the query counts as failed.
    var failed = false
}
