import Foundation
import Testing
@testable import PGEntraShell

/// The machinery under the rule table: psql's word splitting (get_previous_words), its word
/// patterns (word_matches and the *Matches family), and the table's own shape.
@Suite struct CompletionRuleTableTests {
    // MARK: get_previous_words

    @Test func wordsAreCutAtBlanksAndPsqlsWordBreaksButNotAtCommas() {
        #expect(PreviousWords("SELECT a, b FROM ").words == ["SELECT", "a,", "b", "FROM"])
        // The backward scan ends a word where the character before it breaks words, so `<`
        // stays with the `a` before it, as in psql.
        #expect(PreviousWords("SELECT a<=b ").words == ["SELECT", "a<", "=", "b"])
        #expect(PreviousWords("").words == [])
        #expect(PreviousWords("   ").words == [])
    }

    @Test func aClosedParenthesizedGroupIsOneWordAndAnOpenParenthesisItsOwn() {
        #expect(PreviousWords("ANALYZE (VERBOSE, SKIP_LOCKED) ").words == ["ANALYZE", "(VERBOSE, SKIP_LOCKED)"])
        #expect(PreviousWords("ANALYZE (").words == ["ANALYZE", "("])
        #expect(PreviousWords("ANALYZE (VERBOSE, ").words == ["ANALYZE", "(", "VERBOSE,"])
        #expect(PreviousWords("f(a(b)) ").words == ["f", "(a(b))"])
    }

    @Test func aDoubleQuotedRunStaysInItsWord() {
        #expect(PreviousWords("DROP TABLE \"my table\" ").words == ["DROP", "TABLE", "\"my table\""])
        #expect(PreviousWords("SELECT \"a(\" ").words == ["SELECT", "\"a(\""])
    }

    @Test func theWordBeingTypedIsNotAPreviousWord() {
        // The scan starts at the last word break: what follows it is psql's `text`.
        #expect(PreviousWords("ALTER TAB").words == ["ALTER"])
    }

    // MARK: word_matches

    @Test func patternsMatchAlternativesAWildCardAndNegation() {
        #expect(WordTest.word("TABLE|VIEW").matches("view", caseSensitive: false))
        #expect(!WordTest.word("TABLE|VIEW").matches("views", caseSensitive: false))
        #expect(WordTest.word("(*").matches("(VERBOSE)", caseSensitive: false))
        #expect(WordTest.word("(*)").matches("(a)", caseSensitive: false))
        #expect(!WordTest.word("(*)").matches("(a", caseSensitive: false))
        #expect(WordTest.word("*)").matches(")", caseSensitive: false))
        #expect(WordTest.word("!ON").matches("TO", caseSensitive: false))
        #expect(!WordTest.word("!ON").matches("on", caseSensitive: false))
        #expect(WordTest.word("\\dt*").matches("\\dt+", caseSensitive: true))
        #expect(!WordTest.word("\\dT*").matches("\\dt", caseSensitive: true))
        #expect(WordTest.any.matches("anything", caseSensitive: true))
        #expect(!WordTest.word("a").matches("", caseSensitive: false), "an empty word never matches")
    }

    @Test func theThreeTestsReadTheWholeLineItsHeadOrItsTail() {
        let words = ["ALTER", "TABLE", "t", "ADD"]
        #expect(WordPattern.matches("ALTER", "TABLE", .any, "ADD").fits(words))
        #expect(!WordPattern.matches("ALTER", "TABLE", .any).fits(words))
        #expect(WordPattern.headMatches("ALTER", "TABLE").fits(words))
        #expect(WordPattern.tailMatches(.any, "ADD").fits(words))
        #expect(!WordPattern.tailMatches("TABLE", "ADD").fits(words))
        #expect(!WordPattern.tailMatches("X", "ALTER", "TABLE", "t", "ADD").fits(words), "more tests than words")
    }

    @Test func matchAnyNStandsForAnyNumberOfWordsZeroIncluded() {
        let pattern = WordPattern.matches("ALTER", "PUBLICATION", .any, .anyN, "WHERE")
        #expect(pattern.fits(["ALTER", "PUBLICATION", "p", "WHERE"]))
        #expect(pattern.fits(["ALTER", "PUBLICATION", "p", "ADD", "TABLE", "t", "WHERE"]))
        #expect(!pattern.fits(["ALTER", "PUBLICATION", "WHERE"]))
        #expect(!pattern.fits(["ALTER", "PUBLICATION", "p", "ADD"]))
    }

    @Test func patternsSpellThemselvesAsTabCompleteCDoes() {
        #expect(WordPattern.matches("ALTER", "TABLE", .any, "ADD").psqlSpelling == #"Matches("ALTER", "TABLE", MatchAny, "ADD")"#)
        #expect(WordPattern.tailMatchesCS("\\dt*").psqlSpelling == #"TailMatchesCS("\\dt*")"#)
        #expect(WordPattern.headMatches(.word("!ON"), .anyN).psqlSpelling == #"HeadMatches(MatchAnyExcept("ON"), MatchAnyN)"#)
    }

    // MARK: The table

