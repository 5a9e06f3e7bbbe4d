import Foundation

/// Why a request could not be read; each maps to either a short error answer or a silent close.
enum HTTPReadError: Error {
    /// The client went away, or sent nothing within the read timeout: nothing to answer.
    case closed
    case malformed(String)
    case tooLarge
    case lengthRequired
}

/// Reads one HTTP/1.x request: a head of at most 64 KiB, then a `Content-Length` body of at most
/// 1 MiB. Lenient where the test scripts are sloppy (bare `\n` line ends, spaces in a raw query,
/// no `Host` on HTTP/1.0), strict where leniency would hang (chunked bodies are refused).
struct HTTPRequestReader {
    static let maximumHeadSize = 64 * 1024
    static let maximumBodySize = 1024 * 1024
    /// A bound on the whole request, on top of the per-read socket timeout, so a client that
    /// trickles bytes cannot hold a thread forever.
    static let overallLimit: TimeInterval = 60

    let stream: ClientStream
    let isTLS: Bool
    let localPort: Int

    func read() throws(HTTPReadError) -> HTTPRequest {
        let deadline = Date().addingTimeInterval(HTTPRequestReader.overallLimit)
        var received: [UInt8] = []
        var chunk: [UInt8] = []
        var headEnd: (head: Int, body: Int)?
        while headEnd == nil {
            guard received.count < HTTPRequestReader.maximumHeadSize else { throw .tooLarge }
            try readMore(into: &received, chunk: &chunk, deadline: deadline)
            headEnd = HTTPRequestReader.findHeadEnd(received)
        }
        guard let headEnd else { throw .closed }
        let head = Array(received[..<headEnd.head])
        let (method, target, version, headers) = try HTTPRequestReader.parseHead(head)

        var body = Array(received[headEnd.body...])
        if headers.contains(where: { $0.name == "transfer-encoding" }) { throw .lengthRequired }
        let lengthText = headers.first { $0.name == "content-length" }?.value ?? "0"
        guard let length = Int(lengthText.trimmingCharacters(in: .whitespaces)), length >= 0 else {
            throw .malformed("invalid Content-Length")
        }
        guard length <= HTTPRequestReader.maximumBodySize else { throw .tooLarge }
        if length > body.count,
           headers.contains(where: { $0.name == "expect" && $0.value.lowercased() == "100-continue" })
        {
            _ = stream.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        while body.count < length {
            try readMore(into: &body, chunk: &chunk, deadline: deadline)
        }
        body = Array(body.prefix(length))

        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequest(method: method, path: String(parts[0]), rawQuery: parts.count > 1 ? String(parts[1]) : "",
                           version: version, headers: headers, body: body, isTLS: isTLS, localPort: localPort)
    }

    private func readMore(into buffer: inout [UInt8], chunk: inout [UInt8], deadline: Date) throws(HTTPReadError) {
        guard Date() < deadline else { throw .closed }
        let count = stream.read(into: &chunk, maximum: 16 * 1024)
        guard count > 0 else { throw .closed }
        buffer.append(contentsOf: chunk[..<count])
    }

    /// Where the head ends (`\r\n\r\n`, or `\n\n` from hand-written clients) and the body starts.
    static func findHeadEnd(_ bytes: [UInt8]) -> (head: Int, body: Int)? {
        let newline = UInt8(ascii: "\n")
        var index = 0
        while let found = bytes[index...].firstIndex(of: newline) {
            let next = found + 1
            if next < bytes.count, bytes[next] == newline { return (found, next + 1) }
            if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\r"), bytes[next + 1] == newline {
                return (found, next + 2)
            }
            index = next
        }
        return nil
    }

    /// Splits the request line and headers. The target is everything between the method and the
    /// version, so a raw query with spaces (a fake CLI script's `scope=a b`) still parses.
    static func parseHead(_ head: [UInt8]) throws(HTTPReadError)
        -> (method: String, target: String, version: String, headers: [HTTPRequest.Header])
    {
        // Split on bytes: in Swift "\r\n" is a single Character and would not match "\n".
        let lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0[...], as: UTF8.self) }
        let words = lines[0].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 3, let version = words.last, version.hasPrefix("HTTP/1."),
              words[1].hasPrefix("/")
        else { throw .malformed("bad request line") }
        let target = words[1..<(words.count - 1)].joined(separator: " ")
        var headers: [HTTPRequest.Header] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("bad header line") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPRequest.Header(name: name, value: value))
        }
        return (words[0], target, version, headers)
    }
}
