import Testing
@testable import PGEntra

/// How `\unrestrict` reads its key, as psql 18's src/bin/psql/command.c exec_command_unrestrict
/// does (the rest of the line, psql_scan_slash_option with semicolon = true).
@Suite struct RestrictKeyTests {
    @Test("psql 18 command.c exec_command_unrestrict reads the key with semicolon = true: trailing semicolons and blanks go")
    func unrestrictKey() {
        #expect(MetaCommands.droppingTrailingSemicolons("abc ;  ") == "abc")
        #expect(MetaCommands.droppingTrailingSemicolons("a b;;") == "a b")
        #expect(MetaCommands.droppingTrailingSemicolons(";") == "")
        #expect(MetaCommands.droppingTrailingSemicolons("'abc'") == "'abc'")
    }
}
