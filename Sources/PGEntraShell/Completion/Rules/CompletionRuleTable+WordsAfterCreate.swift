/// psql's `words_after_create` (tab-complete.c): every "thing" that can follow CREATE, DROP
/// or ALTER, with the flags that keep some out of one of the three generators, and the list
/// that names existing ones. psql_completion reads it twice: through the three
/// *_command_generator functions, and as its last resort after match_previous_words (the
/// `wordsAfterCreate` section of the table).
enum WordsAfterCreate {
    struct Thing: Sendable {
        let name: String
        /// The existing objects of this kind, with keywords offered beside them.
        var query: CatalogQuery?
        var keywords: [String] = []
        var noCreate = false
        var noDrop = false
        var noAlter = false
    }

    /// psql 18's words_after_create, in its order (THING_NO_SHOW is all three flags).
    static let things: [Thing] = [
        Thing(name: "ACCESS METHOD", noAlter: true),
        Thing(name: "AGGREGATE", query: .schemaList(.aggregates, schema: nil)),
        // Casts have complex structures for names, so skip it
        Thing(name: "CAST"),
        Thing(name: "COLLATION", query: .schemaList(.collations, schema: nil)),
        // CREATE CONSTRAINT TRIGGER is not supported here because it is designed to be used
        // only by pg_dump.
        Thing(name: "CONFIGURATION", query: .schemaList(.tsConfigurations, schema: nil), noCreate: true, noDrop: true, noAlter: true),
        Thing(name: "CONVERSION", query: .named(.conversions, reference: nil)),
        Thing(name: "DATABASE", query: .databases),
        Thing(name: "DEFAULT PRIVILEGES", noCreate: true, noDrop: true),
        Thing(name: "DICTIONARY", query: .schemaList(.tsDictionaries, schema: nil), noCreate: true, noDrop: true, noAlter: true),
        Thing(name: "DOMAIN", query: .schemaList(.domains, schema: nil)),
        Thing(name: "EVENT TRIGGER"),
        Thing(name: "EXTENSION", query: .extensions),
        Thing(name: "FOREIGN DATA WRAPPER"),
        Thing(name: "FOREIGN TABLE"),
        Thing(name: "FUNCTION", query: .schemaList(.functions, schema: nil)),
        Thing(name: "GROUP", query: .roles),
        Thing(name: "INDEX", query: .relations(.indexes, schema: nil)),
        Thing(name: "LANGUAGE", query: .named(.languages, reference: nil)),
        Thing(name: "LARGE OBJECT", noCreate: true, noDrop: true),
        Thing(name: "MATERIALIZED VIEW", query: .relations(.materializedViews, schema: nil)),
        // Querying for this is probably not such a good idea.
        Thing(name: "OPERATOR"),
        Thing(name: "OR REPLACE", noDrop: true, noAlter: true),
        // for DROP OWNED BY ...
        Thing(name: "OWNED", noCreate: true, noAlter: true),
        Thing(name: "PARSER", query: .schemaList(.tsParsers, schema: nil), noCreate: true, noDrop: true, noAlter: true),
        Thing(name: "POLICY"),
        Thing(name: "PROCEDURE", query: .schemaList(.procedures, schema: nil)),
        Thing(name: "PUBLICATION", query: .publications),
        Thing(name: "ROLE", query: .roles),
        Thing(name: "ROUTINE", query: .schemaList(.routines, schema: nil), noCreate: true),
        Thing(name: "RULE", query: .named(.rules, reference: nil)),
        Thing(name: "SCHEMA", query: .schemas),
        Thing(name: "SEQUENCE", query: .relations(.sequences, schema: nil)),
        Thing(name: "SERVER", query: .named(.servers, reference: nil)),
        Thing(name: "STATISTICS", query: .schemaList(.statistics, schema: nil)),
        Thing(name: "SUBSCRIPTION", query: .named(.subscriptions, reference: nil)),
        Thing(name: "SYSTEM", noCreate: true, noDrop: true),
        Thing(name: "TABLE", query: .relations(.tables, schema: nil)),
        Thing(name: "TABLESPACE", query: .tablespaces),
        // for CREATE TEMP TABLE ...
        Thing(name: "TEMP", noDrop: true, noAlter: true),
        Thing(name: "TEMPLATE", query: .schemaList(.tsTemplates, schema: nil), noCreate: true, noDrop: true, noAlter: true),
        // for CREATE TEMPORARY TABLE ...
        Thing(name: "TEMPORARY", noDrop: true, noAlter: true),
        Thing(name: "TEXT SEARCH"),
        Thing(name: "TRANSFORM", noAlter: true),
        Thing(name: "TRIGGER", query: .named(.triggers, reference: nil)),
        Thing(name: "TYPE", query: .schemaList(.datatypes, schema: nil)),
        // for CREATE UNIQUE INDEX ...
        Thing(name: "UNIQUE", noDrop: true, noAlter: true),
        // for CREATE UNLOGGED TABLE ...
        Thing(name: "UNLOGGED", noDrop: true, noAlter: true),
        // When we have DROP USER etc, also offer MAPPING FOR
        Thing(name: "USER", query: .roles, keywords: ["MAPPING FOR"]),
        Thing(name: "USER MAPPING FOR"),
        Thing(name: "VIEW", query: .relations(.views, schema: nil)),
    ]

    /// drop_command_generator's words.
    static let dropCommandWords: [String] = things.filter { !$0.noDrop }.map(\.name)
    /// alter_command_generator's words.
    static let alterCommandWords: [String] = things.filter { !$0.noAlter }.map(\.name)

    /// The lists the fallback can ask for, for CompletionRuleTable.bodyQueries.
    static var queries: [CatalogQuery] { things.compactMap(\.query) }
}

extension CompletionRuleTable {
    /// psql_completion's last resort, after match_previous_words offered nothing: if the
    /// previous word is one of words_after_create's things, the existing ones of that kind
    /// (psql compares the whole previous word, so only the one-word things can match). Not a
    /// rule of the table: psql's test is not a `*Matches` call.
    static func wordsAfterCreate(_ c: RuleContext) -> CompletionCandidates? {
        let previous = c.previous(1).lowercased()
        guard let thing = WordsAfterCreate.things.first(where: { $0.name.lowercased() == previous }),
              let query = thing.query else { return nil }
        return c.query(query, plus: thing.keywords)
    }
}
