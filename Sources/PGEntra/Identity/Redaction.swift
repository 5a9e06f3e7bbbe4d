/// Masks anything that looks like a token in text that came from outside (CLI stderr, endpoint
/// bodies) before it can reach a message: JWTs keep their first 6 characters, and the values of
/// `accessToken`/`access_token`/`token` fields become `****`.
enum Redaction {
    static func redact(_ text: String) -> String {
        var result = maskJSONFields(text)
        result = maskJWTs(result)
        return result
    }

    private static func maskJWTs(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "eyJ") {
            output += rest[..<start.lowerBound]
            var end = start.lowerBound
            var dots = 0
            while end < rest.endIndex {
                let character = rest[end]
                if character == "." {
                    dots += 1
                } else if !(character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")) {
                    break
                }
                end = rest.index(after: end)
            }
            let candidate = rest[start.lowerBound..<end]
            output += dots >= 1 && candidate.count > 20 ? AccessToken.mask(String(candidate)) : String(candidate)
            rest = rest[end...]
        }
        return output + rest
    }

    private static func maskJSONFields(_ text: String) -> String {
        var result = text
        for field in ["\"accessToken\"", "\"access_token\"", "\"token\"", "\"refresh_token\"", "\"client_secret\""] {
            var searchStart = result.startIndex
            while let found = result[searchStart...].firstRange(of: field) {
                let key = found
                var index = key.upperBound
                while index < result.endIndex, result[index] == " " || result[index] == ":" { index = result.index(after: index) }
                guard index < result.endIndex, result[index] == "\"" else { searchStart = key.upperBound; continue }
                let valueStart = result.index(after: index)
                var valueEnd = valueStart
                while valueEnd < result.endIndex, result[valueEnd] != "\"" { valueEnd = result.index(after: valueEnd) }
                result.replaceSubrange(valueStart..<valueEnd, with: "****")
                searchStart = result.index(valueStart, offsetBy: 4, limitedBy: result.endIndex) ?? result.endIndex
            }
        }
        return result
    }
}
