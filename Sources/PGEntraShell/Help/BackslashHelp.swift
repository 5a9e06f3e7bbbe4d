import PGEntraOutput

/// `\?`, `\? options`, `\? variables`: psql's help texts (help.c's slashUsage and
/// helpVariables, captured from the real psql) with pgentra's name. `\?` is psql 18.6's list
/// as it stands, commands pgentra lacks included, plus pgentra's own Entra ID section.
package enum BackslashHelp {
    /// The settings `\?` shows in its "(currently ...)" remarks, as psql's slashUsage does.
    package struct State {
        var database: String?
        var html: Bool
        var tuplesOnly: Bool
        var expanded: PrintOptions.ExpandedMode
        var timing: Bool

        /// `pgentra --help=commands`: psql's defaults, before any connection.
        package static let unconnected = State(database: nil, html: false, tuplesOnly: false, expanded: .off, timing: false)
    }

    /// `options` is the command line's `--help`, which Commands owns and the session carries.
    static func text(topic: String?, state: State, options: String) -> String {
        switch topic {
        case "options": options
        case "variables": variables
        default: commands(state)
        }
    }

    private static func on(_ value: Bool) -> String { value ? "on" : "off" }

    package static func commands(_ state: State) -> String {
        let expanded = switch state.expanded {
        case .off: "off"
        case .on: "on"
        case .auto: "auto"
        }
        let database = state.database.map { "\"\($0)\"" } ?? "no connection"
        return #"""
        General
          \copyright             show PostgreSQL usage and distribution terms
          \crosstabview [COLUMNS] execute query and display result in crosstab
          \errverbose            show most recent error message at maximum verbosity
          \g [(OPTIONS)] [FILE]  execute query (and send result to file or |pipe);
                                 \g with no arguments is equivalent to a semicolon
          \gdesc                 describe result of query, without executing it
          \gexec                 execute query, then execute each value in its result
          \gset [PREFIX]         execute query and store result in pgentra variables
          \gx [(OPTIONS)] [FILE] as \g, but forces expanded output mode
          \q                     quit pgentra
          \restrict RESTRICT_KEY
                                 enter restricted mode with provided key
          \unrestrict RESTRICT_KEY
                                 exit restricted mode if key matches
          \watch [[i=]SEC] [c=N] [m=MIN]
                                 execute query every SEC seconds, up to N times,
                                 stop if less than MIN rows are returned

        Help
          \? [commands]          show help on backslash commands
          \? options             show help on pgentra command-line options
          \? variables           show help on special variables
          \h [NAME]              help on syntax of SQL commands, * for all commands

        Query Buffer
          \e [FILE] [LINE]       edit the query buffer (or file) with external editor
          \ef [FUNCNAME [LINE]]  edit function definition with external editor
          \ev [VIEWNAME [LINE]]  edit view definition with external editor
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
          (options: S = show system objects, x = expanded mode, + = additional detail)
          \d[Sx+]                list tables, views, and sequences
          \d[S+]   NAME          describe table, view, sequence, or index
          \da[Sx]  [PATTERN]     list aggregates
          \dA[x+]  [PATTERN]     list access methods
          \dAc[x+] [AMPTRN [TYPEPTRN]]  list operator classes
          \dAf[x+] [AMPTRN [TYPEPTRN]]  list operator families
          \dAo[x+] [AMPTRN [OPFPTRN]]   list operators of operator families
          \dAp[x+] [AMPTRN [OPFPTRN]]   list support functions of operator families
          \db[x+]  [PATTERN]     list tablespaces
          \dc[Sx+] [PATTERN]     list conversions
          \dconfig[x+] [PATTERN] list configuration parameters
          \dC[x+]  [PATTERN]     list casts
          \dd[Sx]  [PATTERN]     show object descriptions not displayed elsewhere
          \dD[Sx+] [PATTERN]     list domains
          \ddp[x]  [PATTERN]     list default privileges
          \dE[Sx+] [PATTERN]     list foreign tables
          \des[x+] [PATTERN]     list foreign servers
          \det[x+] [PATTERN]     list foreign tables
          \deu[x+] [PATTERN]     list user mappings
          \dew[x+] [PATTERN]     list foreign-data wrappers
          \df[anptw][Sx+] [FUNCPTRN [TYPEPTRN ...]]
                                 list [only agg/normal/procedure/trigger/window] functions
          \dF[x+]  [PATTERN]     list text search configurations
          \dFd[x+] [PATTERN]     list text search dictionaries
          \dFp[x+] [PATTERN]     list text search parsers
          \dFt[x+] [PATTERN]     list text search templates
          \dg[Sx+] [PATTERN]     list roles
          \di[Sx+] [PATTERN]     list indexes
          \dl[x+]                list large objects, same as \lo_list
          \dL[Sx+] [PATTERN]     list procedural languages
          \dm[Sx+] [PATTERN]     list materialized views
          \dn[Sx+] [PATTERN]     list schemas
          \do[Sx+] [OPPTRN [TYPEPTRN [TYPEPTRN]]]
                                 list operators
          \dO[Sx+] [PATTERN]     list collations
          \dp[Sx]  [PATTERN]     list table, view, and sequence access privileges
          \dP[itnx+] [PATTERN]   list [only index/table] partitioned relations [n=nested]
          \drds[x] [ROLEPTRN [DBPTRN]]
                                 list per-database role settings
          \drg[Sx] [PATTERN]     list role grants
          \dRp[x+] [PATTERN]     list replication publications
          \dRs[x+] [PATTERN]     list replication subscriptions
          \ds[Sx+] [PATTERN]     list sequences
          \dt[Sx+] [PATTERN]     list tables
          \dT[Sx+] [PATTERN]     list data types
          \du[Sx+] [PATTERN]     list roles
          \dv[Sx+] [PATTERN]     list views
          \dx[x+]  [PATTERN]     list extensions
          \dX[x]   [PATTERN]     list extended statistics
          \dy[x+]  [PATTERN]     list event triggers
          \l[x+]   [PATTERN]     list databases
          \sf[+]   FUNCNAME      show a function's definition
          \sv[+]   VIEWNAME      show a view's definition
          \z[Sx]   [PATTERN]     same as \dp

        Large Objects
          \lo_export LOBOID FILE write large object to file
          \lo_import FILE [COMMENT]
                                 read large object from file
          \lo_list[x+]           list large objects
          \lo_unlink LOBOID      delete a large object

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
                                 unicode_header_linestyle|xheader_width)
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

        Extended Query Protocol
          \bind [PARAM]...       set query parameters
          \bind_named STMT_NAME [PARAM]...
                                 set query parameters for an existing prepared statement
          \close_prepared STMT_NAME
                                 close an existing prepared statement
          \endpipeline           exit pipeline mode
          \flush                 flush output data to the server
          \flushrequest          send request to the server to flush its output buffer
          \getresults [NUM_RES]  read NUM_RES pending results, or all if no argument
          \parse STMT_NAME       create a prepared statement
          \sendpipeline          send an extended query to an ongoing pipeline
          \startpipeline         enter pipeline mode
          \syncpipeline          add a synchronisation point to an ongoing pipeline

        """#
    }
}
