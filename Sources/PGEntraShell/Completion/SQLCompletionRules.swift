/// The SQL part of Tab completion: psql's rules of tab-complete.c, keyed on the words before
/// the cursor (`Matches` = the whole statement so far, `tail` = its last words). The first
/// rule that applies decides; later, generic rules look at the clause the cursor is in.
struct SQLCompletionRules {
    let completer: TabCompleter
    let tokens: [CompletionInput.Token]
    /// The statement's words after the cursor on the same line, at their depths: where a
    /// select list finds the FROM it has not reached yet.
    var following: [CompletionInput.Token] = []
    /// Parenthesis depth at the cursor.
    let depth: Int
    let word: String

    private typealias C = CompletionCandidates

    /// Token `i` from the end (1 = the last), upper-cased when it is an unquoted word.
    private func previous(_ i: Int) -> String {
        guard i >= 1, i <= tokens.count else { return "" }
        return Self.normalized(tokens[tokens.count - i])
    }

    private static func normalized(_ token: CompletionInput.Token) -> String {
        token.isName && !token.text.contains("\"") ? token.text.uppercased() : token.text
    }

    /// Whether one word fits a pattern: `*` any word, else `|`-separated alternatives.
    private static func fits(_ word: String, _ pattern: String) -> Bool {
        pattern == "*" || pattern.split(separator: "|").contains { $0 == word }
    }

    /// psql's TailMatches: the last words fit the patterns.
    private func tail(_ patterns: String...) -> Bool {
        guard patterns.count <= tokens.count else { return false }
        return patterns.reversed().enumerated().allSatisfy { Self.fits(previous($0.offset + 1), $0.element) }
    }

    /// psql's Matches: the statement so far is exactly these words.
    private func matches(_ patterns: String...) -> Bool {
        patterns.count == tokens.count && patterns.enumerated().allSatisfy { Self.fits(previous(tokens.count - $0.offset), $0.element) }
    }

    /// psql's HeadMatches: the statement starts with these words.
    private func head(_ patterns: String...) -> Bool {
        patterns.count <= tokens.count && patterns.enumerated().allSatisfy { Self.fits(previous(tokens.count - $0.offset), $0.element) }
    }

    private func keywords(_ words: String...) -> C { C(keywords: words) }

    func candidates() -> CompletionCandidates {
        if tokens.isEmpty { return C(keywords: CompletionVocabulary.statementStarts) }
        return ddl() ?? dml() ?? utility() ?? clause() ?? C()
    }

    // MARK: CREATE, ALTER, DROP, COMMENT, GRANT

