import Foundation
import TestSupport
import Testing

/// Issue 14 item 3: what Tab shows, compared with psql 17.10 and GNU readline on the same
/// terminal (40 columns, no TERM, as 010_tab_completion.pl runs psql). The same keys go to both
/// programs, from a fresh prompt; what each screen then shows (TerminalScreen: carriage returns
/// and backspaces applied, trailing blanks dropped, the prompt's `db=#`/`db=>` made one) must be
/// the same line for line, and so must the bells rung at each step. psql's own screen is also
/// held to readline's documented behaviour, so that a change in how the reference runs cannot
/// make both sides agree on something else.
@Suite struct CompletionEchoTests {
    static let columns: UInt16 = 40

    /// One program's screen from a fresh prompt on, and how many bells each step rang.
    struct Echo: Equatable, CustomStringConvertible {
        var screen: [String]
        var bells: [Int]

        var description: String { "bells \(bells), screen:\n" + screen.map { "|\($0)|" }.joined(separator: "\n") }
    }

    /// The keys of each step typed at psql, then at pgentra.
    static func echoes(_ steps: [String]) throws -> (psql: Echo, pgentra: Echo) {
        try PostgresRelease.v17.verify("psql")
        let server = try PsqlCompletionScriptTests.server.get()
        let psql = try CompletionScriptTerminal(
            References.readlinePsql, connection: ["-d", server.superuserConninfo], environment: TestEnvironment(),
            columns: columns)
        let psqlEcho = play(psql.terminal, steps)
        _ = psql.quit()
        let pgentra = try CompletionScriptTerminal(
            BuiltProducts.pgentra, connection: ShellUnderTest.arguments(server),
            environment: ShellUnderTest.environment(server), columns: columns)
        let pgentraEcho = play(pgentra.terminal, steps)
        _ = pgentra.quit()
        return (psqlEcho, pgentraEcho)
    }

    /// Enter on an empty line for a fresh prompt, then each step's keys, each step waited out
    /// until the program has been quiet for a while (a completion may ask the server first).
    static func play(_ terminal: PseudoTerminal, _ steps: [String]) -> Echo {
        _ = terminal.waitForKeyByKeyInput(timeout: 5)
        let start = terminal.mark
        terminal.send("\r")
        settle(terminal)
        _ = terminal.waitForKeyByKeyInput(timeout: 5)
        var bells: [Int] = []
        for step in steps {
            let mark = terminal.mark
            terminal.send(step)
            settle(terminal)
            bells.append(output(terminal, after: mark).unicodeScalars.filter { $0 == "\u{7}" }.count)
        }
        let prompt = try! Regex("^\\w*=[#>] ")
        let screen = TerminalScreen.lines(output(terminal, after: start)).map { $0.replacing(prompt, with: "=# ") }
        // Leave an empty line behind for `\q`.
        terminal.send("\u{15}")
        settle(terminal)
        return Echo(screen: screen, bells: bells)
    }

    static func settle(_ terminal: PseudoTerminal) {
        var seen = -1
        while seen != terminal.mark {
            seen = terminal.mark
            _ = terminal.output(after: seen, timeout: 0.7) { _ in false }
        }
    }

    static func output(_ terminal: PseudoTerminal, after mark: Int) -> String {
        terminal.output(after: mark, timeout: 0) { _ in true }.text
    }

