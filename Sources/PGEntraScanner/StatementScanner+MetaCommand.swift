import PGEntraSystem

/// psql's backslash-command lexer (psqlscanslash.l), reading the same input as the SQL scanner
/// right after `scan` returned `.backslash`:
///
/// ```swift
/// let name = scanner.metaCommandName()                     // "echo", "dt+", "" for a lone `\`
/// while let argument = scanner.metaCommandArgument(.normal, variables: session, shell: run) { ... }
/// scanner.endMetaCommand()                                 // eats `\\`, then SQL resumes
/// ```
///
/// The command name runs to whitespace or the next backslash. Arguments are read one at a time
/// because the command decides how (`MetaCommandArgumentMode`); each ends at whitespace, at a
/// `\` (the next command, or `\\` back to SQL) or at the end of the line. psql then reads any
/// surplus arguments with `.normal` and no variables or shell (to warn "extra argument
/// ignored"), or, after a failed command, discards the rest with `.wholeLine`.
extension StatementScanner {
    /// psql_scan_slash_command: the command name after the backslash.
    package mutating func metaCommandName() -> String {
        var name: [UInt8] = []
        reading: while let frame = inputs.currentFrameIndex() {
            let bytes = inputs.bytes(at: frame)
            let classes = inputs.classes(at: frame)
            var index = inputs.position(at: frame)
            while index < bytes.count {
                let byte = classes[index]
                if ScanByte.isSpace(byte) || byte == ScanByte.backslash {
                    inputs.setPosition(index, at: frame)
                    break reading
                }
                name.append(bytes[index])
                index += 1
            }
            inputs.setPosition(index, at: frame)
        }
        state.condition = .initial
        return String(decoding: name, as: UTF8.self)
    }

    /// psql_scan_slash_option: the next argument, or nil when there is none (or it had an
    /// unterminated quote, which is reported in `diagnostics`).
    ///
    /// - Parameters:
    ///   - mode: how to lex it; see `MetaCommandArgumentMode`.
    ///   - stripTrailingSemicolons: drop unquoted trailing `;`s (`\c mydb;`), as many commands ask.
    ///   - variables: resolves `:name`, `:'name'`, `:"name"`, `:{?name}`; nil substitutes nothing.
    ///   - shell: runs a backquoted command and returns its standard output (nil on failure,
    ///     having reported it); one trailing newline is removed. Nil leaves the command text
    ///     unevaluated, as psql does in an inactive `\if` branch.
    package mutating func metaCommandArgument(
        _ mode: MetaCommandArgumentMode = .normal,
        stripTrailingSemicolons: Bool = false,
        variables: (any VariableResolver)?,
        shell: ((String) -> String?)? = nil
    ) -> MetaCommandArgument? {
        var lexer = ArgumentLexer(mode: mode)
        while !lexer.isFinished, let frame = inputs.currentFrameIndex() {
            let start = inputs.position(at: frame)
            let end = inputs.frame(at: frame).withText { text in
                lexer.lex(text, from: start, scanner: &self, variables: variables, shell: shell)
            }
            inputs.setPosition(end, at: frame)
        }
        state.condition = .initial
        return lexer.finish(stripTrailingSemicolons: stripTrailingSemicolons, scanner: &self)
    }

    /// psql_scan_slash_command_end: eats a `\\` right after the command, so that scanning
    /// resumes with the SQL after it (`\set x 1 \\ select :x;`).
    package mutating func endMetaCommand() {
        if let frame = inputs.currentFrameIndex() {
            let bytes = inputs.classes(at: frame)
            let index = inputs.position(at: frame)
            if index + 1 < bytes.count && bytes[index] == ScanByte.backslash && bytes[index + 1] == ScanByte.backslash {
                inputs.setPosition(index + 2, at: frame)
            }
        }
        state.condition = .initial
    }

    /// Reads a whole meta-command: its name, every argument in the mode `modes` gives for the
    /// name (the shell's MetaCommandTable knows the commands), and a trailing `\\`. Suits
    /// commands whose arguments are all alike; others should read them one by one.
    mutating func metaCommand(
        modes: (String) -> MetaCommandArgumentMode, variables: (any VariableResolver)?, shell: ((String) -> String?)? = nil
    ) -> MetaCommandLine {
        let name = metaCommandName()
        let mode = modes(name)
        var arguments: [MetaCommandArgument] = []
        while let argument = metaCommandArgument(mode, variables: variables, shell: shell) {
            arguments.append(argument)
        }
        endMetaCommand()
        return MetaCommandLine(name: name, arguments: arguments)
    }
}

