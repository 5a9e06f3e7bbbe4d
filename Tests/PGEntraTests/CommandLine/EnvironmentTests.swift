import Testing
@testable import PGEntraSystem

@Suite struct EnvironmentTests {
    @Test func anEmptyVariableCountsAsUnset() {
        let environment = Environment(["AZURE_TENANT_ID": "", "AZURE_CLIENT_ID": "c"])
        #expect(environment["AZURE_TENANT_ID"] == nil)
        #expect(environment["AZURE_CLIENT_ID"] == "c")
        #expect(environment["MISSING"] == nil)
    }

    @Test func whitespaceIsAValueNotEmptiness() {
        #expect(Environment(["X": " "])["X"] == " ")
    }

    @Test(arguments: ["1", "true", "TRUE", "yes", "On"])
    func flagsAcceptTheSpellingsScriptsUse(_ value: String) {
        #expect(Environment(["PGENTRA_DEBUG": value]).flag("PGENTRA_DEBUG"))
    }

    @Test(arguments: ["0", "false", "no", "off", "", "2", "enabled"])
    func otherFlagValuesAreOff(_ value: String) {
        #expect(!Environment(["PGENTRA_DEBUG": value]).flag("PGENTRA_DEBUG"))
    }

    @Test func anUnsetFlagIsOff() {
        #expect(!Environment([:]).flag("PGENTRA_NO_TOKEN_CACHE"))
    }

    @Test func withAppliesChangesAndRemovals() {
        let base = Environment(["A": "1", "B": "2"])
        let changed = base.with(["A": "x", "B": nil, "C": "3"])
        #expect(changed.variables == ["A": "x", "C": "3"])
        #expect(base.variables == ["A": "1", "B": "2"])
    }
}
