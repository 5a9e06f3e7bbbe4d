import PGEntraOutput

/// `\lo_import FILE [COMMENT]`, `\lo_export OID FILE`, `\lo_unlink OID` (psql's large_obj.c):
/// each runs inside the open transaction, or in one of its own that it commits when AUTOCOMMIT
/// is on; `\lo_list` and `\dl` list the objects (describe.c's listLargeObjects).
extension MetaCommands {
    /// psql's exec_command_lo: two arguments are read whatever the command, and unused ones
    /// are dropped without a word.
    func largeObject(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let first = arguments.next()?.text
        let second = arguments.next()?.text
        if name.hasPrefix("lo_list") {
            return list(Self.largeObjectsSQL(verbose: name.contains("+")), title: "Large objects", options: listingOptions(name))
        }
        let required = name == "lo_export" ? [first, second] : [first]
        guard required.allSatisfy({ $0 != nil }), let first else {
            session.error("\\\(name): missing required argument", at: location)
            return .failed
        }
        let succeeded: Bool
        switch name {
        case "lo_import": succeeded = importLargeObject(file: expandTilde(first), comment: second, at: location)
        case "lo_export": succeeded = exportLargeObject(Self.oid(first), file: expandTilde(second ?? ""), at: location)
        default: succeeded = unlinkLargeObject(Self.oid(first), at: location)
        }
        return succeeded ? .ok : .failed
    }

    /// describe.c's listLargeObjects.
    static func largeObjectsSQL(verbose: Bool) -> String {
        var sql = "SELECT oid as \"ID\",\n  pg_catalog.pg_get_userbyid(lomowner) as \"Owner\",\n  "
        if verbose {
            sql += DescribeQueries.privilegeColumn("lomacl") + ",\n  "
        }
        return sql + "pg_catalog.obj_description(oid, 'pg_largeobject') as \"Description\"\nFROM pg_catalog.pg_largeobject_metadata\nORDER BY oid"
    }

    /// psql's do_lo_import: the new oid goes to LASTOID, a comment to COMMENT ON LARGE OBJECT.
    private func importLargeObject(file: String, comment: String?, at location: ScriptLocation?) -> Bool {
        guard let ownTransaction = startTransaction("\\lo_import", at: location), let connection = session.connection else { return false }
        guard let oid = connection.importLargeObject(fromFile: file) else {
            return failTransaction(ownTransaction, reporting: connection.errorMessage, at: location)
        }
        if let comment {
            guard let escaped = connection.escapeString(comment) else {
                return failTransaction(ownTransaction, reporting: connection.errorMessage, at: location)
            }
            guard session.runHidden("COMMENT ON LARGE OBJECT \(oid) IS '\(escaped)'") != nil else {
                return failTransaction(ownTransaction, reporting: nil, at: location)
            }
        }
        guard finishTransaction(ownTransaction) else { return false }
        printResult("lo_import \(oid)")
        try? session.variables.set("LASTOID", String(oid))
        return true
    }

    /// psql's do_lo_export.
    private func exportLargeObject(_ oid: UInt32, file: String, at location: ScriptLocation?) -> Bool {
        guard let ownTransaction = startTransaction("\\lo_export", at: location), let connection = session.connection else { return false }
        guard connection.exportLargeObject(oid, toFile: file) else {
            return failTransaction(ownTransaction, reporting: connection.errorMessage, at: location)
        }
        guard finishTransaction(ownTransaction) else { return false }
        printResult("lo_export")
        return true
    }

    /// psql's do_lo_unlink.
    private func unlinkLargeObject(_ oid: UInt32, at location: ScriptLocation?) -> Bool {
        guard let ownTransaction = startTransaction("\\lo_unlink", at: location), let connection = session.connection else { return false }
        guard connection.unlinkLargeObject(oid) else {
            return failTransaction(ownTransaction, reporting: connection.errorMessage, at: location)
        }
        guard finishTransaction(ownTransaction) else { return false }
        printResult("lo_unlink \(oid)")
        return true
    }

    /// psql's start_lo_xact: whether this command opened the transaction (BEGIN, shown with
    /// ECHO_HIDDEN); nil when it cannot run (no connection, a failed transaction).
    private func startTransaction(_ operation: String, at location: ScriptLocation?) -> Bool? {
        guard let connection = session.connection else {
            session.error("\(operation): not connected to a database", at: location)
            return nil
        }
        switch connection.transactionState {
        case .idle:
            return session.runHidden("BEGIN") == nil ? nil : true
        case .inTransaction:
            return false
        case .failed:
            session.error("\(operation): current transaction is aborted", at: location)
            return nil
        case .active, .unknown:
            session.error("\(operation): unknown transaction status", at: location)
            return nil
        }
    }

    /// psql's finish_lo_xact: COMMIT what this command began, unless AUTOCOMMIT is off; a
    /// COMMIT that fails is followed by ROLLBACK.
    private func finishTransaction(_ ownTransaction: Bool) -> Bool {
        guard ownTransaction && session.variables.bool("AUTOCOMMIT") else { return true }
        guard session.runHidden("COMMIT") != nil else {
            session.runHidden("ROLLBACK")
            return false
        }
        return true
    }

    /// psql's fail_lo_xact, after libpq's reason (pg_log_info: no "error:" label): ROLLBACK
    /// what this command began, unless AUTOCOMMIT is off.
    private func failTransaction(_ ownTransaction: Bool, reporting reason: String?, at location: ScriptLocation?) -> Bool {
        if let reason { session.report(reason, at: location) }
        if ownTransaction && session.variables.bool("AUTOCOMMIT") { session.runHidden("ROLLBACK") }
        return false
    }

    /// psql's print_lo_result: on the query output unless QUIET, in a paragraph for HTML.
    private func printResult(_ text: String) {
        guard !session.variables.bool("QUIET") else { return }
        session.output.write(session.printOptions.format == .html ? "<p>\(text)</p>\n" : "\(text)\n")
        session.output.flush()
    }

    /// psql's atooid: strtoul cut to 32 bits, so junk is 0.
    static func oid(_ text: String) -> UInt32 {
        CDecimalPrefix(text).atooid
    }
}
