/// The rules of psqlscan.l, reduced to what decides a statement's extent: where strings,
/// quoted identifiers, dollar quotes and comments start and end, parentheses, `;`, `\`, and
/// variable references. Every other token is just copied, so it is enough to know its length
/// where that length could hide one of the above (numbers followed by letters, `$1` vs `$$`).
///
/// Text is copied to the buffer in runs: `Echo` remembers where the current run of copied
/// bytes began and appends it only when something is left out or inserted, so the buffer grows
/// by long slices rather than token by token.
extension StatementScanner {
    /// A run of input bytes that is to be copied to the buffer but has not been yet.
    struct Echo {
        var runStart: Int

        /// Appends the pending run up to `end`.
        mutating func flush(_ text: ScanText, upTo end: Int, into buffer: inout String) {
            if end > runStart {
                buffer += text.string(runStart..<end)
            }
            runStart = end
        }

        /// Appends the pending run up to `start` and leaves out the bytes up to `end`.
        mutating func omit(_ text: ScanText, from start: Int, to end: Int, into buffer: inout String) {
            flush(text, upTo: start, into: &buffer)
            runStart = end
        }

        /// Whether the buffer holds nothing, counting the pending run, just before `index`.
        func bufferIsEmpty(_ buffer: String, before index: Int) -> Bool {
            buffer.isEmpty && runStart == index
        }
    }

    /// Scans SQL in `text` from `start` until a stop; returns where it stopped.
    mutating func scanSQL(
        _ text: ScanText, from start: Int, into buffer: inout String, variables: (any VariableResolver)?
    ) -> (Int, FrameStop) {
        var echo = Echo(runStart: start)
        var index = start
        let count = text.count
        while true {
            switch state.condition {
            case .initial:
                guard index < count else {
                    echo.flush(text, upTo: index, into: &buffer)
                    return (index, .exhausted)
                }
                let byte = text[index]
                // {whitespace}: a run of spaces, or a `--` comment up to the newline. Dropped
                // while the buffer is empty, so statements start at their first token.
                if ScanByte.isSpace(byte) || (byte == ScanByte.dash && text.at(index + 1) == ScanByte.dash) {
                    let end = ScanByte.isSpace(byte)
                        ? text.endOfRun(from: index, where: ScanByte.isSpace)
                        : text.endOfRun(from: index + 2) { !ScanByte.isNewline($0) }
                    if echo.bufferIsEmpty(buffer, before: index) {
                        echo.runStart = end
                    }
                    index = end
                    continue
                }
                switch byte {
                case ScanByte.slash where text.at(index + 1) == ScanByte.star:
                    state.condition = .comment(depth: 0)
                    index += 2
                case ScanByte.singleQuote:
                    state.condition = .string(standardConformingStrings ? .standard : .extended)
                    index += 1
                case ScanByte.doubleQuote:
                    state.condition = .delimitedIdentifier
                    index += 1
                case ScanByte.dollar:
                    index = scanDollar(text, at: index)
                case UInt8(ascii: "("):
                    state.parenthesisDepth += 1
                    index += 1
                case UInt8(ascii: ")"):
                    if state.parenthesisDepth > 0 { state.parenthesisDepth -= 1 }
                    index += 1
                case ScanByte.semicolon:
                    index += 1
                    if state.parenthesisDepth == 0 && state.keywords.beginDepth == 0 {
                        state.keywords.statementEnded()
                        echo.flush(text, upTo: index, into: &buffer)
                        return (index, .semicolon)
                    }
                case ScanByte.backslash:
                    let next = text.at(index + 1)
                    guard next == ScanByte.semicolon || next == ScanByte.colon else {
                        echo.flush(text, upTo: index, into: &buffer)
                        return (index + 1, .backslash)
                    }
                    // `\;` and `\:` put the character alone into the buffer.
                    echo.omit(text, from: index, to: index + 1, into: &buffer)
                    index += 2
                    if next == ScanByte.semicolon && state.parenthesisDepth == 0 && state.keywords.beginDepth == 0 {
                        state.keywords.statementEnded()
                    }
                case ScanByte.colon:
                    if let expansion = scanColon(text, at: &index, echo: &echo, into: &buffer, variables: variables) {
                        return (index, expansion)
                    }
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    index = Self.numberEnd(text, from: index)
                case ScanByte.dot:
                    let next = text.at(index + 1)
                    if let next, ScanByte.isDigit(next) {
                        index = Self.numberEnd(text, from: index)
                    } else {
                        // `..` is one token, so `..5` is not `.` then `.5`.
                        index += next == ScanByte.dot ? 2 : 1
                    }
                default:
                    if let end = scanLiteralPrefix(text, at: index) {
                        index = end
                    } else if ScanByte.isIdentifierStart(byte) {
                        let end = text.endOfRun(from: index + 1, where: ScanByte.isIdentifierContinuation)
                        state.keywords.track(text.slice(index..<end), parenthesisDepth: state.parenthesisDepth)
                        index = end
                    } else {
                        // Operators and punctuation. A `--` or `/*` inside an operator starts a
                        // comment there, which the whitespace and comment checks above see
                        // when they reach it, so one byte at a time is exact.
                        index += 1
                    }
                }

            case .string(let kind):
                index = scanString(kind, text, from: index)
                guard index < count || state.condition != .string(kind) else {
                    echo.flush(text, upTo: index, into: &buffer)
                    return (index, .exhausted)
                }

            case .quoteStop(let kind):
                guard index < count else {
                    echo.flush(text, upTo: index, into: &buffer)
                    return (index, .exhausted)
                }
                if let end = Self.quoteContinuationEnd(text, from: index) {
                    state.condition = .string(kind)
                    index = end
                } else {
                    state.condition = .initial
                }

            case .comment(var depth):
                var closed = false
                while index < count && !closed {
                    let byte = text[index]
                    if byte == ScanByte.slash && text.at(index + 1) == ScanByte.star {
                        depth += 1
                        index += 2
                    } else if byte == ScanByte.star {
                        let end = text.endOfRun(from: index) { $0 == ScanByte.star }
                        if text.at(end) == ScanByte.slash {
                            index = end + 1
                            if depth == 0 { closed = true } else { depth -= 1 }
                        } else {
                            index = end
                        }
                    } else {
                        index += 1
                    }
                }
                state.condition = closed ? .initial : .comment(depth: depth)
                if !closed {
                    echo.flush(text, upTo: index, into: &buffer)
                    return (index, .exhausted)
                }

            case .delimitedIdentifier:
                let quote = text.firstIndex(of: ScanByte.doubleQuote, from: index)
                if quote == count {
                    echo.flush(text, upTo: count, into: &buffer)
                    return (count, .exhausted)
                }
                if text.at(quote + 1) == ScanByte.doubleQuote {
                    index = quote + 2
                } else {
                    state.condition = .initial
                    index = quote + 1
                }

            case .dollarQuote(let tag):
                index = scanDollarQuoted(text, from: index, tag: tag)
                if index == count && state.condition != .initial {
                    echo.flush(text, upTo: count, into: &buffer)
                    return (count, .exhausted)
                }
            }
        }
    }

