import Testing
@testable import PGEntraShell

/// Which listing command each `\d` name runs, as psql 18's src/bin/psql/command.c exec_command_d
/// switches on the letter after `d` and, for some commands, the one after it.
@Suite struct DescribeCommandNamesTests {
    @Test("psql 18 command.c exec_command_d: which listing each \\d name runs")
    func describeNames() {
        let keys = ["d": "d", "d+x": "d", "dS+x": "d", "dtx": "dt", "dtz": "dt", "dtS+x": "dt", "dxx": "dx", "dx+x": "dx", "dxq": "dx",
                    "dnx+": "dn", "dux": "du", "dgq": "dg", "dbz": "db", "dTx": "dT", "dfx": "df", "dSt": "d", "drgx": "drg",
                    "drdsx": "drds", "dF": "dF", "dl": "dl", "dl+": "dl", "dLS": "dL", "lo_list+x": "lo_list"]
        for (name, key) in keys {
            #expect(ListingCommand.key(for: name) == key, "\(name)")
        }
        for name in ["dfz", "dq", "dr", "de", "dR", "lo_lis", "zz", "lz", "dAS", "dPS", "dFS"] {
            #expect(ListingCommand.key(for: name) == nil, "\(name)")
        }
    }

    @Test("psql 18's x option: after \\d and the command's next letter, after \\z, \\l and \\lo_list")
    func theExpandedOption() {
        for name in ["dxx", "d+x", "dtx", "dAx", "lx", "l+x", "listx", "zx", "zSx", "lo_listx"] {
            #expect(MetaCommands.asksExpanded(name), "\\\(name)")
        }
        for name in ["dx", "dx+", "d+", "dS", "l+", "list", "z", "zS", "lo_list+"] {
            #expect(!MetaCommands.asksExpanded(name), "\\\(name)")
        }
    }
}
