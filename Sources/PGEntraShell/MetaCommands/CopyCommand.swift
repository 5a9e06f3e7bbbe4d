/// `\copy`'s arguments parsed as psql's parse_slash_copy does: what precedes FROM/TO, the
/// direction, the file (or program, or stdin/stdout), and the options after it.
struct CopyCommand: Equatable {
    var beforeToFrom: String
    var from: Bool
    /// nil for stdin/stdout (the script or the query output) and pstdin/pstdout.
    var file: String?
    var program = false
    var psqlInOut = false
    var afterToFrom: String?

    /// The statement sent to the server.
    var sql: String {
        "COPY " + beforeToFrom + (from ? " FROM STDIN " : " TO STDOUT ") + (afterToFrom ?? "")
    }

    /// psql's messages: `arguments required`, `parse error at "x"`, `parse error at end of line`.
    enum ParseError: Error, Equatable {
        case noArguments
        case at(String?)

        var description: String {
            switch self {
            case .noArguments: "\\copy: arguments required"
            case .at(let token?): "\\copy: parse error at \"\(token)\""
            case .at(nil): "\\copy: parse error at end of line"
            }
        }
    }

    /// `home` replaces a leading `~` of a file name (psql's expand_tilde).
    static func parse(_ text: String?, home: String = "~") throws(ParseError) -> CopyCommand {
        guard let text, !text.isEmpty else { throw .noArguments }
        var tokens = Tokenizer(Array(text.utf8))
        guard var token = tokens.next(delimiters: ".,()", quotes: "\"") else { throw .at(nil) }
        var before = " " + token
        if token == "(" {
            var depth = 1
            while depth > 0 {
                guard let inner = tokens.next(delimiters: "()", quotes: "\"'") else { throw .at(nil) }
                if inner.hasPrefix("(") { depth += 1 } else if inner.hasPrefix(")") { depth -= 1 }
                before += " " + inner
            }
        }
        guard let next = tokens.next(delimiters: ".,()", quotes: "\"") else { throw .at(nil) }
        token = next
        if token.lowercased() == "binary" {
            before += " " + token
            guard let next = tokens.next(delimiters: ".,()", quotes: "\"") else { throw .at(nil) }
            token = next
        }
        if token == "." {
            before += token
            guard let name = tokens.next(delimiters: ".,()", quotes: "\"") else { throw .at(nil) }
            before += name
            guard let next = tokens.next(delimiters: ".,()", quotes: "\"") else { throw .at(nil) }
            token = next
        }
        if token == "(" {
            while true {
                before += " " + token
                if token == ")" { break }
                guard let next = tokens.next(delimiters: "()", quotes: "\"") else { throw .at(nil) }
                token = next
            }
            guard let next = tokens.next(delimiters: ".,()", quotes: "\"") else { throw .at(nil) }
            token = next
        }
        var command = CopyCommand(beforeToFrom: before, from: true)
        switch token.lowercased() {
        case "from": command.from = true
        case "to": command.from = false
        default: throw .at(token)
        }
        guard var target = tokens.next(delimiters: ";", quotes: "'") else { throw .at(nil) }
        switch target.lowercased() {
        case "program":
            guard let program = tokens.next(delimiters: ";", quotes: "'") else { throw .at(nil) }
            guard program.count >= 2, program.hasPrefix("'"), program.hasSuffix("'") else { throw .at(program) }
            command.program = true
            command.file = Self.stripQuotes(program)
        case "stdin", "stdout":
            command.file = nil
        case "pstdin", "pstdout":
            command.psqlInOut = true
        default:
            target = Self.stripQuotes(target)
            command.file = MetaCommands.expandTilde(target, home: home)
        }
        let rest = tokens.rest()
        command.afterToFrom = rest.isEmpty ? nil : rest
        return command
    }

    /// strip_quotes: outer single quotes gone, `''` inside one quote.
    static func stripQuotes(_ text: String) -> String {
        var result = ""
        var inQuote = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == "'" {
                if inQuote, characters.first == "'" {
                    result.append("'")
                    characters.removeFirst()
                } else {
                    inQuote.toggle()
                }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A small strtokx: whitespace separates, each delimiter is a token, quoted runs stay whole.
    struct Tokenizer {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }

        mutating func next(delimiters: String, quotes: String) -> String? {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            let delimiterSet = Set(delimiters.utf8)
            let quoteSet = Set(quotes.utf8)
            let start = index
            if delimiterSet.contains(bytes[index]) {
                index += 1
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
            while index < bytes.count, !Self.isSpace(bytes[index]), !delimiterSet.contains(bytes[index]) {
                if quoteSet.contains(bytes[index]) {
                    let quote = bytes[index]
                    index += 1
                    while index < bytes.count {
                        if bytes[index] == quote {
                            if index + 1 < bytes.count && bytes[index + 1] == quote { index += 2; continue }
                            break
                        }
                        index += 1
                    }
                    if index < bytes.count { index += 1 }
                } else {
                    index += 1
                }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// What is left after the leading whitespace.
        mutating func rest() -> String {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            defer { index = bytes.count }
            return String(decoding: bytes[min(index, bytes.count)...], as: UTF8.self)
        }
    }
}
