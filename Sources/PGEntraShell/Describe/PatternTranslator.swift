import PGEntraScanner
import PGEntraSystem

/// psql's object-name patterns (psql-compat.md §8.1; fe_utils/string_utils.c
/// `patternToSQLRegex` and `processSQLNamePattern`, describe.c `validateSQLNamePattern`):
/// `*` → `.*`, `?` → `.`, unquoted letters lower-cased, `"..."` literal, `.` separating
/// database, schema and name, each part anchored as `^(...)$`, and the WHERE clause built from
/// them the way psql spells it.
struct PatternTranslator {
    /// A pattern psql refuses before running anything.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case tooManyDots(String)
        case crossDatabase(String)

        var description: String {
            switch self {
            case .tooManyDots(let pattern): "improper qualified name (too many dotted names): \(pattern)"
            case .crossDatabase(let pattern): "cross-database references are not implemented: \(pattern)"
            }
        }
    }

    /// The parts of a pattern as regular expressions (name last), the literal database part and
    /// the number of unquoted dots seen.
    struct Parts: Equatable {
        var regexes: [String]
        var databaseLiteral: String
        var dots: Int
    }

    /// Splits `pattern` into at most `maxParts` anchored regular expressions (psql's
    /// patternToSQLRegex); dots beyond that stay in the last part as regex dots. psql steps
    /// with PQmblenBounded, so in a client-only `encoding` a trailing byte is copied as it is
    /// (`HiddenTrailingBytes`), never lower-cased, escaped or taken for `"`, `*` or `.`.
    static func parts(_ pattern: String, maxParts: Int, forceEscape: Bool = false, encoding: CharacterRules? = nil) -> Parts {
        let original = Array(pattern.utf8)
        let bytes = encoding.flatMap { HiddenTrailingBytes.classificationCopy(of: original, rules: $0) } ?? original
        var buffers: [[UInt8]] = [Array("^(".utf8)]
        var literal: [UInt8] = []
        var left = true
        var inQuotes = false
        var dots = 0
        var index = 0
        func append(_ text: String) { buffers[buffers.count - 1].append(contentsOf: text.utf8) }
        func append(byte: UInt8) { buffers[buffers.count - 1].append(byte) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if inQuotes && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                    append(byte: byte)
                    if left { literal.append(byte) }
                    index += 1
                } else {
                    inQuotes.toggle()
                }
                index += 1
            } else if !inQuotes && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                append(byte: byte + 32)
                if left { literal.append(byte + 32) }
                index += 1
            } else if !inQuotes && byte == UInt8(ascii: "*") {
                append(".*")
                if left { literal.append(byte) }
                index += 1
            } else if !inQuotes && byte == UInt8(ascii: "?") {
                append(".")
                if left { literal.append(byte) }
                index += 1
            } else if !inQuotes && byte == UInt8(ascii: ".") {
                left = false
                dots += 1
                if buffers.count < maxParts {
                    append(")$")
                    buffers.append(Array("^(".utf8))
                } else {
                    append(byte: byte)
                }
                index += 1
            } else if byte == UInt8(ascii: "$") {
                append("\\$")
                if left { literal.append(byte) }
                index += 1
            } else {
                if (inQuotes || forceEscape) && Array("|*+?()[]{}.^\\".utf8).contains(byte) {
                    append(byte: UInt8(ascii: "\\"))
                } else if byte == UInt8(ascii: "[") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "]") {
                    append(byte: UInt8(ascii: "\\"))
                }
                append(byte: original[index])
                if left { literal.append(original[index]) }
                index += 1
            }
        }
        append(")$")
        return Parts(
            regexes: buffers.map { String(decoding: $0, as: UTF8.self) },
            databaseLiteral: String(decoding: literal, as: UTF8.self), dots: dots)
    }

    /// A string literal as psql's appendStringLiteralConn writes it for a server with
    /// standard_conforming_strings on: `'...'`, or `E'...'` with doubled backslashes. Its test
    /// for a backslash is a plain strchr, but appendStringLiteral steps over the characters of
    /// a client-only `encoding`, so a trailing 0x5C gets the `E` and stays single.
    static func literal(_ text: String, encoding: CharacterRules? = nil) -> String {
        let original = Array(text.utf8)
        let hasBackslash = original.contains(ScanByte.backslash)
        let bytes = encoding.flatMap { HiddenTrailingBytes.classificationCopy(of: original, rules: $0) } ?? original
        var quoted: [UInt8] = Array((hasBackslash ? "E'" : "'").utf8)
        for (byte, seen) in zip(original, bytes) {
            if seen == ScanByte.singleQuote || seen == ScanByte.backslash { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(ScanByte.singleQuote)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// The clause psql's validateSQLNamePattern appends to `sql`: `WHERE `/`  AND ` conditions on
    /// the name (and schema) columns, or the visibility rule when no schema is given. Returns
    /// whether a clause was added.
    @discardableResult
    static func appendClause(
        to sql: inout String, pattern: String?, hasWhere: Bool, forceEscape: Bool = false,
        schemaColumn: String?, nameColumn: String?, alternateNameColumn: String? = nil,
        visibilityRule: String?, maxParts: Int, database: String, encoding: CharacterRules? = nil
    ) throws(Failure) -> Bool {
        var hasWhere = hasWhere
        var added = false
        func whereAnd() {
            sql += hasWhere ? "  AND " : "WHERE "
            hasWhere = true
            added = true
        }
        guard let pattern else {
            if let visibilityRule {
                whereAnd()
                sql += visibilityRule + "\n"
            }
            return added
        }
        // Without a schema column the pattern is not split (its dots are only counted).
        let split = parts(pattern, maxParts: schemaColumn == nil ? 1 : 3, forceEscape: forceEscape, encoding: encoding)
        let name = split.regexes[split.regexes.count - 1]
        let schema = split.regexes.count >= 2 ? split.regexes[split.regexes.count - 2] : nil
        if let nameColumn, name.utf8.count > 2, name != "^(.*)$" {
            whereAnd()
            if let alternateNameColumn {
                sql += "(\(nameColumn) OPERATOR(pg_catalog.~) \(literal(name, encoding: encoding)) COLLATE pg_catalog.default"
                sql += "\n        OR \(alternateNameColumn) OPERATOR(pg_catalog.~) \(literal(name, encoding: encoding)) COLLATE pg_catalog.default)\n"
            } else {
                sql += "\(nameColumn) OPERATOR(pg_catalog.~) \(literal(name, encoding: encoding)) COLLATE pg_catalog.default\n"
            }
        }
        if let schemaColumn, let schema, schema.utf8.count > 2 {
            if schema != "^(.*)$" {
                whereAnd()
                sql += "\(schemaColumn) OPERATOR(pg_catalog.~) \(literal(schema, encoding: encoding)) COLLATE pg_catalog.default\n"
            }
        } else if let visibilityRule {
            whereAnd()
            sql += visibilityRule + "\n"
        }
        if split.dots >= maxParts { throw .tooManyDots(pattern) }
        if maxParts > 1 && split.dots == maxParts - 1 {
            let databasePart = schemaColumn != nil && split.regexes.count == 3 ? split.databaseLiteral : ""
            if databasePart != database { throw .crossDatabase(pattern) }
        }
        return added
    }
}
