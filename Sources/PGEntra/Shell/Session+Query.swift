/// Sending SQL and showing what comes back, as psql's SendQuery does (psql-compat.md §6, §7,
/// §10): every result of a multi-statement string is shown, errors go to stderr with the
/// script prefix, streaming formats write rows as they arrive, and FETCH_COUNT reads SELECTs
/// through a cursor.
extension Session {
    /// Runs `sql` (one query string, possibly several statements). Returns false if any part
    /// failed, which the caller turns into ON_ERROR_STOP handling and exit statuses.
    @discardableResult
    public func run(_ sql: String, at location: ScriptLocation?) -> Bool {
        previousQuery = sql
        currentLocation = location
        if variables["ECHO"] == "queries" && !watching {
            output.flush()
            Console.standard.output(sql + "\n")
        }
        if !watching { log?.write(Self.queryBanner(sql)) }
        guard let connection, connection.isOK else {
            error("You are currently not connected to a database.", at: location)
            return false
        }
        if resultHandling == .describe {
            return describe(sql, on: connection, at: location)
        }
        let fetchCount = variables.integer("FETCH_COUNT")
        let started = Self.now()
        let success = fetchCount > 0 && resultHandling == nil && Self.isSelect(sql)
            ? runWithCursor(sql, fetchCount: fetchCount, on: connection, at: location)
            : runDirectly(sql, on: connection, at: location)
        let elapsed = Self.now() - started
        output.flush()
        log?.flush()
        printTiming(elapsed)
        showNotifications(connection)
        if !connection.isOK {
            // A failed query already showed libpq's text in its error result.
            return connectionFailed(connection, at: location, showingMessage: success)
        }
        return success
    }

    /// How psql 17+ frames a query it echoes for ECHO_HIDDEN or writes to the `-L` log
    /// (common.c's SendQuery and PSQLexec): as a C comment, so the log can be run again.
    static func queryBanner(_ sql: String) -> String {
        "/******** QUERY *********/\n\(sql)\n/************************/\n\n"
    }

    private func runDirectly(_ sql: String, on connection: Connection, at start: ScriptLocation?) -> Bool {
        var location = start
        guard connection.send(sql) else { return connectionFailed(connection, at: location) }
        let showAll = variables.bool("SHOW_ALL_RESULTS")
        // Unaligned, CSV and JSON write each row as it arrives: memory stays flat for any result.
        let handling = resultHandling
        resultHandling = nil
        // A result that may be paged is measured whole first, as psql does.
        if showAll && handling == nil && [.unaligned, .csv, .json].contains(printOptions.format) && !mayPageTables {
            _ = connection.streamRows()
        }

        var success = true
        var table: TableWriter?
        var streamedRows = 0
        var lastResult: QueryResult?
        var afterCopyOut = false
        // \gset/\gexec/\crosstabview take the last result; one held back is shown when another
        // follows, if every result is shown.
        var held: QueryResult?
        while let result = connection.nextResult() {
            if let earlier = held {
                held = nil
                if showAll {
                    var current = startTable(earlier.columns)
                    if earlier.rowCount > 0 { current.rows(earlier) }
                    current.finish()
                    showCommandTag(earlier)
                }
            }
            switch result.status {
            case .singleRow:
                if table == nil { table = startTable(result.columns) }
                streamedRows += 1
                table?.rows(result)
            case .tuples:
                if handling != nil {
                    held = result
                } else if showAll {
                    var current = table ?? startTable(result.columns)
                    if result.rowCount > 0 { current.rows(result) }
                    current.finish()
                    table = nil
                    showCommandTag(result)
                } else {
                    lastResult = result
                }
                setRowCount(streamedRows + result.rowCount)
                streamedRows = 0
                clearErrorVariables()
            case .command, .emptyQuery:
                // COPY TO STDOUT's closing tag is not shown, as psql does not.
                if !afterCopyOut {
                    if showAll { showCommandTag(result) } else { lastResult = result }
                }
                afterCopyOut = false
                if CatalogChange.invalidates(result.commandTag) { catalogChanges += 1 }
                setRowCount(Int(result.commandTag.split(separator: " ").last ?? "") ?? 0)
                clearErrorVariables()
            case .copyOut:
                afterCopyOut = copyOut(connection)
            case .copyIn, .copyBoth:
                if let line = copyIn(connection), let current = location {
                    // Errors about the data name the line reached, as psql's do.
                    location = ScriptLocation(source: current.source, line: line)
                }
            case .error:
                success = false
                table = nil
                showError(result, query: sql, at: location)
            case .other:
                break
            }
        }
        if let held, let handling {
            if !handleLastResult(held, handling, at: location) {
                // psql's SetResultVariables for a refused result: an error without a SQLSTATE.
                setErrorVariables(sqlState: "", message: "")
                success = false
            }
            showCommandTag(held)
        }
        if let lastResult {
            if lastResult.status == .tuples {
                var table = startTable(lastResult.columns)
                if lastResult.rowCount > 0 { table.rows(lastResult) }
                table.finish()
            }
            showCommandTag(lastResult)
        }
        return success
    }

