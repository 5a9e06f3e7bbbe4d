import Testing
@testable import PGEntraShell

/// Which `\d` names run a describe command, as psql 18's src/bin/psql/command.c exec_command_d
/// switches on the letter after `d` and, for some commands, the one after it.
@Suite struct DescribeCommandNamesTests {
    @Test("psql 18 command.c exec_command_d: which \\d names reach the describe commands")
    func describeNames() {
        for name in ["d", "d+x", "dS+x", "dtx", "dtz", "dtS+x", "dxx", "dx+x", "dxq", "dnx+", "dux", "dgq", "dbz", "dTx", "dfx", "dSt", "drgx", "drdsx"] {
            #expect(MetaCommands.isDescribe(name), "\(name)")
        }
        for name in ["dfz", "dq", "dr", "dF", "dl"] {
            #expect(!MetaCommands.isDescribe(name), "\(name)")
        }
    }
}
