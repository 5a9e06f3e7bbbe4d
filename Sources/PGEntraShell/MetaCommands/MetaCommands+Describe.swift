import PGEntraDatabase
import PGEntraOutput

/// What the listing rows of MetaCommandTable share (psql-compat.md §8.2): the context their
/// `DescribeQueries` need, the `x` option, and the printing of what their hidden queries find,
/// from one titled table to describe.c's several per object (`\d NAME`, `\du`, `\dx+`).
extension MetaCommands {
    /// What the describe queries need of the session: the database for `db.schema.name`
    /// patterns, the server's version for describe.c's branches, HIDE_TABLEAM, and the
    /// client-only encoding that patterns are stepped through.
    func describeContext() -> DescribeQueries.Context {
        var context = DescribeQueries.Context(database: session.connection?.database ?? "")
        context.serverVersion = session.connection?.serverVersion ?? context.serverVersion
        context.hideTableAccessMethod = session.variables.bool("HIDE_TABLEAM")
        context.encoding = session.printOptions.encoding.clientOnlyRules
        return context
    }

    /// psql 18's `x` option, expanded output for this command only, read where psql reads it:
    /// exec_command_d after `\d` and the command's next letter (not right after `\d`, since
    /// `\dx` lists extensions and `\dxx` expands them), exec_command_z and exec_command_list
    /// after `\z` and `\l`, exec_command_lo after `\lo_list`.
    static func asksExpanded(_ name: String) -> Bool {
        let options = name.hasPrefix("lo_list") ? name.dropFirst(7)
            : name.hasPrefix("l") || name.hasPrefix("z") ? name.dropFirst() : name.dropFirst(2)
        return options.contains("x")
    }

    /// Runs `body` with expanded output on when the name asks for it; psql restores the setting
    /// afterwards.
    func expandedWhenAsked(_ name: String, _ body: () -> Outcome) -> Outcome {
        let savedExpanded = session.printOptions.expanded
        if Self.asksExpanded(name) { session.printOptions.expanded = .on }
        defer { session.printOptions.expanded = savedExpanded }
        return body()
    }

    // MARK: - Listings

    /// Print options for describe output: the session's, without `\pset null` (psql sets
    /// nullPrint to NULL).
    private func describeOptions() -> PrintOptions {
        var options = session.printOptions
        options.nullDisplay = ""
        return options
    }

    /// `options` overrides the describe options: psql 18's catalog listings (listAllDbs,
    /// describeFunctions, listSchemas, listExtensionContents, ...) print with `\pset null` as set.
    private func printResult(_ result: QueryResult, title: String, footers: [String]? = nil, options: PrintOptions? = nil) {
        var writer = session.tableWriter(
            columns: result.columns, options: options ?? describeOptions(), content: TableContentOptions(title: title, footers: footers))
        if result.rowCount > 0 { writer.rows(result) }
        writer.finish()
        session.output.flush()
    }

    /// The print options of psql 18's catalog listings: the session's, `\pset null` included,
    /// expanded when the name asks for it, for `\dl` and `\lo_list`, which run outside
    /// `expandedWhenAsked`.
    func listingOptions(_ name: String) -> PrintOptions {
        var options = session.printOptions
        if Self.asksExpanded(name) { options.expanded = .on }
        return options
    }

    /// A catalog listing: the hidden query's rows under `title`, printed with `options`.
    func list(_ sql: String, title: String, options: PrintOptions) -> Outcome {
        guard let result = session.runHidden(sql) else { return .failed }
        printResult(result, title: title, options: options)
        return .ok
    }

