import PGEntraOutput

/// The catalog listings beyond relations, functions, schemas, roles, extensions, tablespaces
/// and types (psql 18's command.c exec_command_d and exec_command_z, describe.c): each builds
/// its SQL with `DescribeQueries` and prints the hidden query's result.
extension MetaCommands {
    /// What one listing command shows.
    enum CatalogListing: Sendable {
        case aggregates, privileges, domains, operators, collations, languages, extendedStatistics
        case publications, subscriptions
        case foreignDataWrappers, foreignServers, userMappings, foreignTables
        case configurationParameters, defaultPrivileges, conversions, casts, eventTriggers
        case partitionedRelations, objectDescriptions, accessMethods, operatorClasses, operatorFamilies
        case operatorFamilyOperators, operatorFamilyFunctions
    }

    /// The one table of command names. psql's exec_command_d switches on the letters after `\d`
    /// and ignores the rest of the name (`\dpq` is `\dp`), reading `S` (system objects), `+`
    /// (verbose) and `x` (expanded for this command) anywhere after them; `\z` takes only `S`
    /// and `x`; `\dP` only when nothing or one of `+tinx` follows it, `\dA` only before nothing,
    /// `+`, `x` or the letter of a member of its family. The longest matching name
    /// wins (`\dconfig` over `\dc`, `\ddp` over `\dd`).
    static let catalogListings: [(command: String, listing: CatalogListing)] = [
        ("da", .aggregates), ("dp", .privileges), ("z", .privileges), ("dD", .domains), ("do", .operators), ("dO", .collations),
        ("dL", .languages), ("dX", .extendedStatistics), ("dRp", .publications), ("dRs", .subscriptions),
        ("dew", .foreignDataWrappers), ("des", .foreignServers), ("deu", .userMappings), ("det", .foreignTables),
        ("dconfig", .configurationParameters), ("ddp", .defaultPrivileges), ("dc", .conversions), ("dC", .casts),
        ("dy", .eventTriggers), ("dP", .partitionedRelations),
        ("dd", .objectDescriptions), ("dA", .accessMethods),
        ("dAc", .operatorClasses), ("dAf", .operatorFamilies), ("dAo", .operatorFamilyOperators),
        ("dAp", .operatorFamilyFunctions),
    ]

    /// The names psql 18's exec_command_z accepts.
    private static let privilegesShortcut: Set<String> = ["z", "zS", "zx", "zSx", "zxS"]

    private static func catalogListing(named name: String) -> CatalogListing? {
        if name.hasPrefix("z") { return privilegesShortcut.contains(name) ? .privileges : nil }
        for (command, allowed) in [("dP", "+tinx"), ("dA", "+xcfop")] where name.hasPrefix(command) && name.count > 2 {
            if !allowed.contains(name[name.index(name.startIndex, offsetBy: 2)]) { return nil }
        }
        return catalogListings.filter { $0.command.hasPrefix("d") && name.hasPrefix($0.command) }
            .max { $0.command.count < $1.command.count }?.listing
    }

    /// Whether `name` is a listing this file runs.
    static func isCatalogListing(_ name: String) -> Bool { catalogListing(named: name) != nil }

    func catalogListing(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let listing = Self.catalogListing(named: name) else { return invalidCommand(name, &arguments, at: location) }
        return expandedWhenAsked(name) { catalogListing(listing, name, &arguments, at: location) }
    }

