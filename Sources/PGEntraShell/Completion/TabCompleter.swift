/// Tab completion for the interactive shell (psql-compat.md §9, psql's tab-complete.c): given
/// the text before the cursor — the statement's earlier lines and the current line up to the
/// cursor — it returns what may replace the word being typed. Pure apart from the catalog
/// (behind `CompletionCatalog`) and the file system (for file-name arguments).
package struct TabCompleter {
    let catalog: any CompletionCatalog
    /// The session's variables now: `:name`, `\set`/`\unset` names, COMP_KEYWORD_CASE.
    let variables: () -> Variables
    /// HOME, for file names starting with `~/`.
    var home: String?

    init(catalog: any CompletionCatalog, home: String? = nil, variables: @escaping () -> Variables) {
        self.catalog = catalog
        self.home = home
        self.variables = variables
    }

    /// The shell's completer: names from the session's connection, cached until DDL or `\c`.
    package init(session: Session, home: String?) {
        let source = LibpqCompletionCatalog(
            connection: { [unowned session] in session.connection },
            lost: { [unowned session] lost in
                session.resetConnection(lost)
                LibeditCompletion.redrawLine()
            })
        let catalog = CachedCatalog(source) { [unowned session] in
            CatalogStamp(connection: session.connection.map(ObjectIdentifier.init), changes: session.catalogChanges)
        }
        self.init(catalog: catalog, home: home) { [unowned session] in session.variables }
    }

    /// `before` is the statement up to the cursor; `after` is the rest of the line after it,
    /// which only the select-list columns read (issue 14's pgcli-style completion: the tables
    /// of a FROM typed later on the line).
    package func complete(_ before: String, after: String = "") -> Completion {
        TabCompleter(catalog: OneTabCatalog(catalog), home: home, variables: variables).completeOnce(before, after: after)
    }

    private func completeOnce(_ before: String, after: String) -> Completion {
        let input = CompletionInput(before)
        let word = input.word
        let keywordCase = KeywordCase(variable: variables()["COMP_KEYWORD_CASE"])
        let (candidates, matches): (CompletionCandidates, [String])
        if word.hasPrefix("\\") {
            (candidates, matches) = CompletionCandidates(caseSensitive: MetaCommandTable.completions).matched(word, keywordCase)
        } else if word.hasPrefix(":"), !word.hasPrefix("::") {
            (candidates, matches) = variableReferences().matched(word, keywordCase)
        } else if word.hasPrefix("?"), before.unicodeScalars.dropLast(word.unicodeScalars.count).suffix(2).elementsEqual(":{".unicodeScalars) {
            (candidates, matches) = variableTests().matched(word, keywordCase)
        } else {
            if case .literal = input.mode { return .none(word) }
            (candidates, matches) = statementCompletion(input, after: after, keywordCase: keywordCase)
        }
        return Completion(
            word: word, candidates: matches, fileNames: !Set(candidates.files).isDisjoint(with: matches), labels: candidates.labels(for: matches))
    }

    /// What psql_completion offers for a word that is not a backslash command or a variable:
    /// with no word before it, psql's sql_commands; otherwise what psql's rule table offers.
    /// Where the table has nothing that extends the word, a meta-command's argument and the
    /// columns of a clause (past psql) may answer, so neither changes what psql completes.
    private func statementCompletion(
        _ input: CompletionInput, after: String, keywordCase: KeywordCase
    ) -> (CompletionCandidates, [String]) {
        let word = input.word
        let words = PreviousWords(input.statement).words
        if words.isEmpty { return CompletionCandidates(keywords: CompletionVocabulary.statementStarts).matched(word, keywordCase) }
        let ruled = CompletionRuleTable.offer(RuleContext(completer: self, words: words, text: word), keywordCase: keywordCase)
        if let ruled, !ruled.matches.isEmpty { return ruled }
        switch input.mode {
        case .metaCommand(let name, let arguments) where ruled == nil:
            return metaCommandArgument(name, arguments).matched(word, keywordCase)
        case .sql(let tokens, let depth):
            let following = CompletionInput.followingTokens(after, depth: depth)
            let columns = ColumnCompletion(completer: self, tokens: tokens, following: following, depth: depth, word: word).candidates()
            return (columns ?? CompletionCandidates()).matched(word, keywordCase)
        default:
            return (CompletionCandidates(), [])
        }
    }

    /// `:name`, `:'name'`, `:"name"` for every variable set (psql's `complete_from_variables`).
    private func variableReferences() -> CompletionCandidates {
        let names = variables().values.keys
        return CompletionCandidates(caseSensitive: names.flatMap { [":\($0)", ":'\($0)'", ":\"\($0)\""] })
    }

    /// `:{?name}`, psql's test of whether a variable is set (`complete_from_variables(text,
    /// ":{?", "}")`). `{` breaks words for libedit, so the word is what follows it: `?name}`.
    private func variableTests() -> CompletionCandidates {
        CompletionCandidates(caseSensitive: variables().values.keys.map { "?\($0)}" })
    }

    /// A meta-command's argument that no rule of psql's covers (past psql): the values of `\x`,
    /// `\timing`, `\t` and `\a`, and those of the `\pset` options and `\set` variables that
    /// psql's rules give no values for.
    private func metaCommandArgument(_ name: String, _ arguments: [String]) -> CompletionCandidates {
        let values: [String]
        switch (name, arguments.count, arguments.first) {
        case ("x", 0, _), ("pset", 1, "expanded"?): values = ["auto", "on", "off"]
        case ("timing", 0, _), ("t", 0, _), ("a", 0, _): values = ["on", "off"]
        case ("pset", 1, let option?) where CompletionVocabulary.onOffPsetOptions.contains(option): values = ["on", "off"]
        case ("set", 1, let variable?) where CompletionVocabulary.onOffVariables.contains(variable): values = ["on", "off"]
        default: values = []
        }
        return CompletionCandidates(verbatim: values)
    }

    // MARK: Catalog lists the rules share

    func names(_ query: CatalogQuery) -> CompletionCandidates {
        CompletionCandidates(names: catalog.names(query) ?? [])
    }

    /// Relations of `kinds`; with `schema.` typed, those of that schema, otherwise the visible
    /// ones and the schema names (`public.`) to go on from.
    func relations(_ kinds: RelationKinds, word: String) -> CompletionCandidates {
        qualified(word, { .relations(kinds, schema: $0) })
    }

    func functions(word: String) -> CompletionCandidates {
        qualified(word, { .functions(schema: $0) })
    }

    /// Names from a schema query, as _complete_from_query builds it: with `schema.` typed,
    /// those of that schema, otherwise the visible ones and the schema names to go on from.
    /// System relations (the visible lists leave pg_catalog's out) and `pg_` schemas only once
    /// the word starts with `pg_`, "a compromise between not offering system catalogs for
    /// completion at all, and having them swamp the result when the input is just p".
    func qualified(_ word: String, _ query: (String?) -> CatalogQuery) -> CompletionCandidates {
        if let dot = Self.lastDot(word) {
            let schema = String(word[..<dot])
            let inSchema = catalog.names(query(schema)) ?? []
            return CompletionCandidates(names: inSchema.map { schema + "." + $0 })
        }
        let system = QuotedIdentifier(parsing: word).object.hasPrefix("pg_")
        let visible = (catalog.names(query(nil)) ?? []) + (system ? catalog.names(query("pg_catalog")) ?? [] : [])
        return CompletionCandidates(names: visible + schemaNames(system: system))
    }

    /// The schema names a schema query offers to go on from (`public.`): `pg_` ones only when
    /// `system`, the word being `pg_...`.
    private func schemaNames(system: Bool) -> [String] {
        (catalog.names(.schemas) ?? []).filter { system || !$0.hasPrefix("pg_") }.map { $0 + "." }
    }

    /// The last `.` outside double quotes: where a qualified name's last part begins.
    static func lastDot(_ word: String) -> String.Index? {
        var quoted = false
        var found: String.Index?
        for index in word.indices {
            switch word[index] {
            case "\"": quoted.toggle()
            case "." where !quoted: found = index
            default: break
            }
        }
        return found
    }
}
