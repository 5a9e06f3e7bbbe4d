import Testing
@testable import PGEntraIdentity

@Suite struct JSONValueTests {
    private func object(_ text: String) -> [String: JSONValue]? {
        JSONValue.object(from: Array(text.utf8))
    }

    @Test func numbersStayNumbersAndBooleansStayBooleans() {
        let parsed = object(#"{"one":1,"yes":true,"zero":0,"no":false,"pi":3.5}"#)
        #expect(parsed?["one"] == .number(1))
        #expect(parsed?["zero"] == .number(0))
        #expect(parsed?["yes"] == .bool(true))
        #expect(parsed?["no"] == .bool(false))
        #expect(parsed?["pi"] == .number(3.5))
    }

    @Test func integersComeFromNumbersOrDigitStrings() {
        #expect(JSONValue.number(1_700_003_600).integerValue == 1_700_003_600)
        #expect(JSONValue.string("1700003600").integerValue == 1_700_003_600)
        #expect(JSONValue.string(" 86399 ").integerValue == 86399)
        #expect(JSONValue.number(1.5).integerValue == nil)
        #expect(JSONValue.number(1e20).integerValue == nil)
        #expect(JSONValue.string("12abc").integerValue == nil)
        #expect(JSONValue.bool(true).integerValue == nil)
        #expect(JSONValue.null.integerValue == nil)
    }

    @Test func onlyObjectsAreObjects() {
        #expect(object("[1]") == nil)
        #expect(object("\"s\"") == nil)
        #expect(object("<html>") == nil)
        #expect(object("") == nil)
        #expect(object("{}") == [:])
    }

    @Test func encodingIsCompactSortedAndKeepsIntegersWhole() {
        let value = JSONValue.object(["b": .number(1_700_003_600), "a": .string("https://x/y"), "c": .null, "d": .array([.bool(true)])])
        #expect(value.encoded() == #"{"a":"https://x/y","b":1700003600,"c":null,"d":[true]}"#)
    }

    @Test func roundTripsNestedValues() {
        let text = #"{"data":{"list":[1,"2",{"x":null}],"message":"m"}}"#
        let parsed = object(text)
        #expect(parsed.map { JSONValue.object($0).encoded() } == text)
    }
}