    private func catalogListing(
        _ listing: CatalogListing, _ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?
    ) -> Outcome {
        let pattern = arguments.nextPattern()?.text
        let verbose = name.contains("+")
        let system = name.contains("S")
        let context = describeContext()
        do throws(PatternTranslator.Failure) {
            switch listing {
            case .aggregates:
                return list(try DescribeQueries.listAggregates(pattern: pattern, system: system, context: context),
                            title: "List of aggregate functions")
            case .privileges:
                return list(try DescribeQueries.listPrivileges(pattern: pattern, system: system, context: context),
                            title: "Access privileges")
            case .domains:
                return list(try DescribeQueries.listDomains(pattern: pattern, verbose: verbose, system: system, context: context),
                            title: "List of domains")
            case .operators:
                // After an operator pattern psql reads argument-type patterns as for \df (up to
                // FUNC_MAX_ARGS, so no extra-argument warnings) and uses the first two.
                var argumentTypes: [String] = []
                while pattern != nil, argumentTypes.count < 100, let type = arguments.nextPattern() { argumentTypes.append(type.text) }
                return list(try DescribeQueries.listOperators(
                    pattern: pattern, argumentTypes: argumentTypes, verbose: verbose, system: system, context: context),
                            title: "List of operators")
            case .collations:
                return list(try DescribeQueries.listCollations(pattern: pattern, verbose: verbose, system: system, context: context),
                            title: "List of collations")
            case .languages:
                return list(try DescribeQueries.listLanguages(pattern: pattern, verbose: verbose, system: system, context: context),
                            title: "List of languages")
            case .extendedStatistics:
                return list(try DescribeQueries.listExtendedStatistics(pattern: pattern, context: context),
                            title: "List of extended statistics")
            case .publications:
                if verbose { return describePublications(pattern: pattern, context: context, at: location) }
                return list(try DescribeQueries.listPublications(pattern: pattern, context: context), title: "List of publications")
            case .subscriptions:
                return list(try DescribeQueries.listSubscriptions(pattern: pattern, verbose: verbose, context: context),
                            title: "List of subscriptions")
            case .foreignDataWrappers:
                return list(try DescribeQueries.listForeignDataWrappers(pattern: pattern, verbose: verbose, context: context),
                            title: "List of foreign-data wrappers")
            case .foreignServers:
                return list(try DescribeQueries.listForeignServers(pattern: pattern, verbose: verbose, context: context),
                            title: "List of foreign servers")
            case .userMappings:
                return list(try DescribeQueries.listUserMappings(pattern: pattern, verbose: verbose, context: context),
                            title: "List of user mappings")
            case .foreignTables:
                return list(try DescribeQueries.listForeignTables(pattern: pattern, verbose: verbose, context: context),
                            title: "List of foreign tables")
            case .configurationParameters:
                return list(try DescribeQueries.listConfigurationParameters(pattern: pattern, verbose: verbose, context: context),
                            title: pattern == nil ? "List of non-default configuration parameters" : "List of configuration parameters")
            case .defaultPrivileges:
                return list(try DescribeQueries.listDefaultPrivileges(pattern: pattern, context: context),
                            title: "Default access privileges")
            case .conversions:
                return list(try DescribeQueries.listConversions(pattern: pattern, verbose: verbose, system: system, context: context),
                            title: "List of conversions")
            case .casts:
                return list(try DescribeQueries.listCasts(pattern: pattern, verbose: verbose, context: context), title: "List of casts")
            case .eventTriggers:
                return list(try DescribeQueries.listEventTriggers(pattern: pattern, verbose: verbose, context: context),
                            title: "List of event triggers")
            case .accessMethods:
                return list(try DescribeQueries.listAccessMethods(pattern: pattern, verbose: verbose, context: context),
                            title: "List of access methods")
            case .operatorClasses, .operatorFamilies, .operatorFamilyOperators, .operatorFamilyFunctions:
                // psql's exec_command_d reads one more pattern for each of them, after an access-method
                // pattern: the type for \dAc and \dAf, the operator family for \dAo and \dAp.
                let second = pattern == nil ? nil : arguments.nextPattern()?.text
                let (sql, title): (String, String) = switch listing {
                case .operatorClasses: (try DescribeQueries.listOperatorClasses(
                    accessMethodPattern: pattern, typePattern: second, verbose: verbose, context: context), "List of operator classes")
                case .operatorFamilies: (try DescribeQueries.listOperatorFamilies(
                    accessMethodPattern: pattern, typePattern: second, verbose: verbose, context: context), "List of operator families")
                case .operatorFamilyOperators: (try DescribeQueries.listOperatorFamilyOperators(
                    accessMethodPattern: pattern, familyPattern: second, verbose: verbose, context: context),
                    "List of operators of operator families")
                default: (try DescribeQueries.listOperatorFamilyFunctions(
                    accessMethodPattern: pattern, familyPattern: second, verbose: verbose, context: context),
                    "List of support functions of operator families")
                }
                return list(sql, title: title)
            case .objectDescriptions:
                return list(try DescribeQueries.listObjectDescriptions(pattern: pattern, system: system, context: context),
                            title: "Object descriptions")
            case .partitionedRelations:
                guard DescribeQueries.partitionedTablesSupported(serverVersion: context.serverVersion) else {
                    session.error("The server (version \(context.serverVersion / 10000)) does not support declarative table partitioning.", at: location)
                    return .ok
                }
                let kinds = DescribeQueries.PartitionedKinds(letters: String(name.dropFirst(2)))
                return list(try DescribeQueries.listPartitionedTables(kinds, pattern: pattern, verbose: verbose, context: context),
                            title: kinds.title)
            }
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
    }

    /// `\dRp+` (describe.c describePublications): one table per publication, titled with its
    /// name, with its tables and schemas as footers (addFooterToPublicationDesc).
    private func describePublications(pattern: String?, context: DescribeQueries.Context, at location: ScriptLocation?) -> Outcome {
        let sql: String
        do throws(PatternTranslator.Failure) {
            sql = try DescribeQueries.findPublications(pattern: pattern, context: context)
        } catch {
            session.error(error.description, at: location)
            return .failed
        }
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
