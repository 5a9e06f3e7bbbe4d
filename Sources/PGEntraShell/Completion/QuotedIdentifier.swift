/// A possibly schema-qualified SQL name split into its parts, quotes removed, for quote-aware
/// matching of catalog names: tab-complete.c's parse_identifier, requote_identifier and the
/// filter of _complete_from_query. psql matches what the user typed, dequoted and with its
/// unquoted letters folded to lower case, against the names as the server stores them, and
/// quotes each result again as needed, or always where the user typed a quote. So `"my`
/// completes to `"mytab123"`, `PUBLIC.t` to `public.tab1`, and `mi` leaves `"mixedName"` out
/// (psql offers a name that needs quotes only to empty or quoted input).
struct QuotedIdentifier: Equatable {
    var schema: String?
    var object: String
    /// Whether some of the schema (object) part was written in double quotes. For a catalog
    /// name, which the server's quote_ident wrote, that means the part needs its quotes.
    var schemaQuoted = false
    var objectQuoted = false

    init(schema: String?, object: String, schemaQuoted: Bool = false, objectQuoted: Bool = false) {
        self.schema = schema
        self.object = object
        self.schemaQuoted = schemaQuoted
        self.objectQuoted = objectQuoted
    }

    /// psql's parse_identifier: the last unquoted dot splits off the schema (a catalog part
    /// before it is dropped), quotes are removed (`""` is one quote), and unquoted ASCII letters
    /// are folded to lower case as the server's downcase_identifier folds them.
    init(parsing text: String) {
        var schema: String?
        var current = String.UnicodeScalarView()
        var quoted = false
        var inQuotes = false
        var schemaQuoted = false
        var scalars = text.unicodeScalars[...]
        while let c = scalars.popFirst() {
            if c == "\"" {
                if inQuotes, scalars.first == "\"" {
                    current.append("\"")
                    scalars.removeFirst()
                } else {
                    inQuotes.toggle()
                    quoted = true
                }
            } else if c == ".", !inQuotes {
                schema = String(current)
                schemaQuoted = quoted
                current = String.UnicodeScalarView()
                quoted = false
            } else if !inQuotes, ("A"..."Z").contains(c) {
                current.append(Unicode.Scalar(c.value + 32)!)
            } else {
                current.append(c)
            }
        }
        self.init(schema: schema, object: String(current), schemaQuoted: schemaQuoted, objectQuoted: quoted)
    }

    /// psql's requote_identifier: `schema.object`, each part in double quotes (inner quotes
    /// doubled) when asked to; a schema alone gives `schema.`.
    static func requote(schema: String?, object: String?, quoteSchema: Bool, quoteObject: Bool) -> String {
        func part(_ text: String, _ quote: Bool) -> String {
            quote ? "\"" + text.replacingQuotes() + "\"" : text
        }
        var result = ""
        if let schema { result += part(schema, quoteSchema) + "." }
        if let object { result += part(object, quoteObject) }
        return result
    }

    /// What a catalog name (written by quote_ident, or `schema.` for a schema to go on from)
    /// offers for the typed word, or nil if it does not match: _complete_from_query's filter.
    /// The name's own quotes say whether a part needs them (identifier_needs_quotes).
    static func completion(of name: String, typed: QuotedIdentifier) -> String? {
        let candidate = QuotedIdentifier(parsing: name)
        let typedSomething = !typed.object.isEmpty
        if let typedSchema = typed.schema {
            // Qualified input: only names in that schema, as psql's qualified query returns them.
            guard let schema = candidate.schema, schema == typedSchema, candidate.object.hasPrefix(typed.object) else { return nil }
            if typedSomething, !typed.objectQuoted && candidate.objectQuoted || !typed.schemaQuoted && candidate.schemaQuoted { return nil }
            return requote(schema: schema, object: candidate.object, quoteSchema: typed.schemaQuoted || candidate.schemaQuoted,
                           quoteObject: typed.objectQuoted || candidate.objectQuoted)
        }
        guard let schema = candidate.schema else {
            guard candidate.object.hasPrefix(typed.object) else { return nil }
            if typedSomething, !typed.objectQuoted, candidate.objectQuoted { return nil }
            return requote(schema: nil, object: candidate.object, quoteSchema: false, quoteObject: typed.objectQuoted || candidate.objectQuoted)
        }
        // A schema to go on from (`public.`) is matched by its name against the object part,
        // whose quoting it takes ("schemaquoted = objectquoted" in _complete_from_query).
        guard candidate.object.isEmpty, schema.hasPrefix(typed.object) else { return nil }
        if typedSomething, !typed.objectQuoted, candidate.schemaQuoted { return nil }
        return requote(schema: schema, object: nil, quoteSchema: typed.objectQuoted || candidate.schemaQuoted, quoteObject: false)
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for c in self {
            result.append(c)
            if c == "\"" { result.append("\"") }
        }
        return result
    }
}
