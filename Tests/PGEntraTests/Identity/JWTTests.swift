import Foundation
import Testing
@testable import PGEntraIdentity

@Suite struct JWTTests {
    @Test func decodesHeaderAndClaimsOfARealToken() throws {
        let token = TestJWT.make(["upn": "alice@contoso.com", "tid": Vector.tenant, "exp": 1_700_003_600, "iat": 1_700_000_000])
        let jwt = try JWT(decoding: token)
        #expect(jwt.header["alg"] == .string("RS256"))
        #expect(jwt.claims["upn"] == "alice@contoso.com")
        #expect(jwt.claims.tenant == Vector.tenant)
        #expect(jwt.claims.expiresAt == 1_700_003_600)
        #expect(jwt.claims.issuedAt == 1_700_000_000)
    }

    /// Payload lengths 0, 1 and 2 mod 3 give base64url with no, two and one padding characters
    /// removed; the `?>` and `~` characters give `-` and `_` in the alphabet.
    @Test(arguments: ["a", "ab", "abc", "??>>~~", "é€𝄞", String(repeating: "x", count: 301)])
    func decodesUnpaddedBase64URL(_ name: String) throws {
        let token = TestJWT.make(["name": name])
        #expect(!token.contains("="))
        #expect(try JWT(decoding: token).claims["name"] == name)
    }

    @Test func urlSafeAlphabetIsDecoded() throws {
        // {"k":"??>"} encodes with '/' and '+' in standard base64.
        let payload = TestJWT.encode(["k": "??>?>>"])
        #expect(payload.contains("-") || payload.contains("_"))
        let token = TestJWT.encode(["alg": "none"]) + "." + payload + ".sig"
        #expect(try JWT(decoding: token).claims["k"] == "??>?>>")
    }

    @Test func paddedBase64URLIsAcceptedToo() throws {
        let header = TestJWT.encode(["alg": "none"])
        var payload = TestJWT.encode(["a": "b"])
        while payload.count % 4 != 0 { payload += "=" }
        #expect(try JWT(decoding: "\(header).\(payload).").claims["a"] == "b")
    }

    @Test func twoPartsIsNotAJWT() {
        #expect(throws: JWT.DecodingError.notThreeParts(2)) {
            try JWT(decoding: TestJWT.encode(["alg": "none"]) + "." + TestJWT.encode(["a": "b"]))
        }
    }

    @Test func anyOtherNumberOfPartsIsNotAJWT() {
        #expect(throws: JWT.DecodingError.notThreeParts(1)) { try JWT(decoding: "") }
        #expect(throws: JWT.DecodingError.notThreeParts(1)) { try JWT(decoding: "opaque-token") }
        #expect(throws: JWT.DecodingError.notThreeParts(5)) { try JWT(decoding: "a.b.c.d.e") }
    }

    @Test func badBase64IsReportedByPart() {
        let good = TestJWT.encode(["alg": "none"])
        #expect(throws: JWT.DecodingError.invalidBase64(part: "header")) { try JWT(decoding: "@@@@.\(good).s") }
        #expect(throws: JWT.DecodingError.invalidBase64(part: "payload")) { try JWT(decoding: "\(good).a!b$.s") }
        // One character more than a multiple of 4 can never be base64.
        #expect(throws: JWT.DecodingError.invalidBase64(part: "payload")) { try JWT(decoding: "\(good).abcde.s") }
    }

    @Test func aPayloadThatIsNotAJSONObjectIsRejected() {
        let header = TestJWT.encode(["alg": "none"])
        let notJSON = TestJWT.base64URL(Data("hello, world".utf8))
        let array = TestJWT.base64URL(Data("[1,2]".utf8))
        #expect(throws: JWT.DecodingError.notJSONObject(part: "payload")) { try JWT(decoding: "\(header).\(notJSON).s") }
        #expect(throws: JWT.DecodingError.notJSONObject(part: "payload")) { try JWT(decoding: "\(header).\(array).s") }
        #expect(throws: JWT.DecodingError.notJSONObject(part: "header")) { try JWT(decoding: "\(notJSON).\(header).s") }
    }

    @Test func theVectorsPlaceholderTokenIsNotAJWT() {
        // credentials.md uses `eyJ.p.s` as a stand-in; it must fail cleanly, not crash.
        #expect(throws: JWT.DecodingError.self) { try JWT(decoding: Vector.token) }
    }

    @Test(arguments: [
        "a.b", "..", "...", "eyJhbGciOi.eyJ.", "\u{0}.\u{0}.\u{0}", "é.é.é", "==.==.==", "-_-.-_-.-_-",
        String(repeating: ".", count: 1000),
    ])
    func malformedInputNeverCrashes(_ input: String) {
        #expect(throws: JWT.DecodingError.self) { try JWT(decoding: input) }
    }

    @Test func errorTextNeverContainsTheToken() {
        let secretHeader = TestJWT.base64URL(Data("{\"alg\":\"RS256\",\"kid\":\"SECRETKID123456\"}".utf8))
        let secretPayload = TestJWT.base64URL(Data("not json SECRETPAYLOAD".utf8))
        let inputs = [
            "\(secretHeader).\(secretPayload).SIGNATURE123",
            "\(secretHeader).\(secretPayload)",
            "SECRETPART1!.\(secretPayload).SIGNATURE123",
        ]
        for input in inputs {
            do {
                _ = try JWT(decoding: input)
                Issue.record("decoded \(input)")
            } catch {
                for part in input.split(separator: ".") {
                    #expect(!String(describing: error).contains(part))
                }
                #expect(!String(describing: error).contains("SECRET"))
            }
        }
    }
}
