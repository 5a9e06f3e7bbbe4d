import PGEntraSystem

/// Where the scanners look up psql variables for `:name`, `:'name'`, `:"name"` and `:{?name}`
/// (psql's `get_variable` callback). The Shell passes its session variables; passing no resolver
/// leaves every reference as typed, which is what psql does inside an inactive `\if` branch.
package protocol VariableResolver {
    /// The value of `name`, or nil if it is not set (the reference then stays as typed).
    func value(of name: String) -> String?

    /// `value` quoted for `:'name'`, `:"name"`, or `:'name'` inside backquotes. The default
    /// quotes locally, as libpq and psql do; a resolver can refuse instead (psql cannot quote
    /// without a connection), and the reference then stays as typed. `encoding` is the
    /// scanner's client-only encoding, if any, which libpq steps over as it quotes.
    func quote(_ value: String, as quoting: VariableQuoting, encoding: CharacterRules?) throws(VariableQuotingError) -> String
}

extension VariableResolver {
    package func quote(_ value: String, as quoting: VariableQuoting, encoding: CharacterRules?) throws(VariableQuotingError) -> String {
        try quoting.quote(value, encoding: encoding)
    }
}

/// How an interpolated value is quoted (psql's `PsqlScanQuoteType` minus PLAIN).
package enum VariableQuoting: Equatable, Sendable {
    /// `:'name'`: a SQL literal, as `PQescapeLiteral` writes it.
    case literal
    /// `:"name"`: a quoted identifier, as `PQescapeIdentifier` writes it.
    case identifier
    /// `:'name'` inside a backquoted shell command, as psql's `appendShellStringNoError` writes it.
    case shellArgument

    /// Quotes `value`.
    ///
    /// A literal doubles `'`; if the value has a backslash it doubles those too and becomes
    /// ` E'...'` — with a leading space, so it cannot fuse with a preceding identifier — which
    /// reads the same whatever standard_conforming_strings is. An identifier is always wrapped
    /// in `"` with `"` doubled. A shell argument made only of safe characters is left bare;
    /// anything else is single-quoted with `'` written `'"'"'`, and a newline or carriage
    /// return cannot be quoted at all.
    ///
    /// PQescapeInternal steps over each multibyte character of the connection's encoding, so
    /// in a client-only `encoding` a trailing byte 0x5C is no backslash to double
    /// (`HiddenTrailingBytes`).
    func quote(_ value: String, encoding: CharacterRules? = nil) throws(VariableQuotingError) -> String {
        switch self {
        case .literal:
            let bytes = Array(value.utf8)
            let classes = encoding.flatMap { HiddenTrailingBytes.classificationCopy(of: bytes, rules: $0) } ?? bytes
            var quoted: [UInt8] = Array((classes.contains(ScanByte.backslash) ? " E'" : "'").utf8)
            quoted.reserveCapacity(bytes.count + 4)
            for (byte, seen) in zip(bytes, classes) {
                if seen == ScanByte.singleQuote || seen == ScanByte.backslash { quoted.append(byte) }
                quoted.append(byte)
            }
            quoted.append(ScanByte.singleQuote)
            return String(decoding: quoted, as: UTF8.self)
        case .identifier:
            return "\"" + Self.doubling(value, "\"", as: "\"\"") + "\""
        case .shellArgument:
            if !value.isEmpty && value.utf8.allSatisfy(Self.isShellSafe) { return value }
            if value.utf8.contains(where: ScanByte.isNewline) { throw .newlineInShellArgument(value) }
            return "'" + Self.doubling(value, "'", as: "'\"'\"'") + "'"
        }
    }

    /// `value` with every `special` written as `replacement`.
    private static func doubling(_ value: String, _ special: Unicode.Scalar, as replacement: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            if scalar == special { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// psql's list of characters a shell never interprets.
    private static func isShellSafe(_ byte: UInt8) -> Bool {
        ScanByte.isASCIILetter(byte) || ScanByte.isDigit(byte)
            || byte == ScanByte.dash || byte == UInt8(ascii: "_") || byte == ScanByte.dot
            || byte == ScanByte.slash || byte == ScanByte.colon
    }
}

/// Why a variable's value could not be quoted; the reference then stays as typed.
package enum VariableQuotingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// psql quotes through libpq, which needs a connection.
    case noConnection
    /// A shell argument cannot carry a newline or carriage return.
    case newlineInShellArgument(String)
    /// libpq refused the value (its message, e.g. an invalid multibyte character).
    case escapeFailed(String)

    /// psql's message, without the `pgentra: error: ` prefix.
    package var description: String {
        switch self {
        case .noConnection: "cannot escape without active connection"
        case .newlineInShellArgument(let value): "shell command argument contains a newline or carriage return: \"\(value)\""
        case .escapeFailed(let message): message
        }
    }
}
