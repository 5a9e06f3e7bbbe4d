import Testing
@testable import PGEntraIdentity

@Suite struct AccessTokenTests {
    @Test func refreshInWins() {
        let token = AccessToken(token: "t", expiresOn: Vector.now + 86400, refreshIn: 600, requestedAt: Vector.now)
        #expect(token.refreshOn == Vector.now + 600)
    }

    @Test func longLivedTokensRefreshAtHalfLife() {
        let token = AccessToken(token: "t", expiresOn: Vector.now + 86399, refreshIn: nil, requestedAt: Vector.now)
        #expect(token.refreshOn == 1_700_043_199)
    }

    @Test func shortLivedTokensHaveNoRefreshOn() {
        #expect(AccessToken(token: "t", expiresOn: Vector.now + 3599, refreshIn: nil, requestedAt: Vector.now).refreshOn == nil)
    }

    @Test func descriptionNeverHoldsMoreThanSixCharacters() {
        let secret = TestJWT.realistic()
        let token = AccessToken(token: secret, expiresOn: 5)
        #expect("\(token)" == "AccessToken(\(secret.prefix(6))…, expires 5)")
        #expect(String(reflecting: token).contains(String(secret.prefix(12))) == false, "debugDescription shows the token")
    }
}
