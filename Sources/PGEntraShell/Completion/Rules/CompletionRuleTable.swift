/// psql 18's tab-complete.c rules (match_previous_words), in psql's order, one table, split
/// in files by the statements they complete. The first rule that applies and offers
/// something that extends the typed word decides, as in psql_completion's loop over
/// tcpatterns. `coverage` counts how many of psql's patterns are carried over.
enum CompletionRuleTable {
    static let rules: [CompletionRule] = create + dropAndAlter + alterRoutinesToDomain + alterSequenceToTrigger + alterTable
        + alterTableTailStatements + analyzeToCommentStatements + copyStatements
        + createAccessMethodToPolicyStatements + createPublicationToSubscriptionStatements
        + createSubscriptionToEventTrigger + deallocateToDrop + executeToForeign + grantRevokeToImport
        + importToMerge + notifyToReindex + securityLabelToSet + startToAt + backslashCommands

    /// What the first rule that applies offers, if any of it extends the typed word; failing
    /// that, psql_completion's words_after_create fallback. Empty when rules applied but none
    /// had anything for the word, nil when none applied: either way psql offers nothing, and
    /// only then may pgentra add what psql does not do (TabCompleter's statementCompletion).
    static func offer(_ context: RuleContext, keywordCase: KeywordCase) -> CompletionCandidates? {
        var covered = false
        for rule in rules where rule.applies(context) {
            guard let candidates = rule.offer.candidates(context) else { continue }
            if !candidates.matching(context.text, keywordCase: keywordCase).isEmpty { return candidates }
            covered = true
        }
        if let things = wordsAfterCreate(context), !things.matching(context.text, keywordCase: keywordCase).isEmpty {
            return things
        }
        return covered ? CompletionCandidates() : nil
    }

    /// psql's patterns in the table, and how many of them offer something (not `pending`).
    static var coverage: (carried: Int, patterns: Int) {
        rules.reduce(into: (0, 0)) { total, rule in
            total.1 += rule.patterns.count
            if !rule.offer.isPending { total.0 += rule.patterns.count }
        }
    }
}

extension CompletionRuleTable {
    /// Every catalog list the table asks for: those of its `.query` offers and those its rule
    /// bodies use (`bodyQueries`, kept beside the rules that use them), so that a test can run
    /// each on every server release.
    static var queries: [CatalogQuery] {
        var seen: Set<CatalogQuery> = []
        let offered = rules.compactMap { rule -> CatalogQuery? in
            if case .query(let query, _) = rule.offer { return query }
            return nil
        }
        return (offered + bodyQueries).filter { seen.insert($0).inserted }
    }

    /// The lists rule bodies use, one array per section of the table.
    static let bodyQueries: [CatalogQuery] = alterBodyQueries + alterTableTailBodyQueries + analyzeToCommentBodyQueries
        + createAccessMethodToPolicyBodyQueries + deallocateToDropBodyQueries + grantRevokeToImportBodyQueries
        + rules4BodyQueries

    /// The lists of the bodies from IMPORT's tail to the backslash commands and of
    /// psql_completion's words_after_create fallback.
    static let rules4BodyQueries: [CatalogQuery] = [
        .tablespaces, .schemas, .databases, .roles,
    ] + WordsAfterCreate.queries
}
