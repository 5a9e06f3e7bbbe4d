import PGEntraDatabase
import PGEntraOutput
import PGEntraSystem
#if canImport(Glibc)
import Glibc
#endif

/// Sending SQL and showing what comes back, as psql's SendQuery does (psql-compat.md §6, §7,
/// §10): every result of a multi-statement string is shown, errors go to stderr with the
/// script prefix, streaming formats write rows as they arrive, and FETCH_COUNT prints any
/// result in chunks of that many rows, as psql 17+ does.
extension Session {
    /// Runs `sql` (one query string, possibly several statements). Returns false if any part
    /// failed, which the caller turns into ON_ERROR_STOP handling and exit statuses.
    @discardableResult
    func run(_ sql: String, at location: ScriptLocation?) -> Bool {
        // `\g`'s settings are for this query alone (psql's SetupGOutput, sendquery_cleanup).
        guard !watching, !oneShot.isEmpty else { return runQuery(sql, at: location) }
        let once = oneShot
        oneShot = OneShotSend()
        let saved = once.savedOptions ?? printOptions
        defer {
            // A SET client_encoding in the query outlives the query's own settings.
            let encoding = printOptions.encoding
            printOptions = saved
            printOptions.encoding = encoding
        }
        if once.expanded { printOptions.expanded = .on }
        guard let target = once.target else { return runQuery(sql, at: location) }
        return withQueryOutput(target) { runQuery(sql, at: location) }
    }

    private func runQuery(_ sql: String, at location: ScriptLocation?) -> Bool {
        previousQuery = sql
        currentLocation = location
        // psql's -e and -s: a query is echoed, or shown for confirmation, before it is sent.
        if variables.bool("SINGLESTEP") && !watching {
            // SendQuery's `x`: the query is not sent, and counts as failed (ON_ERROR_STOP stops).
            guard confirmSingleStep(sql) else { return false }
        } else if variables["ECHO"] == "queries" && !watching {
            output.flush()
            printStandard(sql + "\n")
        }
        if !watching { log?.write(Self.queryBanner(sql)) }
        // psql's clean_extended_state and sendquery_cleanup after every query, also one that
        // was never sent (not connected, queued in a pipeline): the next query is plain again
        // and \gset, \gexec, \crosstabview never reach it. \watch keeps both for each run.
        defer {
            if !watching {
                sendMode = .query
                resultHandling = nil
                describesNext = false
            }
        }
        guard let connection, connection.isOK else {
            error("You are currently not connected to a database.", at: location)
            return false
        }
        // Not in a pipeline, where psql's BEGIN and SAVEPOINT could only be refused.
        let wrapped = !watching && !connection.isInPipeline
        var savepoint = false
        if wrapped {
            guard let opened = openImplicitTransaction(for: sql, on: connection, at: location) else { return false }
            savepoint = opened
        }
        savepointGone = false
        let started = Self.now()
        var success = describesNext
            ? describe(sql, on: connection, at: location) : runDirectly(sql, on: connection, at: location)
        let elapsed = Self.now() - started
        output.flush()
        log?.flush()
        // SendQuery echoes a failed query string once, after all its results (\watch never).
        if !success && !watching && variables["ECHO"] == "errors" { report("STATEMENT:  \(sql)", at: currentLocation) }
        if savepoint && connection.isOK {
            success = closeImplicitSavepoint(savepointGone: savepointGone, on: connection, at: location) && success
        }
        printTiming(elapsed)
        showNotifications(connection)
        trackClientEncoding()
        if !connection.isOK {
            // A failed query already showed libpq's text in its error result.
            return connectionFailed(connection, at: location, showingMessage: success)
        }
        return success
    }

    /// SendQuery's single-step mode: the query between two banners, then a reply read from
    /// stdin as psql's `fgets(buf, 3, stdin)` does (at most two bytes, up to a newline); `x`
    /// cancels the query, which then counts as not run.
    private func confirmSingleStep(_ sql: String) -> Bool {
        output.flush()
        Console.flushStandardStreams()
        printStandard(
            "/**(Single step mode: verify command)******************************************/\n\(sql)\n"
                + "/**(press return to proceed or enter x and return to cancel)*******************/\n")
        var reply: [UInt8] = []
        if let script = currentInput, script.readsStandardInput {
            // The script itself comes from stdin: the reply is read from the same stream.
            reply = script.readBytes(upTo: 2)
        } else {
            var byte: UInt8 = 0
            while reply.count < 2, read(0, &byte, 1) == 1 {
                reply.append(byte)
                if byte == UInt8(ascii: "\n") { break }
            }
        }
        return reply.first != UInt8(ascii: "x")
    }

    /// How psql 17+ frames a query it echoes for ECHO_HIDDEN or writes to the `-L` log
    /// (common.c's SendQuery and PSQLexec): as a C comment, so the log can be run again.
    static func queryBanner(_ sql: String) -> String {
        "/******** QUERY *********/\n\(sql)\n/************************/\n\n"
    }

