import PGEntraDatabase
import PGEntraOutput
import PGEntraScanner
import PGEntraSystem

/// Everything a running psql-style session carries between commands: the connection, the
/// variables, the print settings, where output goes. One value passed to the main loop and the
/// meta-commands instead of psql's global `pset`.
package final class Session {
    package var connection: Connection? {
        // psql's pipelineReset (CheckConnection, do_connect): a new connection has no pipeline,
        // so nothing counted on the old one may make a read wait for answers that never come.
        didSet {
            guard connection !== oldValue else { return }
            pipeline = PipelineCounts()
            deferredCloses = []
            setPipelineVariables()
        }
    }
    let connector: Connector
    /// The Entra ID sign-in behind the connector's passwords, for `\conninfo`, `\whoami` and
    /// `\refresh`; nil when the session signs in with a password (`--password-auth`).
    package let tokenSource: TokenPasswordSource?
    package var variables: Variables
    var printOptions: PrintOptions
    /// Query results, command tags and `\qecho` (stdout, `-o`, `\o`).
    var output: ByteSink
    /// `-L`: every query and its output, appended.
    var log: ByteSink?
    /// The process's stdout: where `\o` with no file returns, and what psql prints with
    /// printf/puts whatever `\o` says (`printStandard`). The same sink as `output` unless `-o`,
    /// `\o FILE` or `\g FILE` sent query output elsewhere.
    let standardOutput: ByteSink
    /// Diagnostics (stderr), written after flushing `output` so the two interleave as written.
    let diagnostics: (String) -> Void
    let interactive: Bool
    /// The last query sent, for `\g` with an empty buffer.
    var previousQuery: String?
    /// The last error result, for `\errverbose`.
    var lastError: QueryResult?
    /// Set when the connection was lost in a non-interactive run: the run ends with status 2.
    package var connectionLost = false
    /// psql's standard_strings(): whether the server reports standard_conforming_strings on,
    /// which decides whether a plain `'..'` takes backslash escapes; false with no connection.
    var standardConformingStrings: Bool {
        connection?.parameterStatus("standard_conforming_strings") == "on"
    }
    /// `\timing`: a `Time: …` line on stdout after every query.
    var timing = false
    /// The innermost `\if` block state of the script being read (one stack per MainLoop).
    var conditionals = ConditionalStack()
    /// `\o FILE`/`\o |cmd`: what query output goes to now, closed when replaced.
    var queryOutputHandle: QueryOutputHandle?
    /// `\g FILE` while its query runs.
    var gOutput: GOutput?
    /// What to do with the next query's last result instead of printing it (`\gset`, `\gexec`,
    /// `\crosstabview`).
    var resultHandling: ResultHandling?
    /// The query at hand committed, rolled back or set a savepoint (psql's svpt_gone), so the
    /// ON_ERROR_ROLLBACK savepoint is not released after it.
    var savepointGone = false
    /// `\gdesc`: the next query is described, not run (psql's gdesc_flag).
    var describesNext = false
    /// How the next query goes to the server (`\bind`, `\parse`, the pipeline commands).
    var sendMode = SendMode.query
    /// What the open pipeline has queued and what is left to read.
    var pipeline = PipelineCounts()
    /// Statements `\close_prepared` closed in a failed transaction, deallocated when it is over.
    var deferredCloses: [String] = []
    /// `\watch` is running its query: as psql's PSQLexecWatch, the query is neither echoed nor
    /// written to the `-L` log (its results are), and the result variables stay as they were.
    var watching = false
    /// The row count of the last result, which `\watch`'s min_rows reads whether or not
    /// ROW_COUNT was set.
    var lastRowCount = 0
    /// psql's pset.stmt_lineno, the prompt's `%l`: 1 when a statement starts, one more at each
    /// line end the lexer calls PSCAN_EOL (not inside parentheses, quotes or a routine body).
    var statementLine = 1
    /// `\copy`: where the next query's COPY data comes from or goes to.
    var copyStream: CopyStream?
    /// The script being read, whose following lines feed COPY FROM STDIN.
    var currentInput: InputSource?
    /// COPY FROM STDIN commands the server has started (answered with CopyInResponse) so far:
    /// after a query, those the lexer counted but the server never started left their in-line
    /// data unread, and the script skips it (psql 18.6, CVE-2026-6464).
    var copyInsStarted = 0
    /// The interactive shell's reader of COPY data typed at PROMPT3; nil outside the shell.
    var terminalCopyInput: (() -> LineInput)?
    /// The interactive shell's history so far, the line being run included, for `\s`; nil
    /// outside the shell or when its editor keeps none.
    var historyEntries: (() -> [String]?)?
    /// Whether the command at hand was typed at the prompt (psql's cur_cmd_interactive), not
    /// read from a script the shell runs (`\i`).
    var readsTerminal: Bool { terminalCopyInput != nil && currentInput == nil }
    /// `\g (options) FILE`: settings and target for the next query only.
    var oneShot = OneShotSend()
    /// The options of the last connection, for `\c` after it was closed.
    var lastOptions: [(String, String)] = []
    /// `\restrict KEY`: while set, every meta-command but `\unrestrict KEY` is refused (psql 18's
    /// restricted mode, which pg_dump's plain dumps enter so that a hostile server cannot smuggle
    /// meta-commands into them, CVE-2025-8714). It outlives `\i` and `\c`, as psql's global does.
    var restrictKey: String?
    /// Statements run that may have changed catalog names (DDL): Tab completion's cache key.
    var catalogChanges = 0
    /// The pager command and COLUMNS from the environment; by default no pager.
    package var pagerSettings = PagerSettings()
    /// The process environment main read, plus what `\setenv` changed since: what `\getenv`,
    /// `\!`, `\cd`, `\e` and `~` see, without reading the process's own copy again.
    package var environment = Environment([:])
    /// The command line's `--help`, for `\? options` (psql's usage()): Commands owns the options.
    package var optionsHelp = ""

    package init(
        connection: Connection?, connector: Connector, tokenSource: TokenPasswordSource? = nil, variables: Variables,
        printOptions: PrintOptions, standardOutput: ByteSink, output: ByteSink? = nil, log: ByteSink?, interactive: Bool,
        diagnostics: @escaping (String) -> Void
    ) {
        self.connection = connection
        self.connector = connector
        self.tokenSource = tokenSource
        self.variables = variables
        self.printOptions = printOptions
        self.standardOutput = standardOutput
        self.output = output ?? standardOutput
        self.log = log
        self.interactive = interactive
        self.diagnostics = diagnostics
        connection.map(attach)
    }

    /// Writes a diagnostic line (with its `pgentra:FILE:LINE: ` prefix when given) to stderr.
    func report(_ text: String, at location: ScriptLocation?) {
        output.flush()
        var message = text
        if message.hasSuffix("\n") { message.removeLast() }
        diagnostics((location?.prefix ?? "") + message + "\n")
    }

    /// psql's own error during a run: `pgentra:FILE:LINE: error: …` inside a script file, and
    /// the bare text for `-c`, piped stdin and the prompt (psql's terse logging there).
    func error(_ text: String, at location: ScriptLocation?) {
        diagnostic(text, level: "error", at: location)
    }

    /// What psql's lexers print while scanning (an unterminated quote in an argument, a
    /// recursive variable), each as psql's error or warning.
    func report(scanned diagnostics: [ScanDiagnostic], at location: ScriptLocation?) {
        for diagnostic in diagnostics {
            if diagnostic.isWarning {
                warning(diagnostic.description, at: location)
            } else {
                error(diagnostic.description, at: location)
            }
        }
    }

    /// psql's own warning, shaped like `error(_:at:)`.
    func warning(_ text: String, at location: ScriptLocation?) {
        diagnostic(text, level: "warning", at: location)
    }

    private func diagnostic(_ text: String, level: String, at location: ScriptLocation?) {
        output.flush()
        if let location, location.source != nil {
            diagnostics(location.prefix + level + ": " + text + "\n")
        } else {
            diagnostics(text + "\n")
        }
    }

    /// An internal query (psql's PSQLexec: BEGIN/COMMIT of `-1`, describe queries): shown only
    /// with ECHO_HIDDEN (and then written to the `-L` log too, as psql 17+ does), errors
    /// reported, no result printed.
    @discardableResult
    package func runHidden(_ sql: String) -> QueryResult? {
        guard echoHidden(sql), let connection else { return nil }
        guard let result = connection.execute(sql) else {
            // psql's AcceptResult for a null result: libpq's reason, as in a pipeline, where
            // PQexec refuses to run ("synchronous command execution functions are not allowed").
            if !connection.errorMessage.isEmpty { report(connection.errorMessage, at: currentLocation) }
            return nil
        }
        if result.status == .error {
            report(result.errorMessage, at: currentLocation)
            return nil
        }
        return result
    }

    /// psql's echo_hidden_command: an internal query shown with ECHO_HIDDEN (and then written to
    /// the `-L` log too); false when it must not run (ECHO_HIDDEN=noexec).
    func echoHidden(_ sql: String) -> Bool {
        let setting = variables["ECHO_HIDDEN"]
        guard setting.flatMap(Variables.parseBoolean) == true || setting == "noexec" else { return true }
        output.write(Self.queryBanner(sql))
        output.flush()
        log?.write(Self.queryBanner(sql))
        log?.flush()
        return setting != "noexec"
    }

    func attach(_ connection: Connection) {
        connection.onNotice { [weak self] message in
            self?.report(message, at: self?.currentLocation)
        }
        applyVerbosity()
        refreshConnectionVariables()
    }

    /// Where the main loop is, so notices carry the same prefix as errors.
    var currentLocation: ScriptLocation?

    func applyVerbosity() {
        guard let connection else { return }
        connection.setErrorVerbosity(
            ErrorVerbosity(rawValue: variables["VERBOSITY"]?.lowercased() ?? "") ?? .default,
            context: ErrorContextVisibility(rawValue: variables["SHOW_CONTEXT"]?.lowercased() ?? "") ?? .errors)
    }

    /// psql's SendQuery after each query ("track effects of SET CLIENT_ENCODING"): when the
    /// client encoding changed, the printers and ENCODING follow it.
    func trackClientEncoding() {
        guard let connection, let name = connection.parameterStatus("client_encoding") else { return }
        let encoding = connection.outputEncoding
        guard variables["ENCODING"] != name || printOptions.encoding != encoding else { return }
        printOptions.encoding = encoding
        try? variables.set("ENCODING", name)
    }

    /// DBNAME, SERVICE, USER, HOST, PORT, ENCODING, SERVER_VERSION_* (psql-compat.md §10), and
    /// the printers' encoding, as psql 18's SyncVariables sets them; SERVICE is unset without a
    /// service.
    func refreshConnectionVariables() {
        guard let connection else { return }
        try? variables.set("DBNAME", connection.database)
        try? variables.set("SERVICE", connection.service)
        try? variables.set("USER", connection.user)
        try? variables.set("HOST", connection.host)
        try? variables.set("PORT", connection.port)
        if let encoding = connection.parameterStatus("client_encoding") { try? variables.set("ENCODING", encoding) }
        printOptions.encoding = connection.outputEncoding
        if let version = connection.parameterStatus("server_version") { try? variables.set("SERVER_VERSION_NAME", version) }
        try? variables.set("SERVER_VERSION_NUM", String(connection.serverVersion))
    }
}