    private func ddl() -> C? {
        if matches("CREATE") {
            return C(keywords: CompletionVocabulary.objectKinds + ["OR REPLACE", "TEMP", "TEMPORARY", "UNIQUE", "UNLOGGED"])
        }
        if matches("CREATE", "OR") { return keywords("REPLACE") }
        if matches("CREATE", "OR", "REPLACE") {
            return keywords("AGGREGATE", "FUNCTION", "LANGUAGE", "PROCEDURE", "RULE", "TRANSFORM", "TRIGGER", "VIEW")
        }
        if matches("CREATE", "TEMP|TEMPORARY") { return keywords("SEQUENCE", "TABLE", "VIEW") }
        if matches("CREATE", "UNLOGGED") { return keywords("MATERIALIZED VIEW", "TABLE") }
        if matches("CREATE", "UNIQUE") { return keywords("INDEX") }
        if head("CREATE"), tail("INDEX") || tail("INDEX", "CONCURRENTLY") { return keywords("CONCURRENTLY", "IF NOT EXISTS", "ON") }
        if head("CREATE"), tail("INDEX", "*") || tail("INDEX", "CONCURRENTLY", "*") || tail("EXISTS", "*") && head("CREATE", "*", "INDEX") || tail("EXISTS", "*") && head("CREATE", "INDEX") {
            return keywords("ON")
        }
        if head("CREATE"), tail("ON"), tokens.contains(where: { Self.normalized($0) == "INDEX" }) {
            return completer.relations(RelationKinds(letters: "rpm"), word: word)
        }
        if head("CREATE"), tail("ON", "*"), tokens.contains(where: { Self.normalized($0) == "INDEX" }) { return keywords("(", "USING") }
        // psql's words_after_create: after TABLE, the tables there are (Query_for_list_of_tables).
        if head("CREATE"), tail("TABLE") { return keywords("IF NOT EXISTS") + completer.relations(.tables, word: word) }
        if head("CREATE"), tail("TABLE", "*") { return keywords("(", "AS", "OF", "PARTITION OF") }
        if head("CREATE"), tail("VIEW", "*") { return keywords("AS", "WITH") }
        if head("CREATE"), tail("AS"), tokens.contains(where: { ["VIEW", "TABLE"].contains(Self.normalized($0)) }) {
            return keywords("SELECT", "TABLE", "VALUES", "WITH")
        }
        if matches("CREATE", "SCHEMA") { return keywords("AUTHORIZATION", "IF NOT EXISTS") }
        if head("CREATE", "SCHEMA"), tail("AUTHORIZATION") { return completer.names(.roles) }
        if matches("CREATE", "DATABASE", "*") {
            return keywords("ALLOW_CONNECTIONS", "CONNECTION LIMIT", "ENCODING", "IS_TEMPLATE", "LC_COLLATE", "LC_CTYPE", "LOCALE", "OWNER", "STRATEGY", "TABLESPACE", "TEMPLATE", "WITH")
        }
        if head("CREATE", "DATABASE"), tail("OWNER") { return completer.names(.roles) }
        if head("CREATE", "DATABASE"), tail("TEMPLATE") { return completer.names(.databases) }
        if matches("CREATE", "ROLE|USER|GROUP", "*") || matches("CREATE", "ROLE|USER|GROUP", "*", "WITH") {
            return keywords(
                "ADMIN", "BYPASSRLS", "CONNECTION LIMIT", "CREATEDB", "CREATEROLE", "ENCRYPTED PASSWORD", "IN ROLE", "INHERIT", "LOGIN",
                "NOBYPASSRLS", "NOCREATEDB", "NOCREATEROLE", "NOINHERIT", "NOLOGIN", "NOREPLICATION", "NOSUPERUSER", "PASSWORD",
                "REPLICATION", "ROLE", "SUPERUSER", "SYSID", "VALID UNTIL")
        }
        if matches("CREATE", "EXTENSION") { return keywords("IF NOT EXISTS") }

        if matches("DROP") { return C(keywords: CompletionVocabulary.objectKinds + ["OWNED BY"]) }
        if head("DROP"), let kind = objectKind(after: 1), tokens.count == 1 + kind.words || tail("IF", "EXISTS") && tokens.count == 3 + kind.words {
            // psql's words_after_create fallback: DROP <thing> offers the names alone, IF EXISTS too
            return objectNames(kind.query)
        }
        if head("DROP"), let kind = objectKind(after: 1), tokens.count >= 2 + kind.words, !tail(","), !tail("IF") {
            return keywords("CASCADE", "RESTRICT")
        }
        if matches("DROP", "OWNED") { return keywords("BY") }
        if matches("DROP", "OWNED", "BY") { return completer.names(.roles) }

        if matches("ALTER") {
            return C(keywords: CompletionVocabulary.objectKinds.filter { $0 != "ACCESS METHOD" && $0 != "TRANSFORM" } + ["DEFAULT PRIVILEGES", "LARGE OBJECT", "SYSTEM"])
        }
        if tail("OWNER", "TO") {
            return completer.names(.roles) + C(keywords: ["CURRENT_ROLE", "CURRENT_USER", "SESSION_USER"])
        }
        if head("ALTER"), tail("SET", "SCHEMA") { return completer.names(.schemas) }
        if head("ALTER", "TABLE") || head("ALTER", "FOREIGN", "TABLE") { if let table = alterTable() { return table } }
        // psql: Matches("ALTER", "TYPE", MatchAny, "RENAME", "VALUE") → COMPLETE_WITH_ENUM_VALUE(prev3_wd)
        if matches("ALTER", "TYPE", "*", "RENAME", "VALUE") { return completer.enumLabels(of: tokens[2].text) }
        if head("ALTER"), let kind = objectKind(after: 1) {
            if tokens.count == 1 + kind.words {
                return objectNames(kind.query) + (kind.query == .relations(.tables, schema: nil) ? keywords("ALL IN TABLESPACE", "IF EXISTS", "ONLY") : C())
            }
            if tokens.count == 2 + kind.words {
                switch kind.query {
                case .roles?:
                    return keywords("BYPASSRLS", "CONNECTION LIMIT", "CREATEDB", "CREATEROLE", "ENCRYPTED PASSWORD", "INHERIT", "LOGIN", "NOBYPASSRLS",
                                    "NOCREATEDB", "NOCREATEROLE", "NOINHERIT", "NOLOGIN", "NOREPLICATION", "NOSUPERUSER", "PASSWORD", "RENAME TO",
                                    "REPLICATION", "RESET", "SET", "SUPERUSER", "VALID UNTIL", "WITH")
                case .databases?:
                    return keywords("ALLOW_CONNECTIONS", "CONNECTION LIMIT", "IS_TEMPLATE", "OWNER TO", "REFRESH COLLATION VERSION", "RENAME TO", "RESET", "SET", "WITH")
                default:
                    return keywords("OWNER TO", "RENAME TO", "SET SCHEMA")
                }
            }
        }

        if matches("COMMENT") { return keywords("ON") }
        if matches("COMMENT", "ON") { return C(keywords: CompletionVocabulary.objectKinds + ["COLUMN", "CONSTRAINT"]) }
        // psql: COMMENT ON CONSTRAINT → Query_for_all_table_constraints; <name> → ON;
        // <name> ON → Query_for_list_of_tables_for_constraint (set_completion_reference(prev2_wd)) + DOMAIN
        if matches("COMMENT", "ON", "CONSTRAINT") { return completer.names(.tableConstraints) }
        if matches("COMMENT", "ON", "CONSTRAINT", "*") { return keywords("ON") }
        if matches("COMMENT", "ON", "CONSTRAINT", "*", "ON") { return keywords("DOMAIN") + completer.tablesWithConstraint(tokens[3].text, word: word) }
        if head("COMMENT", "ON"), let kind = objectKind(after: 2) {
            if tokens.count == 2 + kind.words { return objectNames(kind.query) }
            if tokens.count == 3 + kind.words { return keywords("IS") }
        }

        if matches("GRANT|REVOKE") { return C(keywords: CompletionVocabulary.privileges) + completer.names(.roles) }
        if head("GRANT|REVOKE") {
            let onIndex = tokens.lastIndex { Self.normalized($0) == "ON" }
            if tail("ON") {
                return keywords("ALL FUNCTIONS IN SCHEMA", "ALL PROCEDURES IN SCHEMA", "ALL ROUTINES IN SCHEMA", "ALL SEQUENCES IN SCHEMA", "ALL TABLES IN SCHEMA",
                                "DATABASE", "DOMAIN", "FOREIGN DATA WRAPPER", "FOREIGN SERVER", "FUNCTION", "LANGUAGE", "LARGE OBJECT", "PROCEDURE",
                                "ROUTINE", "SCHEMA", "SEQUENCE", "TABLE", "TABLESPACE", "TYPE") + completer.relations(.selectable, word: word)
            }
            if onIndex != nil, tail("SCHEMA") { return completer.names(.schemas) }
            if onIndex != nil, tail("DATABASE") { return completer.names(.databases) }
            if onIndex != nil, tail("TABLESPACE") { return completer.names(.tablespaces) }
            if onIndex != nil, tail("FUNCTION|PROCEDURE|ROUTINE") { return completer.functions(word: word) }
            if onIndex != nil, tail("SEQUENCE") { return completer.relations(.sequences, word: word) }
            if onIndex != nil, tail("TABLE") { return completer.relations(.selectable, word: word) }
            if tail("TO") && head("GRANT") || tail("FROM") && head("REVOKE") {
                return completer.names(.roles) + C(keywords: CompletionVocabulary.roleWords)
            }
            if let onIndex, onIndex < tokens.count - 1, !tail("TO|FROM") {
                return head("GRANT") ? keywords("TO") : keywords("FROM")
            }
            if onIndex == nil, !tail(",") { return head("GRANT") ? keywords("ON", "TO") : keywords("ON", "FROM") }
        }
        return nil
    }

