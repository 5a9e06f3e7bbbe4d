import PGEntraOutput
import PGEntraScanner

/// psql 18's backslash commands, declared once (command.c's exec_command chain), in the
/// sections and order of its `\?` (help.c slashUsage). The dispatch, `\?`, the names an
/// inactive `\if` branch accepts, Tab completion and the scanner's argument modes all read this
/// table, so they cannot drift apart.
enum MetaCommandTable {
    /// Looks `name` up: the exact names first, then the listing `ListingCommand` says it is.
    static func spec(for name: String) -> MetaCommandSpec? {
        if let spec = exact[name] { return spec }
        return ListingCommand.key(for: name).flatMap { listings[$0] }
    }

    /// psql's is_branching_command.
    static func isBranching(_ name: String) -> Bool {
        spec(for: name)?.branching ?? false
    }

    /// Whether psql 18 knows `name`, so that a branch that does not run skips it rather than
    /// calling it invalid. exec_command takes any `\d…` and `\lo_…` there, since their own
    /// checks come only when they run.
    static func isKnown(_ name: String) -> Bool {
        name.hasPrefix("d") || name.hasPrefix("lo_") || spec(for: name) != nil
    }

    /// The mode `name` reads its arguments in when read in one go or skipped; `.normal` for a
    /// name the table does not know, as psql's ignore_slash_options reads them.
    static func argumentMode(for name: String) -> MetaCommandArgumentMode {
        spec(for: name)?.argumentMode ?? .normal
    }

    /// What Tab offers after a backslash.
    static let completions: [String] = all.flatMap(\.completions)

    static let all: [MetaCommandSpec] = sections.flatMap(\.commands)

    private static let exact: [String: MetaCommandSpec] = index { spec in
        if case .exact(let names) = spec.names { names } else { [] }
    }

    private static let listings: [String: MetaCommandSpec] = index { spec in
        if case .listing(let key) = spec.names { [key] } else { [] }
    }

    private static func index(_ keys: (MetaCommandSpec) -> [String]) -> [String: MetaCommandSpec] {
        var map: [String: MetaCommandSpec] = [:]
        for spec in all {
            for key in keys(spec) {
                precondition(map[key] == nil, "\\\(key) is declared twice")
                map[key] = spec
            }
        }
        return map
    }

    static func command(
        _ names: String..., help: MetaCommandHelp..., tab: [String]? = nil, mode: MetaCommandArgumentMode = .normal,
        branching: Bool = false, _ run: @escaping MetaCommandSpec.Handler
    ) -> MetaCommandSpec {
        MetaCommandSpec(
            names: .exact(names), help: help, completions: tab ?? names.map { "\\" + $0 }, argumentMode: mode, branching: branching,
            run: run)
    }

    /// A listing that reads its arguments its own way (`\dl`, `\lo_list`).
    static func rawListing(_ key: String, help: MetaCommandHelp..., tab: [String]? = nil, run: @escaping MetaCommandSpec.Handler) -> MetaCommandSpec {
        MetaCommandSpec(names: .listing(key), help: help, completions: tab ?? ["\\" + key], argumentMode: .normal, branching: false, run: run)
    }

    /// A listing that reads a pattern and prints what describe.c's query for it finds.
    static func catalog(
        _ key: String, help: MetaCommandHelp..., tab: [String]? = nil, run body: @escaping MetaCommands.ListingBody
    ) -> MetaCommandSpec {
        MetaCommandSpec(
            names: .listing(key), help: help, completions: tab ?? ["\\" + key], argumentMode: .normal, branching: false,
            run: { $0.listing(&$1, body) })
    }

