import Testing
@testable import PGEntraIdentity

@Suite struct JSONParserTests {
    private func parse(_ text: String) -> JSONValue? { JSONParser.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() {
        let value = parse(#" { "s": "x", "n": -12.5e1, "i": 1700003600, "t": true, "f": false, "z": null, "a": [1, "2", []], "o": {} } "#)
        guard case .object(let object)? = value else {
            Issue.record("not an object")
            return
        }
        #expect(object["s"] == .string("x"))
        #expect(object["n"] == .number(-125))
        #expect(object["i"]?.integerValue == 1_700_003_600)
        #expect(object["t"] == .bool(true))
        #expect(object["f"] == .bool(false))
        #expect(object["z"] == .null)
        #expect(object["a"] == .array([.number(1), .string("2"), .array([])]))
        #expect(object["o"] == .object([:]))
    }

    @Test func decodesEscapesAndSurrogatePairs() {
        #expect(parse(#""a\"b\\c\/d\n\t\u00e9\ud83c\udf89""#) == .string("a\"b\\c/d\n\té🎉"))
        #expect(parse("\"caf\u{e9} 日本\"") == .string("café 日本"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "01", "1.", "-", "tru", "\"unterminated",
        "\"\\ud83c\"", "\"\\x41\"", "\"tab\there\"", "{} x", "[1] [2]", "{'a': 1}", "nul",
    ])
    func refusesMalformedInput(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func refusesHostileNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parse(deep) == nil)
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(parse(fine) != nil)
    }

    /// An infinity has no JSON spelling: accepted, it would be written back as `null` (found
    /// by the json fuzz target). An underflow to zero is still a number.
    @Test func refusesNumbersBeyondDouble() {
        #expect(parse("1e400") == nil)
        #expect(parse("-61e308") == nil)
        #expect(parse(#"{"expires_on":1e309}"#) == nil)
        #expect(parse("1.7976931348623157e308") == .number(.greatestFiniteMagnitude))
        #expect(parse("1e-400") == .number(0))
    }

    @Test func objectFromBytesAcceptsOnlyObjects() {
        #expect(JSONValue.object(from: Array("[1]".utf8)) == nil)
        #expect(JSONValue.object(from: Array("{\"k\":1}".utf8))?["k"] == .number(1))
    }
}
