import PGEntraDatabase
import PGEntraOutput

/// One relation's `\d NAME` (psql 18's describeOneTableDetails in describe.c): columns and
/// footers for tables, views, materialized views, indexes, foreign tables, TOAST tables and
/// composite types, the settings table for sequences. Queries follow the server version the way
/// psql 18 does; the footers are in RelationDescription+Footers.
struct RelationDescription {
    let session: Session
    let oid: String
    let schema: String
    let name: String
    let verbose: Bool
    let options: PrintOptions
    /// Where the command came from, for psql's error when the relation vanished meanwhile.
    let location: ScriptLocation?

    /// The server's version (PQserverVersion), on which every query branches.
    var serverVersion: Int { session.connection?.serverVersion ?? 180000 }

    /// describeOneTableDetails' `tableinfo`.
    struct Flags {
        var checks = 0, kind = "", hasIndex = false, hasRules = false, hasTriggers = false
        var rowSecurity = false, forceRowSecurity = false, hasOIDs = false, isPartition = false
        var reloptions = "", tablespace = "0", ofType = "", persistence = "", replicaIdentity = ""
        var accessMethod: String?
    }

    /// Runs the queries and prints; false when a query failed.
    func run() -> Bool {
        let sql = DescribeQueries.relationFlags(oid: oid, verbose: verbose, serverVersion: serverVersion)
        guard let flagRow = session.runHidden(sql) else { return false }
        guard flagRow.rowCount > 0 else {
            if !session.variables.bool("QUIET") { session.error("Did not find any relation with OID \(oid).", at: location) }
            return false
        }
        func value(_ column: Int) -> String { flagRow.value(row: 0, column: column) ?? "" }
        var flags = Flags()
        flags.checks = Int(value(0)) ?? 0
        flags.kind = value(1)
        flags.hasIndex = value(2) == "t"
        flags.hasRules = value(3) == "t"
        flags.hasTriggers = value(4) == "t"
        flags.rowSecurity = value(5) == "t"
        flags.forceRowSecurity = value(6) == "t"
        flags.hasOIDs = value(7) == "t"
        flags.isPartition = value(8) == "t"
        flags.reloptions = value(9)
        flags.tablespace = value(10)
        flags.ofType = value(11)
        flags.persistence = value(12)
        flags.replicaIdentity = value(13)
        if serverVersion >= 120000 { flags.accessMethod = flagRow.value(row: 0, column: 14) }
        if flags.kind == "S" { return sequence(flags) }
        return relation(flags)
    }

    private func title(_ flags: Flags) -> String {
        let unlogged = flags.persistence == "u"
        let kind = switch flags.kind {
        case "r": unlogged ? "Unlogged table" : "Table"
        case "v": "View"
        case "m": "Materialized view"
        case "i": unlogged ? "Unlogged index" : "Index"
        case "I": unlogged ? "Unlogged partitioned index" : "Partitioned index"
        case "t": "TOAST table"
        case "c": "Composite type"
        case "f": "Foreign table"
        case "p": unlogged ? "Unlogged partitioned table" : "Partitioned table"
        default: "?\(flags.kind)?"
        }
        return "\(kind) \"\(schema).\(name)\""
    }

    private func sequence(_ flags: Flags) -> Bool {
        guard let settings = session.runHidden(DescribeQueries.sequenceDetails(oid: oid)),
              let owner = session.runHidden(DescribeQueries.sequenceOwner(oid: oid)) else { return false }
        var footers: [String] = []
        if owner.rowCount == 1 {
            let column = owner.value(row: 0, column: 0) ?? ""
            switch owner.value(row: 0, column: 1) {
            case "a": footers.append("Owned by: \(column)")
            case "i": footers.append("Sequence for identity column: \(column)")
            default: break
            }
        }
        let title = (flags.persistence == "u" ? "Unlogged sequence" : "Sequence") + " \"\(schema).\(name)\""
        var writer = session.tableWriter(
            columns: settings.columns, options: options, content: TableContentOptions(title: title, footers: footers))
        if settings.rowCount > 0 { writer.rows(settings) }
        writer.finish()
        session.output.flush()
        return true
    }

    private func relation(_ flags: Flags) -> Bool {
        let kind = flags.kind
        let isIndex = kind == "i" || kind == "I"
        var columns = DescribeQueries.AttributeColumns()
        columns.details = ["r", "v", "m", "f", "c", "p"].contains(kind)
        columns.indexKey = isIndex
        columns.fdwOptions = kind == "f"
        if verbose {
            columns.storage = true
            columns.compression = serverVersion >= 140000 && !session.variables.bool("HIDE_TOAST_COMPRESSION")
                && ["r", "p", "m"].contains(kind)
            columns.statsTarget = ["r", "i", "I", "m", "f", "p"].contains(kind)
            columns.description = ["r", "v", "m", "f", "c", "p"].contains(kind)
        }
        let sql = DescribeQueries.attributes(oid: oid, columns: columns, serverVersion: serverVersion)
        guard let attributes = session.runHidden(sql) else { return false }

        var headers = ["Column", "Type"]
        if columns.details { headers += ["Collation", "Nullable", "Default"] }
        if isIndex { headers += ["Key?", "Definition"] }
        if columns.fdwOptions { headers.append("FDW options") }
        if columns.storage { headers.append("Storage") }
        if columns.compression { headers.append("Compression") }
        if columns.statsTarget { headers.append("Stats target") }
        if columns.description { headers.append("Description") }

        let rows = (0..<attributes.rowCount).map { cells(attributes, row: $0, columns: columns) }
        guard let footers = footers(flags) else { return false }
        // psql: "This output looks confusing in expanded mode."
        var options = options
        options.expanded = .off
        var writer = session.tableWriter(
            columns: headers.map { TableColumn(name: $0, typeOID: 25, alignment: .left) }, options: options,
            content: TableContentOptions(title: title(flags), footers: footers))
        writer.rows(StringRows(rows, columnCount: headers.count))
        writer.finish()
        session.output.flush()
        return true
    }

    /// One printed row of the column table, from one row of the attribute query.
    private func cells(_ attributes: QueryResult, row: Int, columns: DescribeQueries.AttributeColumns) -> [String?] {
        var column = 0
        func next() -> String { defer { column += 1 }; return attributes.value(row: row, column: column) ?? "" }
        var cells: [String?] = [next(), next()]
        if columns.details {
            let defaultValue = next(), notNull = next() == "t", collation = next(), identity = next(), generated = next()
            cells.append(collation)
            cells.append(notNull ? "not null" : "")
            switch (identity, generated) {
            case ("a", _): cells.append("generated always as identity")
            case ("d", _): cells.append("generated by default as identity")
            case (_, "s"): cells.append("generated always as (\(defaultValue)) stored")
            case (_, "v"): cells.append("generated always as (\(defaultValue))")
            default: cells.append(defaultValue)
            }
        }
        if columns.indexKey { cells.append(next()); cells.append(next()) }
        if columns.fdwOptions { cells.append(next()) }
        if columns.storage {
            cells.append(["p": "plain", "m": "main", "x": "extended", "e": "external"][next()] ?? "???")
        }
        if columns.compression { cells.append(["p": "pglz", "l": "lz4", "": ""][next()] ?? "???") }
        if columns.statsTarget { cells.append(next()) }
        if columns.description { cells.append(next()) }
        return cells
    }
}
