/// psql 18's tab-complete.c rules (match_previous_words), in psql's order, one table, split
/// in files by the statements they complete. The first rule that applies and offers
/// something that extends the typed word decides, as in psql_completion's loop over
/// tcpatterns. `patternCount` counts the psql patterns carried over.
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
    static func offer(_ context: RuleContext, keywordCase: KeywordCase) -> (candidates: CompletionCandidates, matches: [String])? {
        var covered = false
        for rule in rules where rule.applies(context) {
            guard let candidates = rule.offer.candidates(context) else { continue }
            let offered = candidates.matched(context.text, keywordCase)
            if !offered.matches.isEmpty { return offered }
            covered = true
        }
        if let offered = wordsAfterCreate(context)?.matched(context.text, keywordCase), !offered.matches.isEmpty {
            return offered
        }
        return covered ? (CompletionCandidates(), []) : nil
    }

    /// How many of psql's patterns the table carries (the README states it).
    static var patternCount: Int { rules.reduce(0) { $0 + $1.patterns.count } }
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
