import Testing
@testable import PGEntraDatabase
@testable import PGEntraOutput
@testable import PGEntraShell
@testable import PGEntraSystem

/// A `LineEditor` that replays typed lines and records what the shell asked of it.
final class ScriptedLineEditor: LineEditor {
    private var lines: [String]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    private(set) var savedLimit: Int?

    init(_ lines: [String]) {
        self.lines = lines
    }

    /// Typed as a line, it stands for Ctrl-C at that prompt.
    static let interrupt = "\u{3}"

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        guard !lines.isEmpty else { return .end }
        let line = lines.removeFirst()
        return line == Self.interrupt ? .interrupted : .line(line)
    }

    func addHistory(_ entry: String) {
        history.append(entry)
    }

    func historyEntries() -> [String]? { history }

    func saveHistory(limit: Int) {
        savedLimit = limit
    }
}

/// The REPL without a terminal or server (psql-compat.md §5, §9): prompts follow the scanner,
/// history keeps one entry per statement and never the token.
@Suite(.serialized) struct REPLTests {
    private func session() -> Session {
        Session(
            connection: nil, connector: Connector(passwords: nil, environmentSSLMode: false, warn: { _ in }),
            variables: Variables(), printOptions: PrintOptions(), standardOutput: ByteSink(.memory), log: nil,
            interactive: true, diagnostics: { _ in })
    }

    @Test func promptsFollowTheOpenStatement() {
        let editor = ScriptedLineEditor(["select", "'a", "b';", "\\set x 1"])
        let status = REPL(session: session(), editor: editor).run()
        #expect(status == .success)
        #expect(editor.prompts == ["!?> ", "-?> ", "'?> ", "!?> ", "!?> "])
    }

    @Test func aStatementIsOneHistoryEntryAndMetaCommandsTheirOwn() {
        let editor = ScriptedLineEditor(["select", "1;", "", "\\set x 1", "\\q"])
        _ = REPL(session: session(), editor: editor).run()
        #expect(editor.history == ["select\n1;", "\\set x 1", "\\q"])
        #expect(editor.savedLimit == 500)
    }

    @Test func aLineHoldingTheTokenNeverReachesHistory() {
        let token = "eyJhbGciOiJSUzI1NiJ9.payload-of-the-token.signature"
        let editor = ScriptedLineEditor(["select 'before';", "select '\(token)';", "select 'after';"])
        _ = REPL(session: session(), editor: editor, secrets: { [token] }).run()
        #expect(editor.history == ["select 'before';", "select 'after';"])
    }

    @Test func histcontrolIgnoresSpacesAndDuplicates() throws {
        let session = session()
        try session.variables.set("HISTCONTROL", "ignoreboth")
        let editor = ScriptedLineEditor([" select 'hidden';", "select 1;", "select 1;"])
        _ = REPL(session: session, editor: editor).run()
        #expect(editor.history == ["select 1;"])
    }

    @Test func quitLeavesOnAnEmptyBufferOnly() {
        let editor = ScriptedLineEditor(["select", "quit", "x;", "quit", "select 'never read';"])
        _ = REPL(session: session(), editor: editor).run()
        #expect(editor.prompts.count == 4)
    }

    @Test func customPromptsUseVariablesAndLineNumbers() throws {
        let session = session()
        try session.variables.set("PROMPT1", "%:app:%l%R ")
        try session.variables.set("PROMPT2", "%:app:%l%R ")
        try session.variables.set("app", "db")
        let editor = ScriptedLineEditor(["select", "(1"])
        _ = REPL(session: session, editor: editor).run()
        // psql's stmt_lineno grows at a line the lexer ends with PSCAN_EOL, not inside parentheses.
        #expect(editor.prompts == ["db1! ", "db2- ", "db2( "])
    }

    @Test func ignoreeofNeedsThatManyEndsOfInput() throws {
        let session = session()
        try session.variables.set("IGNOREEOF", "2")
        let editor = ScriptedLineEditor([])
        #expect(REPL(session: session, editor: editor).run() == .success)
        #expect(editor.prompts.count == 2)
    }

    @Test func controlCDropsTheStatementFromTheBufferAndHistory() {
        let editor = ScriptedLineEditor(["select 'abc'", ScriptedLineEditor.interrupt, "\\set x 1"])
        _ = REPL(session: session(), editor: editor).run()
        #expect(editor.prompts == ["!?> ", "-?> ", "!?> ", "!?> "])
        #expect(editor.history == ["\\set x 1"])
    }

    @Test func aBareIgnoreeofMeansTen() throws {
        var variables = Variables()
        try variables.set("IGNOREEOF", "")
        #expect(variables.integer("IGNOREEOF") == 10)
        try variables.set("IGNOREEOF", "0x3")
        #expect(variables.integer("IGNOREEOF") == 3)
        #expect(throws: Variables.Invalid.integer(name: "HISTSIZE", value: "")) { try variables.set("HISTSIZE", "") }
    }
}
