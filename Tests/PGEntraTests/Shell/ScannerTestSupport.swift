@testable import PGEntraScanner
@testable import PGEntraSystem

/// Variables for the scanner tests: a dictionary, optionally refusing to quote (as psql does
/// without a connection).
struct ScannerTestVariables: VariableResolver {
    var values: [String: String] = [:]
    var refusesQuoting = false

    func value(of name: String) -> String? { values[name] }

    func quote(_ value: String, as quoting: VariableQuoting, encoding: CharacterRules?) throws(VariableQuotingError) -> String {
        if refusesQuoting && quoting != .shellArgument { throw .noConnection }
        return try quoting.quote(value, encoding: encoding)
    }
}

/// A cut-down psql main loop (mainloop.c) over the scanner, recording what psql would send and
/// which meta-commands it would run, so that tests can compare with psql's own `-L` query log.
/// It knows `\set`, `\g`/`\gx`, `\r`, `\echo` and (as no-ops) `\t`, `\x`, `\p`; any other
/// name is "invalid" and, as in psql, the rest of its line is discarded.
struct PsqlScriptRun {
    enum Event: Equatable, CustomStringConvertible {
        case sent(String)
        case echo([String])

        var description: String {
            switch self {
            case .sent(let query): "sent(\(query.debugDescription))"
            case .echo(let words): "echo(\(words))"
            }
        }
    }

    var scanner: StatementScanner
    var variables: ScannerTestVariables
    var buffer = ""
    var previous = ""
    var events: [Event] = []
    var singleLine = false

    init(variables: [String: String] = [:], standardConformingStrings: Bool = true, singleLine: Bool = false) {
        scanner = StatementScanner(standardConformingStrings: standardConformingStrings)
        self.variables = ScannerTestVariables(values: variables)
        self.singleLine = singleLine
    }

    /// Runs `script` as psql runs a file: line by line, then the unterminated tail.
    static func run(
        _ script: String, variables: [String: String] = [:], standardConformingStrings: Bool = true,
        singleLine: Bool = false
    ) -> [Event] {
        var run = PsqlScriptRun(variables: variables, standardConformingStrings: standardConformingStrings, singleLine: singleLine)
        // Split on the byte, as psql does: as Characters, "\r\n" is one and would not split.
        var lines = script.utf8.split(separator: ScanByte.newline, omittingEmptySubsequences: false)
        if script.utf8.last == ScanByte.newline { lines.removeLast() }
        for line in lines {
            run.feed(String(decoding: line, as: UTF8.self))
        }
        return run.finish()
    }

    /// The queries `script` sends, in order.
    static func sent(_ script: String, variables: [String: String] = [:], standardConformingStrings: Bool = true) -> [String] {
        run(script, variables: variables, standardConformingStrings: standardConformingStrings).compactMap {
            if case .sent(let query) = $0 { return query }
            return nil
        }
    }

    mutating func feed(_ line: String) {
        guard scanner.setLine(line) else { return }
        while true {
            switch scanner.scan(into: &buffer, variables: variables) {
            case .semicolon:
                send()
            case .backslash:
                runMetaCommand()
            case .endOfLine:
                if singleLine { send() }
                return
            case .incomplete:
                return
            }
        }
    }

    mutating func finish() -> [Event] {
        if !buffer.isEmpty { send() }
        return events
    }

    private mutating func send() {
        events.append(.sent(buffer))
        previous = buffer
        buffer = ""
    }

    private mutating func runMetaCommand() {
        let name = scanner.metaCommandName()
        switch name {
        case "set":
            var words: [String] = []
            while let argument = scanner.metaCommandArgument(variables: variables) { words.append(argument.text) }
            // psql refuses names other than letters, digits, `_` and non-ASCII.
            if let first = words.first, !first.isEmpty,
               first.utf8.allSatisfy({ $0 >= 0x80 || $0 == UInt8(ascii: "_") || ScanByte.isASCIILetter($0) || ScanByte.isDigit($0) }) {
                variables.values[first] = words.dropFirst().joined()
            }
        case "g", "gx":
            while scanner.metaCommandArgument(.filePipe, variables: variables) != nil {}
            if buffer.isEmpty { buffer = previous }
            send()
            scanner.reset()
        case "r":
            buffer = ""
            scanner.reset()
        case "echo":
            var words: [String] = []
            while let argument = scanner.metaCommandArgument(variables: variables, shell: { "<\($0)>\n" }) {
                words.append(argument.text)
            }
            events.append(.echo(words))
        case "t", "x", "p":
            break
        default:
            // An invalid command: psql silently throws away the rest of the line.
            while scanner.metaCommandArgument(.wholeLine, variables: nil) != nil {}
            scanner.endMetaCommand()
            return
        }
        // After a valid command psql reads surplus arguments (to warn about them) with no
        // substitution, so they never reach SQL.
        while scanner.metaCommandArgument(variables: nil) != nil {}
        scanner.endMetaCommand()
    }
}
