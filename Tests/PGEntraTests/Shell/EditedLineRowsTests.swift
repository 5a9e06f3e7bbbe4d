import Testing
@testable import PGEntraShell

/// Where libedit's refresh.c puts the cursor: the rows a redraw must climb.
@Suite struct EditedLineRowsTests {
    @Test func aFullRowMovesTheCursorToTheNext() {
        let rows = EditedLineRows(prompt: "postgres=# ", columns: 20)
        #expect(rows.row(after: "") == 0)
        #expect(rows.row(after: "select *") == 0)
        #expect(rows.row(after: "select * ") == 1)
        #expect(rows.row(after: String(repeating: "x", count: 29)) == 2)
    }

    @Test func hiddenPromptPartsTakeNoColumns() {
        let rows = EditedLineRows(prompt: "\u{1}\u{1B}[1m\u{1}db=# \u{1}\u{1B}[0m\u{1}", columns: 10)
        #expect(rows.row(after: "abcd") == 0)
        #expect(rows.row(after: "abcde") == 1)
    }

    @Test func aWideCharacterThatDoesNotFitStartsTheNextRow() {
        let rows = EditedLineRows(prompt: "", columns: 10)
        #expect(rows.row(after: "123456789表") == 1)
        #expect(rows.row(after: "12345678表") == 1)
        #expect(rows.row(after: "1234567表") == 0)
    }

    @Test func controlsAndTabsTakeTheColumnsLibeditDrawsThemIn() {
        let rows = EditedLineRows(prompt: "", columns: 10)
        #expect(rows.row(after: "12345678\u{1}") == 1)
        #expect(rows.row(after: "1234567\u{1}") == 0)
        #expect(rows.row(after: "1\t") == 0)
        #expect(rows.row(after: "1\t\t") == 1)
        // A tab whose padding wraps stops at the new row's column 0, as libedit's re_addc.
        #expect(EditedLineRows(prompt: "", columns: 12).row(after: "123456789\tabcdefghij") == 1)
        #expect(rows.row(after: "a\nb") == 1)
    }
}