    // MARK: - Strings

    /// The letter prefixes that open literals (`B'`, `X'`, `N'`, `E'`, `U&'`, `U&"`) and so
    /// beat a one-letter identifier; returns the end of the prefix, or nil for an identifier.
    private mutating func scanLiteralPrefix(_ text: ScanText, at index: Int) -> Int? {
        let next = text.at(index + 1)
        switch text[index] | 0x20 {
        case UInt8(ascii: "b"), UInt8(ascii: "x"):
            guard next == ScanByte.singleQuote else { return nil }
            state.condition = .string(.bitOrHex)
            return index + 2
        case UInt8(ascii: "n"):
            // {xnstart}: the `n` alone; the quote then opens an ordinary string.
            return next == ScanByte.singleQuote ? index + 1 : nil
        case UInt8(ascii: "e"):
            guard next == ScanByte.singleQuote else { return nil }
            state.condition = .string(.extended)
            return index + 2
        case UInt8(ascii: "u"):
            guard next == UInt8(ascii: "&") else { return nil }
            switch text.at(index + 2) {
            case ScanByte.singleQuote:
                state.condition = .string(.standard)
                return index + 3
            case ScanByte.doubleQuote:
                state.condition = .delimitedIdentifier
                return index + 3
            default:
                // {xufailed}: the `u` alone (not a keyword), then `&` as an operator.
                return index + 1
            }
        default:
            return nil
        }
    }

