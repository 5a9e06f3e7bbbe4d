import PGEntraDatabase
import PGEntraOutput

/// The verbose forms of `\dF` and `\dFp`, which print several tables per object (describe.c
/// listTSConfigsVerbose and listTSParsersVerbose) where the other listings print one.
extension MetaCommands {
    /// listTSConfigsVerbose and describeOneTSConfig: per configuration one table of token types
    /// and dictionaries, under a two-line title naming the configuration and its parser, with no
    /// row-count footer.
    func describeTextSearchConfigurations(_ sql: String, pattern: String?, at location: ScriptLocation?) -> Outcome {
        guard let found = findTextSearchObjects(sql, kind: "configuration", pattern: pattern, at: location) else { return .failed }
        for row in 0..<found.rowCount {
            let oid = found.value(row: row, column: 0) ?? ""
            let configuration = Self.qualified(found.value(row: row, column: 2), found.value(row: row, column: 1) ?? "")
            let parser = Self.qualified(found.value(row: row, column: 4), found.value(row: row, column: 3) ?? "")
            guard let mappings = session.runHidden(DescribeQueries.textSearchConfigurationMappings(oid: oid)) else { return .failed }
            printTextSearchTable(mappings, title: "Text search configuration \(configuration)\nParser: \(parser)", footer: false)
        }
        return .ok
    }

    /// listTSParsersVerbose and describeOneTSParser: per parser its methods (no footer), then
    /// its token types (with the row count).
    func describeTextSearchParsers(_ sql: String, pattern: String?, at location: ScriptLocation?) -> Outcome {
        guard let found = findTextSearchObjects(sql, kind: "parser", pattern: pattern, at: location) else { return .failed }
        for row in 0..<found.rowCount {
            let oid = found.value(row: row, column: 0) ?? ""
            let parser = Self.qualified(found.value(row: row, column: 1), found.value(row: row, column: 2) ?? "")
            guard let methods = session.runHidden(DescribeQueries.textSearchParserMethods(oid: oid)) else { return .failed }
            printTextSearchTable(methods, title: "Text search parser \(parser)", footer: false)
            guard let tokens = session.runHidden(DescribeQueries.textSearchParserTokenTypes(oid: oid)) else { return .failed }
            printTextSearchTable(tokens, title: "Token types for parser \(parser)", footer: true)
        }
        return .ok
    }

    /// The verbose forms' first query; finding nothing is an error (silent under QUIET), as in
    /// describe.c: "Did not find any text search parser named "x"."
    private func findTextSearchObjects(_ sql: String, kind: String, pattern: String?, at location: ScriptLocation?) -> QueryResult? {
        guard let found = session.runHidden(sql) else { return nil }
        if found.rowCount == 0 {
            if !session.variables.bool("QUIET") {
                session.error(pattern.map { "Did not find any text search \(kind) named \"\($0)\"." }
                              ?? "Did not find any text search \(kind)s.", at: location)
            }
            return nil
        }
        return found
    }

    /// `"schema.name"`, or `"name"` when the schema is null, as describe.c builds its titles.
    private static func qualified(_ schema: String?, _ name: String) -> String {
        schema.map { "\"\($0).\(name)\"" } ?? "\"\(name)\""
    }

    /// psql prints these with the session's options (`\pset null` included); `footer: false`
    /// is describe.c's `default_footer = false`.
    private func printTextSearchTable(_ result: QueryResult, title: String, footer: Bool) {
        var writer = session.tableWriter(
            columns: result.columns, options: session.printOptions,
            content: TableContentOptions(title: title, footers: footer ? nil : []))
        if result.rowCount > 0 { writer.rows(result) }
        writer.finish()
        session.output.flush()
    }
}