    /// ALTER TABLE name ... (psql's longest group of rules).
    private func alterTable() -> C? {
        let offset = head("ALTER", "FOREIGN") ? 1 : 0
        var index = 2 + offset
        if index < tokens.count, ["IF", "ONLY"].contains(Self.normalized(tokens[index])) {
            index += Self.normalized(tokens[index]) == "IF" ? 2 : 1
        }
        if tokens.count == 2 + offset { return nil }
        guard index < tokens.count else { return completer.relations(.tables, word: word) }
        let table = tokens[index].text
        let rest = tokens.count - index - 1
        let columns = completer.columns(of: [table])
        if rest == 0 { return C(keywords: CompletionVocabulary.alterTableActions) }
        if tail("ADD") { return keywords("CHECK", "COLUMN", "CONSTRAINT", "EXCLUDE", "FOREIGN KEY", "PRIMARY KEY", "UNIQUE") }
        if tail("DROP") && rest == 1 { return keywords("COLUMN", "CONSTRAINT") }
        // psql: Matches("ALTER", "TABLE", MatchAny, "ALTER|DROP|RENAME", "CONSTRAINT") → Query_for_constraint_of_table
        if tail("ALTER|DROP|RENAME", "CONSTRAINT") && rest == 2 { return completer.names(.constraints(table: table)) }
        if tail("DROP", "COLUMN") || tail("ALTER", "COLUMN") || tail("RENAME", "COLUMN") { return columns }
        if tail("ALTER") && rest == 1 { return keywords("COLUMN", "CONSTRAINT") + columns }
        if tail("RENAME") && rest == 1 { return keywords("COLUMN", "CONSTRAINT", "TO") + columns }
        if tail("RENAME", "*") && rest == 2 || tail("RENAME", "COLUMN", "*") { return keywords("TO") }
        if tail("ALTER", "*") && rest == 2 || tail("ALTER", "COLUMN", "*") {
            return keywords("ADD GENERATED", "DROP", "RESET", "RESTART", "SET", "TYPE")
        }
        if tail("ALTER", "*", "SET") || tail("ALTER", "COLUMN", "*", "SET") {
            return keywords("COMPRESSION", "DATA TYPE", "DEFAULT", "GENERATED", "NOT NULL", "STATISTICS", "STORAGE")
        }
        if tail("ALTER", "*", "DROP") || tail("ALTER", "COLUMN", "*", "DROP") {
            return keywords("DEFAULT", "EXPRESSION", "IDENTITY", "NOT NULL")
        }
        if tail("SET") && rest == 1 {
            return keywords("ACCESS METHOD", "LOGGED", "SCHEMA", "TABLESPACE", "UNLOGGED", "WITH (", "WITHOUT CLUSTER", "WITHOUT OIDS")
        }
        if tail("SET", "TABLESPACE") { return completer.names(.tablespaces) }
        if tail("ENABLE|DISABLE") && rest == 1 { return keywords("REPLICA", "ROW LEVEL SECURITY", "RULE", "TRIGGER", "ALWAYS") }
        if tail("CLUSTER", "ON") { return completer.relations(.indexes, word: word) }
        return nil
    }