    /// Scans inside a string literal from `start`; returns where the closing quote ended (the
    /// state is then xqs), or the end of the text.
    private mutating func scanString(_ kind: StringKind, _ text: ScanText, from start: Int) -> Int {
        var index = start
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte == ScanByte.singleQuote {
                // `''` is a quote inside, except in B'' and X'' strings, which end at any `'`.
                if kind != .bitOrHex && text.at(index + 1) == ScanByte.singleQuote {
                    index += 2
                    continue
                }
                state.condition = .quoteStop(kind)
                return index + 1
            }
            if byte == ScanByte.backslash && kind == .extended {
                // An escape takes the next byte whatever it is (`\'`, `\\`); longer escapes
                // (`\x41`, `\u0041`, `\101`) continue with bytes that cannot end the string.
                index = min(index + 2, count)
                continue
            }
            index += 1
        }
        return count
    }

    /// {quotecontinue}: whitespace holding at least one newline (`--` comments allowed), then a
    /// quote, which continues the literal that just closed. Returns the end of the match.
    static func quoteContinuationEnd(_ text: ScanText, from start: Int) -> Int? {
        var index = start
        let count = text.count
        // {horiz_whitespace}* {newline}
        while index < count {
            if ScanByte.isHorizontalSpace(text[index]) {
                index += 1
            } else if text[index] == ScanByte.dash && text.at(index + 1) == ScanByte.dash {
                index = text.endOfRun(from: index + 2) { !ScanByte.isNewline($0) }
            } else {
                break
            }
        }
        guard let newline = text.at(index), ScanByte.isNewline(newline) else { return nil }
        index += 1
        // {special_whitespace}*: spaces, or a `--` comment with its newline.
        while index < count {
            if ScanByte.isSpace(text[index]) {
                index += 1
            } else if text[index] == ScanByte.dash && text.at(index + 1) == ScanByte.dash {
                let end = text.endOfRun(from: index + 2) { !ScanByte.isNewline($0) }
                guard end < count else { return nil }
                index = end + 1
            } else {
                break
            }
        }
        return text.at(index) == ScanByte.singleQuote ? index + 1 : nil
    }

    // MARK: - Dollars

    /// `$` outside quotes: a parameter (`$1`, with trailing letters `$1abc` one token), a
    /// dollar-quote opening (`$$`, `$tag$`), or a lone `$` (before `tag` without a closing
    /// `$`, which is then scanned as an identifier). Returns the end of the token.
    private mutating func scanDollar(_ text: ScanText, at index: Int) -> Int {
        guard let next = text.at(index + 1) else { return index + 1 }
        if ScanByte.isDigit(next) {
            let end = text.endOfRun(from: index + 1, where: ScanByte.isDigit)
            return Self.identifierEnd(text, at: end) ?? end
        }
        if let delimiterEnd = Self.dollarDelimiterEnd(text, at: index) {
            state.condition = .dollarQuote(tag: Array(text.slice(index..<delimiterEnd)))
            return delimiterEnd
        }
        return index + 1
    }

    /// {dolqdelim}: `$` + optional tag (letter, `_` or high byte, then also digits) + `$`.
    static func dollarDelimiterEnd(_ text: ScanText, at index: Int) -> Int? {
        guard let next = text.at(index + 1) else { return nil }
        if next == ScanByte.dollar { return index + 2 }
        guard ScanByte.isIdentifierStart(next) else { return nil }
        let tagEnd = text.endOfRun(from: index + 2, where: ScanByte.isVariableCharacter)
        return text.at(tagEnd) == ScanByte.dollar ? tagEnd + 1 : nil
    }

    /// Scans inside a dollar quote; returns the end of the closing delimiter (state INITIAL) or
    /// the end of the text.
    private mutating func scanDollarQuoted(_ text: ScanText, from start: Int, tag: [UInt8]) -> Int {
        var index = start
        let count = text.count
        while index < count {
            let dollar = text.firstIndex(of: ScanByte.dollar, from: index)
            guard dollar < count else { return count }
            if let end = Self.dollarDelimiterEnd(text, at: dollar) {
                if end - dollar == tag.count && text.slice(dollar..<end).elementsEqual(tag) {
                    state.condition = .initial
                    return end
                }
                // Another tag: its final `$` may open the real closing delimiter.
                index = end - 1
            } else if let next = text.at(dollar + 1), ScanByte.isIdentifierStart(next) {
                // {dolqfailed}: `$tag` without a closing `$`.
                index = text.endOfRun(from: dollar + 2, where: ScanByte.isVariableCharacter)
            } else {
                index = dollar + 1
            }
        }
        return count
    }

    // MARK: - Numbers

    /// The end of a numeric token starting at `start` (a digit, or `.` before a digit), by
    /// flex's longest match over psql 15.9+'s rules: integer, decimal, real, their "fail"
    /// forms, and the "junk" forms where an identifier follows directly (`1e`, `1x`, `1.e`,
    /// `1e5$`), which make `1e'...'` a number then a plain string rather than `1` then `E'...'`.
    static func numberEnd(_ text: ScanText, from start: Int) -> Int {
        let integerEnd = text.endOfRun(from: start, where: ScanByte.isDigit)
        let hasInteger = integerEnd > start
        var best = integerEnd
        func consider(_ mantissaEnd: Int) {
            best = max(best, mantissaEnd)
            if let junk = identifierEnd(text, at: mantissaEnd) { best = max(best, junk) }
            if let real = realEnd(text, mantissaEnd: mantissaEnd) { best = max(best, real) }
        }
        if hasInteger { consider(integerEnd) }
        if text.at(integerEnd) == ScanByte.dot {
            // {decimalfail}: `1..` is the integer 1 and then `..`.
            if hasInteger && text.at(integerEnd + 1) == ScanByte.dot { return integerEnd }
            let fractionEnd = text.endOfRun(from: integerEnd + 1, where: ScanByte.isDigit)
            if hasInteger || fractionEnd > integerEnd + 1 { consider(fractionEnd) }
        }
        return best
    }

    /// {real} (`1e5`, `1.5E-3`) with its junk form, or {realfail} (`1e+`), after a mantissa.
    private static func realEnd(_ text: ScanText, mantissaEnd: Int) -> Int? {
        guard let e = text.at(mantissaEnd), e | 0x20 == UInt8(ascii: "e") else { return nil }
        var index = mantissaEnd + 1
        var signed = false
        if let sign = text.at(index), sign == UInt8(ascii: "+") || sign == ScanByte.dash {
            index += 1
            signed = true
        }
        let digitsEnd = text.endOfRun(from: index, where: ScanByte.isDigit)
        if digitsEnd > index { return identifierEnd(text, at: digitsEnd) ?? digitsEnd }
        return signed ? index : nil
    }

    /// The end of an {identifier} starting at `index`, if one does.
    static func identifierEnd(_ text: ScanText, at index: Int) -> Int? {
        guard let first = text.at(index), ScanByte.isIdentifierStart(first) else { return nil }
        return text.endOfRun(from: index + 1, where: ScanByte.isIdentifierContinuation)
    }

    // MARK: - Variables

    /// A `:` outside quotes: `::` (a cast), `:name`, `:'name'`, `:"name"`, `:{?name}`, or a
    /// plain colon. Advances `index`; returns an expansion to scan when `:name` is set.
    private mutating func scanColon(
        _ text: ScanText, at index: inout Int, echo: inout Echo, into buffer: inout String,
        variables: (any VariableResolver)?
    ) -> FrameStop? {
        let start = index
        guard let next = text.at(start + 1) else {
            index += 1
            return nil
        }
        if next == ScanByte.colon {
            index += 2
            return nil
        }
        if ScanByte.isVariableCharacter(next) {
            let end = text.endOfRun(from: start + 1, where: ScanByte.isVariableCharacter)
            let name = text.string(start + 1..<end)
            index = end
            guard let value = variables?.value(of: name) else { return nil }
            if inputs.isExpanding(name) {
                report(.recursiveExpansion(variable: name))
                return nil
            }
            echo.omit(text, from: start, to: end, into: &buffer)
            return .expand(variable: name, value: value)
        }
        if next == ScanByte.singleQuote || next == ScanByte.doubleQuote {
            let nameEnd = text.endOfRun(from: start + 2, where: ScanByte.isVariableCharacter)
            guard nameEnd > start + 2, text.at(nameEnd) == next else {
                index += 1
                return nil
            }
            let name = text.string(start + 2..<nameEnd)
            index = nameEnd + 1
            let quoting: VariableQuoting = next == ScanByte.singleQuote ? .literal : .identifier
            if let quoted = quotedValue(of: name, as: quoting, variables: variables) {
                echo.omit(text, from: start, to: index, into: &buffer)
                buffer += quoted
            }
            return nil
        }
        if next == UInt8(ascii: "{") && text.at(start + 2) == UInt8(ascii: "?") {
            let nameEnd = text.endOfRun(from: start + 3, where: ScanByte.isVariableCharacter)
            guard nameEnd > start + 3, text.at(nameEnd) == UInt8(ascii: "}") else {
                index += 1
                return nil
            }
            let isSet = variables?.value(of: text.string(start + 3..<nameEnd)) != nil
            index = nameEnd + 1
            echo.omit(text, from: start, to: index, into: &buffer)
            buffer += isSet ? "TRUE" : "FALSE"
            return nil
        }
        index += 1
        return nil
    }

    /// The value of `name` quoted, or nil (unset, or the resolver refused, which is reported).
    mutating func quotedValue(of name: String, as quoting: VariableQuoting, variables: (any VariableResolver)?) -> String? {
        guard let variables, let value = variables.value(of: name) else { return nil }
        do {
            return try variables.quote(value, as: quoting, encoding: clientOnlyEncoding)
        } catch {
            report(.quotingFailed(error))
            return nil
        }
    }
}
