import PGEntraDatabase
import PGEntraScanner
#if canImport(Glibc)
import Glibc
#endif

/// PROMPT1/2/3 rendering (psql-compat.md §5, psql's prompt.c get_prompt): the template's `%`
/// escapes filled from plain values, so every escape is testable without a server or terminal.
struct Prompt {
    /// libpq's default socket directory on Debian: `%M` shows it as `[local]`.
    static let defaultSocketDirectory = "/var/run/postgresql"

    /// Which prompt is asked for: PROMPT1 (ready), PROMPT2 (a statement is open), PROMPT3 (COPY).
    enum Status: Equatable, Sendable {
        case ready
        case continuation(Continuation)
        case copy
    }

    /// The connection as the prompt sees it.
    struct ConnectionInfo: Equatable, Sendable {
        var host: String
        var port: String
        var user: String
        var database: String
        var backendPID: Int
        var isSuperuser: Bool
        var transaction: Connection.TransactionState
        var pipeline: Connection.PipelineStatus = .off
    }

    /// Everything an escape may show.
    struct Context {
        /// nil when disconnected (after a failed reset): `%/` is empty, `%R` is `!`, `%x` is `?`.
        var connection: ConnectionInfo?
        var status: Status = .ready
        /// false inside an inactive `\if` branch (`%R` is `@`).
        var conditionalActive = true
        var singleLine = false
        /// `%l`: the line of the current statement being read, from 1.
        var statementLine = 1
        /// `%:name:`.
        var variable: (String) -> String? = { _ in nil }
        /// PGDATABASE, for `%~`.
        var environmentDatabase: String?
        /// `%w`: the visible width of the last PROMPT1.
        var lastPrompt1Width = 0
        /// `` %`cmd` ``: the command's output; nil runs nothing.
        var runCommand: ((String) -> String)?
        var socketDirectory = Prompt.defaultSocketDirectory
    }

    /// Renders `template`; `%[`…`%]` become libedit's invisible markers `\u{1}`/`\u{2}`.
    static func render(_ template: String, _ context: Context) -> String {
        var result = ""
        let characters = Array(template)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard index < characters.count else { break }
            let escape = characters[index]
            index += 1
            let connection = context.connection
            switch escape {
            case "M", "m":
                guard let connection else { break }
                result += hostText(connection.host, short: escape == "m", socketDirectory: context.socketDirectory)
            case ">":
                result += connection?.port ?? ""
            case "n":
                result += connection?.user ?? ""
            case "/":
                result += connection?.database ?? ""
            case "~":
                guard let connection else { break }
                let home = connection.database == connection.user || connection.database == context.environmentDatabase
                result += home ? "~" : connection.database
            case "#":
                result += connection?.isSuperuser == true ? "#" : ">"
            case "s":
                // psql 18: the service name, from the SERVICE variable.
                result += context.variable("SERVICE") ?? ""
            case "p":
                if let connection { result += String(connection.backendPID) }
            case "P":
                // psql 18: the pipeline status, when connected.
                switch connection?.pipeline {
                case .on: result += "on"
                case .aborted: result += "abort"
                case .off: result += "off"
                case nil: break
                }
            case "R":
                result += statusMarker(context)
            case "x":
                guard let connection else {
                    result += "?"
                    break
                }
                switch connection.transaction {
                case .idle: break
                case .active, .inTransaction: result += "*"
                case .failed: result += "!"
                case .unknown: result += "?"
                }
            case "l":
                result += String(context.statementLine)
            case "0"..."7":
                var value = 0
                var digits = 0
                index -= 1
                while index < characters.count, digits < 3, let digit = characters[index].wholeNumberValue, digit < 8 {
                    value = value * 8 + digit
                    index += 1
                    digits += 1
                }
                if value > 0 { result.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: value))) }
            case ":":
                guard let end = characters[index...].firstIndex(of: ":") else {
                    index = characters.count
                    break
                }
                result += context.variable(String(characters[index..<end])) ?? ""
                index = end + 1
            case "`":
                guard let end = characters[index...].firstIndex(of: "`") else {
                    index = characters.count
                    break
                }
                var output = context.runCommand?(String(characters[index..<end])) ?? ""
                if output.hasSuffix("\n") { output.removeLast() }
                result += output
                index = end + 1
            case "[":
                result += "\u{1}"
            case "]":
                result += "\u{2}"
            case "w":
                result += String(repeating: " ", count: context.lastPrompt1Width)
            default:
                // `%%` and unknown escapes show the character itself, as psql does.
                result.append(escape)
            }
        }
        return result
    }

    /// The width a rendered prompt takes on screen: invisible spans and newlines do not count.
    static func visibleWidth(_ rendered: String) -> Int {
        var width = 0
        var hidden = false
        for character in rendered {
            switch character {
            case "\u{1}": hidden = true
            case "\u{2}": hidden = false
            case "\n", "\r": width = 0
            default: if !hidden { width += 1 }
            }
        }
        return width
    }

    private static func statusMarker(_ context: Context) -> String {
        switch context.status {
        case .ready:
            if !context.conditionalActive { return "@" }
            if context.connection == nil { return "!" }
            return context.singleLine ? "^" : "="
        case .continuation(let continuation):
            return continuation.promptMarker.map(String.init) ?? (context.singleLine ? "^" : "=")
        case .copy:
            return ""
        }
    }

    /// `%M`/`%m`: a socket directory is `[local]` (or `[local:/dir]` for `%M` elsewhere than the
    /// default); `%m` cuts a host name at its first dot.
    static func hostText(_ host: String, short: Bool, socketDirectory: String) -> String {
        if host.hasPrefix("/") || host.isEmpty {
            if short || host.isEmpty || host == socketDirectory { return "[local]" }
            return "[local:\(host)]"
        }
        guard short, let dot = host.firstIndex(of: ".") else { return host }
        return String(host[..<dot])
    }
}

extension Prompt.ConnectionInfo {
    /// The prompt's view of a live connection (`is_superuser` from the server's parameter status).
    init(_ connection: Connection) {
        self.init(
            host: connection.host, port: connection.port,
            user: connection.parameterStatus("session_authorization") ?? connection.user,
            database: connection.database, backendPID: connection.backendPID,
            isSuperuser: connection.parameterStatus("is_superuser") == "on",
            transaction: connection.transactionState, pipeline: connection.pipelineStatus)
    }
}
