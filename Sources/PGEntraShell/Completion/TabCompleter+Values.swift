/// The lists behind psql's value completions, which the SQL rules ask for: settings and their
/// values, time zones, enum labels, constraints, and COPY's quoted file names.
extension TabCompleter {
    private typealias C = CompletionCandidates

    /// GUC names (psql's Query_for_list_of_set_vars and _show_vars): verbatim, lower case, matched
    /// ignoring case, since psql compares them with `pg_catalog.lower` of the word.
    func settingNames(settable: Bool) -> CompletionCandidates {
        C(anyCase: catalog.names(.settings(settable: settable)) ?? [])
    }

    /// SQL COPY's file names, which the server reads as a string literal: psql's
    /// complete_from_files with completion_force_quote (see FileNameCompletion.quoted).
    func quotedFiles(_ word: String) -> CompletionCandidates {
        C(matched: FileNameCompletion(home: home).quoted(word))
    }
}
