import PGEntraDatabase

/// The footers of `\d NAME`, in the order psql 18's describeOneTableDetails (describe.c) adds
/// them: partitioning and TOAST owner; an index's description or a table's indexes,
/// constraints, policies, statistics, rules, publications and not-null constraints; a view's
/// definition; triggers; then foreign server, inheritance, typed table, replica identity, OIDs,
/// tablespace, access method and options. Each returns nil when a query failed.
extension RelationDescription {
    func footers(_ flags: Flags) -> [String]? {
        let kind = flags.kind
        guard var footers = leadingFooters(flags) else { return nil }
        if kind == "i" || kind == "I" {
            guard let description = indexDescription(flags) else { return nil }
            footers += description
        } else if ["r", "m", "f", "p", "t"].contains(kind) {
            guard let table = tableFooters(flags) else { return nil }
            footers += table
        }
        if (kind == "v" || kind == "m") && verbose {
            guard let definition = session.runHidden(DescribeQueries.viewDefinition(oid: oid)) else { return nil }
            if definition.rowCount > 0 {
                footers += ["View definition:", definition.value(row: 0, column: 0) ?? ""]
                if flags.hasRules {
                    guard let rules = session.runHidden(DescribeQueries.viewRules(oid: oid)) else { return nil }
                    if rules.rowCount > 0 { footers.append("Rules:") }
                    footers += (0..<rules.rowCount).map { " " + ruleText(rules, row: $0) }
                }
            }
        }
        if flags.hasTriggers {
            guard let triggers = session.runHidden(DescribeQueries.triggers(oid: oid, serverVersion: serverVersion)) else { return nil }
            footers += triggerFooters(triggers)
        }
        if ["r", "m", "f", "p", "I", "t"].contains(kind) {
            guard let closing = closingFooters(flags) else { return nil }
            footers += closing
        }
        if verbose && !flags.reloptions.isEmpty { footers.append("Options: \(flags.reloptions)") }
        return footers
    }

    // MARK: - Before the kind's own footers