    /// The table.
    static let sections: [MetaCommandSection] = [
        MetaCommandSection(title: "General", commands: [
            command("copyright", help: .line("\\copyright", "show PostgreSQL usage and distribution terms")) { commands, _ in
                commands.copyright()
            },
            command("crosstabview", help: .line("\\crosstabview [COLUMNS]", "execute query and display result in crosstab")) {
                $0.crosstabview(&$1.arguments)
            },
            command("errverbose", help: .line("\\errverbose", "show most recent error message at maximum verbosity")) { commands, _ in
                commands.errverbose()
            },
            command("g", help: .line("\\g [(OPTIONS)] [FILE]", "execute query (and send result to file or |pipe);",
                                     "\\g with no arguments is equivalent to a semicolon"), mode: .filePipe) {
                $0.send($1.name, &$1.arguments, at: $1.location)
            },
            command("gdesc", help: .line("\\gdesc", "describe result of query, without executing it")) { commands, _ in commands.gdesc() },
            command("gexec", help: .line("\\gexec", "execute query, then execute each value in its result")) { $0.gexec(at: $1.location) },
            command("gset", help: .line("\\gset [PREFIX]", "execute query and store result in pgentra variables")) {
                $0.gset(&$1.arguments, at: $1.location)
            },
            command("gx", help: .line("\\gx [(OPTIONS)] [FILE]", "as \\g, but forces expanded output mode"), mode: .filePipe) {
                $0.send($1.name, &$1.arguments, at: $1.location)
            },
            command("q", "quit", help: .line("\\q", "quit pgentra"), tab: ["\\quit"]) { _, _ in .quit },
            // psql 18.6's \restrict and \unrestrict (pg_dump's scripts)
            command("restrict", help: .below("\\restrict RESTRICT_KEY", "enter restricted mode with provided key")) {
                $0.restrict(&$1.arguments, at: $1.location)
            },
            command("unrestrict", help: .below("\\unrestrict RESTRICT_KEY", "exit restricted mode if key matches"), mode: .wholeLine) {
                $0.unrestrict(&$1.arguments, at: $1.location)
            },
            command("watch", help: .below("\\watch [[i=]SEC] [c=N] [m=MIN]", "execute query every SEC seconds, up to N times,",
                                          "stop if less than MIN rows are returned")) {
                $0.watch(&$1.arguments, buffer: &$1.buffer, at: $1.location)
            },
        ]),
        MetaCommandSection(title: "Help", commands: [
            command("?", help: .line("\\? [commands]", "show help on backslash commands"),
                    .line("\\? options", "show help on pgentra command-line options"),
                    .line("\\? variables", "show help on special variables")) {
                $0.backslashHelp(&$1.arguments)
            },
            command("h", "help", help: .line("\\h [NAME]", "help on syntax of SQL commands, * for all commands"), tab: ["\\help"],
                    mode: .wholeLine) {
                $0.sqlHelp(&$1.arguments)
            },
        ]),
        MetaCommandSection(title: "Query Buffer", commands: [
            command("e", "edit", help: .line("\\e [FILE] [LINE]", "edit the query buffer (or file) with external editor"), tab: ["\\edit"]) {
                $0.edit(&$1.arguments, buffer: &$1.buffer, at: $1.location)
            },
            command("ef", help: .line("\\ef [FUNCNAME [LINE]]", "edit function definition with external editor"), mode: .wholeLine) {
                $0.editObject(.function, &$1.arguments, buffer: &$1.buffer, at: $1.location)
            },
            command("ev", help: .line("\\ev [VIEWNAME [LINE]]", "edit view definition with external editor"), mode: .wholeLine) {
                $0.editObject(.view, &$1.arguments, buffer: &$1.buffer, at: $1.location)
            },
            command("p", "print", help: .line("\\p", "show the contents of the query buffer"), tab: ["\\print"]) { commands, call in
                commands.session.printStandard((call.buffer.isEmpty ? commands.session.previousQuery ?? "Query buffer is empty." : call.buffer) + "\n")
                return .ok
            },
            command("r", "reset", help: .line("\\r", "reset (clear) the query buffer"), tab: ["\\reset"]) { commands, call in
                call.buffer = ""
                call.arguments.scanner.reset()
                if !commands.session.variables.bool("QUIET") { commands.session.printStandard("Query buffer reset (cleared).\n") }
                return .ok
            },
            // help.c lists \s only when psql is built with readline (or libedit, as pgentra always is).
            command("s", help: .line("\\s [FILE]", "display history or save it to file")) { $0.printHistory(&$1.arguments, at: $1.location) },
            command("w", "write", help: .line("\\w FILE", "write query buffer to file"), tab: ["\\write"], mode: .filePipe) {
                $0.write(&$1.arguments, buffer: $1.buffer, at: $1.location)
            },
        ]),
        MetaCommandSection(title: "Input/Output", commands: [
            command("copy", help: .line("\\copy ...", "perform SQL COPY with data stream to the client host"), mode: .wholeLine) {
                $0.copy(&$1.arguments, at: $1.location, source: $1.source)
            },
            command("echo", help: .line("\\echo [-n] [STRING]", "write string to standard output (-n for no newline)")) {
                $0.echo($1.name, &$1.arguments)
            },
            command("i", "include", help: .line("\\i FILE", "execute commands from file"), tab: ["\\include"]) {
                $0.include($1.name, &$1.arguments, source: $1.source, at: $1.location)
            },
            command("ir", "include_relative", help: .line("\\ir FILE", "as \\i, but relative to location of current script"),
                    tab: ["\\include_relative", "\\ir"]) {
                $0.include($1.name, &$1.arguments, source: $1.source, at: $1.location)
            },
            command("o", "out", help: .line("\\o [FILE]", "send all query results to file or |pipe"), tab: ["\\out"], mode: .filePipe) {
                $0.out(&$1.arguments, at: $1.location)
            },
            command("qecho", help: .line("\\qecho [-n] [STRING]", "write string to \\o output stream (-n for no newline)")) {
                $0.echo($1.name, &$1.arguments)
            },
            command("warn", help: .line("\\warn [-n] [STRING]", "write string to standard error (-n for no newline)")) {
                $0.echo($1.name, &$1.arguments)
            },
        ]),
        MetaCommandSection(title: "Conditional", commands: [
            command("if", help: .line("\\if EXPR", "begin conditional block"), branching: true) {
                $0.conditionalIf(&$1.arguments, buffer: $1.buffer, at: $1.location)
            },
            command("elif", help: .line("\\elif EXPR", "alternative within current conditional block"), branching: true) {
                $0.conditionalElif(&$1.arguments, buffer: &$1.buffer, at: $1.location)
            },
            command("else", help: .line("\\else", "final alternative within current conditional block"), branching: true) {
                $0.conditionalElse(&$1.arguments, buffer: &$1.buffer, at: $1.location)
            },
            command("endif", help: .line("\\endif", "end conditional block"), branching: true) {
                $0.conditionalEndif(&$1.arguments, buffer: &$1.buffer, at: $1.location)
            },
        ]),
        informational,
        largeObjects,
        MetaCommandSection(title: "Formatting", commands: [
            command("a", help: .line("\\a", "toggle between unaligned and aligned output mode")) { commands, call in
                commands.toggle(at: call.location) { (options: inout PrintOptions) throws(PsetError) in try PsetCommand.toggleAligned(&options) }
            },
            command("C", help: .line("\\C [STRING]", "set table title, or unset if none")) {
                $0.psetShortcut("title", &$1.arguments, at: $1.location)
            },
            command("f", help: .line("\\f [STRING]", "show or set field separator for unaligned query output")) {
                $0.psetShortcut("fieldsep", &$1.arguments, at: $1.location)
            },
            command("H", "html", help: .line("\\H", "toggle HTML output mode", currently: .html), tab: ["\\html"]) { commands, call in
                commands.toggle(at: call.location) { (options: inout PrintOptions) throws(PsetError) in try PsetCommand.toggleHTML(&options) }
            },
            command("pset", help: .line("\\pset [NAME [VALUE]]", "set table output option",
                                        "(border|columns|csv_fieldsep|expanded|fieldsep|",
                                        "fieldsep_zero|footer|format|linestyle|null|",
                                        "numericlocale|pager|pager_min_lines|recordsep|",
                                        "recordsep_zero|tableattr|title|tuples_only|",
                                        "unicode_border_linestyle|unicode_column_linestyle|",
                                        "unicode_header_linestyle|xheader_width)")) {
                $0.pset(&$1.arguments, at: $1.location)
            },
            command("t", help: .line("\\t [on|off]", "show only rows", currently: .tuplesOnly)) {
                $0.psetShortcut("tuples_only", &$1.arguments, at: $1.location)
            },
            command("T", help: .line("\\T [STRING]", "set HTML <table> tag attributes, or unset if none")) {
                $0.psetShortcut("tableattr", &$1.arguments, at: $1.location)
            },
            command("x", help: .line("\\x [on|off|auto]", "toggle expanded output", currently: .expanded)) {
                $0.psetShortcut("expanded", &$1.arguments, at: $1.location)
            },
        ]),
        MetaCommandSection(title: "Connection", commands: [
            command("c", "connect", help: .below("\\c[onnect] {[DBNAME|- USER|- HOST|- PORT|-] | conninfo}", "connect to new database",
                                                  currently: .database), tab: ["\\connect"]) {
                $0.connect(&$1.arguments, at: $1.location)
            },
            command("conninfo", help: .line("\\conninfo", "display information about current connection")) { commands, _ in
                commands.conninfo()
            },
            command("encoding", help: .line("\\encoding [ENCODING]", "show or set client encoding")) {
                $0.encoding(&$1.arguments, at: $1.location)
            },
            command("password", help: .line("\\password [USERNAME]", "securely change the password for a user")) {
                $0.password(&$1.arguments, at: $1.location)
            },
        ]),
        // pgentra's own.
        MetaCommandSection(title: "Entra ID", commands: [
            command("whoami", help: .line("\\whoami", "show the signed-in identity, role and token lifetime")) { $0.whoami(at: $1.location) },
            command("refresh", help: .line("\\refresh", "get a fresh access token and reconnect with it")) { $0.refresh(at: $1.location) },
        ], trailer: "(\\password sets a PostgreSQL password; Entra sign-in does not use it)"),
        MetaCommandSection(title: "Operating System", commands: [
            command("cd", help: .line("\\cd [DIR]", "change the current working directory")) {
                $0.changeDirectory($1.name, &$1.arguments, at: $1.location)
            },
            command("getenv", help: .line("\\getenv PSQLVAR ENVVAR", "fetch environment variable")) {
                $0.getenvCommand($1.name, &$1.arguments, at: $1.location)
            },
            command("setenv", help: .line("\\setenv NAME [VALUE]", "set or unset environment variable")) {
                $0.setenvCommand($1.name, &$1.arguments, at: $1.location)
            },
            command("timing", help: .line("\\timing [on|off]", "toggle timing of commands", currently: .timing)) {
                $0.timing(&$1.arguments, at: $1.location)
            },
            command("!", help: .line("\\! [COMMAND]", "execute command in shell or start interactive shell"), mode: .wholeLine) {
                $0.shell(&$1.arguments, at: $1.location)
            },
        ]),
        MetaCommandSection(title: "Variables", commands: [
            command("prompt", help: .line("\\prompt [TEXT] NAME", "prompt user to set internal variable")) {
                $0.prompt($1.name, &$1.arguments, at: $1.location)
            },
            command("set", help: .line("\\set [NAME [VALUE]]", "set internal variable, or list all if no parameters")) {
                $0.set(&$1.arguments, at: $1.location)
            },
            command("unset", help: .line("\\unset NAME", "unset (delete) internal variable")) { $0.unset(&$1.arguments, at: $1.location) },
        ]),
        MetaCommandSection(title: "Extended Query Protocol", commands: [
            command("bind", help: .line("\\bind [PARAM]...", "set query parameters")) { $0.bind(&$1.arguments) },
            command("bind_named", help: .below("\\bind_named STMT_NAME [PARAM]...", "set query parameters for an existing prepared statement")) {
                $0.bindNamed($1.name, &$1.arguments, at: $1.location)
            },
            command("close_prepared", help: .below("\\close_prepared STMT_NAME", "close an existing prepared statement")) {
                $0.namedStatement($1.name, &$1.arguments, at: $1.location)
            },
            command("endpipeline", help: .line("\\endpipeline", "exit pipeline mode")) { commands, _ in
                commands.pipelineCommand(.endPipeline)
            },
            command("flush", help: .line("\\flush", "flush output data to the server")) { commands, _ in commands.pipelineCommand(.flush) },
            command("flushrequest", help: .line("\\flushrequest", "send request to the server to flush its output buffer")) { commands, _ in
                commands.pipelineCommand(.flushRequest)
            },
            command("getresults", help: .line("\\getresults [NUM_RES]", "read NUM_RES pending results, or all if no argument")) {
                $0.getResults(&$1.arguments, at: $1.location)
            },
            command("parse", help: .line("\\parse STMT_NAME", "create a prepared statement")) {
                $0.namedStatement($1.name, &$1.arguments, at: $1.location)
            },
            command("sendpipeline", help: .line("\\sendpipeline", "send an extended query to an ongoing pipeline")) {
                $0.sendPipeline(at: $1.location)
            },
            command("startpipeline", help: .line("\\startpipeline", "enter pipeline mode")) { commands, _ in
                commands.pipelineCommand(.startPipeline)
            },
            command("syncpipeline", help: .line("\\syncpipeline", "add a synchronisation point to an ongoing pipeline")) { commands, _ in
                commands.pipelineCommand(.syncPipeline)
            },
        ]),
    ]
}