    @Test func matchAnyNStandsOnlyInsideMatchesAndNeverFirstOrLast() {
        for pattern in CompletionRuleTable.rules.flatMap(\.patterns) {
            guard let position = pattern.tests.firstIndex(of: .anyN) else { continue }
            #expect(pattern.kind == .matches, "MatchAnyN outside Matches: \(pattern.psqlSpelling)")
            #expect(position > 0 && position < pattern.tests.count - 1, "MatchAnyN first or last: \(pattern.psqlSpelling)")
        }
    }

    @Test func theCreateRuleOffersOnlyWhatCanBeCreated() {
        let completer = TabCompleter(catalog: FixedCatalog(), home: nil) { Variables() }
        let offered = completer.complete("create ").candidates
        #expect(offered.contains("TABLE") && offered.contains("OR REPLACE"))
        #expect(!offered.contains("ROUTINE"), "psql's words_after_create marks ROUTINE THING_NO_CREATE")
        #expect(completer.complete("create schema s create ").candidates == ["INDEX", "SEQUENCE", "TABLE", "TRIGGER", "UNIQUE", "UNLOGGED", "VIEW"])
    }
}

/// The table is psql 18's, pattern for pattern and in psql's order: the patterns of its rules,
/// spelled as tab-complete.c writes them, are the ones gen_tabcomplete.pl collects from psql
/// 18's source (Psql18/tab-complete-patterns.txt, with its provenance).
@Suite struct CompletionRuleTablePsql18Tests {
    static func psqlPatterns() throws -> [String] {
        let path = #filePath.components(separatedBy: "/Tests/")[0] + "/Tests/PGEntraTests/Shell/Psql18/tab-complete-patterns.txt"
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    @Test func theTableCarriesEveryPatternOfPsql18InPsqlsOrder() throws {
        let psql = try Self.psqlPatterns()
        let carried = CompletionRuleTable.rules.flatMap { $0.patterns.map(\.psqlSpelling) }
        #expect(psql.count > 900, "the list read is psql's whole table")
        let firstDifference = zip(carried, psql).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil, "pattern \(firstDifference ?? 0): pgentra \(firstDifference.map { carried[$0] } ?? "") where psql 18 has \(firstDifference.map { psql[$0] } ?? "")")
        #expect(carried.count == psql.count, "pgentra carries \(carried.count) patterns, psql 18 has \(psql.count)")
    }
}

/// A backslash word completes to psql 18's backslash_commands, and to pgentra's own commands:
/// the meta-command table declares what Tab offers beside each command it runs.
@Suite struct CompletionBackslashCommandsTests {
    static let psql18 = [
        "\\a", "\\bind", "\\bind_named", "\\connect", "\\conninfo", "\\C", "\\cd", "\\close_prepared", "\\copy",
        "\\copyright", "\\crosstabview", "\\d", "\\da", "\\dA", "\\dAc", "\\dAf", "\\dAo", "\\dAp",
        "\\db", "\\dc", "\\dconfig", "\\dC", "\\dd", "\\ddp", "\\dD", "\\des", "\\det", "\\deu", "\\dew", "\\dE", "\\df",
        "\\dF", "\\dFd", "\\dFp", "\\dFt", "\\dg", "\\di", "\\dl", "\\dL",
        "\\dm", "\\dn", "\\do", "\\dO", "\\dp", "\\dP", "\\dPi", "\\dPt",
        "\\drds", "\\drg", "\\dRs", "\\dRp", "\\ds", "\\dt", "\\dT", "\\dv", "\\du", "\\dx", "\\dX", "\\dy",
        "\\echo", "\\edit", "\\ef", "\\elif", "\\else", "\\encoding", "\\endif", "\\endpipeline", "\\errverbose", "\\ev",
        "\\f", "\\flush", "\\flushrequest", "\\g", "\\gdesc", "\\getenv", "\\getresults", "\\gexec", "\\gset", "\\gx",
        "\\help", "\\html", "\\if", "\\include", "\\include_relative", "\\ir",
        "\\list", "\\lo_import", "\\lo_export", "\\lo_list", "\\lo_unlink", "\\out",
        "\\parse", "\\password", "\\print", "\\prompt", "\\pset", "\\qecho", "\\quit", "\\reset", "\\restrict",
        "\\s", "\\sendpipeline", "\\set", "\\setenv", "\\sf", "\\startpipeline", "\\sv", "\\syncpipeline",
        "\\t", "\\T", "\\timing", "\\unrestrict", "\\unset", "\\x", "\\warn", "\\watch", "\\write", "\\z", "\\!", "\\?",
    ]

    @Test func aBackslashCompletesToPsql18sCommands() {
        let offered = Set(MetaCommandTable.completions)
        #expect(offered.subtracting(Self.psql18).sorted() == ["\\refresh", "\\whoami"], "beside psql's, only pgentra's own commands")
        #expect(Set(Self.psql18).subtracting(offered).sorted() == [], "psql 18 offers what pgentra does not")
    }
}

/// The README says how many of psql's rule patterns the table carries; this keeps it true.
@Suite struct CompletionCoverageReportTests {
    @Test func theReadmeStatesTheTablesCoverage() throws {
        let readme = try String(contentsOfFile: #filePath.components(separatedBy: "/Tests/")[0] + "/README.md", encoding: .utf8)
        let carried = CompletionRuleTable.patternCount
        #expect(readme.contains("The table carries **\(carried) of psql 18's rule patterns**"),
            "README.md must state the table's coverage: \(carried) patterns carried")
    }
}
