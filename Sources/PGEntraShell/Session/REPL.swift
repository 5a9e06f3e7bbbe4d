import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// The interactive shell's reader (psql-compat.md §5, §9): prompts PROMPT1/PROMPT2 through a
/// `LineEditor`, hands lines to `MainLoop` (which runs statements and meta-commands), and keeps
/// the history: one entry per statement, never a line holding the current token.
package final class REPL: LineReader {
    let session: Session
    let editor: any LineEditor
    /// The terminal read plainly, for COPY data (shared with `PlainLineEditor` under `-n`).
    let terminal: TerminalInput
    /// Texts that must never reach the history (the token in use); asked before each entry.
    let secrets: () -> [String]
    /// PGDATABASE, for the prompt's `%~`.
    let environmentDatabase: String?
    private var seenSecrets: Set<String> = []
    private var pendingHistory: [String] = []
    private var lastHistoryEntry: String?
    private var lastPrompt1Width = 0
    private(set) var lineNumber = 0

    var name: String? { nil }
    var input: InputSource? { nil }
    var isInteractive: Bool { true }

    package init(
        session: Session, editor: any LineEditor, terminal: TerminalInput = TerminalInput(),
        environmentDatabase: String? = nil, secrets: @escaping () -> [String] = { [] }
    ) {
        self.session = session
        self.editor = editor
        self.terminal = terminal
        self.environmentDatabase = environmentDatabase
        self.secrets = secrets
    }

    /// Reads until `\q`, `quit` or Ctrl-D, then saves the history (HISTSIZE entries).
    package func run() -> ExitStatus {
        session.terminalCopyInput = { [unowned self] in self.copyDataLine() }
        session.historyEntries = { [unowned self] in self.historySoFar() }
        defer {
            session.terminalCopyInput = nil
            session.historyEntries = nil
        }
        _ = MainLoop(session: session).run(reader: self)
        flushHistory()
        let size = Variables.parseInteger(session.variables["HISTSIZE"] ?? "") ?? 500
        editor.saveHistory(limit: size)
        session.output.flush()
        session.closeQueryOutput()
        // psql leaves the terminal with status 0 whatever failed along the way.
        return .success
    }

    /// The earlier lines of the statement being typed, each ending in a newline (Tab completion
    /// reads the whole statement, not just the current line).
    package var statementSoFar: String {
        pendingHistory.map { $0 + "\n" }.joined()
    }

    func nextLine(_ request: LineRequest) -> LineInput {
        if request.isFresh { flushHistory() }
        let ready = request.continuation == .ready
        let prompt = renderPrompt(ready ? .ready : .continuation(request.continuation))
        if ready { lastPrompt1Width = Prompt.visibleWidth(prompt) }
        var endsSeen = 0
        var read = awaitingInput { editor.readLine(prompt: prompt) }
        // IGNOREEOF=N: like bash, N Ctrl-Ds in a row leave.
        while read == .end {
            endsSeen += 1
            guard endsSeen < session.variables.integer("IGNOREEOF") else { break }
            if !session.variables.bool("QUIET") { session.printStandard("Use \"\\q\" to leave pgentra.\n") }
            read = awaitingInput { editor.readLine(prompt: prompt) }
        }
        switch read {
        case .end:
            // Ctrl-D: psql shows what it did.
            session.printStandard(session.variables.bool("QUIET") ? "\n" : "\\q\n")
            // A statement left open is not sent, and psql does not remember it either.
            pendingHistory = []
        case .interrupted:
            // psql's MainLoop after its longjmp: a new line, the typed statement forgotten.
            session.printStandard("\n")
            pendingHistory = []
        case .line(let line):
            lineNumber += 1
            if !(line.isEmpty && request.isFresh) { pendingHistory.append(line) }
        }
        return read
    }

    /// COPY FROM STDIN typed at the terminal: each data line after PROMPT3, read without editing
    /// or history (psql's handleCopyIn uses fgets on the terminal).
    func copyDataLine() -> LineInput {
        let prompt = renderPrompt(.copy)
        let line = awaitingInput {
            session.printStandard(prompt)
            return terminal.readLine()
        }
        // handleCopyIn counts data lines read from where commands come from in stmt_lineno.
        if case .line = line { session.statementLine += 1 }
        return line
    }

    private func renderPrompt(_ status: Prompt.Status) -> String {
        // psql's prompt hooks: an unset prompt is an empty one.
        let template: String
        switch status {
        case .ready: template = session.variables["PROMPT1"] ?? ""
        case .continuation: template = session.variables["PROMPT2"] ?? ""
        case .copy: template = session.variables["PROMPT3"] ?? ""
        }
        return Prompt.render(template, promptContext(status))
    }

    /// Runs a read with Ctrl-C interrupting it instead of cancelling a query.
    private func awaitingInput(_ read: () -> LineInput) -> LineInput {
        session.output.flush()
        CancelSignal.track(session.connection)
        CancelSignal.setAtPrompt(true)
        defer { CancelSignal.setAtPrompt(false) }
        return read()
    }

    func promptContext(_ status: Prompt.Status) -> Prompt.Context {
        var context = Prompt.Context()
        context.connection = session.connection.flatMap { $0.isOK ? Prompt.ConnectionInfo($0) : nil }
        context.status = status
        context.conditionalActive = session.conditionals.isActive
        context.singleLine = session.variables.bool("SINGLELINE")
        context.statementLine = session.statementLine
        let variables = session.variables
        context.variable = { variables[$0] }
        context.environmentDatabase = environmentDatabase
        context.lastPrompt1Width = lastPrompt1Width
        context.runCommand = Self.commandOutput
        return context
    }

    /// Ends the pending history entry: a statement's lines as one entry, subject to HISTCONTROL.
    private func flushHistory() {
        let entry = pendingEntry()
        pendingHistory = []
        guard let entry else { return }
        editor.addHistory(entry)
        lastHistoryEntry = entry
    }

    /// The lines typed since the last entry as the entry they will make, or nil when HISTCONTROL,
    /// a blank statement or a secret keeps them out.
    private func pendingEntry() -> String? {
        guard !pendingHistory.isEmpty else { return nil }
        let entry = pendingHistory.joined(separator: "\n")
        guard !entry.allSatisfy(\.isWhitespace) else { return nil }
        for secret in secrets() where secret.count >= 16 { seenSecrets.insert(secret) }
        guard !seenSecrets.contains(where: { entry.contains($0) }) else { return nil }
        let control = session.variables["HISTCONTROL"]?.lowercased() ?? "none"
        if (control == "ignorespace" || control == "ignoreboth") && entry.first?.isWhitespace == true { return nil }
        if (control == "ignoredups" || control == "ignoreboth") && entry == lastHistoryEntry { return nil }
        return entry
    }

    /// What `\s` shows: the entries so far and, as psql has already added it when the command
    /// runs, the line being run.
    private func historySoFar() -> [String]? {
        guard let entries = editor.historyEntries() else { return nil }
        return entries + (pendingEntry().map { [$0] } ?? [])
    }

    /// `` %`cmd` ``: the command's standard output.
    private static func commandOutput(_ command: String) -> String {
        guard let pipe = popen(command, "r") else { return "" }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, pipe)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        pclose(pipe)
        return String(decoding: bytes, as: UTF8.self)
    }
}