    /// A partition's parent, bound and (verbose) constraint; a partitioned table's key; a TOAST
    /// table's owner.
    private func leadingFooters(_ flags: Flags) -> [String]? {
        var footers: [String] = []
        if flags.isPartition {
            let sql = DescribeQueries.partitionOf(oid: oid, verbose: verbose, serverVersion: serverVersion)
            guard let result = session.runHidden(sql) else { return nil }
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
        if flags.kind == "t" {
            guard let result = session.runHidden(DescribeQueries.toastOwner(oid: oid)) else { return nil }
            if result.rowCount == 1 {
                footers.append("Owning table: \"\(result.value(row: 0, column: 0) ?? "").\(result.value(row: 0, column: 1) ?? "")\"")
            }
        }
        return footers
    }

    /// An index's one line (`primary key, btree, for table ...`), then a plain index's
    /// tablespace; psql gives up on the relation when the query finds no single row.
    private func indexDescription(_ flags: Flags) -> [String]? {
        guard let result = session.runHidden(DescribeQueries.indexFooter(oid: oid, serverVersion: serverVersion)),
              result.rowCount == 1 else { return nil }
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
        var footers = [text]
        // A partitioned index's tablespace comes with the closing footers.
        if flags.kind == "i" {
            if let tablespace = tablespaceName(flags.tablespace, kind: "i") { footers.append("Tablespace: \"\(tablespace)\"") }
        }
        return footers
    }

    // MARK: - A table's footers

    private func tableFooters(_ flags: Flags) -> [String]? {
        var footers: [String] = []
        if flags.hasIndex {
            guard let indexes = session.runHidden(DescribeQueries.tableIndexes(oid: oid, serverVersion: serverVersion)) else { return nil }
            if indexes.rowCount > 0 { footers.append("Indexes:") }
            for row in 0..<indexes.rowCount {
                var line = indexLine(indexes, row: row)
                if let tablespace = tablespaceName(indexes.value(row: row, column: 11) ?? "0", kind: "i") {
                    line += ", tablespace \"\(tablespace)\""
                }
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
        guard let keys = foreignKeyFooters(flags) else { return nil }
        footers += keys
        guard let policies = session.runHidden(DescribeQueries.policies(oid: oid)) else { return nil }
        footers += policyFooters(policies, flags)
        guard let statistics = session.runHidden(DescribeQueries.statisticsObjects(oid: oid, serverVersion: serverVersion)) else { return nil }
        footers += statisticsFooters(statistics)
        if flags.hasRules && flags.kind != "m" {
            guard let rules = session.runHidden(DescribeQueries.tableRules(oid: oid)) else { return nil }
            footers += tableRuleFooters(rules)
        }
        guard let publications = session.runHidden(DescribeQueries.publications(oid: oid, serverVersion: serverVersion)) else { return nil }
        if publications.rowCount > 0 { footers.append("Publications:") }
        for row in 0..<publications.rowCount {
            var line = "    \"\(publications.value(row: row, column: 0) ?? "")\""
            if let columns = publications.value(row: row, column: 2) { line += " (\(columns))" }
            if let condition = publications.value(row: row, column: 1) { line += " WHERE \(condition)" }
            footers.append(line)
        }
        if verbose {
            guard let notNull = session.runHidden(DescribeQueries.notNullConstraints(oid: oid)) else { return nil }
            footers += notNullFooters(notNull)
        }
        return footers
    }

    /// `Foreign-key constraints:` and `Referenced by:`; psql 18 asks whatever relhastriggers
    /// says (NOT ENFORCED keys have no triggers).
    private func foreignKeyFooters(_ flags: Flags) -> [String]? {
        let partitioned = flags.isPartition || flags.kind == "p"
        let ownSQL = DescribeQueries.foreignKeys(oid: oid, partitioned: partitioned, serverVersion: serverVersion)
        guard let own = session.runHidden(ownSQL) else { return nil }
        var footers: [String] = own.rowCount > 0 ? ["Foreign-key constraints:"] : []
        for row in 0..<own.rowCount {
            let conname = own.value(row: row, column: 1) ?? "", condef = own.value(row: row, column: 2) ?? ""
            footers.append(own.value(row: row, column: 0) == "f"
                ? "    TABLE \"\(own.value(row: row, column: 3) ?? "")\" CONSTRAINT \"\(conname)\" \(condef)"
                : "    \"\(conname)\" \(condef)")
        }
        guard let referencing = session.runHidden(DescribeQueries.referencedBy(oid: oid, serverVersion: serverVersion)) else { return nil }
        if referencing.rowCount > 0 { footers.append("Referenced by:") }
        for row in 0..<referencing.rowCount {
            func value(_ column: Int) -> String { referencing.value(row: row, column: column) ?? "" }
            footers.append("    TABLE \"\(value(1))\" CONSTRAINT \"\(value(0))\" \(value(2))")
        }
        return footers
    }

    /// One line under `Indexes:`: an exclusion or WITHOUT OVERLAPS constraint by its
    /// definition, any other index by what follows USING in its definition.
    private func indexLine(_ result: QueryResult, row: Int) -> String {
        func value(_ column: Int) -> String { result.value(row: row, column: column) ?? "" }
        var line = "    \"\(value(0))\""
        if value(7) == "x" || value(12) == "t" {
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
        return line
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

    /// From server 14 on psql names the kinds only when some but not all are built; before,
    /// it always names them.
    private func statisticsFooters(_ result: QueryResult) -> [String] {
        guard result.rowCount > 0 else { return [] }
        var footers = ["Statistics objects:"]
        for row in 0..<result.rowCount {
            func value(_ column: Int) -> String { result.value(row: row, column: column) ?? "" }
            var line = "    \"\(value(2)).\(value(3))\""
            let kinds = [(value(5) == "t", "ndistinct"), (value(6) == "t", "dependencies"), (value(7) == "t", "mcv")]
            let enabled = kinds.filter(\.0).map(\.1)
            if serverVersion < 140000 || (!enabled.isEmpty && enabled.count < kinds.count) {
                line += " (" + enabled.joined(separator: ", ") + ")"
            }
            line += " ON \(value(4)) FROM \(value(1))"
            if !result.isNull(row: row, column: 8) && value(8) != "-1" { line += "; STATISTICS \(value(8))" }
            footers.append(line)
        }
        return footers
    }

    /// A rule's definition after `CREATE RULE ` (psql skips 12 bytes).
    private func ruleText(_ result: QueryResult, row: Int) -> String {
        String(decoding: Array((result.value(row: row, column: 1) ?? "").utf8).dropFirst(12), as: UTF8.self)
    }

    /// A table's rules, grouped by `ev_enabled` as psql does.
    private func tableRuleFooters(_ result: QueryResult) -> [String] {
        let headings = [("O", "Rules:"), ("D", "Disabled rules:"), ("A", "Rules firing always:"), ("R", "Rules firing on replica only:")]
        var footers: [String] = []
        for (enabled, heading) in headings {
            let rows = (0..<result.rowCount).filter { result.value(row: $0, column: 2) == enabled }
            if !rows.isEmpty { footers.append(heading) }
            footers += rows.map { "    " + ruleText(result, row: $0) }
        }
        return footers
    }

    private func notNullFooters(_ result: QueryResult) -> [String] {
        guard result.rowCount > 0 else { return [] }
        return ["Not-null constraints:"] + (0..<result.rowCount).map { row in
            func flag(_ column: Int) -> Bool { result.value(row: row, column: column)?.first == "t" }
            let inheritance = flag(2) ? " NO INHERIT" : flag(3) && flag(4) ? " (local, inherited)" : flag(4) ? " (inherited)" : ""
            return "    \"\(result.value(row: row, column: 0) ?? "")\" NOT NULL \"\(result.value(row: row, column: 1) ?? "")\""
                + inheritance + (flag(5) ? "" : " NOT VALID")
        }
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

    // MARK: - Closing footers

    /// "Finish printing the footer information about a table": foreign server, parents,
    /// children or partitions, typed table, replica identity, OIDs, tablespace, access method.
    private func closingFooters(_ flags: Flags) -> [String]? {
        let kind = flags.kind
        var footers: [String] = []
        if kind == "f" {
            guard let server = session.runHidden(DescribeQueries.foreignTableServer(oid: oid)), server.rowCount == 1 else { return nil }
            footers.append("Server: \(server.value(row: 0, column: 0) ?? "")")
            if let options = server.value(row: 0, column: 1), !options.isEmpty { footers.append("FDW options: (\(options))") }
        }
        guard let parents = session.runHidden(DescribeQueries.parents(oid: oid)) else { return nil }
        for row in 0..<parents.rowCount {
            var line = row == 0 ? "Inherits: " : String(repeating: " ", count: 10)
            line += parents.value(row: row, column: 0) ?? ""
            if row < parents.rowCount - 1 { line += "," }
            footers.append(line)
        }
        guard let children = session.runHidden(DescribeQueries.children(oid: oid, serverVersion: serverVersion)) else { return nil }
        footers += childFooters(children, kind: kind)
        if !flags.ofType.isEmpty { footers.append("Typed table of type: \(flags.ofType)") }
        if verbose && (kind == "r" || kind == "m") && flags.replicaIdentity != "i" {
            let system = schema == "pg_catalog"
            if (!system && flags.replicaIdentity != "d") || (system && flags.replicaIdentity != "n") {
                let identity = ["f": "FULL", "d": "NOTHING"][flags.replicaIdentity] ?? "???"
                footers.append("Replica Identity: \(identity)")
            }
        }
        if verbose && kind != "m" && flags.hasOIDs { footers.append("Has OIDs: yes") }
        if let tablespace = tablespaceName(flags.tablespace, kind: kind) { footers.append("Tablespace: \"\(tablespace)\"") }
        if verbose, let method = flags.accessMethod, !session.variables.bool("HIDE_TABLEAM") {
            footers.append("Access method: \(method)")
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
            if let bound = result.value(row: row, column: 3) { line += " " + bound }
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

    /// psql's add_tablespace_footer: the name of a non-default tablespace for the relation
    /// kinds that have one; like psql, a failed lookup just prints nothing.
    private func tablespaceName(_ tablespace: String, kind: String) -> String? {
        guard ["r", "m", "i", "p", "I", "t"].contains(kind), tablespace != "0", !tablespace.isEmpty,
              let result = session.runHidden(DescribeQueries.tablespaceName(oid: tablespace)), result.rowCount > 0 else { return nil }
        return result.value(row: 0, column: 0)
    }
}
