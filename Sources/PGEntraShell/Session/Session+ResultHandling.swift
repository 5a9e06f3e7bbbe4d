import PGEntraDatabase
import PGEntraScanner
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// `\gset`, `\gexec`, `\gdesc`, `\crosstabview` and COPY FROM STDIN data (psql's StoreQueryTuple,
/// ExecQueryTuples, DescribeQuery, PrintResultInCrosstab, handleCopyIn).
extension Session {
    func handleLastResult(_ result: QueryResult, _ handling: ResultHandling, at location: ScriptLocation?) -> Bool {
        switch handling {
        case .gset(let prefix): return storeTuple(result, prefix: prefix, at: location)
        case .gexec: return executeTuples(result, at: location)
        case .crosstab(let arguments): return printCrosstab(result, arguments: arguments, at: location)
        }
    }

    /// psql's PrintResultInCrosstab: the pivot, printed as a table with the session's settings
    /// (so `\x`, `\pset format`, title and footer apply), or its error. psql fills the table's
    /// cells itself, so `numericlocale` never reformats them.
    private func printCrosstab(_ result: QueryResult, arguments: [String?], at location: ScriptLocation?) -> Bool {
        let table: CrosstabTable<QueryResult>
        do throws(CrosstabError) {
            table = try CrosstabView.pivot(
                result, columns: result.columns, arguments: arguments,
                nullDisplay: printOptions.nullDisplayIsSet ? printOptions.nullDisplay : nil)
        } catch {
            self.error(error.description, at: location)
            return false
        }
        var options = printOptions
        options.numericLocale = false
        var writer = tableWriter(columns: table.columns, options: options, content: nil)
        if table.rowCount > 0 { writer.rows(table) }
        writer.finish()
        return true
    }

    private func storeTuple(_ result: QueryResult, prefix: String, at location: ScriptLocation?) -> Bool {
        guard result.rowCount == 1 else {
            error(result.rowCount < 1 ? "no rows returned for \\gset" : "more than one row returned for \\gset", at: location)
            return false
        }
        for (index, column) in result.columns.enumerated() {
            let name = prefix + column.name
            if Variables.hooked.contains(name) {
                warning("attempt to \\gset into specially treated variable \"\(name)\" ignored", at: location)
                continue
            }
            do throws(Variables.Invalid) {
                try variables.set(name, result.value(row: 0, column: index))
            } catch {
                self.error(error.description, at: location)
                return false
            }
        }
        return true
    }

    private func executeTuples(_ result: QueryResult, at location: ScriptLocation?) -> Bool {
        // psql's previous query stays the one that produced the cells.
        let outer = previousQuery
        defer { previousQuery = outer }
        var success = true
        for row in 0..<result.rowCount {
            for column in 0..<result.columnCount {
                guard let query = result.value(row: row, column: column) else { continue }
                if variables["ECHO"] == "all" {
                    output.flush()
                    printStandard(query + "\n")
                }
                if !runSkippingCopyData(query, at: location) {
                    success = false
                    if variables.bool("ON_ERROR_STOP") || connectionLost { return false }
                }
            }
        }
        return success
    }

    /// `\gdesc`: prepare, describe, and show the columns through a query of psql's shape
    /// (DescribeQuery), which `\gset`, `\gexec` or `\crosstabview` take if one is armed.
    func describe(_ sql: String, on connection: Connection, at location: ScriptLocation?) -> Bool {
        switch connection.describeColumns(sql) {
        case .failure(let failure):
            if let result = failure.result {
                lastError = result
                report(result.errorMessage, at: location)
                setErrorVariables(sqlState: result.sqlState ?? "", message: result.primaryMessage ?? "")
            } else {
                report(connection.errorMessage, at: location)
                setErrorVariables(sqlState: "", message: "")
            }
            return false
        case .success(let columns):
            guard !columns.isEmpty else {
                output.write("The command has no result, or the result has no columns.\n")
                output.flush()
                setSuccessVariables(rowCount: 0)
                return true
            }
            let values = columns.map { "(\(connection.literal($0.name)), '\($0.type)'::pg_catalog.oid, \($0.modifier))" }
            let query = "SELECT name AS \"Column\", pg_catalog.format_type(tp, tpm) AS \"Type\"\nFROM (VALUES "
                + values.joined(separator: ",") + ") s(name, tp, tpm)"
            guard let result = runHidden(query) else { return false }
            // DescribeQuery's SetResultVariables: the description's own rows.
            setSuccessVariables(rowCount: result.rowCount)
            var success = true
            if let handling = resultHandling {
                success = handleLastResult(result, handling, at: location)
            } else {
                var table = tableWriter(columns: result.columns, options: printOptions, content: nil)
                if result.rowCount > 0 { table.rows(result) }
                table.finish()
            }
            output.flush()
            return success
        }
    }

