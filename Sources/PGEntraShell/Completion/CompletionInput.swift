/// The text before the cursor as Tab completion sees it (psql's `get_previous_words`, with a
/// real lexer): the word being completed, and either the words of the SQL statement it belongs
/// to (comments dropped, strings kept whole, earlier statements cut off at `;`) or the
/// meta-command whose arguments are being typed.
struct CompletionInput: Equatable {
    /// Characters that end a word, as libedit is told (`rl_basic_word_break_characters`):
    /// psql's WORD_BREAKS plus the comma, so `a,b` completes `b`.
    static let wordBreaks = " \t\n@$><=;|&{(),"

    enum Mode: Equatable {
        /// Words of the statement so far, one per token, with their parenthesis depth, and the
        /// depth at the cursor.
        case sql([Token], depth: Int)
        /// `\name` with the whole arguments before the word.
        case metaCommand(name: String, arguments: [String])
        /// Inside a string literal, quoted identifier, dollar quote or comment: nothing to offer.
        case literal
    }

    struct Token: Equatable {
        var text: String
        var depth: Int
        /// An identifier or keyword (quoted or not), as opposed to punctuation, operators, literals.
        var isName: Bool
    }

    let word: String
    let mode: Mode
    /// What psql's rules read as PreviousWords: the SQL statement's text before the word (from
    /// after the last `;`), or the backslash command's line before it.
    let statement: String

    init(_ before: String) {
        let scalars = Array(before.unicodeScalars)
        var start = scalars.count
        while start > 0, !Self.wordBreaks.unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
        word = String(String.UnicodeScalarView(scalars[start...]))
        var lexer = Lexer(Array(scalars[..<start]))
        mode = lexer.run()
        statement = String(String.UnicodeScalarView(scalars[lexer.statementStart..<start]))
    }
}

extension CompletionInput {
    /// The words of `after` (the line after the cursor) up to the end of the statement, at
    /// depths counted on from `depth`; the rest of a word the cursor is inside is skipped.
    static func followingTokens(_ after: String, depth: Int) -> [Token] {
        let scalars = Array(after.unicodeScalars)
        var start = 0
        while start < scalars.count, !wordBreaks.unicodeScalars.contains(scalars[start]) { start += 1 }
        var lexer = Lexer(Array(scalars[start...]))
        lexer.depth = depth
        lexer.stopsAtStatementEnd = true
        guard case .sql(let tokens, _) = lexer.run() else { return lexer.tokens }
        return tokens
    }
}

extension CompletionInput {
    /// A small SQL lexer: enough of psqlscan's rules to find words, skip comments and strings,
    /// and see where a meta-command begins.
    private struct Lexer {
        let text: [Unicode.Scalar]
        var index = 0
        var tokens: [Token] = []
        var depth = 0
        /// Where the statement being typed begins: after the last `;` outside quotes.
        var statementStart = 0
        /// Reading what follows the cursor: a `;` ends the statement and the reading.
        var stopsAtStatementEnd = false

        init(_ text: [Unicode.Scalar]) { self.text = text }

        private func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < text.count ? text[index + offset] : nil
        }

