import Testing
@testable import PGEntraIdentity

@Suite struct TokenResponseTests {
    private func parse(_ json: String, requestedAt: Int64 = Vector.now) throws(TokenResponse.Problem) -> AccessToken {
        try TokenResponse.accessToken(from: Array(json.utf8), requestedAt: requestedAt)
    }

    // MARK: - Hostile values (issue 11)

    /// Each of these crashed pgentra with an Int64 overflow before the fields were range-checked.
    @Test(arguments: [
        #"{"access_token":"t","expires_in":"9223372036854775807"}"#,
        #"{"access_token":"t","expires_in":3600,"refresh_in":"9223372036854775807"}"#,
        #"{"access_token":"t","expires_on":"-9223372036854775808"}"#,
        #"{"access_token":"t","expires_on":"99999999999999999999"}"#,
        #"{"access_token":"t","expires_in":-99999999999}"#,
        #"{"access_token":"t","expires_in":1e300}"#,
        #"{"access_token":"t","expires_on":253402300800}"#,
    ])
    func anAbsurdTimeIsAnError(_ json: String) {
        #expect(throws: TokenResponse.Problem.self) { try parse(json) }
        do {
            _ = try parse(json)
        } catch {
            #expect(error.description.contains("is out of range"), "\(error)")
        }
    }

    @Test func anExpiryDateOutsideTheCalendarIsUnreadable() {
        #expect(throws: TokenResponse.Problem.unreadableExpiry("999999-01-01T00:00:00Z")) {
            try parse(#"{"access_token":"t","expires_on":"999999-01-01T00:00:00Z"}"#)
        }
        #expect(ExpiryDate.parse("2030-01-01T00:00:00+99999999999999:00") == nil)
        #expect(ExpiryDate.parse("1/1/9223372036854775807 1:00:00 AM") == nil)
        // A time part that is only a dot once trapped on an empty split.
        #expect(ExpiryDate.parse("2023-11-14T.") == nil)
        #expect(AzureCLICredential.epoch(fromLocalTime: "2023-11-14 .") == nil)
    }

    @Test func theExcerptOfAHugeBodyIsBounded() {
        let body = Array(("<html>" + String(repeating: "x", count: 5_000_000)).utf8)
        let excerpt = TokenResponse.excerpt(of: body)
        #expect(excerpt.count <= 61)
        #expect(excerpt.hasPrefix("<html>xxx"))
    }

    // MARK: - Vectors

    @Test func entraExpiresInIsRelativeToTheRequest() throws {
        // Vector 1: 3599 s, less than 2 h, so no refresh-on.
        let token = try parse(Vector.entraSuccess)
        #expect(token.token == Vector.token)
        #expect(token.expiresOn == 1_700_003_599)
        #expect(token.refreshOn == nil)
    }

    @Test func imdsNumericStringsGiveExpiryAndHalfLifeRefresh() throws {
        // Vector 5.
        let token = try parse("""
            {"access_token":"eyJ.p.s","client_id":"\(Vector.miClient)","expires_in":"86399","expires_on":"1700086399",\
            "ext_expires_in":"86399","not_before":"1699999700","resource":"\(Vector.resource)","token_type":"Bearer"}
            """)
        #expect(token.expiresOn == 1_700_086_399)
        #expect(token.refreshOn == 1_700_043_199)
    }

    @Test func appServiceEpochStringWithoutExpiresIn() throws {
        // Vector 6.
        let token = try parse("""
            {"access_token":"eyJ.p.s","expires_on":"1700003600","resource":"\(Vector.resource)","token_type":"Bearer","client_id":"\(Vector.miClient)"}
            """)
        #expect(token.expiresOn == 1_700_003_600)
        #expect(token.refreshOn == nil)
    }

