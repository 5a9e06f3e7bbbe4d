/// One relation's `\d NAME` (psql's describeOneTableDetails): columns and footers for tables,
/// views, materialized views and indexes, the settings table for sequences.
struct RelationDescription {
    let session: Session
    let oid: String
    let schema: String
    let name: String
    let verbose: Bool
    let options: PrintOptions

    private struct Flags {
        var checks = 0, kind = "", hasIndex = false, hasRules = false, hasTriggers = false
        var rowSecurity = false, forceRowSecurity = false, reloptions = "", ofType = ""
        var persistence = "", replicaIdentity = "", accessMethod: String?, isPartition = false
    }

    /// Runs the queries and prints; false when a query failed.
    func run() -> Bool {
        guard let flagRow = session.runHidden(DescribeQueries.relationFlags(oid: oid, verbose: verbose)), flagRow.rowCount > 0 else {
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
        flags.isPartition = value(8) == "t"
        flags.reloptions = value(9)
        flags.ofType = value(11)
        flags.persistence = value(12)
        flags.replicaIdentity = value(13)
        flags.accessMethod = flagRow.value(row: 0, column: 14)
        if flags.kind == "S" { return sequence(flags) }
        return relation(flags)
    }

    private func title(_ flags: Flags) -> String {
        let unlogged = flags.persistence == "u"
        let kind = switch flags.kind {
        case "r": unlogged ? "Unlogged table" : "Table"
        case "v": "View"
        case "m": unlogged ? "Unlogged materialized view" : "Materialized view"
        case "i": unlogged ? "Unlogged index" : "Index"
        case "I": "Partitioned index"
        case "t": "TOAST table"
        case "c": "Composite type"
        case "f": "Foreign table"
        case "p": "Partitioned table"
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
        if verbose {
            columns.storage = true
            columns.compression = !(session.variables.bool("HIDE_TOAST_COMPRESSION")) && ["r", "p", "m"].contains(kind)
            columns.statsTarget = ["r", "i", "I", "m", "f", "p"].contains(kind)
            columns.description = ["r", "v", "m", "f", "c", "p"].contains(kind)
        }
        guard let attributes = session.runHidden(DescribeQueries.attributes(oid: oid, columns: columns)) else { return false }

        var headers = ["Column", "Type"]
        if columns.details { headers += ["Collation", "Nullable", "Default"] }
        if isIndex { headers += ["Key?", "Definition"] }
        if columns.storage { headers.append("Storage") }
        if columns.compression { headers.append("Compression") }
        if columns.statsTarget { headers.append("Stats target") }
        if columns.description { headers.append("Description") }

        var rows: [[String?]] = []
        for row in 0..<attributes.rowCount {
            var column = 0
            func next() -> String { defer { column += 1 }; return attributes.value(row: row, column: column) ?? "" }
            var cells: [String?] = [next(), next()]
            if columns.details {
                let defaultValue = next(), notNull = next() == "t", collation = next(), identity = next(), generated = next()
                cells.append(collation)
                cells.append(notNull ? "not null" : "")
                if identity == "a" {
                    cells.append("generated always as identity")
                } else if identity == "d" {
                    cells.append("generated by default as identity")
                } else if generated == "s" {
                    cells.append("generated always as (\(defaultValue)) stored")
                } else {
                    cells.append(defaultValue)
                }
            }
            if isIndex { cells.append(next()); cells.append(next()) }
            if columns.storage {
                cells.append(["p": "plain", "m": "main", "x": "extended", "e": "external"][next()] ?? "???")
            }
            if columns.compression { cells.append(["p": "pglz", "l": "lz4"][next()] ?? "") }
            if columns.statsTarget { cells.append(next()) }
            if columns.description { cells.append(next()) }
            rows.append(cells)
        }

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

    // MARK: - Footers

    private func footers(_ flags: Flags) -> [String]? {
        guard var footers = partitionFooters(flags) else { return nil }
        let kind = flags.kind
        if kind == "i" || kind == "I" {
            guard let result = session.runHidden(DescribeQueries.indexFooter(oid: oid)) else { return nil }
            guard result.rowCount == 1 else { return footers }
            func value(_ column: Int) -> String { result.value(row: 0, column: column) ?? "" }
            var text = ""
            if value(1) == "t" {
                text = "primary key, "
            } else if value(0) == "t" {
                text = "unique" + (value(7) == "t" ? " nulls not distinct" : "") + ", "
            }
            text += "\(value(8)), for table \"\(schema).\(value(9))\""
            if !value(10).isEmpty { text += ", predicate (\(value(10)))" }
            if value(2) == "t" { text += ", clustered" }
            if value(3) != "t" { text += ", invalid" }
            if value(4) == "t" { text += ", deferrable" }
            if value(5) == "t" { text += ", initially deferred" }
            if value(6) == "t" { text += ", replica identity" }
            footers.append(text)
            // psql ends a plain index here; a partitioned one goes on to its partitions.
            guard kind == "I" else { return footers }
        }
        let tableLike = ["r", "m", "f", "p", "t"].contains(kind)
        if tableLike {
            if flags.hasIndex {
                guard let result = session.runHidden(DescribeQueries.tableIndexes(oid: oid)) else { return nil }
                if result.rowCount > 0 { footers.append("Indexes:") }
                for row in 0..<result.rowCount {
                    func value(_ column: Int) -> String { result.value(row: row, column: column) ?? "" }
                    var line = "    \"\(value(0))\""
                    if value(7) == "x" {
                        line += " " + value(6)
                    } else {
                        if value(1) == "t" {
                            line += " PRIMARY KEY,"
                        } else if value(2) == "t" {
                            line += value(7) == "u" ? " UNIQUE CONSTRAINT," : " UNIQUE,"
                        }
                        var definition = Substring(value(5))
                        if let using = definition.firstRange(of: " USING ") { definition = definition[using.upperBound...] }
                        line += " " + definition
                        if value(8) == "t" { line += " DEFERRABLE" }
                        if value(9) == "t" { line += " INITIALLY DEFERRED" }
                    }
                    if value(3) == "t" { line += " CLUSTER" }
                    if value(4) != "t" { line += " INVALID" }
                    if value(10) == "t" { line += " REPLICA IDENTITY" }
                    footers.append(line)
                }
            }
            if flags.checks > 0 {
                guard let result = session.runHidden(DescribeQueries.checkConstraints(oid: oid)) else { return nil }
                if result.rowCount > 0 { footers.append("Check constraints:") }
                for row in 0..<result.rowCount {
                    footers.append("    \"\(result.value(row: row, column: 0) ?? "")\" \(result.value(row: row, column: 1) ?? "")")
                }
            }
            if flags.hasTriggers || kind == "p" {
                guard let own = session.runHidden(DescribeQueries.foreignKeys(oid: oid, partitioned: flags.isPartition || kind == "p")) else { return nil }
                if own.rowCount > 0 { footers.append("Foreign-key constraints:") }
                for row in 0..<own.rowCount {
                    let sameTable = own.value(row: row, column: 0) == "t"
                    let conname = own.value(row: row, column: 1) ?? "", condef = own.value(row: row, column: 2) ?? ""
                    footers.append(sameTable
                        ? "    \"\(conname)\" \(condef)"
                        : "    TABLE \"\(own.value(row: row, column: 3) ?? "")\" CONSTRAINT \"\(conname)\" \(condef)")
                }
                guard let referencing = session.runHidden(DescribeQueries.referencedBy(oid: oid)) else { return nil }
                if referencing.rowCount > 0 { footers.append("Referenced by:") }
                for row in 0..<referencing.rowCount {
                    footers.append("    TABLE \"\(referencing.value(row: row, column: 1) ?? "")\" CONSTRAINT \"\(referencing.value(row: row, column: 0) ?? "")\" \(referencing.value(row: row, column: 2) ?? "")")
                }
            }
            guard let policies = session.runHidden(DescribeQueries.policies(oid: oid)) else { return nil }
            footers += policyFooters(policies, flags)
            guard let statistics = session.runHidden(DescribeQueries.statisticsObjects(oid: oid)) else { return nil }
            footers += statisticsFooters(statistics)
            guard let publications = session.runHidden(DescribeQueries.publications(oid: oid)) else { return nil }
            if publications.rowCount > 0 { footers.append("Publications:") }
            for row in 0..<publications.rowCount {
                var line = "    \"\(publications.value(row: row, column: 0) ?? "")\""
                if let columns = publications.value(row: row, column: 2) { line += " (\(columns))" }
                if let condition = publications.value(row: row, column: 1) { line += " WHERE \(condition)" }
                footers.append(line)
            }
        }
        if (kind == "v" || kind == "m") && verbose {
            guard let definition = session.runHidden(DescribeQueries.viewDefinition(oid: oid)) else { return nil }
            if definition.rowCount > 0 {
                footers.append("View definition:")
                footers.append(definition.value(row: 0, column: 0) ?? "")
                if flags.hasRules && kind == "v" {
                    guard let rules = session.runHidden(DescribeQueries.viewRules(oid: oid)) else { return nil }
                    if rules.rowCount > 0 { footers.append("Rules:") }
                    for row in 0..<rules.rowCount {
                        footers.append(" " + String((rules.value(row: row, column: 1) ?? "").dropFirst(12)))
                    }
                }
            }
        }
        if flags.hasTriggers {
            guard let triggers = session.runHidden(DescribeQueries.triggers(oid: oid)) else { return nil }
            footers += triggerFooters(triggers)
        }
        if tableLike || kind == "I" {
            guard let parents = session.runHidden(DescribeQueries.parents(oid: oid)) else { return nil }
            for row in 0..<parents.rowCount {
                var line = row == 0 ? "Inherits: " : String(repeating: " ", count: 10)
                line += parents.value(row: row, column: 0) ?? ""
                if row < parents.rowCount - 1 { line += "," }
                footers.append(line)
            }
            guard let children = session.runHidden(DescribeQueries.children(oid: oid)) else { return nil }
            footers += childFooters(children, kind: kind)
            if !flags.ofType.isEmpty { footers.append("Typed table of type: \(flags.ofType)") }
            if verbose && (kind == "r" || kind == "m") && flags.replicaIdentity != "d" && !(schema == "pg_catalog" && flags.replicaIdentity == "n") {
                let identity = ["f": "FULL", "n": "NOTHING"][flags.replicaIdentity] ?? "???"
                if flags.replicaIdentity != "i" { footers.append("Replica Identity: \(identity)") }
            }
            if verbose, let method = flags.accessMethod, !session.variables.bool("HIDE_TABLEAM") {
                footers.append("Access method: \(method)")
            }
        }
        if verbose && !flags.reloptions.isEmpty { footers.append("Options: \(flags.reloptions)") }
        return footers
    }

    /// What psql prints before all other footers: a partition's parent, bound and (verbose)
    /// constraint; a partitioned table's key.
    private func partitionFooters(_ flags: Flags) -> [String]? {
        var footers: [String] = []
        if flags.isPartition {
            guard let result = session.runHidden(DescribeQueries.partitionOf(oid: oid, verbose: verbose)) else { return nil }
            if result.rowCount > 0 {
                func value(_ column: Int) -> String { result.value(row: 0, column: column) ?? "" }
                footers.append("Partition of: \(value(0)) \(value(1))" + (value(2) == "t" ? " DETACH PENDING" : ""))
                if verbose {
                    let constraint = value(3)
                    footers.append(constraint.isEmpty ? "No partition constraint" : "Partition constraint: \(constraint)")
                }
            }
        }
        if flags.kind == "p" {
            guard let result = session.runHidden(DescribeQueries.partitionKey(oid: oid)) else { return nil }
            if result.rowCount == 1 { footers.append("Partition key: \(result.value(row: 0, column: 0) ?? "")") }
        }
        return footers
    }

    private func policyFooters(_ result: QueryResult, _ flags: Flags) -> [String] {
        var footers: [String] = []
        let count = result.rowCount
        if flags.rowSecurity && !flags.forceRowSecurity && count > 0 { footers.append("Policies:") }
        if flags.rowSecurity && flags.forceRowSecurity && count > 0 { footers.append("Policies (forced row security enabled):") }
        if flags.rowSecurity && !flags.forceRowSecurity && count == 0 { footers.append("Policies (row security enabled): (none)") }
        if flags.rowSecurity && flags.forceRowSecurity && count == 0 { footers.append("Policies (forced row security enabled): (none)") }
        if !flags.rowSecurity && count > 0 { footers.append("Policies (row security disabled):") }
        for row in 0..<count {
            var line = "    POLICY \"\(result.value(row: row, column: 0) ?? "")\""
            if result.value(row: row, column: 1) == "f" { line += " AS RESTRICTIVE" }
            if let command = result.value(row: row, column: 5) { line += " FOR \(command)" }
            if let roles = result.value(row: row, column: 2) { line += "\n      TO \(roles)" }
            if let using = result.value(row: row, column: 3) { line += "\n      USING (\(using))" }
            if let check = result.value(row: row, column: 4) { line += "\n      WITH CHECK (\(check))" }
            footers.append(line)
        }
        return footers
    }

    private func statisticsFooters(_ result: QueryResult) -> [String] {
        guard result.rowCount > 0 else { return [] }
        var footers = ["Statistics objects:"]
        for row in 0..<result.rowCount {
            func value(_ column: Int) -> String { result.value(row: row, column: column) ?? "" }
            var line = "    \"\(value(2)).\(value(3))\""
            let kinds = [(value(5) == "t", "ndistinct"), (value(6) == "t", "dependencies"), (value(7) == "t", "mcv")]
            let enabled = kinds.filter(\.0).map(\.1)
            if !enabled.isEmpty && enabled.count < kinds.count { line += " (" + enabled.joined(separator: ", ") + ")" }
            line += " ON \(value(4)) FROM \(value(1))"
            if !result.isNull(row: row, column: 8) && value(8) != "-1" { line += "; STATISTICS \(value(8))" }
            footers.append(line)
        }
        return footers
    }

    private func triggerFooters(_ result: QueryResult) -> [String] {
        var footers: [String] = []
        let headings = ["Triggers:", "Disabled user triggers:", "Disabled internal triggers:", "Triggers firing always:", "Triggers firing on replica only:"]
        for (category, heading) in headings.enumerated() {
            var headed = false
            for row in 0..<result.rowCount {
                let enabled = result.value(row: row, column: 2) ?? "", isInternal = result.value(row: row, column: 3) == "t"
                let listed = switch category {
                case 0: enabled == "O" || enabled == "t"
                case 1: (enabled == "D" || enabled == "f") && !isInternal
                case 2: (enabled == "D" || enabled == "f") && isInternal
                case 3: enabled == "A"
                default: enabled == "R"
                }
                guard listed else { continue }
                if !headed { footers.append(heading); headed = true }
                var definition = Substring(result.value(row: row, column: 1) ?? "")
                if let range = definition.firstRange(of: " TRIGGER ") { definition = definition[range.upperBound...] }
                var line = "    " + definition
                if let parent = result.value(row: row, column: 4) { line += ", ON TABLE \(parent)" }
                footers.append(line)
            }
        }
        return footers
    }

    private func childFooters(_ result: QueryResult, kind: String) -> [String] {
        let count = result.rowCount
        let partitioned = kind == "p" || kind == "I"
        if partitioned && count == 0 { return ["Number of partitions: 0"] }
        if !verbose {
            guard count > 0 else { return [] }
            return [partitioned
                ? "Number of partitions: \(count) (Use \\d+ to list them.)"
                : "Number of child tables: \(count) (Use \\d+ to list them.)"]
        }
        let label = partitioned ? "Partitions" : "Child tables"
        return (0..<count).map { row in
            var line = row == 0 ? "\(label): " : String(repeating: " ", count: label.count + 2)
            line += result.value(row: row, column: 0) ?? ""
            let bound = result.value(row: row, column: 3) ?? ""
            if !bound.isEmpty { line += " " + bound }
            switch result.value(row: row, column: 1) {
            case "p", "I": line += ", PARTITIONED"
            case "f": line += ", FOREIGN"
            default: break
            }
            if result.value(row: row, column: 2) == "t" { line += " (DETACH PENDING)" }
            if row < count - 1 { line += "," }
            return line
        }
    }
}