    private func runDirectly(_ sql: String, on connection: Connection, at start: ScriptLocation?) -> Bool {
        var location = start
        defer { setPipelineVariables() }
        let endsPipeline: Bool
        switch dispatch(sql, on: connection, at: location) {
        case .failed: return connectionFailed(connection, at: location)
        case .queued: return true
        case .read(let ends): endsPipeline = ends
        case .closedWithoutSending:
            if !variables.bool("QUIET") { printOptions.writeStatus("", to: statusOutput) }
            setRowCount(0)
            clearErrorVariables()
            return true
        }
        let showAll = variables.bool("SHOW_ALL_RESULTS")
        // ExecQueryAndProcessResults reads in chunks unless it must see every row first
        // (SHOW_ALL_RESULTS off, \gset, \gexec, \crosstabview) or runs for \watch.
        let chunks = showAll && resultHandling == nil && !watching
        let chunkSize = chunks ? variables.integer("FETCH_COUNT") : 0
        // Only the extended protocol shows an empty tag (Parse, Close) as psql does: a blank line.
        let showsEmptyTag = sendMode != .query
        // Unaligned, CSV and JSON write each row as it arrives: memory stays flat for any result.
        let handling = resultHandling
        resultHandling = nil
        // A result that may be paged is measured whole first, as psql does.
        if showAll && handling == nil && [.unaligned, .csv, .json].contains(printOptions.format) && !mayPageTables
            && !connection.isInPipeline {
            _ = connection.streamRows()
        } else if chunkSize > 0 {
            // psql 18 reads in chunks of FETCH_COUNT rows (PQsetChunkedRowsMode, libpq 17); libpq
            // 15's single-row mode has the same preconditions, so fails where psql warns, and
            // its rows are gathered into chunks here.
            if !connection.streamRows() { warning("fetching results in chunked mode failed", at: location) }
        }
        var chunk = RowChunk()

        var success = true
        var table: TableWriter?
        var streamedRows = 0
        var lastResult: QueryResult?
        var lastIsClose = false
        var afterCopyOut = false
        // \gset/\gexec/\crosstabview take the last result; one held back is shown when another
        // follows, if every result is shown.
        var held: QueryResult?
        // A result to show once the one after it has been read, and whether it closes a statement.
        var shown: (result: QueryResult, closing: Bool)?
        var next = connection.nextResult()
        while let result = next {
            next = nil
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
            case .singleRow where chunkSize > 0:
                if table == nil { table = chunkTableWriter(columns: result.columns) }
                streamedRows += 1
                chunk.rows.append(result)
                if chunk.rowCount >= chunkSize {
                    table?.rows(chunk)
                    chunk = RowChunk()
                }
                next = connection.nextResult()
                continue
            case .singleRow:
                if table == nil { table = startTable(result.columns) }
                streamedRows += 1
                table?.rows(result)
                // The rows of one command: no pipeline bookkeeping until its final result.
                next = connection.nextResult()
                continue
            case .tuples:
                if handling != nil {
                    held = result
                } else if showAll {
                    if chunk.rowCount > 0 { table?.rows(chunk) }
                    chunk = RowChunk()
                    if var streamed = table {
                        // Rows already written as they came: only the footer is left.
                        streamed.finish()
                        // psql 18 shows no command tag after a result it printed in chunks.
                        if chunkSize == 0 { showCommandTag(result) }
                    } else {
                        shown = (result, false)
                    }
                    table = nil
                } else {
                    lastResult = result
                }
                setRowCount(streamedRows + result.rowCount)
                streamedRows = 0
                clearErrorVariables()
            case .command, .emptyQuery:
                // COPY TO STDOUT's closing tag is not shown, as psql does not.
                if !afterCopyOut {
                    // A `\close_prepared` result read in a pipeline may come long after the
                    // command. Asked here, not for every streamed row.
                    let closing = connection.isInPipeline ? pipeline.nextIsClose : sendMode.isClose
                    if showAll {
                        shown = (result, closing)
                    } else {
                        lastResult = result
                        lastIsClose = closing
                    }
                }
                if CatalogChange.invalidates(result.commandTag) { catalogChanges += 1 }
                // ExecQueryAndProcessResults' svpt_gone: the query ended or set savepoints itself.
                if ["COMMIT", "SAVEPOINT", "RELEASE", "ROLLBACK"].contains(result.commandTag) { savepointGone = true }
                // psql 18 leaves ROW_COUNT at 0 after COPY TO STDOUT, whatever its tag says.
                setRowCount(afterCopyOut ? 0 : Int(result.commandTag.split(separator: " ").last ?? "") ?? 0)
                afterCopyOut = false
                clearErrorVariables()
            case _ where connection.isInPipeline && [.copyOut, .copyIn, .copyBoth].contains(result.status):
                copyInPipeline(at: location)
            case .copyOut:
                afterCopyOut = copyOut(connection)
            case .copyIn, .copyBoth:
                copyInsStarted += 1
                if let line = copyIn(connection), let current = location {
                    // Errors about the data name the line reached, as psql's do.
                    location = ScriptLocation(source: current.source, line: line)
                    currentLocation = location
                }
            case .error, .pipelineAborted:
                success = false
                if chunkSize > 0, table != nil {
                    // libpq drops a chunk the error cut short; the full ones were printed.
                    chunk = RowChunk()
                    table?.abandon()
                }
                table = nil
                showError(result, at: location)
                if result.status == .pipelineAborted { report("Pipeline aborted, command did not run", at: location) }
                // In a pipeline, what the error aborted is read up to the next sync.
                let discards = (endsPipeline || pipeline.requested > 0) && connection.isInPipeline
                next = discards ? discardAbortedPipelineResults(connection) : connection.nextResult()
                continue
            case .pipelineSync:
                // After a sync the pipeline is clean again: what follows may succeed. A sync
                // that comes last is what SHOW_ALL_RESULTS=off shows: nothing.
                success = true
                lastResult = nil
                clearErrorVariables()
                setRowCount(0)
            case .other:
                break
            }
            success = countPipelineResult(result, endsPipeline: endsPipeline, on: connection) && success
            next = followingResult(after: result, on: connection)
            // ExecQueryAndProcessResults reads the next result before it prints this one (to
            // know whether it is the last), so the notices that came with the next are shown
            // first.
            if let (result, closing) = shown {
                shown = nil
                if result.status == .tuples {
                    var current = startTable(result.columns)
                    if result.rowCount > 0 { current.rows(result) }
                    current.finish()
                    showCommandTag(result)
                } else {
                    showCommandTag(result, showingEmpty: showsEmptyTag, closing: closing)
                }
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
            showCommandTag(lastResult, showingEmpty: showsEmptyTag, closing: lastIsClose)
        }
        return success
    }

