extension CompletionRuleTable {
    /// tab-complete.c's backslash-command rules, the end of match_previous_words. They test
    /// the words of the command's line case-sensitively (the `CS` forms), as psql does.
    static let backslashCommands: [CompletionRule] = [
        // Backslash commands
        // TODO:  \dc \dd \dl
        CompletionRule(.tailMatchesCS("\\?"), offer: .withCS("commands", "options", "variables")),
        CompletionRule(
            .tailMatchesCS("\\connect|\\c"),
            offer: .body { c in recognizedConnectionString(c.text) ? nil : c.query(.databases) }),
        CompletionRule(
            .tailMatchesCS("\\connect|\\c", .any),
            offer: .body { c in recognizedConnectionString(c.previous(1)) ? nil : c.query(.roles) }),
        CompletionRule(.tailMatchesCS("\\da*"), offer: .query(.schemaList(.aggregates, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dAc*", .any), .tailMatchesCS("\\dAf*", .any), offer: .query(.schemaList(.datatypes, schema: nil))),
        CompletionRule(
            .tailMatchesCS("\\dAo*", .any), .tailMatchesCS("\\dAp*", .any),
            offer: .query(.schemaList(.operatorFamilies, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dA*"), offer: .query(.named(.accessMethods, reference: nil))),
        CompletionRule(.tailMatchesCS("\\db*"), offer: .query(.tablespaces)),
        CompletionRule(.tailMatchesCS("\\dconfig*"), offer: .query(.settings(settable: false))),
        CompletionRule(.tailMatchesCS("\\dD*"), offer: .query(.schemaList(.domains, schema: nil))),
        CompletionRule(.tailMatchesCS("\\des*"), offer: .query(.named(.servers, reference: nil))),
        CompletionRule(.tailMatchesCS("\\deu*"), offer: .query(.named(.userMappings, reference: nil))),
        CompletionRule(.tailMatchesCS("\\dew*"), offer: .query(.named(.fdws, reference: nil))),
        CompletionRule(.tailMatchesCS("\\df*"), offer: .query(.schemaList(.functions, schema: nil))),
        CompletionRule(.headMatchesCS("\\df*"), offer: .query(.schemaList(.datatypes, schema: nil))),

        CompletionRule(.tailMatchesCS("\\dFd*"), offer: .query(.schemaList(.tsDictionaries, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dFp*"), offer: .query(.schemaList(.tsParsers, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dFt*"), offer: .query(.schemaList(.tsTemplates, schema: nil))),
        // must be at end of \dF alternatives:
        CompletionRule(.tailMatchesCS("\\dF*"), offer: .query(.schemaList(.tsConfigurations, schema: nil))),

        CompletionRule(.tailMatchesCS("\\di*"), offer: .query(.relations(.indexes, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dL*"), offer: .query(.named(.languages, reference: nil))),
        CompletionRule(.tailMatchesCS("\\dn*"), offer: .query(.schemas)),
        // no support for completing operators, but we can complete types:
        CompletionRule(.headMatchesCS("\\do*", .any), offer: .query(.schemaList(.datatypes, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dp"), .tailMatchesCS("\\z"), offer: .query(.relations(.selectable, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dPi*"), offer: .query(.relations(.partitionedIndexes, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dPt*"), offer: .query(.relations(.partitionedTables, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dP*"), offer: .query(.relations(.partitionedRelations, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dRp*"), offer: .query(.publications)),
        CompletionRule(.tailMatchesCS("\\dRs*"), offer: .query(.named(.subscriptions, reference: nil))),
        CompletionRule(.tailMatchesCS("\\ds*"), offer: .query(.relations(.sequences, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dt*"), offer: .query(.relations(.tables, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dT*"), offer: .query(.schemaList(.datatypes, schema: nil))),
        CompletionRule(.tailMatchesCS("\\du*"), .tailMatchesCS("\\dg*"), .tailMatchesCS("\\drg*"), offer: .query(.roles)),
        CompletionRule(.tailMatchesCS("\\dv*"), offer: .query(.relations(.views, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dx*"), offer: .query(.extensions)),
        CompletionRule(.tailMatchesCS("\\dX*"), offer: .query(.schemaList(.statistics, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dm*"), offer: .query(.relations(.materializedViews, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dE*"), offer: .query(.relations(.foreignTables, schema: nil))),
        CompletionRule(.tailMatchesCS("\\dy*"), offer: .query(.named(.eventTriggers, reference: nil))),

        // must be at end of \d alternatives:
        CompletionRule(.tailMatchesCS("\\d*"), offer: .query(.relations(.any, schema: nil))),

        CompletionRule(.tailMatchesCS("\\ef"), offer: .query(.schemaList(.routines, schema: nil))),
        CompletionRule(.tailMatchesCS("\\ev"), offer: .query(.relations(.views, schema: nil))),

        CompletionRule(.tailMatchesCS("\\encoding"), offer: .query(.named(.encodings, reference: nil))),
        CompletionRule(.tailMatchesCS("\\h|\\help"), offer: .list(CompletionVocabulary.statementStarts)),
        CompletionRule(
            .tailMatchesCS("\\h|\\help", .any),
            offer: .body { c in
                if c.tailMatches("DROP") {
                    return c.with(WordsAfterCreate.dropCommandWords)
                } else if c.tailMatches("ALTER") {
                    return c.with(WordsAfterCreate.alterCommandWords)
                }
                // CREATE is recognized by tail match elsewhere, so doesn't need to be repeated here
                return nil
            }),
        CompletionRule(
            .tailMatchesCS("\\h|\\help", .any, .any),
            offer: .body { c in
                if c.tailMatches("CREATE|DROP", "ACCESS") {
                    return c.with("METHOD")
                } else if c.tailMatches("ALTER", "DEFAULT") {
                    return c.with("PRIVILEGES")
                } else if c.tailMatches("CREATE|ALTER|DROP", "EVENT") {
                    return c.with("TRIGGER")
                } else if c.tailMatches("CREATE|ALTER|DROP", "FOREIGN") {
                    return c.with("DATA WRAPPER", "TABLE")
                } else if c.tailMatches("ALTER", "LARGE") {
                    return c.with("OBJECT")
                } else if c.tailMatches("CREATE|ALTER|DROP", "MATERIALIZED") {
                    return c.with("VIEW")
                } else if c.tailMatches("CREATE|ALTER|DROP", "TEXT") {
                    return c.with("SEARCH")
                } else if c.tailMatches("CREATE|ALTER|DROP", "USER") {
                    return c.with("MAPPING FOR")
                }
                return nil
            }),
        CompletionRule(
            .tailMatchesCS("\\h|\\help", .any, .any, .any),
            offer: .body { c in
                if c.tailMatches("CREATE|ALTER|DROP", "FOREIGN", "DATA") {
                    return c.with("WRAPPER")
                } else if c.tailMatches("CREATE|ALTER|DROP", "TEXT", "SEARCH") {
                    return c.with("CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE")
                } else if c.tailMatches("CREATE|ALTER|DROP", "USER", "MAPPING") {
                    return c.with("FOR")
                }
                return nil
            }),
        CompletionRule(.tailMatchesCS("\\l*"), when: { !$0.tailMatchesCS("\\lo*") }, offer: .query(.databases)),
        CompletionRule(.tailMatchesCS("\\password"), offer: .query(.roles)),
        // psql 18's list: PostgreSQL 19 adds display_false and display_true, left out here.
        CompletionRule(
            .tailMatchesCS("\\pset"),
            offer: .withCS(
                "border", "columns", "csv_fieldsep", "expanded", "fieldsep", "fieldsep_zero", "footer", "format",
                "linestyle", "null", "numericlocale", "pager", "pager_min_lines", "recordsep", "recordsep_zero",
                "tableattr", "title", "tuples_only", "unicode_border_linestyle", "unicode_column_linestyle",
                "unicode_header_linestyle", "xheader_width")),
        CompletionRule(
            .tailMatchesCS("\\pset", .any),
            offer: .body { c in
                if c.tailMatchesCS("format") {
                    return c.withCS("aligned", "asciidoc", "csv", "html", "latex", "latex-longtable", "troff-ms", "unaligned", "wrapped")
                } else if c.tailMatchesCS("xheader_width") {
                    return c.withCS("full", "column", "page")
                } else if c.tailMatchesCS("linestyle") {
                    return c.withCS("ascii", "old-ascii", "unicode")
                } else if c.tailMatchesCS("pager") {
                    return c.withCS("on", "off", "always")
                } else if c.tailMatchesCS("unicode_border_linestyle|unicode_column_linestyle|unicode_header_linestyle") {
                    return c.withCS("single", "double")
                }
                return nil
            }),
        // complete_from_variables(text, "", "", true): the variables that have a value.
        CompletionRule(.tailMatchesCS("\\unset"), offer: .body { c in c.variableNames() }),
        // complete_from_variables(text, "", "", false): psql adds its special variables that
        // have a hook but no value; pgentra's variables are those set.
        CompletionRule(.tailMatchesCS("\\set"), offer: .body { c in c.variableNames() }),
        CompletionRule(
            .tailMatchesCS("\\set", .any),
            offer: .body { c in
                if c.tailMatchesCS("AUTOCOMMIT|ON_ERROR_STOP|QUIET|SHOW_ALL_RESULTS|SINGLELINE|SINGLESTEP") {
                    return c.withCS("on", "off")
                } else if c.tailMatchesCS("COMP_KEYWORD_CASE") {
                    return c.withCS("lower", "upper", "preserve-lower", "preserve-upper")
                } else if c.tailMatchesCS("ECHO") {
                    return c.withCS("errors", "queries", "all", "none")
                } else if c.tailMatchesCS("ECHO_HIDDEN") {
                    return c.withCS("noexec", "off", "on")
                } else if c.tailMatchesCS("HISTCONTROL") {
                    return c.withCS("ignorespace", "ignoredups", "ignoreboth", "none")
                } else if c.tailMatchesCS("ON_ERROR_ROLLBACK") {
                    return c.withCS("on", "off", "interactive")
                } else if c.tailMatchesCS("SHOW_CONTEXT") {
                    return c.withCS("never", "errors", "always")
                } else if c.tailMatchesCS("VERBOSITY") {
                    return c.withCS("default", "verbose", "terse", "sqlstate")
                }
                return nil
            }),
        CompletionRule(.tailMatchesCS("\\sf*"), offer: .query(.schemaList(.routines, schema: nil))),
        CompletionRule(.tailMatchesCS("\\sv*"), offer: .query(.relations(.views, schema: nil))),
        // COMPLETE_WITH_FILES("\\", false): quoted where the argument needs it, a backslash
        // doubled inside the quotes.
        CompletionRule(
            .tailMatchesCS("\\cd|\\e|\\edit|\\g|\\gx|\\i|\\include|\\ir|\\include_relative|\\o|\\out|\\s|\\w|\\write|\\lo_import"),
            offer: .body { c in c.completer.clientFiles(c.text, escape: "\\") }),

        // gen_tabcomplete.pl ends special processing here
        // END GEN_TABCOMPLETE
    ]

    /// psql's recognized_connection_string: a URI (postgresql:// or postgres://) or a
    /// conninfo string (has `=`), after which `\c` offers no names.
    static func recognizedConnectionString(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") || text.contains("=")
    }
}

extension RuleContext {
    /// psql's complete_from_variables with no prefix or suffix: the session's variable names,
    /// matched case-sensitively.
    func variableNames() -> CompletionCandidates {
        CompletionCandidates(caseSensitive: Array(completer.variables().values.keys))
    }
}

/// What the backslash rules' bodies need beside RuleContext's own tests and offers: psql's
/// case-sensitive TailMatchesCS and COMPLETE_WITH_CS.
extension RuleContext {
    func tailMatchesCS(_ tests: WordTest...) -> Bool { WordPattern(kind: .tail, caseSensitive: true, tests: tests).fits(words) }

    /// COMPLETE_WITH_CS.
    func withCS(_ words: String...) -> CompletionCandidates { CompletionCandidates(caseSensitive: words) }
}