    @Test func aUniqueCompletionGoesInWithItsSpaceAndNoBell() throws {
        let (psql, pgentra) = try Self.echoes(["select * from ta", "\t"])
        #expect(psql.bells == [0, 0], "\(psql)")
        #expect(psql.screen.last == "=# select * from tab1", "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// A match that replaces the word rather than extending it (the .pl's `\DRD`, matched
    /// ignoring case) goes in without a bell too.
    @Test func aMatchThatReplacesTheWordGoesInWithoutABell() throws {
        let (psql, pgentra) = try Self.echoes(["\\DRD", "\t"])
        #expect(psql.bells == [0, 0], "\(psql)")
        #expect(psql.screen.last == "=# \\drds", "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// A schema typed in upper case is folded as the name is completed (the .pl's
    /// `PUBLIC.t`), and goes in without a bell.
    @Test func aFoldedQualifiedNameGoesInWithoutABell() throws {
        let (psql, pgentra) = try Self.echoes(["select * from PUBLIC.t", "\t"])
        #expect(psql.bells == [0, 0], "\(psql)")
        #expect(psql.screen.last == "=# select * from public.tab1", "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// The same in the middle of a line (the cursor moved back before `;` with Ctrl-B).
    @Test func aFoldedNameInTheMiddleOfTheLineGoesInWithoutABell() throws {
        let (psql, pgentra) = try Self.echoes(["select * from PUBLIC.t;", "\u{02}", "\t", "x"])
        #expect(psql.bells == [0, 0, 0, 0], "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// Several matches that replace the word (`\DR` is no command's prefix as typed, so psql
    /// matches ignoring case): the first Tab puts in what they share, `\d`, shorter than the
    /// word, and rings; the second completes `\d` and rings; the third lists every `\d` command.
    @Test func ambiguousMatchesThatReplaceTheWordRingAndThenList() throws {
        let (psql, pgentra) = try Self.echoes(["\\DR", "\t", "\t", "\t"])
        #expect(psql.bells[1] == 1, "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// The .pl's "offer multiple table choices": the word is already all the matches share, so
    /// the first Tab only rings and the second lists.
    @Test func aSecondTabListsTheChoicesOnceAndRedrawsTheLine() throws {
        let (psql, pgentra) = try Self.echoes(["select * from mytab", "\t", "\t"])
        #expect(psql.bells == [0, 1, 0], "\(psql)")
        #expect(Array(psql.screen.suffix(3)) == ["=# select * from mytab", "mytab123  mytab246", "=# select * from mytab"], "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// readline's completion_changed_buffer: the Tab that put in `ab` rings, so does the next
    /// (which changes nothing), and only the third lists.
    @Test func aTabThatChangedTheLineIsNotTheFirstOfADoubleTab() throws {
        let (psql, pgentra) = try Self.echoes(["select * from myt", "\t", "\t", "\t"])
        #expect(psql.bells == [0, 1, 1, 0], "\(psql)")
        #expect(Array(psql.screen.suffix(3)) == ["=# select * from mytab", "mytab123  mytab246", "=# select * from mytab"], "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// Any other key between two Tabs (here a left and a right arrow) makes the second a first.
    @Test func anotherKeyBetweenTabsStartsAfresh() throws {
        let (psql, pgentra) = try Self.echoes(["select * from mytab", "\t", "\u{1B}[D", "\u{1B}[C", "\t"])
        #expect(psql.bells == [0, 1, 0, 0, 1], "\(psql)")
        #expect(psql.screen.count == 2, "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// File names list by their base names, directories with their slash, down then across
    /// in readline's columns: four names of at most 8 take columns of 10, 39 / 10 = 3 of them.
    @Test func aFileListShowsBaseNamesInReadlinesColumns() throws {
        let directory = TemporaryDirectory(prefix: "e")
        for name in ["afile123", "afile456", "somefile"] { directory.write(name, "x\n", mode: 0o644) }
        directory.makeDirectory("sub", mode: 0o755)
        let (psql, pgentra) = try Self.echoes(["\\i \(directory.path)/", "\t", "\t"])
        #expect(psql.bells == [0, 1, 0], "\(psql)")
        #expect(Array(psql.screen.suffix(4)) == [
            "=# \\i \(directory.path)/", "afile123  somefile", "afile456  sub/", "=# \\i \(directory.path)/",
        ], "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// SQL COPY's file names go in quoted (psql's completion_force_quote), and a list of them
    /// still shows base names, as readline's printable_part shows any file list.
    @Test func aQuotedFileListShowsBaseNames() throws {
        let directory = TemporaryDirectory(prefix: "e")
        for name in ["afile123", "afile456", "somefile"] { directory.write(name, "x\n", mode: 0o644) }
        directory.makeDirectory("sub", mode: 0o755)
        let (psql, pgentra) = try Self.echoes(["copy t from '\(directory.path)/", "\t", "\t"])
        let list = ["afile123  somefile", "afile456  sub/"]
        #expect(Array(psql.screen.suffix(3).dropLast()) == list, "\(psql)")
        #expect(psql.bells == [0, 1, 0], "\(psql)")
        // The list and the bells: the line itself, near the 40 columns, readline scrolls
        // sideways on a dumb terminal where libedit wraps it.
        #expect(Array(pgentra.screen.suffix(3).dropLast()) == list, "psql: \(psql)\npgentra: \(pgentra)")
        #expect(pgentra.bells == psql.bells, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// A list taller than the screen pages as readline's does (page-completions): `--More--`
    /// after each screenful but the last, erased again once a key has answered it, so the
    /// screen does not show it; what does show is that the space went to the pager, not the line.
    @Test func aListTallerThanTheScreenPages() throws {
        let directory = TemporaryDirectory(prefix: "e")
        // 300 names in rows of 6: 50 rows, one more than a 50-row terminal takes at once.
        for index in 0..<300 { directory.write(String(format: "f%03d", index), "x\n", mode: 0o644) }
        let (psql, pgentra) = try Self.echoes(["\\i \(directory.path)/", "\t", "\t", "\t", "y", " ", "q"])
        #expect(psql.screen.last == "=# \\i \(directory.path)/fq", "the pager took the space: \(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
    }

    /// 100 matches or more (completion-query-items): readline asks first; n shows nothing. The
    /// first Tab puts in the `f` they share, so the list comes at the third.
    @Test func manyMatchesAskBeforeTheyAreListed() throws {
        let directory = TemporaryDirectory(prefix: "e")
        for index in 0..<120 { directory.write(String(format: "f%03d", index), "x\n", mode: 0o644) }
        let (psql, pgentra) = try Self.echoes(["\\i \(directory.path)/", "\t", "\t", "\t", "n"])
        #expect(psql.bells == [0, 1, 1, 0, 0], "\(psql)")
        #expect(Array(psql.screen.suffix(3)) == [
            "=# \\i \(directory.path)/f", "Display all 120 possibilities? (y or n)", "=# \\i \(directory.path)/f",
        ], "\(psql)")
        #expect(pgentra == psql, "psql: \(psql)\npgentra: \(pgentra)")
        let (psqlYes, pgentraYes) = try Self.echoes(["\\i \(directory.path)/", "\t", "\t", "\t", "y"])
        // Names of 4 in columns of 6: six columns, 20 rows, f000 above f001.
        #expect(psqlYes.screen.count >= 22, "\(psqlYes)")
        #expect(psqlYes.screen.contains("f000  f020  f040  f060  f080  f100"), "\(psqlYes)")
        #expect(pgentraYes == psqlYes, "psql: \(psqlYes)\npgentra: \(pgentraYes)")
    }
}
