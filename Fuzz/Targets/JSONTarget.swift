@testable import PGEntraIdentity

extension FuzzTarget {
    /// The JSON parser every token answer, CLI output and cache file goes through
    /// (JSONParser), and the encoder the cache writes with: whatever parses must encode to
    /// text that parses back to the same value, or a token pgentra stored would read back as
    /// something else.
    static let json = FuzzTarget(
        name: "json", summary: "JSONParser, and encoding what it parsed round trip",
        seeds: [
            // JSONParserTests and JSONValueTests.
            FuzzInput.seed([], #"{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ0eXAi"}"#),
            FuzzInput.seed([], #"[1,-2.5e3,0.125,true,false,null,"a\"b\\c\/d\u00e9\ud83d\ude00",{"":[]}]"#),
            FuzzInput.seed([], #"{"expiresOn":"2023-11-14 23:13:20.000000","expires_on":1700003600,"subscription":"s","tenant":"t"}"#),
            FuzzInput.seed([], "  {\"a\" : [ 1 , 2 ] }  "),
            FuzzInput.seed([], #"{"n":9223372036854775807,"m":-9223372036854775808,"big":1e308,"tiny":5e-324}"#),
            FuzzInput.seed([], "\"\\ud800\""),
        ],
        prepare: { _ in
            { bytes in
                guard let value = JSONParser.parse(bytes) else { return }
                let text = value.encoded()
                guard let again = JSONParser.parse(Array(text.utf8)) else {
                    fatalError("JSON that parsed encodes to text that does not: \(text)")
                }
                precondition(again == value, "JSON changed in a round trip: \(text)")
                _ = value.encoded(pretty: true)
            }
        })
}
