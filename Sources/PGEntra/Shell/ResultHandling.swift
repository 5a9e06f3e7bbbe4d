/// What the next query's last result is for, instead of being printed as it is (psql's
/// gset_prefix, gexec_flag, gdesc_flag, crosstab_flag).
enum ResultHandling: Equatable {
    /// `\gset [prefix]`: one row into variables.
    case gset(prefix: String)
    /// `\gexec`: every non-null cell run as a query.
    case gexec
    /// `\gdesc`: the result's columns and types, without running the query.
    case describe
    /// `\crosstabview [colV [colH [colD [sortcolH]]]]`: printed pivoted; the words as lexed,
    /// nil where not given (psql's ctv_args).
    case crosstab(arguments: [String?])
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

/// `\g [(name=value ...)] [FILE | |cmd]`: what the next query alone uses (psql's gfname and
/// gsavepopt).
struct OneShotSend {
    /// Where its output goes instead of the query output.
    var target: String?
    /// The print settings before `\g` changed them, restored after the query.
    var savedOptions: PrintOptions?
}