/// The state of lexing one meta-command argument, which may span several input frames (a
/// variable's value and the rest of the line): psqlscanslash.l's start conditions and the
/// static variables it keeps per argument.
package struct ArgumentLexer {
    enum Condition {
        /// xslashargstart: skipping whitespace before the argument.
        case start
        /// xslasharg: unquoted text.
        case unquoted
        /// xslashquote: `'...'` with `''` and C escapes.
        case singleQuoted
        /// xslashbackquote: `` `...` `` with variables, to be run.
        case backquoted
        /// xslashdquote: `"..."`, copied with its quotes.
        case doubleQuoted
        /// xslashwholeline: everything to the end of the line.
        case wholeLine
    }

    let mode: MetaCommandArgumentMode
    var condition: Condition
    var output: [UInt8] = []
    var quoting: ArgumentQuoting?
    /// Unquoted bytes at the end of the output, the only `;`s that may be stripped.
    var unquotedTail = 0
    /// Where the backquoted command began in `output`.
    var backquoteStart = 0
    var isFinished = false

    init(mode: MetaCommandArgumentMode) {
        self.mode = mode
        condition = mode == .wholeLine ? .wholeLine : .start
    }

    /// Lexes from `start` in `text` until the argument ends or the text does; returns where it
    /// stopped.
    mutating func lex(
        _ text: ScanText, from start: Int, scanner: inout StatementScanner,
        variables: (any VariableResolver)?, shell: ((String) -> String?)?
    ) -> Int {
        var index = start
        let count = text.count
        while index < count {
            let byte = text[index]
            switch condition {
            case .start:
                if ScanByte.isSpace(byte) {
                    index += 1
                } else if byte == ScanByte.pipe && mode == .filePipe {
                    output.append(text.copy(at: index))
                    condition = .wholeLine
                    index += 1
                } else {
                    condition = .unquoted
                }

            case .unquoted:
                if ScanByte.isSpace(byte) || byte == ScanByte.backslash {
                    isFinished = true
                    return index
                }
                switch byte {
                case ScanByte.singleQuote:
                    quoting = .single
                    unquotedTail = 0
                    condition = .singleQuoted
                    index += 1
                case ScanByte.backquote:
                    backquoteStart = output.count
                    quoting = .backquote
                    unquotedTail = 0
                    condition = .backquoted
                    index += 1
                case ScanByte.doubleQuote:
                    output.append(text.copy(at: index))
                    quoting = .double
                    unquotedTail = 0
                    condition = .doubleQuoted
                    index += 1
                case ScanByte.colon:
                    if let end = interpolate(text, at: index, scanner: &scanner, variables: variables) {
                        index = end
                    } else {
                        output.append(text.copy(at: index))
                        unquotedTail += 1
                        index += 1
                    }
                default:
                    output.append(text.copy(at: index))
                    unquotedTail += 1
                    index += 1
                }

            case .singleQuoted:
                index = lexSingleQuoted(text, at: index)

            case .backquoted:
                if byte == ScanByte.backquote {
                    if let shell { runBackquoted(shell) }
                    condition = .unquoted
                    index += 1
                } else if byte == ScanByte.colon, let end = interpolateInBackquotes(text, at: index, scanner: &scanner, variables: variables) {
                    index = end
                } else {
                    output.append(text.copy(at: index))
                    index += 1
                }

            case .doubleQuoted:
                output.append(text.copy(at: index))
                if byte == ScanByte.doubleQuote { condition = .unquoted }
                index += 1

            case .wholeLine:
                if ScanByte.isSpace(byte) && output.isEmpty {
                    index += 1
                } else {
                    output.append(text.copy(at: index))
                    index += 1
                }
            }
        }
        return index
    }

    /// One token inside `'...'`: the closing quote, `''`, a C escape, or a plain byte.
    private mutating func lexSingleQuoted(_ text: ScanText, at index: Int) -> Int {
        let byte = text[index]
        if byte == ScanByte.singleQuote {
            if text.at(index + 1) == ScanByte.singleQuote {
                output.append(ScanByte.singleQuote)
                return index + 2
            }
            condition = .unquoted
            return index + 1
        }
        guard byte == ScanByte.backslash, let next = text.at(index + 1), next != ScanByte.newline else {
            output.append(text.copy(at: index))
            return index + 1
        }
        switch next {
        case UInt8(ascii: "n"): output.append(ScanByte.newline)
        case UInt8(ascii: "t"): output.append(ScanByte.tab)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "r"): output.append(ScanByte.carriageReturn)
        case UInt8(ascii: "f"): output.append(ScanByte.formFeed)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            // `\ooo`: up to three octal digits, kept to a byte as psql's `(char)` cast does.
            var value = 0
            var end = index + 1
            while end < index + 4, let digit = text.at(end), ScanByte.isOctalDigit(digit) {
                value = value * 8 + Int(digit - UInt8(ascii: "0"))
                end += 1
            }
            output.append(UInt8(truncatingIfNeeded: value))
            return end
        case UInt8(ascii: "x"):
            // `\xh` or `\xhh`; `\x` without a hex digit is just `x`.
            var value: UInt8 = 0
            var end = index + 2
            while end < index + 4, let digit = text.at(end), let nibble = ScanByte.hexValue(digit) {
                value = value &* 16 &+ nibble
                end += 1
            }
            output.append(end > index + 2 ? value : next)
            return end
        default:
            output.append(next)
        }
        return index + 2
    }

    /// `:name`, `:'name'`, `:"name"` or `:{?name}` in unquoted text; nil when the colon is
    /// just a colon.
    private mutating func interpolate(
        _ text: ScanText, at index: Int, scanner: inout StatementScanner, variables: (any VariableResolver)?
    ) -> Int? {
        guard let next = text.at(index + 1) else { return nil }
        if ScanByte.isVariableCharacter(next) {
            let end = appendVariable(text, at: index, variables: variables)
            quoting = .variable
            unquotedTail = 0
            return end
        }
        if next == ScanByte.singleQuote || next == ScanByte.doubleQuote {
            let quoting: VariableQuoting = next == ScanByte.singleQuote ? .literal : .identifier
            guard let end = appendQuotedVariable(text, at: index, as: quoting, scanner: &scanner, variables: variables) else {
                return nil
            }
            self.quoting = .variable
            unquotedTail = 0
            return end
        }
        if next == UInt8(ascii: "{") && text.at(index + 2) == UInt8(ascii: "?") {
            let nameEnd = text.endOfRun(from: index + 3, where: ScanByte.isVariableCharacter)
            guard nameEnd > index + 3, text.at(nameEnd) == UInt8(ascii: "}") else { return nil }
            let isSet = variables?.value(of: text.string(index + 3..<nameEnd)) != nil
            output.append(contentsOf: (isSet ? "TRUE" : "FALSE").utf8)
            return nameEnd + 1
        }
        return nil
    }

    /// `:name` (plain) or `:'name'` (quoted for the shell) inside backquotes; `:"name"` is not
    /// special there.
    private mutating func interpolateInBackquotes(
        _ text: ScanText, at index: Int, scanner: inout StatementScanner, variables: (any VariableResolver)?
    ) -> Int? {
        guard let next = text.at(index + 1) else { return nil }
        if ScanByte.isVariableCharacter(next) {
            return appendVariable(text, at: index, variables: variables)
        }
        guard next == ScanByte.singleQuote else { return nil }
        return appendQuotedVariable(text, at: index, as: .shellArgument, scanner: &scanner, variables: variables)
    }

    /// `:name` at `index`, its name known to start at `index + 1`: the value as it is, or the
    /// reference as typed when the variable is not set (the `:{variable_char}+` rules of
    /// psqlscanslash.l, which call get_variable with PQUOTE_PLAIN, outside and inside
    /// backquotes alike). Returns where the name ends.
    private mutating func appendVariable(_ text: ScanText, at index: Int, variables: (any VariableResolver)?) -> Int {
        let end = text.endOfRun(from: index + 1, where: ScanByte.isVariableCharacter)
        if let value = variables?.value(of: text.string(index + 1..<end)) {
            output.append(contentsOf: value.utf8)
        } else {
            output.append(contentsOf: text.copy(index..<end))
        }
        return end
    }

    /// `:'name'` or `:"name"` at `index`, closed by the quote that opened it: the value quoted
    /// `as` asked, or the reference as typed when it cannot be (psqlscan_escape_variable).
    /// Returns the index after the closing quote; nil, with nothing appended, when there is no
    /// name or no closing quote.
    private mutating func appendQuotedVariable(
        _ text: ScanText, at index: Int, as quoting: VariableQuoting, scanner: inout StatementScanner,
        variables: (any VariableResolver)?
    ) -> Int? {
        let nameEnd = text.endOfRun(from: index + 2, where: ScanByte.isVariableCharacter)
        guard nameEnd > index + 2, text.at(nameEnd) == text.at(index + 1) else { return nil }
        if let quoted = scanner.quotedValue(of: text.string(index + 2..<nameEnd), as: quoting, variables: variables) {
            output.append(contentsOf: quoted.utf8)
        } else {
            output.append(contentsOf: text.copy(index..<nameEnd + 1))
        }
        return nameEnd + 1
    }

    /// Replaces the backquoted command in `output` with what it printed, minus one trailing
    /// newline; a failed command leaves nothing.
    private mutating func runBackquoted(_ shell: (String) -> String?) {
        let command = String(decoding: output[backquoteStart...], as: UTF8.self)
        output.removeSubrange(backquoteStart...)
        guard let result = shell(command) else { return }
        var printed = Array(result.utf8)
        if printed.last == ScanByte.newline { printed.removeLast() }
        output.append(contentsOf: printed)
    }

    /// The argument once its text has ended: nil for none or an unterminated quote.
    mutating func finish(stripTrailingSemicolons: Bool, scanner: inout StatementScanner) -> MetaCommandArgument? {
        switch condition {
        case .start:
            break
        case .unquoted:
            if stripTrailingSemicolons {
                while unquotedTail > 0 && output.last == ScanByte.semicolon {
                    output.removeLast()
                    unquotedTail -= 1
                }
            }
            switch mode {
            case .sqlIdentifier: output = Self.dequoted(output, lowercasing: true, encoding: scanner.clientOnlyEncoding)
            case .sqlIdentifierKeepingCase: output = Self.dequoted(output, lowercasing: false, encoding: scanner.clientOnlyEncoding)
            default: break
            }
        case .singleQuoted, .backquoted, .doubleQuoted:
            scanner.report(.unterminatedQuotedString)
            return nil
        case .wholeLine:
            // psql_scan_slash_option: in whole-line mode semicolon = true strips trailing
            // whitespace (ASCII isspace) as well as semicolons; there is no quoting to respect.
            if stripTrailingSemicolons {
                while let last = output.last, last == ScanByte.semicolon || Self.isASCIISpace(last) { output.removeLast() }
            }
        }
        if output.isEmpty && quoting == nil { return nil }
        // psql hands arguments on as C strings: a NUL (from `\0` or a command's output) ends it.
        if let nul = output.firstIndex(of: 0) { output.removeSubrange(nul...) }
        return MetaCommandArgument(String(decoding: output, as: UTF8.self), quoting: quoting)
    }

    /// C's isspace for an ASCII byte in the C locale: `{space}` and the vertical tab.
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        ScanByte.isSpace(byte) || byte == 0x0B
    }

    /// dequote_downcase_identifier: removes double quotes (`""` inside quotes is one `"`) and
    /// optionally lower-cases unquoted ASCII letters; `FOO"Bar"baz` is `fooBarbaz`. It steps
    /// with PQmblenBounded, so in a client-only `encoding` a trailing byte that looks like a
    /// letter or a quote is left alone (`HiddenTrailingBytes`).
    package static func dequoted(_ bytes: [UInt8], lowercasing: Bool, encoding: CharacterRules? = nil) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        let classes = encoding.flatMap { HiddenTrailingBytes.classificationCopy(of: bytes, rules: $0) } ?? bytes
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = classes[index]
            if byte == HiddenTrailingBytes.hidden {
                result.append(bytes[index])
                index += 1
                continue
            }
            if byte == ScanByte.doubleQuote {
                if inQuotes && index + 1 < bytes.count && bytes[index + 1] == ScanByte.doubleQuote {
                    result.append(byte)
                    index += 2
                    continue
                }
                inQuotes.toggle()
            } else if lowercasing && !inQuotes && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                result.append(byte | 0x20)
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }
}
