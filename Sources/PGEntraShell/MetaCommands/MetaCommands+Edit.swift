#if canImport(Glibc)
import Glibc
#endif

/// `\e [FILE] [LINE]`, `\ef [FUNCTION [LINE]]` and `\ev [VIEW [LINE]]` (psql 18's exec_command_edit and
/// exec_command_ef_ev): the edited text becomes the query buffer and is scanned again, so the
/// complete statements in it run and the rest stays in the buffer. Any failure, a bad line
/// number included, empties the buffer (psql 16+).
extension MetaCommands {
    func edit(_ arguments: inout ArgumentReader, buffer: inout String, at location: ScriptLocation?) -> Outcome {
        guard !singleCommand else {
            session.error("no query buffer", at: location)
            return .failed
        }
        var file = arguments.next()?.text
        var lineText: String?
        if let name = file {
            lineText = arguments.next()?.text
            if lineText == nil, !name.isEmpty, name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                lineText = name
                file = nil
            }
        }
        var line: Int?
        if let lineText {
            let number = Int(atoi(lineText))
            guard number >= 1 else {
                session.error("invalid line number: \(lineText)", at: location)
                buffer = ""
                return .failed
            }
            line = number
        }
        let editor = ExternalEditor(environment: session.environment)
        // An empty buffer edits the previous query; a named file or the previous query is
        // dropped again when the edit changed nothing or failed (psql's discard_on_quit).
        let discardUnchanged = file != nil || buffer.isEmpty
        do throws(ExternalEditor.Failure) {
            let edited: String?
            if let file {
                edited = try editor.editFile(expandTilde(file), line: line)
            } else {
                if buffer.isEmpty { buffer = session.previousQuery ?? "" }
                edited = try editor.edit(&buffer, line: line)
            }
            if let edited { buffer = edited } else if discardUnchanged { buffer = "" }
            return .newEdit
        } catch {
            editFailed(error, buffer: &buffer, at: location)
            return .failed
        }
    }

    /// psql 16+ empties the buffer after a failed edit; an editor's own failure (non-zero exit)
    /// is an error with no message of psql's.
    private func editFailed(_ error: ExternalEditor.Failure, buffer: inout String, at location: ScriptLocation?) {
        if error != .exited { session.error(error.description, at: location) }
        buffer = ""
    }

    /// `\ef [FUNCTION [LINE]]` and `\ev [VIEW [LINE]]` (psql's exec_command_ef_ev): the object's
    /// CREATE OR REPLACE command, or a skeleton without a name, edited into the query buffer.
    func editObject(_ kind: EditableObject, _ arguments: inout ArgumentReader, buffer: inout String, at location: ScriptLocation?) -> Outcome {
        // Read with semicolon = true, as exec_command_ef_ev does: `\ef f(int);` works.
        let whole = arguments.next(.wholeLine, strippingSemicolons: true)?.text
        guard !singleCommand else {
            session.error("no query buffer", at: location)
            return .failed
        }
        var line: Int?
        var name = whole ?? ""
        switch Self.stripLineNumber(name) {
        case .invalid(let text):
            session.error("invalid line number: \(text)", at: location)
            buffer = ""
            return .failed
        case .number(let number, let rest):
            line = number
            name = rest
        case .none:
            break
        }
        if whole == nil || whole!.isEmpty {
            buffer = kind == .function ? Self.functionTemplate : Self.viewTemplate
        } else {
            guard let connection = session.connection,
                  let oid = lookUp(kind.lookupSQL(connection.literal(name), name: name), at: location),
                  let text = definition(of: kind, oid: oid, at: location) else {
                buffer = ""
                return .failed
            }
            buffer = text
            if kind == .function, let number = line {
                // LINE counts from the body's first line (`AS `, `BEGIN `, `RETURN `).
                line = number + Self.linesBeforeBody(text)
            }
        }
        do throws(ExternalEditor.Failure) {
            guard let edited = try ExternalEditor(environment: session.environment).edit(&buffer, line: line) else {
                buffer = ""
                session.printStandard("No changes\n")
                return .ok
            }
            buffer = edited
            return .newEdit
        } catch {
            editFailed(error, buffer: &buffer, at: location)
            return .failed
        }
    }

    /// One value from a catalog query sent as psql 18's lookup_object_oid does (shown with
    /// ECHO_HIDDEN); a failure shows only the severity and primary message (minimal_error_message).
    func lookUp(_ sql: String, at location: ScriptLocation?) -> String? {
        guard session.echoHidden(sql), let connection = session.connection, let result = connection.execute(sql) else { return nil }
        guard result.status == .tuples, result.rowCount == 1, let value = result.value(row: 0, column: 0) else {
            session.error("ERROR:  \(result.primaryMessage ?? "(not available)")", at: location)
            return nil
        }
        return value
    }

    /// psql's skeleton for `\ev` without a name.
    static let viewTemplate = """
        CREATE VIEW  AS
         SELECT \("")
          -- something...

        """

    /// psql's skeleton for `\ef` without a name.
    static let functionTemplate = """
        CREATE FUNCTION ( )
         RETURNS \("")
         LANGUAGE \("")
         -- common options:  IMMUTABLE  STABLE  STRICT  SECURITY DEFINER
        AS $function$

        $function$

        """

    enum LineSuffix: Equatable {
        case none
        case number(Int, rest: String)
        case invalid(String)
    }

    /// psql's strip_lineno_from_objdesc: trailing digits after a blank or `)` are a line number.
    static func stripLineNumber(_ text: String) -> LineSuffix {
        var bytes = Array(text.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        guard !bytes.isEmpty else { return .none }
        var index = bytes.count - 1
        while index > 0 && isSpace(bytes[index]) { index -= 1 }
        guard index > 0, isDigit(bytes[index]) else { return .none }
        while index > 0 && isDigit(bytes[index]) { index -= 1 }
        guard index > 0, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ")") else { return .none }
        let digits = String(decoding: bytes[(index + 1)...], as: UTF8.self)
        let number = Int(atoi(digits))
        guard number >= 1 else { return .invalid(digits) }
        bytes.removeSubrange((index + 1)...)
        return .number(number, rest: String(decoding: bytes, as: UTF8.self))
    }

    static func linesBeforeBody(_ definition: String) -> Int {
        let lines = lines(of: definition)
        return lines.firstIndex(where: isBodyStart) ?? lines.count
    }
}
