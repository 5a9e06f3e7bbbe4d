import Testing
@testable import PGEntraScanner
@testable import PGEntraShell

/// The table's own consistency: what Tab offers runs, only psql's branching commands run in an
/// inactive branch, listings are told apart as psql's exec_command_d tells them, and every
/// command has its lines in `\?`.
@Suite struct MetaCommandTableShapeTests {
    @Test func everyCompletionNamesACommandOfTheTable() {
        let completions = MetaCommandTable.completions
        #expect(completions.count == Set(completions).count, "offered twice: \(completions)")
        for completion in completions {
            #expect(completion.hasPrefix("\\"))
            #expect(MetaCommandTable.spec(for: String(completion.dropFirst())) != nil, "\(completion) runs nothing")
        }
    }

    @Test func onlyTheConditionalsBranch() {
        let branching = MetaCommandTable.all.filter(\.branching).flatMap { spec -> [String] in
            guard case .exact(let names) = spec.names else { return ["(a listing)"] }
            return names
        }
        #expect(Set(branching) == ["if", "elif", "else", "endif"])
    }

    @Test func listingsAcceptPsqlsOptionLettersAndNothingElse() {
        for name in ["dt+", "dtS", "dtx", "df+", "dFp", "dAc", "zS", "l+", "lo_list+", "dl+", "drg", "d"] {
            #expect(MetaCommandTable.spec(for: name) != nil, "\\\(name)")
        }
        for name in ["dq", "dr", "zz", "lx+x"] {
            #expect(MetaCommandTable.spec(for: name) == nil, "\\\(name)")
        }
        // Unknown \d names are still known in an inactive branch, as psql's exec_command takes them.
        #expect(MetaCommandTable.isKnown("dq") && MetaCommandTable.isKnown("lo_nosuch") && !MetaCommandTable.isKnown("nosuch"))
    }

    @Test func argumentModesAreThoseOfPsqlsCommands() {
        for name in ["!", "h", "help", "copy", "ef", "ev", "sf", "sf+", "sv", "sv+", "unrestrict"] {
            #expect(MetaCommandTable.argumentMode(for: name) == .wholeLine, "\\\(name)")
        }
        for name in ["o", "out", "g", "gx", "w", "write"] {
            #expect(MetaCommandTable.argumentMode(for: name) == .filePipe, "\\\(name)")
        }
        #expect(MetaCommandTable.argumentMode(for: "echo") == .normal)
        #expect(MetaCommandTable.argumentMode(for: "nosuch") == .normal)
    }

    @Test func everyListingRowIsReachedByItsOwnName() {
        var keys: [String] = []
        for spec in MetaCommandTable.all {
            guard case .listing(let key) = spec.names else { continue }
            keys.append(key)
            #expect(ListingCommand.key(for: key) == key, "\\\(key) runs another row")
        }
        #expect(keys.count == Set(keys).count, "declared twice: \(keys)")
        #expect(keys.count > 40, "found only \(keys)")
    }

    /// psql's slashUsage has an entry for every command, and each names the command it is under.
    @Test func everyCommandHasItsHelpEntries() {
        for spec in MetaCommandTable.all {
            #expect(!spec.help.isEmpty, "\(spec.names) has no line in \\?")
            for entry in spec.help {
                let name = String(entry.usage.dropFirst().prefix { $0 != " " && $0 != "[" })
                #expect(entry.usage.hasPrefix("\\") && MetaCommandTable.spec(for: name)?.names == spec.names, "\(entry.usage)")
                #expect(!entry.description.isEmpty, "\(entry.usage)")
            }
        }
    }
}