    /// The object kind named at `position` (one or more words), and the catalog list of its names.
    private func objectKind(after position: Int) -> (words: Int, query: CatalogQuery?)? {
        guard position < tokens.count else { return nil }
        let first = Self.normalized(tokens[position])
        let second = position + 1 < tokens.count ? Self.normalized(tokens[position + 1]) : ""
        switch (first, second) {
        case ("MATERIALIZED", "VIEW"): return (2, .relations(.materializedViews, schema: nil))
        case ("FOREIGN", "TABLE"): return (2, .relations(.foreignTables, schema: nil))
        case ("TABLE", _): return (1, .relations(.tables, schema: nil))
        case ("VIEW", _): return (1, .relations(.views, schema: nil))
        case ("INDEX", _): return (1, .relations(.indexes, schema: nil))
        case ("SEQUENCE", _): return (1, .relations(.sequences, schema: nil))
        case ("SCHEMA", _): return (1, .schemas)
        case ("FUNCTION", _), ("PROCEDURE", _), ("ROUTINE", _), ("AGGREGATE", _): return (1, .functions(schema: nil))
        case ("ROLE", _), ("USER", _), ("GROUP", _): return (1, .roles)
        case ("DATABASE", _): return (1, .databases)
        case ("EXTENSION", _): return (1, .extensions)
        case ("TABLESPACE", _): return (1, .tablespaces)
        case ("TYPE", _), ("DOMAIN", _): return (1, .types)
        case ("PUBLICATION", _): return (1, .publications)
        default: return nil
        }
    }

    /// Names for an object kind; relations and functions may be schema-qualified.
    private func objectNames(_ query: CatalogQuery?) -> C {
        switch query {
        case .relations(let kinds, _)?: return completer.relations(kinds, word: word)
        case .functions?: return completer.functions(word: word)
        case let query?: return completer.names(query)
        case nil: return C()
        }
    }

    // MARK: INSERT, UPDATE, DELETE, COPY and the like

