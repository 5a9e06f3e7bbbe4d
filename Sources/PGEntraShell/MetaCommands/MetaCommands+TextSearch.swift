import PGEntraDatabase
import PGEntraOutput

/// `\dF`, `\dFp`, `\dFd`, `\dFt` (psql 18's exec_command_d, case 'F'). The verbose forms of
/// `\dF` and `\dFp` print several tables per object (describe.c listTSConfigsVerbose and
/// listTSParsersVerbose), so they live here rather than in the one-query listings table.
extension MetaCommands {
    /// What the letter after `\dF` asks for.
    enum TextSearchListing: Sendable {
        case configurations, parsers, dictionaries, templates
    }

    /// psql 18 switches on the third character only: nothing, `+` or `x` lists configurations,
    /// `p`, `d`, `t` the others whatever follows them (`\dFpq` is `\dFp`); anything else, `S`
    /// included, is an unknown command.
    static func textSearchListing(named name: String) -> TextSearchListing? {
        guard name.hasPrefix("dF") else { return nil }
        switch name.dropFirst(2).first {
        case nil, "+", "x": return .configurations
        case "p": return .parsers
        case "d": return .dictionaries
        case "t": return .templates
        default: return nil
        }
    }

    func textSearch(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let listing = Self.textSearchListing(named: name) else { return invalidCommand(name, &arguments, at: location) }
        return expandedWhenAsked(name) { textSearch(listing, name, &arguments, at: location) }
    }

    private func textSearch(
        _ listing: TextSearchListing, _ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?
    ) -> Outcome {
        let pattern = arguments.nextPattern()?.text
        let verbose = name.contains("+")
        let context = describeContext()
        do throws(PatternTranslator.Failure) {
            switch listing {
            case .configurations where verbose:
                return describeTextSearchConfigurations(
                    try DescribeQueries.findTextSearchConfigurations(pattern: pattern, context: context), pattern: pattern, at: location)
            case .configurations:
                return list(try DescribeQueries.listTextSearchConfigurations(pattern: pattern, context: context),
                            title: "List of text search configurations")
            case .parsers where verbose:
                return describeTextSearchParsers(
                    try DescribeQueries.findTextSearchParsers(pattern: pattern, context: context), pattern: pattern, at: location)
            case .parsers:
                return list(try DescribeQueries.listTextSearchParsers(pattern: pattern, context: context),
                            title: "List of text search parsers")
            case .dictionaries:
                return list(try DescribeQueries.listTextSearchDictionaries(pattern: pattern, verbose: verbose, context: context),
                            title: "List of text search dictionaries")
            case .templates:
                return list(try DescribeQueries.listTextSearchTemplates(pattern: pattern, verbose: verbose, context: context),
                            title: "List of text search templates")
            }
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
    }

    /// listTSConfigsVerbose and describeOneTSConfig: per configuration one table of token types
    /// and dictionaries, under a two-line title naming the configuration and its parser, with no
    /// row-count footer.
    private func describeTextSearchConfigurations(_ sql: String, pattern: String?, at location: ScriptLocation?) -> Outcome {
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
    private func describeTextSearchParsers(_ sql: String, pattern: String?, at location: ScriptLocation?) -> Outcome {
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