    func listRelations(
        _ letters: String, pattern: String?, verbose: Bool, system: Bool, context: DescribeQueries.Context,
        at location: ScriptLocation?
    ) -> Outcome {
        let kinds = DescribeQueries.RelationKinds(letters: letters)
        let sql: String
        do throws(PatternTranslator.Failure) {
            sql = try DescribeQueries.listRelations(kinds, pattern: pattern, verbose: verbose, system: system, context: context)
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
        guard let result = session.runHidden(sql) else { return .failed }
        if result.rowCount == 0 && !session.variables.bool("QUIET") {
            session.error(kinds.notFound(pattern: pattern), at: location)
            return .ok
        }
        printResult(result, title: kinds.title)
        return .ok
    }

    /// psql's listSchemas: the list, then (for a pattern, on servers from 15) the publications
    /// that publish the schema as footers.
    func listSchemas(_ sql: String, publications publicationsSQL: String?, options: PrintOptions) -> Outcome {
        guard let result = session.runHidden(sql) else { return .failed }
        var footers: [String]?
        if let publicationsSQL {
            guard let publications = session.runHidden(publicationsSQL) else { return .failed }
            if publications.rowCount > 0 {
                footers = ["Publications:"] + (0..<publications.rowCount).map { "    \"\(publications.value(row: $0, column: 0) ?? "")\"" }
            }
        }
        printResult(result, title: "List of schemas", footers: footers, options: options)
        return .ok
    }

    func listExtensionContents(_ sql: String, pattern: String?, options: PrintOptions, at location: ScriptLocation?) -> Outcome {
        guard let found = session.runHidden(sql) else { return .failed }
        if found.rowCount == 0 {
            if !session.variables.bool("QUIET") {
                session.error(pattern.map { "Did not find any extension named \"\($0)\"." } ?? "Did not find any extensions.", at: location)
            }
            return .failed
        }
        for row in 0..<found.rowCount {
            let name = found.value(row: row, column: 0) ?? ""
            guard let objects = session.runHidden(DescribeQueries.extensionObjects(oid: found.value(row: row, column: 1) ?? "")) else {
                return .failed
            }
            printResult(objects, title: "Objects in extension \"\(name)\"", options: options)
        }
        return .ok
    }

    /// psql 18's describeRoles: Role name, the Attributes cell built client-side and, for
    /// `\du+`, Description; no row-count footer.
    func listRoles(_ sql: String, verbose: Bool, options: PrintOptions) -> Outcome {
        guard let result = session.runHidden(sql) else { return .failed }
        func text(_ row: Int, _ column: Int) -> String { result.value(row: row, column: column) ?? "" }
        let shift = verbose ? 1 : 0
        let rows: [[String?]] = (0..<result.rowCount).map { row in
            let attributes = DescribeQueries.roleAttributes(
                superuser: text(row, 1) == "t", inherit: text(row, 2) == "t", createRole: text(row, 3) == "t",
                createDB: text(row, 4) == "t", canLogin: text(row, 5) == "t",
                replication: text(row, 8 + shift) == "t", bypassRLS: text(row, 9 + shift) == "t",
                connectionLimit: Int(text(row, 6)) ?? -1, validUntil: text(row, 7))
            var cells: [String?] = [text(row, 0), attributes]
            if verbose { cells.append(text(row, 8)) }
            return cells
        }
        var names = ["Role name", "Attributes"]
        if verbose { names.append("Description") }
        var writer = session.tableWriter(
            columns: names.map { TableColumn(name: $0, typeOID: 25, alignment: .left) }, options: options,
            content: TableContentOptions(title: "List of roles", footers: []))
        writer.rows(StringRows(rows, columnCount: names.count))
        writer.finish()
        session.output.flush()
        return .ok
    }

    /// psql's listDbRoleSettings: unlike the other listings, finding nothing is an error message
    /// (unless QUIET, which prints the empty table), since the two patterns are easy to mix up.
    func listRoleSettings(
        _ sql: String, rolePattern: String?, databasePattern: String?, options: PrintOptions, at location: ScriptLocation?
    ) -> Outcome {
        guard let result = session.runHidden(sql) else { return .failed }
        if result.rowCount == 0 && !session.variables.bool("QUIET") {
            let message = switch (rolePattern, databasePattern) {
            case let (role?, database?): "Did not find any settings for role \"\(role)\" and database \"\(database)\"."
            case let (role?, nil): "Did not find any settings for role \"\(role)\"."
            default: "Did not find any settings."
            }
            session.error(message, at: location)
            return .ok
        }
        printResult(result, title: "List of settings", options: options)
        return .ok
    }

    // MARK: - \d NAME

    func describeRelations(_ sql: String, pattern: String, verbose: Bool, at location: ScriptLocation?) -> Outcome {
        guard let found = session.runHidden(sql) else { return .failed }
        if found.rowCount == 0 {
            if !session.variables.bool("QUIET") {
                session.error("Did not find any relation named \"\(pattern)\".", at: location)
            }
            return .failed
        }
        for row in 0..<found.rowCount {
            let details = RelationDescription(
                session: session, oid: found.value(row: row, column: 0) ?? "",
                schema: found.value(row: row, column: 1) ?? "", name: found.value(row: row, column: 2) ?? "",
                verbose: verbose, options: describeOptions(), location: location)
            guard details.run() else { return .failed }
        }
        return .ok
    }
}