    private func dml() -> C? {
        if matches("INSERT") { return keywords("INTO") }
        if matches("INSERT", "INTO") { return completer.relations(.updatable, word: word) }
        if matches("INSERT", "INTO", "*") { return keywords("(", "DEFAULT VALUES", "OVERRIDING", "SELECT", "TABLE", "VALUES") }
        if head("INSERT", "INTO", "*", "(") {
            let closed = tokens.dropFirst(4).contains { $0.text == ")" && $0.depth == 0 }
            if !closed, tail("(") || tail(",") { return completer.columns(of: [tokens[2].text]) }
            if closed, tail(")"), tokens.count == tokens.firstIndex(where: { $0.text == ")" && $0.depth == 0 })! + 1 {
                return keywords("OVERRIDING", "SELECT", "TABLE", "VALUES")
            }
        }
        if head("INSERT"), tail("VALUES") { return keywords("(") }
        if head("INSERT"), tail(")"), depth == 0, tokens.contains(where: { Self.normalized($0) == "VALUES" }) {
            return keywords("ON CONFLICT", "RETURNING")
        }

        if matches("UPDATE") { return keywords("ONLY") + completer.relations(.updatable, word: word) }
        if matches("UPDATE", "*") || matches("UPDATE", "ONLY", "*") { return keywords("AS", "SET") }
        if matches("UPDATE", "*", "*") && previous(1) != "AS" && previous(1) != "SET" || matches("UPDATE", "*", "AS", "*") { return keywords("SET") }
        if head("UPDATE"), currentClause() == "SET", depth == 0 {
            let table = statementTables().first?.name
            if tail("SET") || tail(",") { return table.map { completer.columns(of: [$0]) } ?? C() }
            if previous(2) == "SET" || previous(2) == "," { return keywords("=") }
        }

        if matches("DELETE") { return keywords("FROM") }
        if matches("DELETE", "FROM") { return keywords("ONLY") + completer.relations(.updatable, word: word) }
        if matches("DELETE", "FROM", "*") { return keywords("AS", "RETURNING", "USING", "WHERE") }

        if matches("MERGE") { return keywords("INTO") }
        if matches("MERGE", "INTO") { return completer.relations(.updatable, word: word) }
        if matches("MERGE", "INTO", "*") { return keywords("AS", "USING") }

        if matches("TABLE") { return completer.relations(.selectable, word: word) }
        if matches("TRUNCATE") { return keywords("ONLY", "TABLE") + completer.relations(.tables, word: word) }
        if matches("TRUNCATE", "TABLE") || matches("TRUNCATE", "ONLY") || matches("TRUNCATE", "TABLE", "ONLY") {
            return completer.relations(.tables, word: word)
        }
        if matches("LOCK") { return keywords("TABLE", "ONLY") + completer.relations(.tables, word: word) }
        if matches("LOCK", "TABLE") { return keywords("ONLY") + completer.relations(.tables, word: word) }
        if head("LOCK"), tail("IN") {
            return keywords("ACCESS SHARE MODE", "ROW SHARE MODE", "ROW EXCLUSIVE MODE", "SHARE UPDATE EXCLUSIVE MODE", "SHARE MODE",
                            "SHARE ROW EXCLUSIVE MODE", "EXCLUSIVE MODE", "ACCESS EXCLUSIVE MODE")
        }
        if head("LOCK"), !tail("TABLE|ONLY|IN"), tokens.count <= 4 { return keywords("IN", "NOWAIT") }
        if matches("COPY") { return keywords("(") + completer.relations(.tables, word: word) }
        if matches("COPY", "*") { return keywords("FROM", "TO") }
        // psql: Matches("COPY", MatchAny, "FROM|TO") → complete_from_files with completion_force_quote
        if matches("COPY", "*", "FROM|TO") {
            return keywords("PROGRAM", "STDIN", "STDOUT") + completer.quotedFiles(word)
        }
        // psql 17: Matches("COPY|\\copy", MatchAny, "FROM|TO", MatchAny, "WITH", "(") and the option values
        // after it, for SQL COPY only; psql 18's split FROM/TO lists and REJECT_LIMIT come with the rule table
        if matches("COPY", "*", "FROM|TO", "*", "WITH", "(") {
            return keywords("FORMAT", "FREEZE", "DELIMITER", "NULL", "HEADER", "QUOTE", "ESCAPE", "FORCE_QUOTE", "FORCE_NOT_NULL", "FORCE_NULL",
                            "ENCODING", "DEFAULT", "ON_ERROR", "LOG_VERBOSITY")
        }
        if matches("COPY", "*", "FROM|TO", "*", "WITH", "(", "FORMAT") { return keywords("binary", "csv", "text") }
        if matches("COPY", "*", "FROM|TO", "*", "WITH", "(", "ON_ERROR") { return keywords("stop", "ignore") }
        if matches("COPY", "*", "FROM|TO", "*", "WITH", "(", "LOG_VERBOSITY") { return keywords("default", "verbose") }
        if matches("VACUUM") { return keywords("ANALYZE", "FREEZE", "FULL", "VERBOSE", "(") + completer.relations(.tables, word: word) }
        if matches("ANALYZE") { return keywords("VERBOSE", "(") + completer.relations(.tables, word: word) }
        // psql: HeadMatches("ANALYZE", "(*") && !HeadMatches("ANALYZE", "(*)"): in the unfinished option list
        if head("ANALYZE", "("), depth > 0 {
            if tail("(") || tail(",") { return keywords("VERBOSE", "SKIP_LOCKED", "BUFFER_USAGE_LIMIT") }
            if tail("VERBOSE|SKIP_LOCKED") { return keywords("ON", "OFF") }
            return C()
        }
        if head("VACUUM|ANALYZE"), tail("FULL|FREEZE|VERBOSE|ANALYZE") { return completer.relations(.tables, word: word) }
        if matches("CLUSTER") { return keywords("VERBOSE") + completer.relations(.tables, word: word) }
        if matches("REINDEX") { return keywords("DATABASE", "INDEX", "SCHEMA", "SYSTEM", "TABLE", "(") }
        if matches("REINDEX", "TABLE") { return completer.relations(.tables, word: word) }
        if matches("REINDEX", "INDEX") { return completer.relations(.indexes, word: word) }
        if matches("REINDEX", "SCHEMA") { return completer.names(.schemas) }
        if matches("REINDEX", "DATABASE|SYSTEM") { return completer.names(.databases) }
        if matches("REFRESH") { return keywords("MATERIALIZED VIEW") }
        if matches("REFRESH", "MATERIALIZED") { return keywords("VIEW") }
        if matches("REFRESH", "MATERIALIZED", "VIEW") { return keywords("CONCURRENTLY") + completer.relations(.materializedViews, word: word) }
        if matches("REFRESH", "MATERIALIZED", "VIEW", "CONCURRENTLY") { return completer.relations(.materializedViews, word: word) }
        if matches("CALL") { return completer.functions(word: word) }
        return nil
    }

