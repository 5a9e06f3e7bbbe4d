import Foundation
import TestSupport
import Testing
@testable import PGEntraShell

/// The table of backslash commands against the real psql 18.6's own list (`psql
/// --help=commands`, help.c's slashUsage): every command psql lists is one the table runs, and
/// the `\?` the table renders is psql's, but for pgentra's name and its Entra ID section.
@Suite struct MetaCommandTableTests {
    @Test func everyCommandPsql18ListsIsInTheTable() throws {
        try References.verifyPsql()
        let help = ChildProcess.run(References.psql, ["--help=commands"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(help.status == 0, "\(help.stderr)")
        let names = Self.commandNames(inHelp: help.stdout)
        // Enough to show the parse found psql's list, not a few stray lines.
        #expect(names.count > 100, "found only \(names.sorted())")
        for name in names.sorted() {
            #expect(MetaCommandTable.spec(for: name) != nil, "psql 18 lists \\\(name), which the table lacks")
        }
        #expect(MetaCommandTable.spec(for: "nosuch") == nil, "the check can fail")
    }

    @Test func backslashHelpIsPsql18sWithPgentrasNameAndEntraSection() throws {
        try References.verifyPsql()
        let help = ChildProcess.run(References.psql, ["--help=commands"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(help.status == 0, "\(help.stderr)")
        var asPsql = BackslashHelp.commands(.unconnected)
        let entra = try #require(asPsql.range(of: "\nEntra ID\n"), "no Entra ID section")
        let after = try #require(asPsql.range(of: "\n\n", range: entra.upperBound..<asPsql.endIndex))
        asPsql.removeSubrange(entra.lowerBound..<asPsql.index(after: after.lowerBound))
        asPsql = asPsql.replacingOccurrences(of: "pgentra", with: "psql")
        // The reference psql is built without readline, and help.c lists \s only with it;
        // pgentra always has libedit.
        let history = "  \\s [FILE]              display history or save it to file\n"
        #expect(asPsql.contains(history))
        asPsql = asPsql.replacingOccurrences(of: history, with: "")
        let psqlLines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let ourLines = asPsql.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in psqlLines.enumerated() where index >= ourLines.count || ourLines[index] != line {
            Issue.record("line \(index + 1): psql 18.6 has \"\(line)\", pgentra \"\(index < ourLines.count ? ourLines[index] : "")\"")
            break
        }
        #expect(ourLines.count == psqlLines.count)
    }

    /// The command on each line that starts one: `  \dA[+]  [PATTERN]` gives `dA`, `  \c[onnect]
    /// {...}` gives `c`, `  \?  [commands]` gives `?`.
    static func commandNames(inHelp text: String) -> Set<String> {
        var names: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("  \\") {
            let token = line.dropFirst(3).prefix { $0 != " " }
            let name = token.prefix { $0 != "[" }
            if !name.isEmpty { names.insert(String(name)) }
        }
        return names
    }
}