    /// psql's ExecQueryUsingCursor: DECLARE a cursor (inside a transaction it opens if needed),
    /// FETCH FORWARD n at a time, each fetch printed as a piece of one table.
    private func runWithCursor(_ sql: String, fetchCount: Int, on connection: Connection, at location: ScriptLocation?) -> Bool {
        let ownTransaction = connection.transactionState == .idle
        if ownTransaction {
            guard runCursorStep("BEGIN", on: connection, query: sql, at: location) != nil else { return false }
        }
        func abandon() -> Bool {
            if ownTransaction { _ = connection.execute("ROLLBACK") }
            return false
        }
        guard runCursorStep("DECLARE _psql_cursor NO SCROLL CURSOR FOR\n\(sql)", on: connection, query: sql, at: location) != nil else {
            return abandon()
        }
        var table: TableWriter?
        var total = 0
        while true {
            guard let batch = runCursorStep("FETCH FORWARD \(fetchCount) FROM _psql_cursor", on: connection, query: sql, at: location) else {
                return abandon()
            }
            if table == nil {
                table = tableWriter(
                    columns: batch.columns, options: printOptions,
                    content: TableContentOptions(title: printOptions.title, printsEachBatch: true))
            }
            table?.rows(batch)
            total += batch.rowCount
            if batch.rowCount < fetchCount { break }
        }
        table?.finish()
        setRowCount(total)
        clearErrorVariables()
        _ = runCursorStep("CLOSE _psql_cursor", on: connection, query: sql, at: location)
        if ownTransaction { _ = runCursorStep("COMMIT", on: connection, query: sql, at: location) }
        return true
    }

    /// One of the cursor's own statements: shown with ECHO_HIDDEN, its error reported as the query's.
    private func runCursorStep(_ step: String, on connection: Connection, query: String, at location: ScriptLocation?) -> QueryResult? {
        if variables["ECHO_HIDDEN"].flatMap(Variables.parseBoolean) == true {
            output.write(Self.queryBanner(step))
        }
        guard let result = connection.execute(step) else { return nil }
        guard result.status != .error else {
            showError(result, query: query, at: location)
            return nil
        }
        return result
    }

    /// psql's is_select_command: after blanks, comments and opening parentheses, SELECT or VALUES.
    static func isSelect(_ sql: String) -> Bool {
        var rest = Substring(sql)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "(" }
            if rest.hasPrefix("/*") {
                guard let end = rest.firstRange(of: "*/") else { return false }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else {
                break
            }
        }
        let word = rest.prefix { $0.isLetter }.lowercased()
        return word == "select" || word == "values"
    }

    private func startTable(_ columns: [TableColumn]) -> TableWriter {
        tableWriter(columns: columns, options: printOptions, content: nil)
    }

    /// psql's PrintQueryStatus: a command's tag, and after rows only RETURNING's.
    private func showCommandTag(_ result: QueryResult) {
        let tag = result.commandTag
        let returning = result.status == .tuples && ["INSERT", "UPDATE", "DELETE", "MERGE"].contains { tag.hasPrefix($0) }
        guard !variables.bool("QUIET"), result.status == .command || returning else { return }
        guard !tag.isEmpty else { return }
        printOptions.writeStatus(tag, to: output)
        if let log { PrintOptions().writeStatus(tag, to: log) }
    }

    private func showError(_ result: QueryResult, query: String, at location: ScriptLocation?) {
        lastError = result
        report(result.errorMessage, at: location)
        if variables["ECHO"] == "errors" {
            report("STATEMENT:  \(query)", at: location)
        }
        setErrorVariables(sqlState: result.sqlState ?? "", message: result.primaryMessage ?? "")
    }

    private func setErrorVariables(sqlState: String, message: String) {
        lastRowCount = 0
        guard !watching else { return }
        try? variables.set("ERROR", "true")
        try? variables.set("SQLSTATE", sqlState)
        try? variables.set("LAST_ERROR_SQLSTATE", sqlState)
        try? variables.set("LAST_ERROR_MESSAGE", message)
        try? variables.set("ROW_COUNT", "0")
    }

    private func clearErrorVariables() {
        guard !watching else { return }
        try? variables.set("ERROR", "false")
        try? variables.set("SQLSTATE", "00000")
    }

    private func setRowCount(_ count: Int) {
        lastRowCount = count
        guard !watching else { return }
        try? variables.set("ROW_COUNT", String(count))
    }

    /// COPY TO STDOUT data to `\copy`'s file or the query output; true when the closing tag
    /// is to be hidden (the data went where the tag would).
    private func copyOut(_ connection: Connection) -> Bool {
        var sink = output
        var hidesTag = true
        if case .output(let target, let showsTag) = copyStream {
            sink = target
            hidesTag = !showsTag
        }
        while let chunk = connection.copyData() {
            chunk.withUnsafeBufferPointer { sink.write($0) }
        }
        sink.flush()
        return hidesTag
    }

    private func showNotifications(_ connection: Connection) {
        while let notification = connection.nextNotification() {
            let payload = notification.payload.isEmpty ? "" : " with payload \"\(notification.payload)\""
            output.write("Asynchronous notification \"\(notification.channel)\"\(payload) received from server process with PID \(notification.pid).\n")
        }
        output.flush()
    }

    /// The connection broke: libpq's text, then psql's verdict. A script ends with status 2; the
    /// terminal reconnects (`resetConnection`).
    private func connectionFailed(_ connection: Connection, at location: ScriptLocation?, showingMessage: Bool = true) -> Bool {
        let message = connection.errorMessage
        if showingMessage && !message.isEmpty { report(message, at: location) }
        if !connection.isOK {
            if interactive {
                resetConnection(connection)
            } else {
                error("connection to server was lost", at: location)
                connectionLost = true
            }
        }
        return false
    }
}