    // MARK: SET, SHOW, RESET, transactions, EXPLAIN

    private func utility() -> C? {
        if matches("SET") {
            return keywords("CONSTRAINTS", "LOCAL", "ROLE", "SCHEMA", "SESSION", "TIME ZONE", "TRANSACTION") + settings(settable: true)
        }
        if matches("SET", "LOCAL") { return keywords("ROLE", "SCHEMA", "SESSION AUTHORIZATION", "TIME ZONE", "TRANSACTION") + settings(settable: true) }
        if matches("SET", "SESSION") {
            return keywords("AUTHORIZATION", "CHARACTERISTICS AS TRANSACTION") + settings(settable: true)
        }
        if matches("SET", "ROLE") || matches("SET", "SESSION|LOCAL", "ROLE") || tail("SESSION", "AUTHORIZATION") && head("SET") {
            return keywords("DEFAULT", "NONE") + completer.names(.roles)
        }
        if head("SET"), tail("TRANSACTION") || tail("AS", "TRANSACTION") { return keywords("DEFERRABLE", "ISOLATION LEVEL", "NOT DEFERRABLE", "READ", "SNAPSHOT") }
        if tail("ISOLATION") { return keywords("LEVEL") }
        if tail("ISOLATION", "LEVEL") { return keywords("READ COMMITTED", "READ UNCOMMITTED", "REPEATABLE READ", "SERIALIZABLE") }
        if tail("READ") && head("SET|BEGIN|START") { return keywords("ONLY", "WRITE") }
        if matches("SET", "TIME", "ZONE") || matches("SET", "LOCAL|SESSION", "TIME", "ZONE") { return keywords("DEFAULT", "LOCAL") }
        if matches("SET", "SCHEMA") { return completer.names(.schemas) }
        // psql 18 offers TO alone after a setting's name; `=` is still read when typed.
        if matches("SET", "*") || matches("SET", "LOCAL|SESSION", "*") { return keywords("TO") }
        // psql: TailMatches("SET", MatchAny, "TO|=") → by the setting (get_guctype, Query_for_values_of_enum_GUC, timezones)
        if matches("SET", "*", "TO|=") || matches("SET", "LOCAL|SESSION", "*", "TO|=") {
            return completer.settingValues(tokens[tokens.count - 2].text, word: word)
        }
        if matches("SHOW") { return keywords("ALL") + settings(settable: false) }
        if matches("RESET") { return keywords("ALL", "ROLE", "SESSION AUTHORIZATION") + settings(settable: true) }

        if matches("BEGIN") { return keywords("DEFERRABLE", "ISOLATION LEVEL", "NOT DEFERRABLE", "READ", "TRANSACTION", "WORK") }
        if matches("START") { return keywords("TRANSACTION") }
        if matches("BEGIN", "TRANSACTION|WORK") || matches("START", "TRANSACTION") {
            return keywords("DEFERRABLE", "ISOLATION LEVEL", "NOT DEFERRABLE", "READ")
        }
        if matches("COMMIT|END|ABORT") { return keywords("AND", "PREPARED", "TRANSACTION", "WORK") }
        if matches("ROLLBACK") { return keywords("AND", "PREPARED", "TO SAVEPOINT", "TRANSACTION", "WORK") }
        if matches("COMMIT|END|ABORT|ROLLBACK", "AND") || matches("COMMIT|END|ABORT|ROLLBACK", "TRANSACTION|WORK", "AND") { return keywords("CHAIN", "NO CHAIN") }
        if matches("EXPLAIN") || matches("EXPLAIN", "ANALYZE|VERBOSE") || matches("EXPLAIN", "ANALYZE", "VERBOSE") {
            let options = matches("EXPLAIN") ? ["ANALYZE", "VERBOSE", "("] : matches("EXPLAIN", "ANALYZE") ? ["VERBOSE"] : []
            return C(keywords: options + ["DECLARE", "DELETE FROM", "EXECUTE", "INSERT INTO", "MERGE INTO", "SELECT", "UPDATE", "VALUES", "WITH"])
        }
        if matches("WITH") { return keywords("RECURSIVE") }
        if matches("DISCARD") { return keywords("ALL", "PLANS", "SEQUENCES", "TEMP") }
        return nil
    }

