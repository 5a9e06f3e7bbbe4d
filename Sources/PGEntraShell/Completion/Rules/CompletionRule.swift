/// One rule of psql's match_previous_words (tab-complete.c): the tests on the previous words
/// that select it (several when psql ORs `*Matches` calls; one must fit), an optional extra
/// condition (what psql ANDs to its `*Matches` call), and what it offers. Rules are tried in
/// psql's order; as in psql_completion, a rule that fits but offers nothing that extends the
/// typed word lets the later rules try.
struct CompletionRule: Sendable {
    let patterns: [WordPattern]
    let condition: (@Sendable (RuleContext) -> Bool)?
    let offer: CompletionOffer

    init(_ patterns: WordPattern..., when condition: (@Sendable (RuleContext) -> Bool)? = nil, offer: CompletionOffer) {
        self.patterns = patterns
        self.condition = condition
        self.offer = offer
    }

    func applies(_ context: RuleContext) -> Bool {
        patterns.contains { $0.fits(context.words) } && (condition?(context) ?? true)
    }
}
