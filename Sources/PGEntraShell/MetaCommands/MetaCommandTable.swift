import PGEntraOutput
import PGEntraScanner

/// One backslash command, or a family of them: the names it answers to, what Tab offers for
/// it, how its arguments are read when read in one go or skipped, whether it runs in an `\if`
/// branch that does not, and what runs it.
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

    enum Names: Sendable {
        /// These names exactly (a command and its aliases: `\i`, `\include`).
        case exact([String])
        /// Every name `matches` accepts: the `\d…` families, whose letters after the name
        /// psql's exec_command_d reads as options (`\dt+`, `\dtS`, `\dtx`).
        case family(@Sendable (String) -> Bool)
    }

    let names: Names
    /// What Tab offers for it (psql's backslash_commands in tab-complete.c: the long name where
    /// there are two).
    let completions: [String]
    /// psql's slash_option_type for its arguments, when read in one go or skipped.
    let argumentMode: MetaCommandArgumentMode
    /// psql's is_branching_command: `\if`, `\elif`, `\else` and `\endif` run in a branch that
    /// does not.
    let branching: Bool
    let run: Handler

    func matches(_ name: String) -> Bool {
        switch names {
        case .exact(let list): list.contains(name)
        case .family(let matches): matches(name)
        }
    }
}

/// psql 18's backslash commands, declared once (command.c's exec_command chain). The dispatch,
/// the names an inactive `\if` branch accepts, Tab completion and the scanner's argument modes
/// all read this table, so they cannot drift apart.
enum MetaCommandTable {
    /// Looks `name` up: the exact names first, then the families in the order psql tries them.
    static func spec(for name: String) -> MetaCommandSpec? {
        if let spec = exact[name] { return spec }
        return families.first { $0.matches(name) }
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

    private static let exact: [String: MetaCommandSpec] = {
        var map: [String: MetaCommandSpec] = [:]
        for spec in all {
            guard case .exact(let names) = spec.names else { continue }
            for name in names {
                precondition(map[name] == nil, "\\\(name) is declared twice")
                map[name] = spec
            }
        }
        return map
    }()

    private static let families = all.filter {
        if case .family = $0.names { return true }
        return false
    }

    private static func command(
        _ names: String..., tab: [String]? = nil, mode: MetaCommandArgumentMode = .normal, branching: Bool = false,
        _ run: @escaping MetaCommandSpec.Handler
    ) -> MetaCommandSpec {
        MetaCommandSpec(
            names: .exact(names), completions: tab ?? names.map { "\\" + $0 }, argumentMode: mode, branching: branching, run: run)
    }

    private static func family(
        tab: [String], matching: @escaping @Sendable (String) -> Bool, _ run: @escaping MetaCommandSpec.Handler
    ) -> MetaCommandSpec {
        MetaCommandSpec(names: .family(matching), completions: tab, argumentMode: .normal, branching: false, run: run)
    }

    /// The table, grouped as psql's `\?` groups it.
    static let all: [MetaCommandSpec] = [
        // General
        command("bind") { $0.bind(&$1.arguments) },
        command("bind_named") { $0.bindNamed($1.name, &$1.arguments, at: $1.location) },
        command("parse", "close_prepared") { $0.namedStatement($1.name, &$1.arguments, at: $1.location) },
        command("copyright") { commands, _ in commands.copyright() },
        command("crosstabview") { $0.crosstabview(&$1.arguments) },
        command("errverbose") { commands, _ in commands.errverbose() },
        command("g", "gx", mode: .filePipe) { $0.send($1.name, &$1.arguments, at: $1.location) },
        command("gdesc") { commands, _ in commands.gdesc() },
        command("gexec") { $0.gexec(at: $1.location) },
        command("gset") { $0.gset(&$1.arguments, at: $1.location) },
        command("q", "quit", tab: ["\\quit"]) { _, _ in .quit },
        command("watch") { $0.watch(&$1.arguments, buffer: &$1.buffer, at: $1.location) },
        // Help
        command("?") { $0.backslashHelp(&$1.arguments) },
        command("h", "help", tab: ["\\help"], mode: .wholeLine) { $0.sqlHelp(&$1.arguments) },
        // Query buffer
        command("e", "edit", tab: ["\\edit"]) { $0.edit(&$1.arguments, buffer: &$1.buffer, at: $1.location) },
        command("ef", mode: .wholeLine) { $0.editObject(.function, &$1.arguments, buffer: &$1.buffer, at: $1.location) },
        command("ev", mode: .wholeLine) { $0.editObject(.view, &$1.arguments, buffer: &$1.buffer, at: $1.location) },
        command("p", "print", tab: ["\\print"]) { commands, call in
            commands.session.printStandard((call.buffer.isEmpty ? commands.session.previousQuery ?? "Query buffer is empty." : call.buffer) + "\n")
            return .ok
        },
        command("r", "reset", tab: ["\\reset"]) { commands, call in
            call.buffer = ""
            call.arguments.scanner.reset()
            if !commands.session.variables.bool("QUIET") { commands.session.printStandard("Query buffer reset (cleared).\n") }
            return .ok
        },
        command("s") { $0.printHistory(&$1.arguments, at: $1.location) },
        command("w", "write", tab: ["\\write"], mode: .filePipe) { $0.write(&$1.arguments, buffer: $1.buffer, at: $1.location) },
        // Input/Output
        command("copy", mode: .wholeLine) { $0.copy(&$1.arguments, at: $1.location, source: $1.source) },
        command("echo", "qecho", "warn") { $0.echo($1.name, &$1.arguments) },
        command("i", "include", "ir", "include_relative", tab: ["\\include", "\\include_relative", "\\ir"]) {
            $0.include($1.name, &$1.arguments, source: $1.source, at: $1.location)
        },
        command("o", "out", tab: ["\\out"], mode: .filePipe) { $0.out(&$1.arguments, at: $1.location) },
        // Conditional
        command("if", branching: true) { $0.conditionalIf(&$1.arguments, buffer: $1.buffer, at: $1.location) },
        command("elif", branching: true) { $0.conditionalElif(&$1.arguments, buffer: &$1.buffer, at: $1.location) },
        command("else", branching: true) { $0.conditionalElse(&$1.arguments, buffer: &$1.buffer, at: $1.location) },
        command("endif", branching: true) { $0.conditionalEndif(&$1.arguments, buffer: &$1.buffer, at: $1.location) },
        // Informational: the families after the exact names, in the order psql's exec_command_d
        // and listTables tell them apart.
        family(tab: MetaCommands.catalogListings.map { "\\" + $0.command }, matching: MetaCommands.isCatalogListing) {
            $0.catalogListing($1.name, &$1.arguments, at: $1.location)
        },
        family(tab: ["\\dF", "\\dFd", "\\dFp", "\\dFt"], matching: { MetaCommands.textSearchListing(named: $0) != nil }) {
            $0.textSearch($1.name, &$1.arguments, at: $1.location)
        },
        family(
            tab: ["\\d", "\\db", "\\df", "\\dE", "\\dg", "\\di", "\\dm", "\\dn", "\\drds", "\\drg", "\\ds", "\\dt", "\\dT", "\\du",
                  "\\dv", "\\dx", "\\list"],
            matching: MetaCommands.isDescribe
        ) { $0.describe($1.name, &$1.arguments, at: $1.location) },
        command("sf", "sf+", "sv", "sv+", tab: ["\\sf", "\\sv"], mode: .wholeLine) { $0.showSource($1.name, &$1.arguments, at: $1.location) },
        // Large objects: psql 18 takes any letters after \lo_list and \dl (+ for verbose, x for
        // expanded).
        command("lo_import", "lo_export", "lo_unlink") { $0.largeObject($1.name, &$1.arguments, at: $1.location) },
        family(tab: ["\\lo_list"], matching: { $0.hasPrefix("lo_list") }) { $0.largeObject($1.name, &$1.arguments, at: $1.location) },
        family(tab: ["\\dl"], matching: { $0.hasPrefix("dl") }) { commands, call in
            // psql reads a pattern for every \d command; listLargeObjects has no use for it.
            _ = call.arguments.next()
            return commands.list(
                MetaCommands.largeObjectsSQL(verbose: call.name.contains("+")), title: "Large objects",
                options: commands.listingOptions(call.name))
        },
        // Formatting
        command("a") { commands, call in
            commands.toggle(at: call.location) { (options: inout PrintOptions) throws(PsetError) in try PsetCommand.toggleAligned(&options) }
        },
        command("C") { $0.psetShortcut("title", &$1.arguments, at: $1.location) },
        command("f") { $0.psetShortcut("fieldsep", &$1.arguments, at: $1.location) },
        command("H", "html", tab: ["\\html"]) { commands, call in
            commands.toggle(at: call.location) { (options: inout PrintOptions) throws(PsetError) in try PsetCommand.toggleHTML(&options) }
        },
        command("pset") { $0.pset(&$1.arguments, at: $1.location) },
        command("t") { $0.psetShortcut("tuples_only", &$1.arguments, at: $1.location) },
        command("T") { $0.psetShortcut("tableattr", &$1.arguments, at: $1.location) },
        command("x") { $0.psetShortcut("expanded", &$1.arguments, at: $1.location) },
        // Connection
        command("c", "connect", tab: ["\\connect"]) { $0.connect(&$1.arguments, at: $1.location) },
        command("conninfo") { commands, _ in commands.conninfo() },
        command("encoding") { $0.encoding(&$1.arguments, at: $1.location) },
        command("password") { $0.password(&$1.arguments, at: $1.location) },
        // Operating system
        command("cd") { $0.changeDirectory($1.name, &$1.arguments, at: $1.location) },
        command("getenv") { $0.getenvCommand($1.name, &$1.arguments, at: $1.location) },
        command("setenv") { $0.setenvCommand($1.name, &$1.arguments, at: $1.location) },
        command("timing") { $0.timing(&$1.arguments, at: $1.location) },
        command("!", mode: .wholeLine) { $0.shell(&$1.arguments, at: $1.location) },
        // Variables
        command("prompt") { $0.prompt($1.name, &$1.arguments, at: $1.location) },
        command("set") { $0.set(&$1.arguments, at: $1.location) },
        command("unset") { $0.unset(&$1.arguments, at: $1.location) },
        // Extended query protocol and pipelines
        command("sendpipeline") { $0.sendPipeline(at: $1.location) },
        command("getresults") { $0.getResults(&$1.arguments, at: $1.location) },
        command("startpipeline") { commands, _ in commands.pipelineCommand(.startPipeline) },
        command("endpipeline") { commands, _ in commands.pipelineCommand(.endPipeline) },
        command("syncpipeline") { commands, _ in commands.pipelineCommand(.syncPipeline) },
        command("flush") { commands, _ in commands.pipelineCommand(.flush) },
        command("flushrequest") { commands, _ in commands.pipelineCommand(.flushRequest) },
        // psql 18.6's \restrict and \unrestrict (pg_dump's scripts)
        command("restrict") { $0.restrict(&$1.arguments, at: $1.location) },
        command("unrestrict", mode: .wholeLine) { $0.unrestrict(&$1.arguments, at: $1.location) },
        // Entra ID (pgentra's own)
        command("whoami") { $0.whoami(at: $1.location) },
        command("refresh") { $0.refresh(at: $1.location) },
    ]
}
