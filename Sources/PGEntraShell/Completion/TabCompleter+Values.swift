/// The lists behind psql's value completions, which the rule table's bodies ask for: settings
/// and their values, time zones, enum labels, and COPY's quoted file names.
extension TabCompleter {
    private typealias C = CompletionCandidates

    /// GUC names (psql's Query_for_list_of_set_vars and _show_vars): verbatim, lower case, matched
    /// ignoring case, since psql compares them with `pg_catalog.lower` of the word.
    func settingNames(settable: Bool) -> CompletionCandidates {
        C(anyCase: catalog.names(.settings(settable: settable)) ?? [])
    }

    /// What follows `SET name TO|=` (tab-complete.c's "SET variable TO|=" rule): DateStyle's
    /// words, search_path's schemas, TimeZone's names, and otherwise by the setting's type: an
    /// enum's values, a bool's spellings or DEFAULT alone. A setting the server does not know
    /// gets nothing, since psql takes it that "we've misinterpreted the context".
    func settingValues(_ name: String, word: String) -> CompletionCandidates {
        switch name.lowercased() {
        case "datestyle":
            return C(keywords: ["ISO", "SQL", "Postgres", "German", "YMD", "DMY", "MDY", "US", "European", "NonEuropean", "DEFAULT"])
        case "search_path":
            // psql's list here leaves out only the toast and temporary schemas.
            let schemas = (catalog.names(.schemas) ?? []).filter { !$0.hasPrefix("pg_toast") && !$0.hasPrefix("pg_temp") }
            return C(keywords: ["DEFAULT"], names: schemas)
        case "timezone":
            return timeZones(word: word)
        default:
            switch catalog.names(.settingType(name))?.first {
            case "enum"?: return C(keywords: ["DEFAULT"]) + names(.settingValues(name))
            case "bool"?: return C(keywords: ["on", "off", "true", "false", "yes", "no", "1", "0", "DEFAULT"])
            case _?: return C(keywords: ["DEFAULT"])
            case nil: return C()
            }
        }
    }

    /// psql's COMPLETE_WITH_TIMEZONE_NAME: names offered as string literals, matched ignoring
    /// case on the name alone (`am` gives `'America/`) or, once the word starts with a quote, on
    /// the literal (`'america/new_` gives `'America/New_York'`); DEFAULT beside them. psql's
    /// third form, for a word after a quote that breaks words, never arises: a quote does not.
    func timeZones(word: String) -> CompletionCandidates {
        let typed = word.lowercased()
        let quotedWord = word.hasPrefix("'")
        let zones = (catalog.names(.timeZones) ?? []).map { (name: $0, literal: Self.literal($0)) }
        let fitting = zones.filter { (quotedWord ? $0.literal : $0.name).lowercased().hasPrefix(typed) }
        return C(keywords: ["DEFAULT"], matched: fitting.map(\.literal))
    }

    /// quote_literal for a name without backslashes: in single quotes, an inner quote doubled.
    static func literal(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// psql's COMPLETE_WITH_ENUM_VALUE: an enum's labels as string literals, matched as typed
    /// (labels are case-sensitive). libedit hands over the word with its opening quote, so the
    /// quoted labels fit it, and a word without one is offered the quote to start with.
    func enumLabels(of type: String) -> CompletionCandidates {
        C(verbatim: catalog.names(.enumLabels(type: type)) ?? [])
    }

    /// SQL COPY's file names, which the server reads as a string literal: psql's
    /// complete_from_files with completion_force_quote (see FileNameCompletion.quoted).
    func quotedFiles(_ word: String) -> CompletionCandidates {
        C(files: FileNameCompletion(home: home).quoted(word, force: true))
    }

    /// A client-side file's name (`\i`, `\o`, `\copy ... FROM`): quoted only where it must be
    /// for the meta-command's argument to read it back (psql's COMPLETE_WITH_FILES with
    /// completion_force_quote off), with `escape` doubled inside the quotes.
    func clientFiles(_ word: String, escape: Character?) -> CompletionCandidates {
        C(files: FileNameCompletion(home: home).quoted(word, force: false, escape: escape))
    }
}
