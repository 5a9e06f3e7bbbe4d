/// `\?`, `\? options`, `\? variables`: psql 15's help texts (help.c's slashUsage and
/// helpVariables, captured from the real psql) with pgentra's name, listing only the
/// backslash commands pgentra has, plus its own Entra ID commands. Lines fit in 80 columns
/// (psql's `\df` line does not; it is wrapped).
enum BackslashHelp {
    /// The settings `\?` shows in its "(currently ...)" remarks, as psql's slashUsage does.
    struct State {
        var database: String?
        var html: Bool
        var tuplesOnly: Bool
        var expanded: PrintOptions.ExpandedMode
        var timing: Bool

        /// `pgentra --help=commands`: psql's defaults, before any connection.
        static let unconnected = State(database: nil, html: false, tuplesOnly: false, expanded: .off, timing: false)
    }

    static func text(topic: String?, state: State) -> String {
        switch topic {
        case "options": HelpText.text(for: .shell)
        case "variables": variables
        default: commands(state)
        }
    }

    private static func on(_ value: Bool) -> String { value ? "on" : "off" }

    static func commands(_ state: State) -> String {
        let expanded = switch state.expanded {
        case .off: "off"
        case .on: "on"
        case .auto: "auto"
        }
        let database = state.database.map { "\"\($0)\"" } ?? "no connection"
        return #"""
        General
          \errverbose            show most recent error message at maximum verbosity
          \g [(OPTIONS)] [FILE]  execute query (and send result to file or |pipe);
                                 \g with no arguments is equivalent to a semicolon
          \gdesc                 describe result of query, without executing it
          \gexec                 execute query, then execute each value in its result
          \gset [PREFIX]         execute query and store result in pgentra variables
          \gx [(OPTIONS)] [FILE] as \g, but forces expanded output mode
          \q                     quit pgentra
          \watch [SEC]           execute query every SEC seconds

        Help
          \? [commands]          show help on backslash commands
          \? options             show help on pgentra command-line options
          \? variables           show help on special variables
          \h [NAME]              help on syntax of SQL commands, * for all commands

        Query Buffer
          \e [FILE] [LINE]       edit the query buffer (or file) with external editor
          \ef [FUNCNAME [LINE]]  edit function definition with external editor
          \p                     show the contents of the query buffer
          \r                     reset (clear) the query buffer
          \w FILE                write query buffer to file

        Input/Output
          \copy ...              perform SQL COPY with data stream to the client host
          \echo [-n] [STRING]    write string to standard output (-n for no newline)
          \i FILE                execute commands from file
          \ir FILE               as \i, but relative to location of current script
          \o [FILE]              send all query results to file or |pipe
          \qecho [-n] [STRING]   write string to \o output stream (-n for no newline)
          \warn [-n] [STRING]    write string to standard error (-n for no newline)

        Conditional
          \if EXPR               begin conditional block
          \elif EXPR             alternative within current conditional block
          \else                  final alternative within current conditional block
          \endif                 end conditional block

        Informational
          (options: S = show system objects, + = additional detail)
          \d[S+]                 list tables, views, and sequences
          \d[S+]  NAME           describe table, view, sequence, or index
          \db[+]  [PATTERN]      list tablespaces
          \dE[S+] [PATTERN]      list foreign tables
          \df[anptw][S+] [FUNCPTRN [TYPEPTRN ...]]
                                 list [only agg/normal/procedure/trigger/window]
                                 functions
          \dg[S+] [PATTERN]      list roles
          \di[S+] [PATTERN]      list indexes
          \dm[S+] [PATTERN]      list materialized views
          \dn[S+] [PATTERN]      list schemas
          \ds[S+] [PATTERN]      list sequences
          \dt[S+] [PATTERN]      list tables
          \dT[S+] [PATTERN]      list data types
          \du[S+] [PATTERN]      list roles
          \dv[S+] [PATTERN]      list views
          \dx[+]  [PATTERN]      list extensions
          \l[+]   [PATTERN]      list databases

        Formatting
          \a                     toggle between unaligned and aligned output mode
          \C [STRING]            set table title, or unset if none
          \f [STRING]            show or set field separator for unaligned query output
          \H                     toggle HTML output mode (currently \#(on(state.html)))
          \pset [NAME [VALUE]]   set table output option
                                 (border|columns|csv_fieldsep|expanded|fieldsep|
                                 fieldsep_zero|footer|format|linestyle|null|
                                 numericlocale|pager|pager_min_lines|recordsep|
                                 recordsep_zero|tableattr|title|tuples_only|
                                 unicode_border_linestyle|unicode_column_linestyle|
                                 unicode_header_linestyle)
          \t [on|off]            show only rows (currently \#(on(state.tuplesOnly)))
          \T [STRING]            set HTML <table> tag attributes, or unset if none
          \x [on|off|auto]       toggle expanded output (currently \#(expanded))

        Connection
          \c[onnect] {[DBNAME|- USER|- HOST|- PORT|-] | conninfo}
                                 connect to new database (currently \#(database))
          \conninfo              display information about current connection
          \encoding [ENCODING]   show or set client encoding
          \password [USERNAME]   securely change the password for a user

        Entra ID
          \whoami                show the signed-in identity, role and token lifetime
          \refresh               get a fresh access token and reconnect with it
          (\password sets a PostgreSQL password; Entra sign-in does not use it)

        Operating System
          \cd [DIR]              change the current working directory
          \getenv PSQLVAR ENVVAR fetch environment variable
          \setenv NAME [VALUE]   set or unset environment variable
          \timing [on|off]       toggle timing of commands (currently \#(on(state.timing)))
          \! [COMMAND]           execute command in shell or start interactive shell

        Variables
          \prompt [TEXT] NAME    prompt user to set internal variable
          \set [NAME [VALUE]]    set internal variable, or list all if no parameters
          \unset NAME            unset (delete) internal variable

        """#
    }
}
