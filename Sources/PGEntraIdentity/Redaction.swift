import PGEntraSystem

/// Masks anything that looks like a token in text that came from outside (CLI stderr, endpoint
/// bodies) before it can reach a message: JWT-like runs (`eyJ` and 20 or more base64url
/// characters or dots, cut or whole) keep their first 6 characters, and the values of
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
            while end < rest.endIndex {
                let character = rest[end]
                guard character == "." || (character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")) else {
                    break
                }
                end = rest.index(after: end)
            }
            let candidate = rest[start.lowerBound..<end]
            output += candidate.count >= 20 ? Secret.mask(String(candidate)) : String(candidate)
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