    private func settings(settable: Bool) -> C {
        completer.settingNames(settable: settable)
    }

    // MARK: Clauses of a query: FROM, JOIN, WHERE, SELECT lists, ORDER BY

    /// Clause keywords, looked for backwards from the cursor at its own parenthesis depth.
    private static let clauseWords: Set<String> = [
        "SELECT", "FROM", "JOIN", "ON", "USING", "WHERE", "GROUP", "ORDER", "HAVING", "SET", "VALUES",
        "RETURNING", "LIMIT", "OFFSET", "WINDOW", "INTO", "UPDATE", "TABLE",
    ]

    /// The clause the cursor is in (nil before any), skipping closed parentheses.
    private func currentClause() -> String? {
        var level = depth
        for token in tokens.reversed() {
            if token.depth < level { level = token.depth }
            guard token.depth == level else { continue }
            let word = Self.normalized(token)
            if token.isName, Self.clauseWords.contains(word) { return word }
        }
        return nil
    }

    private static let operandBefore: Set<String> = [
        "SELECT", "DISTINCT", "WHERE", "AND", "OR", "NOT", "ON", "BY", "HAVING", "RETURNING", "(", ",", "WHEN", "THEN", "ELSE", "CASE", "IN", "LIKE", "ILIKE", "BETWEEN",
    ]

    /// Whether the last word leaves an operand to type: a keyword that takes one, `(`, `,`, an operator.
    private var expectsOperand: Bool {
        let last = previous(1)
        if Self.operandBefore.contains(last) { return true }
        guard let token = tokens.last else { return true }
        return !token.isName && !token.text.hasPrefix("'") && token.text != ")" && !(token.text.first?.isNumber ?? false)
            && !token.text.hasPrefix(":") && token.text != "*"
    }