    private func startTable(_ columns: [TableColumn]) -> TableWriter {
        tableWriter(columns: columns, options: printOptions, content: nil)
    }

    /// psql's PrintQueryStatus: a command's tag, and a row-returning INSERT, UPDATE, DELETE or
    /// MERGE's (RETURNING) after its rows.
    private func showCommandTag(_ result: QueryResult, showingEmpty: Bool = false, closing: Bool = false) {
        let returning = result.status == .tuples
            && ["INSERT", "UPDATE", "DELETE", "MERGE"].contains { result.commandTag.hasPrefix($0) }
        let closing = closing || sendMode.isClose
        guard result.status == .command || returning || closing else { return }
        // PrintQueryStatus sets LASTOID whether or not QUIET hides the tag.
        defer { try? variables.set("LASTOID", String(result.insertedOID)) }
        guard !variables.bool("QUIET") else { return }
        // `\close_prepared` stands in for psql's Close message, whose tag is empty.
        let tag = closing ? "" : result.commandTag
        guard !tag.isEmpty || showingEmpty else { return }
        printOptions.writeStatus(tag, to: statusOutput)
        if let log { PrintOptions().writeStatus(tag, to: log) }
    }

    private func showError(_ result: QueryResult, at location: ScriptLocation?) {
        if result.status == .error { lastError = result }
        // A pipeline's aborted command has no message of its own.
        if !result.errorMessage.isEmpty { report(result.errorMessage, at: location) }
        setErrorVariables(sqlState: result.sqlState ?? "", message: result.primaryMessage ?? "")
    }

    func setErrorVariables(sqlState: String, message: String) {
        lastRowCount = 0
        guard !watching else { return }
        try? variables.set("ERROR", "true")
        try? variables.set("SQLSTATE", sqlState)
        try? variables.set("LAST_ERROR_SQLSTATE", sqlState)
        try? variables.set("LAST_ERROR_MESSAGE", message)
        try? variables.set("ROW_COUNT", "0")
    }

    /// psql's SetResultVariables for a success: no error, `count` rows.
    func setSuccessVariables(rowCount count: Int) {
        setRowCount(count)
        clearErrorVariables()
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
        openGOutput()
        var sink = output
        // HandleCopyResult hides the tag only when the data went to the query output.
        var hidesTag = gOutput == nil
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
        // In a pipeline psql reads nothing here that libpq 15 could have had: psql 18's
        // `\syncpipeline` does not flush the Sync (PQsendPipelineSync), ours does
        // (PQpipelineSync), so the answers are left for `\getresults` and `\endpipeline`.
        let reading = !connection.isInPipeline
        while let notification = connection.nextNotification(readingInput: reading) {
            let payload = notification.payload.isEmpty ? "" : " with payload \"\(notification.payload)\""
            statusOutput.write("Asynchronous notification \"\(notification.channel)\"\(payload) received from server process with PID \(notification.pid).\n")
        }
        statusOutput.flush()
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
