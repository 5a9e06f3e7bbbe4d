import PGEntraDatabase

/// What psql's SendQuery wraps around a query it sends: a BEGIN when AUTOCOMMIT is off and no
/// transaction is open, and with ON_ERROR_ROLLBACK a savepoint before each query in a
/// transaction, rolled back to when the query fails so the work before it survives. These
/// statements are psql's own: never echoed, logged or counted as the query's results.
extension Session {
    /// The savepoint psql sets for ON_ERROR_ROLLBACK.
    static let errorRollbackSavepoint = "pg_psql_temporary_savepoint"

    /// Before the query: the BEGIN and the savepoint. Nil when one of them failed (libpq's
    /// message is shown and the query is not sent); otherwise whether a savepoint was set.
    func openImplicitTransaction(for sql: String, on connection: Connection, at location: ScriptLocation?) -> Bool? {
        var state = connection.transactionState
        if state == .idle && !variables.bool("AUTOCOMMIT") && !TransactionCommand.startsNoTransaction(sql) {
            guard runInternal("BEGIN", on: connection, at: location) else { return nil }
            state = connection.transactionState
        }
        let rollback = variables["ON_ERROR_ROLLBACK"]?.lowercased() ?? "off"
        let wanted = rollback == "interactive" ? readsTerminal : Variables.parseBoolean(rollback) == true
        guard state == .inTransaction && wanted else { return false }
        guard runInternal("SAVEPOINT \(Self.errorRollbackSavepoint)", on: connection, at: location) else { return nil }
        return true
    }

    /// After the query: back to the savepoint when the transaction failed, released when it
    /// goes on, left alone when the query ended the transaction or set, released or rolled
    /// back a savepoint itself (`savepointGone`). False when that fails.
    func closeImplicitSavepoint(savepointGone: Bool, on connection: Connection, at location: ScriptLocation?) -> Bool {
        let state = connection.transactionState
        switch state {
        case .failed:
            return runInternal("ROLLBACK TO \(Self.errorRollbackSavepoint)", on: connection, at: location)
        case .idle:
            return true
        case .inTransaction:
            return savepointGone || runInternal("RELEASE \(Self.errorRollbackSavepoint)", on: connection, at: location)
        case .active, .unknown:
            // psql prints PQtransactionStatus's number (PQTRANS_ACTIVE 1, PQTRANS_UNKNOWN 4); a
            // broken connection says so elsewhere.
            if state == .active || connection.isOK {
                error("unexpected transaction status (\(state == .active ? 1 : 4))", at: location)
            }
            return false
        }
    }

    /// One of psql's own statements: on failure libpq's message, as psql's pg_log_info shows it.
    private func runInternal(_ sql: String, on connection: Connection, at location: ScriptLocation?) -> Bool {
        if let result = connection.execute(sql), result.status == .command { return true }
        report(connection.errorMessage, at: location)
        return false
    }
}

/// psql's command_no_begin and skip_white_space: the statements AUTOCOMMIT off sends no BEGIN
/// before, because they control transactions or cannot run inside one.
enum TransactionCommand {
    static func startsNoTransaction(_ sql: String) -> Bool {
        var words = Words(Substring(sql))
        switch words.next() {
        case "abort", "begin", "start", "commit", "end", "rollback", "vacuum":
            return true
        case "prepare":
            return words.next() == "transaction"
        case "cluster":
            // CLUSTER with any arguments may run in a transaction.
            return !words.startsWithLetter()
        case "create":
            var word = words.next()
            if word == "database" || word == "tablespace" { return true }
            if word == "unique" { word = words.next() }
            return word == "index" && words.next() == "concurrently"
        case "alter":
            return words.next() == "system"
        case "drop", "reindex":
            let word = words.next()
            if word == "database" || word == "system" || word == "tablespace" { return true }
            guard word == "index" || word == "table" else { return false }
            return words.next() == "concurrently"
        case "discard":
            return words.next() == "all"
        default:
            return false
        }
    }

    /// The query's leading words, lower-cased, each after blanks and comments (`/* */` nested,
    /// `--` to the end of the line); a word is a run of ASCII letters, as psql's isalpha.
    private struct Words {
        var rest: Substring

        init(_ text: Substring) { rest = text }

        mutating func startsWithLetter() -> Bool {
            skipWhiteSpace()
            return rest.first.map(Self.isLetter) ?? false
        }

        mutating func next() -> String {
            skipWhiteSpace()
            let word = rest.prefix(while: Self.isLetter)
            rest = rest.dropFirst(word.count)
            return word.lowercased()
        }

        private static func isLetter(_ character: Character) -> Bool {
            character.isASCII && character.isLetter
        }

        private mutating func skipWhiteSpace() {
            var depth = 0
            while let first = rest.first {
                if first.isWhitespace {
                    rest = rest.dropFirst()
                } else if rest.hasPrefix("/*") {
                    depth += 1
                    rest = rest.dropFirst(2)
                } else if depth > 0 && rest.hasPrefix("*/") {
                    depth -= 1
                    rest = rest.dropFirst(2)
                } else if depth == 0 && rest.hasPrefix("--") {
                    rest = rest.drop { $0 != "\n" }.dropFirst()
                } else if depth > 0 {
                    rest = rest.dropFirst()
                } else {
                    return
                }
            }
        }
    }
}