    /// COPY FROM STDIN: `\copy`'s file, else the rest of the script, up to a `\.` line.
    /// Returns the script's line number after the data when the data came from the script.
    func copyIn(_ connection: Connection) -> Int? {
        let source: InputSource
        if case .input(let input) = copyStream {
            source = input
        } else if let terminal = terminalCopyInput, copyStream != nil || currentInput == nil {
            copyIn(connection, typedAt: terminal)
            return nil
        } else {
            source = currentInput ?? InputSource(descriptor: 0, name: nil)
        }
        while let line = source.readLine() {
            if Self.endsCopyData(line) { break }
            guard connection.putCopyData(LosslessText.bytes(of: line + "\n")) else { break }
        }
        connection.endCopyIn(error: nil)
        return source === currentInput ? source.lineNumber : nil
    }

    /// psql 18.6's answer to CVE-2026-6464 ("Teach psql to skip in-line COPY ... FROM STDIN
    /// data after a failure"): the in-line data of `blocks` COPY FROM STDIN commands that never
    /// started is read and dropped, each block up to a line that is exactly `\.` (a CR before
    /// the newline allowed, as for the data itself) or to the end of the script, so that none
    /// of it runs as SQL or as a meta-command. Nothing is echoed.
    /// Scripts only: at the prompt psql skips nothing.
    func skipCopyData(blocks: Int, in source: InputSource) {
        var left = blocks
        while left > 0, let line = source.readLine() {
            if Self.endsCopyData(line) { left -= 1 }
        }
    }

    /// A query that did not come through the main loop's scanner (`-c`, each `\gexec` cell),
    /// as psql 18.6's SendQuery takes it: scanned once, as far as its first `;` or
    /// meta-command, for COPY FROM STDIN, then run; the in-line data of each one the server
    /// never started is skipped where commands come from: the script, or stdin for `-c`.
    /// At the prompt nothing is skipped.
    package func runSkippingCopyData(_ query: String, at location: ScriptLocation?) -> Bool {
        var scanner = StatementScanner(standardConformingStrings: standardConformingStrings)
        scanner.clientOnlyEncoding = printOptions.encoding.clientOnlyRules
        scanner.restart(with: query)
        var scanned = ""
        _ = scanner.scan(into: &scanned, variables: nil)
        let started = copyInsStarted
        let ok = run(query, at: location)
        let unstarted = scanner.countCopyFromStdin() - (copyInsStarted - started)
        guard unstarted > 0, connection?.isInPipeline != true else { return ok }
        if let script = currentInput {
            skipCopyData(blocks: unstarted, in: script)
        } else if terminalCopyInput == nil {
            skipCopyData(blocks: unstarted, descriptor: 0)
        }
        return ok
    }

    /// The same for `-c` (and `\copy` in one), whose data would come from psql's stdin: read
    /// straight from the descriptor a byte at a time, so that nothing after the data is read
    /// ahead and lost to a later `-f -`, which goes on from the next line as psql's shared
    /// stdio stream does.
    func skipCopyData(blocks: Int, descriptor: Int32) {
        var left = blocks
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while left > 0 {
            let count = read(descriptor, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return }
            guard byte == ScanByte.newline else {
                // Only whether the line is `\.` matters: 4 bytes tell a longer line from it.
                if line.count < 4 { line.append(byte) }
                continue
            }
            if Self.endsCopyData(String(decoding: line, as: UTF8.self)) { left -= 1 }
            line.removeAll(keepingCapacity: true)
        }
    }

    /// A line that ends in-line COPY data: `\.`, a CR before the newline allowed.
    private static func endsCopyData(_ line: String) -> Bool {
        line == "\\." || line == "\\.\r"
    }

    /// COPY data typed at the shell (psql's handleCopyIn on a terminal): psql's two-line hint
    /// unless QUIET, then lines after PROMPT3 up to `\.` or Ctrl-D; Ctrl-C abandons the COPY.
    private func copyIn(_ connection: Connection, typedAt terminal: () -> LineInput) {
        if !variables.bool("QUIET") {
            output.flush()
            printStandard("""
                Enter data to be copied followed by a newline.
                End with a backslash and a period on a line by itself, or an EOF signal.

                """)
        }
        // Sent in psql's 8 kB chunks: after Ctrl-C the server has seen none of the pending lines.
        var pending: [UInt8] = []
        reading: while true {
            switch terminal() {
            case .line(let line):
                guard !Self.endsCopyData(line) else { break reading }
                pending += LosslessText.bytes(of: line + "\n")
                if pending.count >= 8192 - 5 {
                    guard connection.putCopyData(pending) else { break reading }
                    pending = []
                }
            case .end:
                break reading
            case .interrupted:
                connection.endCopyIn(error: "canceled by user")
                return
            }
        }
        if !pending.isEmpty { _ = connection.putCopyData(pending) }
        connection.endCopyIn(error: nil)
    }
}