        private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.properties.isAlphabetic || c.value >= 0x80
        }

        private static func isNamePart(_ c: Unicode.Scalar) -> Bool {
            isNameStart(c) || ("0"..."9").contains(c) || c == "$" || c == "."
        }

        private static let operatorCharacters = Set("+-*/<>=~!@#%^&|`?".unicodeScalars)

        private func string(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(text[range]))
        }

        mutating func run() -> Mode {
            while index < text.count {
                let c = text[index]
                let begin = index
                switch c {
                case " ", "\t", "\n", "\r", "\u{0C}":
                    index += 1
                case "-" where at(1) == "-":
                    while index < text.count, text[index] != "\n" { index += 1 }
                case "/" where at(1) == "*":
                    guard skipComment() else { return .literal }
                case "'":
                    guard skipQuoted("'") else { return .literal }
                    tokens.append(Token(text: string(begin..<index), depth: depth, isName: false))
                case "\"":
                    guard name() else { return .literal }
                case "$":
                    if let tag = dollarTag() {
                        guard skipDollarQuoted(tag) else { return .literal }
                        tokens.append(Token(text: string(begin..<index), depth: depth, isName: false))
                    } else {
                        index += 1
                        while let d = at(0), ("0"..."9").contains(d) { index += 1 }
                        tokens.append(Token(text: string(begin..<index), depth: depth, isName: false))
                    }
                case "\\":
                    if let mode = metaCommand() { return mode }
                case "(", "[":
                    tokens.append(Token(text: String(c), depth: depth, isName: false))
                    depth += 1
                    index += 1
                case ")", "]":
                    depth = max(0, depth - 1)
                    tokens.append(Token(text: String(c), depth: depth, isName: false))
                    index += 1
                case ";" where stopsAtStatementEnd:
                    return .sql(tokens, depth: depth)
                case ";":
                    tokens = []
                    depth = 0
                    index += 1
                    statementStart = index
                case ":":
                    index += 1
                    if at(0) == ":" { index += 1 } else { while let d = at(0), Self.isNamePart(d) || d == "'" || d == "\"" { index += 1 } }
                    tokens.append(Token(text: string(begin..<index), depth: depth, isName: false))
                case _ where Self.isNameStart(c):
                    guard name() else { return .literal }
                case _ where ("0"..."9").contains(c):
                    while let d = at(0), Self.isNamePart(d) { index += 1 }
                    tokens.append(Token(text: string(begin..<index), depth: depth, isName: false))
                case _ where Self.operatorCharacters.contains(c):
                    while let d = at(0), Self.operatorCharacters.contains(d),
                        !(d == "-" && at(1) == "-"), !(d == "/" && at(1) == "*") { index += 1 }
                    if index == begin { index += 1 }
                    tokens.append(Token(text: string(begin..<index), depth: depth, isName: false))
                default:
                    tokens.append(Token(text: String(c), depth: depth, isName: false))
                    index += 1
                }
            }
            return .sql(tokens, depth: depth)
        }

        /// An identifier, possibly qualified and partly quoted (`public."My Table"`); false if a
        /// quote is left open.
        private mutating func name() -> Bool {
            let begin = index
            while let c = at(0) {
                if c == "\"" {
                    guard skipQuoted("\"") else { return false }
                } else if Self.isNamePart(c) {
                    index += 1
                } else {
                    break
                }
            }
            let word = string(begin..<index)
            // E'...', B'...', X'...', U&'...': a prefixed string literal is one token.
            if at(0) == "'", ["e", "b", "x", "n"].contains(word.lowercased()) {
                guard skipQuoted("'") else { return false }
                tokens.append(Token(text: string(begin..<index), depth: depth, isName: false))
                return true
            }
            tokens.append(Token(text: word, depth: depth, isName: true))
            return true
        }

        private mutating func skipQuoted(_ quote: Unicode.Scalar) -> Bool {
            index += 1
            while index < text.count {
                if text[index] == quote {
                    if at(1) == quote { index += 2; continue }
                    index += 1
                    return true
                }
                index += 1
            }
            return false
        }

        private mutating func skipComment() -> Bool {
            var nesting = 0
            while index < text.count {
                if text[index] == "/", at(1) == "*" {
                    nesting += 1
                    index += 2
                } else if text[index] == "*", at(1) == "/" {
                    nesting -= 1
                    index += 2
                    if nesting == 0 { return true }
                } else {
                    index += 1
                }
            }
            return false
        }

        private func dollarTag() -> String? {
            var end = index + 1
            while end < text.count, text[end] != "$" {
                guard Self.isNameStart(text[end]) || (end > index + 1 && ("0"..."9").contains(text[end])) else { return nil }
                end += 1
            }
            guard end < text.count else { return nil }
            return string(index..<(end + 1))
        }

        private mutating func skipDollarQuoted(_ tag: String) -> Bool {
            let tagScalars = Array(tag.unicodeScalars)
            index += tagScalars.count
            while index + tagScalars.count <= text.count {
                if Array(text[index..<(index + tagScalars.count)]) == tagScalars {
                    index += tagScalars.count
                    return true
                }
                index += 1
            }
            index = text.count
            return false
        }

        /// A backslash command runs to the end of its line. One still being typed (no newline
        /// after it) is what the cursor is in; a finished one leaves the statement as it was.
        private mutating func metaCommand() -> Mode? {
            var end = index
            while end < text.count, text[end] != "\n" { end += 1 }
            let line = Array(text[(index + 1)..<end])
            let begin = index
            index = end
            guard end == text.count else { return nil }
            // psql's backslash rules read the command's own words (`\dt`, its arguments).
            statementStart = begin
            // The name runs to the first blank, modifiers included (`\dt+`, `\dS`).
            var nameEnd = 0
            while nameEnd < line.count, !Self.isSpace(line[nameEnd]) { nameEnd += 1 }
            let name = String(String.UnicodeScalarView(line[..<nameEnd]))
            return .metaCommand(name: name, arguments: Self.arguments(Array(line[nameEnd...])))
        }

        private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\r" }

        /// Whitespace-separated arguments, quotes kept, as `MetaCommandArgument` reads them.
        private static func arguments(_ text: [Unicode.Scalar]) -> [String] {
            var result: [String] = []
            var current = String.UnicodeScalarView()
            var quote: Unicode.Scalar?
            for c in text {
                if let open = quote {
                    current.append(c)
                    if c == open { quote = nil }
                } else if isSpace(c) {
                    if !current.isEmpty { result.append(String(current)) }
                    current = String.UnicodeScalarView()
                } else {
                    if c == "'" || c == "\"" || c == "`" { quote = c }
                    current.append(c)
                }
            }
            if !current.isEmpty { result.append(String(current)) }
            return result
        }
    }
}
