import PGEntraOutput

/// `\dRp+`, which prints one table per publication where the other listings print one in all.
extension MetaCommands {
    /// `\dRp+` (describe.c describePublications): one table per publication, titled with its
    /// name, with its tables and schemas as footers (addFooterToPublicationDesc).
    func describePublications(_ sql: String, pattern: String?, context: DescribeQueries.Context, at location: ScriptLocation?) -> Outcome {
        guard let found = session.runHidden(sql) else { return .failed }
        if found.rowCount == 0 {
            if !session.variables.bool("QUIET") {
                session.error(pattern.map { "Did not find any publication named \"\($0)\"." } ?? "Did not find any publications.", at: location)
            }
            return .failed
        }
        let names = DescribeQueries.publicationColumns(serverVersion: context.serverVersion)
        // The query's columns after oid and name, skipping those this server has not got.
        var sources = [2, 3, 4, 5, 6]
        if context.serverVersion >= 110000 { sources.append(7) }
        if context.serverVersion >= 180000 { sources.append(8) }
        if context.serverVersion >= 130000 { sources.append(9) }
        for row in 0..<found.rowCount {
            let oid = found.value(row: row, column: 0) ?? ""
            var footers: [String] = []
            if found.value(row: row, column: 3) != "t" {
                guard let tables = session.runHidden(DescribeQueries.publicationTables(publication: oid, context: context)) else {
                    return .failed
                }
                if tables.rowCount > 0 { footers.append("Tables:") }
                for table in 0..<tables.rowCount {
                    var line = "    \"\(tables.value(row: table, column: 0) ?? "").\(tables.value(row: table, column: 1) ?? "")\""
                    if let columns = tables.value(row: table, column: 3) { line += " (\(columns))" }
                    if let filter = tables.value(row: table, column: 2) { line += " WHERE \(filter)" }
                    footers.append(line)
                }
                if let schemasSQL = DescribeQueries.publicationSchemas(publication: oid, context: context) {
                    guard let schemas = session.runHidden(schemasSQL) else { return .failed }
                    if schemas.rowCount > 0 { footers.append("Tables from schemas:") }
                    for schema in 0..<schemas.rowCount { footers.append("    \"\(schemas.value(row: schema, column: 0) ?? "")\"") }
                }
            }
            var options = session.printOptions
            options.nullDisplay = ""
            var writer = session.tableWriter(
                columns: names.map { TableColumn(name: $0, typeOID: 25, alignment: .left) }, options: options,
                content: TableContentOptions(
                    title: "Publication \(found.value(row: row, column: 1) ?? "")", footers: footers.isEmpty ? nil : footers))
            writer.rows(StringRows([sources.map { found.value(row: row, column: $0) }], columnCount: names.count))
            writer.finish()
            session.output.flush()
        }
        return .ok
    }
}
