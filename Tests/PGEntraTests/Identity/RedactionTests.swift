import Testing
@testable import PGEntraIdentity
@testable import PGEntraSystem

@Suite struct RedactionTests {
    @Test(arguments: ["accessToken", "access_token", "token", "refresh_token", "client_secret"])
    func secretJSONFieldsAreMasked(_ field: String) {
        let text = #"{"\#(field)": "abc.def-secret-value", "expiresOn": "2023-11-14"}"#
        let redacted = Redaction.redact(text)
        #expect(redacted == #"{"\#(field)": "****", "expiresOn": "2023-11-14"}"#)
    }

    @Test func compactFieldsAndRepeatedFieldsAreAllMasked() {
        let text = #"{"access_token":"one","refresh_token":"two","access_token":"three"}"#
        #expect(Redaction.redact(text) == #"{"access_token":"****","refresh_token":"****","access_token":"****"}"#)
    }

    @Test func anUnterminatedValueIsMaskedToTheEnd() {
        #expect(Redaction.redact(#"{"accessToken": "eyJabc.def"#) == #"{"accessToken": "****"#)
    }

    @Test func jwtsKeepOnlyTheirFirstSixCharacters() {
        let token = TestJWT.realistic()
        let redacted = Redaction.redact("ERROR: token \(token) was rejected")
        #expect(redacted == "ERROR: token \(String(token.prefix(6)))… was rejected")
    }

    @Test func severalJWTsAreEachMasked() {
        let a = TestJWT.make(["a": 1])
        let b = TestJWT.make(["b": 2])
        let redacted = Redaction.redact("\(a) and \(b)")
        #expect(!redacted.contains(String(a.prefix(12))))
        #expect(!redacted.contains(String(b.prefix(12))))
        #expect(redacted.contains(" and "))
    }

    @Test func ordinaryTextIsUntouched() {
        for text in [
            "Please run 'az login' to set up an account", "AADSTS7000215: Invalid client secret provided.",
            "keyJar is fine", "eyJ", "eyJshort.x", "", "tokens: 3", #"{"token_type":"Bearer"}"#,
        ] {
            #expect(Redaction.redact(text) == text)
        }
    }

    @Test func aFieldWithoutAStringValueIsLeftAlone() {
        #expect(Redaction.redact(#"{"token": null, "accessToken": 5}"#) == #"{"token": null, "accessToken": 5}"#)
    }

    @Test func theMaskShowsAtMostSixCharacters() {
        #expect(Secret.mask("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9") == "eyJ0eX…")
        #expect(Secret.mask("abc") == "abc…")
        let token = AccessToken(token: "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.payload.sig", expiresOn: 1)
        #expect(token.description == "AccessToken(eyJ0eX…, expires 1)")
        #expect(!"\(token)".contains("payload"))
    }
}