    @Test func serviceFabricJSONNumber() throws {
        let token = try parse(#"{"token_type":"Bearer","access_token":"eyJ.p.s","expires_on":1700003600,"resource":"R"}"#)
        #expect(token.expiresOn == 1_700_003_600)
    }

    @Test(arguments: [
        ("11/14/2023 23:13:20 +00:00", Int64(1_700_003_600)),   // vector 10, Linux
        ("11/14/2023 11:13:20 PM +00:00", 1_700_003_600),        // vector 10, Windows
        ("06/20/2019 02:57:58 +00:00", 1_560_999_478),           // §4.3 Linux sample
        ("1/16/2020 5:24:12 AM +00:00", 1_579_152_252),          // §4.3 Windows sample
        ("11/14/2023 12:13:20 AM +00:00", 1_699_920_800),        // 12 AM is midnight
        ("11/14/2023 12:13:20 PM +00:00", 1_699_964_000),        // 12 PM is noon
        ("2023-11-14T23:13:20Z", 1_700_003_600),                 // RFC 3339
        ("2023-11-14T23:13:20.123456Z", 1_700_003_600),
        ("2023-11-14T23:13:20+00:00", 1_700_003_600),
        ("2023-11-15T00:13:20+01:00", 1_700_003_600),
        ("2023-11-14T18:13:20-05:00", 1_700_003_600),
        ("2023-11-14 23:13:20", 1_700_003_600),                  // MSAL Go
        ("11/14/2023 23:13:20", 1_700_003_600),                  // MSAL Go MM/DD/YYYY
    ])
    func absoluteExpiryStrings(_ text: String, _ expected: Int64) throws {
        let token = try parse(#"{"access_token":"eyJ.p.s","expires_on":"\#(text)","resource":"R","token_type":"Bearer"}"#)
        #expect(token.expiresOn == expected)
    }

    @Test func cloudShellStyleExpiresInString() throws {
        // Vector 8: only "expires_in":"3599".
        let token = try parse(#"{"access_token":"eyJ.p.s","expires_in":"3599","token_type":"Bearer"}"#)
        #expect(token.expiresOn == 1_700_003_599)
    }

    @Test func expiresOnWinsOverExpiresIn() throws {
        let token = try parse(#"{"access_token":"x","expires_in":10,"expires_on":1700003600}"#)
        #expect(token.expiresOn == 1_700_003_600)
    }

    @Test func refreshInSetsRefreshOn() throws {
        let token = try parse(#"{"access_token":"x","expires_in":86399,"refresh_in":"43199"}"#)
        #expect(token.expiresOn == 1_700_086_399)
        #expect(token.refreshOn == 1_700_043_199)
    }

    @Test func aTwoHourLifetimeRefreshesAtHalfLife() throws {
        #expect(try parse(#"{"access_token":"x","expires_in":7200}"#).refreshOn == 1_700_003_600)
        #expect(try parse(#"{"access_token":"x","expires_in":7199}"#).refreshOn == nil)
    }

    // MARK: - Problems

    @Test func missingAccessTokenIsAnError() {
        #expect(throws: TokenResponse.Problem.missingAccessToken(fields: ["expires_in", "token_type"])) {
            try parse(#"{"token_type":"Bearer","expires_in":3599}"#)
        }
        #expect(throws: TokenResponse.Problem.missingAccessToken(fields: ["access_token", "expires_in"])) {
            try parse(#"{"access_token":"","expires_in":3599}"#)
        }
    }

    @Test func missingExpiryIsAnError() {
        #expect(throws: TokenResponse.Problem.missingExpiry) { try parse(#"{"access_token":"eyJ.p.s"}"#) }
    }

    @Test func unreadableExpiryIsAnErrorNamingTheValue() {
        #expect(throws: TokenResponse.Problem.unreadableExpiry("next tuesday")) {
            try parse(#"{"access_token":"eyJ.p.s","expires_on":"next tuesday"}"#)
        }
        #expect(throws: TokenResponse.Problem.unreadableExpiry("13/45/2023 25:00:00 +00:00")) {
            try parse(#"{"access_token":"eyJ.p.s","expires_on":"13/45/2023 25:00:00 +00:00"}"#)
        }
    }

    @Test func anHTMLBodyIsNotJSONAndIsQuotedOnOneLine() {
        do throws(TokenResponse.Problem) {
            _ = try parse("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>")
            Issue.record("parsed HTML")
        } catch {
            guard case .notJSON(let excerpt) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(excerpt.hasPrefix("<html> <head><title>502 Bad Gateway"))
            #expect(!excerpt.contains("\n"))
            #expect(error.description.contains("not JSON"))
        }
    }

    @Test func aJSONArrayIsNotATokenResponse() {
        #expect(throws: TokenResponse.Problem.self) { try parse(#"[{"access_token":"x","expires_in":1}]"#) }
    }

    /// credentials.md §4.3: an unexpected response is reported with the token masked, and cli.md
    /// allows at most the first 6 characters of a token in any message.
    @Test func aTruncatedBodyNeverShowsTheToken() {
        let token = TestJWT.realistic()
        let body = #"{"access_token":"\#(token)","expires_in":"#
        do throws(TokenResponse.Problem) {
            _ = try parse(body)
            Issue.record("parsed a truncated body")
        } catch {
            #expect(!error.description.contains(String(token.prefix(12))), "\(error.description)")
        }
    }

    @Test func aBareTokenBodyNeverShowsTheToken() {
        let token = TestJWT.realistic()
        do throws(TokenResponse.Problem) {
            _ = try parse(token)
            Issue.record("parsed a bare token")
        } catch {
            #expect(!error.description.contains(String(token.prefix(12))), "\(error.description)")
        }
    }

    @Test func problemsNameTheirFieldsButNeverTheTokenValue() {
        do throws(TokenResponse.Problem) {
            _ = try parse(#"{"access_token":"eyJsecretvalue.x.y"}"#)
        } catch {
            #expect(!error.description.contains("eyJsecretvalue"))
        }
    }
}