    private func clause() -> C? {
        if tail("ORDER|GROUP") { return keywords("BY") }
        if tail("LEFT|RIGHT|FULL") { return keywords("JOIN", "OUTER JOIN") }
        if tail("INNER|CROSS|NATURAL|OUTER") { return keywords("JOIN") }
        if tail("NULLS") { return keywords("FIRST", "LAST") }
        if tail("IS") { return keywords("DISTINCT FROM", "FALSE", "NOT", "NULL", "TRUE", "UNKNOWN") }
        if tail("IS", "NOT") { return keywords("DISTINCT FROM", "FALSE", "NULL", "TRUE", "UNKNOWN") }
        if tail("FROM|JOIN") || tail("FROM|JOIN", "ONLY|LATERAL") { return completer.relations(.selectable, word: word) }
        guard let clause = currentClause() else { return nil }
        switch clause {
        case "FROM", "JOIN":
            if tail(",") { return completer.relations(.selectable, word: word) }
            if tail("AS") { return C() }
            if tail("JOIN", "*") || tail("JOIN", "*", "*") && previous(2) != "AS" || tail("JOIN", "*", "AS", "*") {
                return keywords("AS", "ON", "USING")
            }
            return C(keywords: CompletionVocabulary.afterFromItem)
        case "SELECT":
            if expectsOperand { return columnsAndFunctions(functions: true) }
            return keywords("AS", "FROM", "INTO")
        case "WHERE", "ON", "HAVING", "RETURNING":
            if expectsOperand { return columnsAndFunctions(functions: false) }
            if previous(2).first.map({ "=<>!~".contains($0) }) == true || tail("NULL|TRUE|FALSE") || tail(")") {
                return C(keywords: CompletionVocabulary.afterCondition)
            }
            return nil
        case "ORDER", "GROUP":
            if expectsOperand { return columnsAndFunctions(functions: false) }
            return keywords("ASC", "DESC", "LIMIT", "NULLS FIRST", "NULLS LAST", "OFFSET", "USING")
        case "USING" where tail("("):
            return columnsAndFunctions(functions: false)
        default:
            return nil
        }
    }

    /// Columns of the relations the statement names, and with `functions` the function names;
    /// `alias.col` completes the columns of the relation behind the alias.
    private func columnsAndFunctions(functions: Bool) -> C {
        let tables = statementTables()
        if let dot = TabCompleter.lastDot(word) {
            let qualifier = String(word[..<dot])
            let lowered = qualifier.lowercased()
            if let table = tables.first(where: { $0.alias?.lowercased() == lowered || Self.lastPart($0.name).lowercased() == lowered || $0.name.lowercased() == lowered }) {
                return C(names: completer.columns(of: [table.name]).names.map { qualifier + "." + $0 })
            }
            return functions ? completer.functions(word: word) : C()
        }
        let columns = tables.isEmpty ? C() : completer.columns(of: tables.map(\.name))
        return functions ? columns + C(names: completer.catalog.names(.functions(schema: nil)) ?? []) : columns
    }

    private static func lastPart(_ name: String) -> String {
        guard let dot = TabCompleter.lastDot(name) else { return name }
        return String(name[name.index(after: dot)...])
    }

    /// Words that end a FROM item where an alias could stand.
    private static let notAliases: Set<String> = [
        "WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "USING", "GROUP", "ORDER", "LIMIT",
        "OFFSET", "SET", "VALUES", "SELECT", "DEFAULT", "OVERRIDING", "RETURNING", "UNION", "EXCEPT", "INTERSECT",
        "HAVING", "WINDOW", "FOR", "FETCH", "OUTER", "LATERAL", "ONLY", "TABLE", "AS",
    ]

    /// The relations named after FROM, JOIN, UPDATE, INTO and TABLE, with their aliases,
    /// before the cursor or after it (pgcli completes `SELECT | FROM orders o` from orders).
    func statementTables() -> [(name: String, alias: String?)] {
        let tokens = self.tokens + following
        var result: [(name: String, alias: String?)] = []
        var index = 0
        while index < tokens.count {
            let keyword = Self.normalized(tokens[index])
            index += 1
            guard tokens[index - 1].isName, ["FROM", "JOIN", "UPDATE", "INTO", "TABLE"].contains(keyword) else { continue }
            var cursor = index
            while true {
                while cursor < tokens.count, ["ONLY", "LATERAL"].contains(Self.normalized(tokens[cursor])) { cursor += 1 }
                guard cursor < tokens.count, tokens[cursor].isName, !Self.notAliases.contains(Self.normalized(tokens[cursor])) else { break }
                let name = tokens[cursor]
                cursor += 1
                if cursor < tokens.count, Self.normalized(tokens[cursor]) == "AS" { cursor += 1 }
                var alias: String?
                if cursor < tokens.count, tokens[cursor].isName, !Self.notAliases.contains(Self.normalized(tokens[cursor])) {
                    alias = tokens[cursor].text
                    cursor += 1
                }
                result.append((name.text, alias))
                guard keyword == "FROM", cursor < tokens.count, tokens[cursor].text == ",", tokens[cursor].depth == name.depth else { break }
                cursor += 1
            }
        }
        return result
    }
}

extension TabCompleter {
    /// Columns of the named relations, one list whatever order they were named in.
    func columns(of relations: [String]) -> CompletionCandidates {
        CompletionCandidates(names: catalog.names(.columns(of: Array(Set(relations)).sorted())) ?? [])
    }
}
