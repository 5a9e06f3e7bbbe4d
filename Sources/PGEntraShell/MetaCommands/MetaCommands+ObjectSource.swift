/// `\sf[+] FUNCTION` and `\sv[+] VIEW`: the definition as a CREATE OR REPLACE command, on the
/// query output (paged like a table when that is stdout), with `+` numbering the lines (psql's
/// exec_command_sf_sv, get_create_object_cmd and print_with_linenumbers).
extension MetaCommands {
    /// The two kinds of object psql can show and edit (psql's EditableObjectType).
    enum EditableObject {
        case function
        case view

        var missingNameMessage: String { self == .function ? "function name is required" : "view name is required" }

        /// psql's lookup_object_oid: the name cast to regproc (regprocedure when it has an
        /// argument list) or regclass, so the server resolves it by the search path.
        func lookupSQL(_ literal: String, name: String) -> String {
            switch self {
            case .function:
                return "SELECT \(literal)::pg_catalog.\(name.contains("(") ? "regprocedure" : "regproc")::pg_catalog.oid"
            case .view:
                return "SELECT \(literal)::pg_catalog.regclass::pg_catalog.oid"
            }
        }

        /// psql's get_create_object_cmd query (for a view, the branch for servers 9.4 and later,
        /// which have check options).
        func definitionSQL(oid: String) -> String {
            switch self {
            case .function:
                return "SELECT pg_catalog.pg_get_functiondef(\(oid))"
            case .view:
                return "SELECT nspname, relname, relkind, pg_catalog.pg_get_viewdef(c.oid, true), pg_catalog.array_remove(pg_catalog.array_remove(c.reloptions,'check_option=local'),'check_option=cascaded') AS reloptions, CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'::text WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED'::text ELSE NULL END AS checkoption FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid WHERE c.oid = \(oid)"
            }
        }
    }

    func showSource(_ name: String, _ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        let kind: EditableObject = name.hasPrefix("sf") ? .function : .view
        // exec_command_sf_sv reads the name with semicolon = true: `\sf f(int);` works.
        guard let description = arguments.next(.wholeLine, strippingSemicolons: true)?.text else {
            session.error(kind.missingNameMessage, at: location)
            return .failed
        }
        guard let connection = session.connection else {
            session.error("You are currently not connected to a database.", at: location)
            return .failed
        }
        guard let oid = lookUp(kind.lookupSQL(connection.literal(description), name: description), at: location),
              let definition = definition(of: kind, oid: oid, at: location) else {
            return .failed
        }
        let text = name.hasSuffix("+") ? Self.numbered(definition, isFunction: kind == .function) : definition
        if session.output.isStandardOutput {
            session.writePaged(text, lines: Self.lineCount(definition))
        } else {
            session.output.write(text)
            session.output.flush()
        }
        return .ok
    }

    /// psql's get_create_object_cmd: the function's definition as the server prints it, or a
    /// view's CREATE OR REPLACE VIEW built from its parts; always ending with a newline.
    func definition(of kind: EditableObject, oid: String, at location: ScriptLocation?) -> String? {
        let sql = kind.definitionSQL(oid: oid)
        guard session.echoHidden(sql), let connection = session.connection, let result = connection.execute(sql) else { return nil }
        guard result.status == .tuples, result.rowCount == 1 else {
            session.error("ERROR:  \(result.primaryMessage ?? "(not available)")", at: location)
            return nil
        }
        var text: String
        switch kind {
        case .function:
            text = result.value(row: 0, column: 0) ?? ""
        case .view:
            func value(_ column: Int) -> String { result.value(row: 0, column: column) ?? "" }
            guard value(2) == "v" else {
                session.error("\"\(value(0)).\(value(1))\" is not a view", at: location)
                return nil
            }
            text = "CREATE OR REPLACE VIEW \(SQLIdentifier.quotedIfNeeded(value(0))).\(SQLIdentifier.quotedIfNeeded(value(1)))"
            let options = value(4)
            if options.utf8.count > 2 {
                text += "\n WITH (" + Self.reloptions(options, standardStrings: connection.parameterStatus("standard_conforming_strings") != "off") + ")"
            }
            text += " AS\n" + value(3)
            // pg_get_viewdef ends the query with a semicolon, which CREATE VIEW must not have.
            if text.hasSuffix(";") { text.removeLast() }
            if !value(5).isEmpty { text += "\n WITH \(value(5)) CHECK OPTION" }
        }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// psql's appendReloptionsArray: `{a=1,"b=x y"}` becomes `a=1, b='x y'`; a value stays bare
    /// when fmtId would leave it so.
    static func reloptions(_ array: String, standardStrings: Bool) -> String {
        PostgresArrayText.elements(array).map { option in
            let (name, value) = option.firstIndex(of: "=").map { (String(option[..<$0]), String(option[option.index(after: $0)...])) }
                ?? (option, "")
            let bare = SQLIdentifier.quotedIfNeeded(value) == value
            return SQLIdentifier.quotedIfNeeded(name) + "=" + (bare ? value : stringLiteral(value, standardStrings: standardStrings))
        }.joined(separator: ", ")
    }

    /// psql's appendStringLiteral: quotes doubled, and backslashes too when the server does not
    /// take standard-conforming strings.
    static func stringLiteral(_ value: String, standardStrings: Bool) -> String {
        var quoted = value.replacing("'", with: "''")
        if !standardStrings { quoted = quoted.replacing("\\", with: "\\\\") }
        return "'\(quoted)'"
    }

    /// psql's print_with_linenumbers: a function's header lines (before the body's `AS `,
    /// `BEGIN ` or `RETURN ` line) get eight blanks, every other line its number.
    static func numbered(_ text: String, isFunction: Bool) -> String {
        var inHeader = isFunction
        var number = 0
        var lines = lines(of: text)
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            if inHeader && isBodyStart(line) { inHeader = false }
            if inHeader { return "        \(line)\n" }
            number += 1
            let label = String(number)
            return label + String(repeating: " ", count: max(0, 7 - label.count)) + " \(line)\n"
        }.joined()
    }

    /// The text's lines split at each newline byte, as psql splits them: a carriage return
    /// before it stays in its line (a Swift split on "\n" would keep "\r\n" lines together).
    static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Where pg_get_functiondef's body starts: the line psql's `\ef LINE` and `\sf+` count from.
    static func isBodyStart(_ line: Substring) -> Bool {
        line.hasPrefix("AS ") || line.hasPrefix("BEGIN ") || line.hasPrefix("RETURN ")
    }

    /// psql's count_lines_in_buf: newlines, plus one for a last line without its own.
    static func lineCount(_ text: String) -> Int {
        let newlines = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        return newlines + (text.isEmpty || text.hasSuffix("\n") ? 0 : 1)
    }
}
