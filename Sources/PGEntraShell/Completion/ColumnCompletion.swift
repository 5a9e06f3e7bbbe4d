/// Completion past psql (issue 14, item 4), as pgcli users expect it: where psql's rules offer
/// nothing, a select list, WHERE, ON, HAVING, RETURNING, ORDER BY and GROUP BY complete the
/// columns of the relations the statement names, before the cursor or after it on the line,
/// and `alias.` completes the columns of the relation behind the alias. It answers only where
/// psql's rule table has nothing for the word, so it never changes what psql completes.
struct ColumnCompletion {
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

    /// What the clause at the cursor takes: columns (and in a select list, functions) at an
    /// operand, the keywords that may follow a FROM item, a select list or a condition, and
    /// the next FROM item after a comma; nil outside the clauses of a query.
    func candidates() -> CompletionCandidates? {
        guard let clause = currentClause() else { return nil }
        if tail("ORDER|GROUP") { return keywords("BY") }
        switch clause {
        case "FROM", "JOIN":
            if tail("LEFT|RIGHT|FULL") { return keywords("JOIN", "OUTER JOIN") }
            if tail("INNER|CROSS|NATURAL|OUTER") { return keywords("JOIN") }
            if tail(",") || tail("FROM|JOIN") || tail("FROM|JOIN", "ONLY|LATERAL") { return completer.relations(.selectable, word: word) }
            if tail("AS") { return nil }
            if tail("JOIN", "*") || tail("JOIN", "*", "*") && previous(2) != "AS" || tail("JOIN", "*", "AS", "*") {
                return keywords("AS", "ON", "USING")
            }
            return C(keywords: CompletionVocabulary.afterFromItem)
        case "SELECT":
            return expectsOperand ? columnsAndFunctions(functions: true) : keywords("AS", "FROM", "INTO")
        case "WHERE", "ON", "HAVING", "RETURNING":
            if tail("IS") { return keywords("DISTINCT FROM", "FALSE", "NOT", "NULL", "TRUE", "UNKNOWN") }
            if tail("IS", "NOT") { return keywords("DISTINCT FROM", "FALSE", "NULL", "TRUE", "UNKNOWN") }
            if expectsOperand { return columnsAndFunctions(functions: false) }
            if previous(2).first.map({ "=<>!~".contains($0) }) == true || tail("NULL|TRUE|FALSE") || tail(")") {
                return C(keywords: CompletionVocabulary.afterCondition)
            }
            return nil
        case "ORDER", "GROUP":
            if tail("NULLS") { return keywords("FIRST", "LAST") }
            if expectsOperand { return columnsAndFunctions(functions: false) }
            return keywords("ASC", "DESC", "LIMIT", "NULLS FIRST", "NULLS LAST", "OFFSET", "USING")
        case "USING" where tail("("), "SET" where expectsOperand, "INTO" where depth > 0 && expectsOperand:
            return columnsAndFunctions(functions: false)
        default:
            return nil
        }
    }

    private func keywords(_ words: String...) -> C { C(keywords: words) }

    // MARK: The clause at the cursor

    /// Clause keywords, looked for backwards from the cursor at its own parenthesis depth.
    private static let clauseWords: Set<String> = [
        "SELECT", "FROM", "JOIN", "ON", "USING", "WHERE", "GROUP", "ORDER", "HAVING", "SET", "VALUES",
        "RETURNING", "LIMIT", "OFFSET", "WINDOW", "INTO", "UPDATE", "TABLE",
    ]

    /// Statements whose top level is a query, or holds one (CREATE ... AS SELECT, EXPLAIN).
    /// Elsewhere FROM, SET or ON are other statements' words (COPY ... FROM, ALTER ... SET,
    /// GRANT ... ON), and only a parenthesized query has clauses.
    private static let queryStatements: Set<String> = [
        "SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE", "EXPLAIN", "CREATE", "DECLARE", "PREPARE",
    ]

    /// The clause the cursor is in (nil before any), skipping closed parentheses.
    private func currentClause() -> String? {
        let topLevelQuery = tokens.first.map { Self.queryStatements.contains(Self.normalized($0)) } ?? false
        var level = depth
        for token in tokens.reversed() {
            if token.depth < level { level = token.depth }
            guard token.depth == level, token.depth > 0 || topLevelQuery else { continue }
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

    /// Columns of the relations the statement names, and with `functions` the visible routines
    /// with their signatures (FunctionSignature); `alias.col` completes the columns of the
    /// relation behind the alias, and `schema.` that schema's function names.
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
        return functions ? columns + C(signatures: completer.catalog.names(.functionSignatures) ?? []) : columns
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
