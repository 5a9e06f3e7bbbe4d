import Testing
@testable import PGEntraShell

/// The second Tab's list, laid out by readline's rules (complete.c's rl_display_match_list,
/// printable_part and print_filename), worked out by hand for each case.
@Suite struct CompletionListLayoutTests {
    @Test func twoTablesShareOneLinePaddedToTheWidestPlusTwo() {
        let layout = CompletionListLayout(matches: ["mytab246", "mytab123"], fileNames: false, screenWidth: 79)
        #expect(layout.columns == 7)
        #expect(layout.lines == ["mytab123  mytab246  "])
    }

    @Test func itemsRunDownTheFirstColumnThenTheNext() {
        let layout = CompletionListLayout(matches: ["eeeee", "a", "dddd", "bb", "ccc"], fileNames: false, screenWidth: 20)
        // Columns of 5 + 2; 20 / 7 = 2 columns, so three rows.
        #expect(layout.columns == 2)
        #expect(layout.lines == ["a      dddd", "bb     eeeee", "ccc    "])
    }

    @Test func columnsThatWouldFillTheScreenExactlyLoseOne() {
        #expect(CompletionListLayout(matches: ["abcde", "x"], fileNames: false, screenWidth: 14).columns == 1)
        #expect(CompletionListLayout(matches: ["abcde", "x"], fileNames: false, screenWidth: 15).columns == 2)
        #expect(CompletionListLayout(matches: ["abcde", "x"], fileNames: false, screenWidth: 7).columns == 1)
        #expect(CompletionListLayout(matches: ["abcde", "x"], fileNames: false, screenWidth: 3).columns == 1)
    }

    @Test func repeatsAreListedOnceAndTheOrderIsByteOrder() {
        let layout = CompletionListLayout(matches: ["b", "B", "a", "b", "_"], fileNames: false, screenWidth: 80)
        #expect(layout.items.map(\.text) == ["B", "_", "a", "b"])
    }

    @Test func fileNamesShowWhatFollowsTheLastSlashAndDirectoriesKeepTheirs() {
        let layout = CompletionListLayout(
            matches: ["/tmp/x/sub/", "/tmp/x/afile123", "/tmp/x/b"], fileNames: true, screenWidth: 79)
        #expect(layout.items.map(\.text) == ["afile123", "b", "sub/"])
        // The directory's slash is printed but not measured: the widest is afile123, 8.
        #expect(layout.longest == 8)
        #expect(layout.lines == ["afile123  b         sub/      "])
    }

    @Test func printablePartIsReadlines() {
        #expect(CompletionListLayout.printablePart("/tmp/x/afile") == "afile")
        #expect(CompletionListLayout.printablePart("afile") == "afile")
        #expect(CompletionListLayout.printablePart("/") == "/")
        #expect(CompletionListLayout.printablePart("/etc") == "etc")
    }

    @Test func sqlNamesWithSlashesAreShownWhole() {
        let layout = CompletionListLayout(matches: ["a/b", "a/c"], fileNames: false, screenWidth: 79)
        #expect(layout.lines == ["a/b  a/c  "])
    }

    @Test func aLoneMatchIsPrintedWithoutPadding() {
        #expect(CompletionListLayout(matches: ["tab1"], fileNames: false, screenWidth: 79).lines == ["tab1"])
    }

    @Test func wideCharactersCountTwoColumns() {
        let layout = CompletionListLayout(matches: ["表a", "b"], fileNames: false, screenWidth: 79)
        #expect(layout.longest == 3)
        #expect(layout.lines == ["b    表a  "])
    }

    @Test func readlineKeepsTheLastColumnFreeUnlessTheTerminalWrapsCleanly() {
        #expect(CompletionListLayout.readlineScreenWidth(columns: 80, autoWrap: false) == 79)
        #expect(CompletionListLayout.readlineScreenWidth(columns: 80, autoWrap: true) == 80)
    }
}
