/// Every check of PostgreSQL's own completion test, src/bin/psql/t/010_tab_completion.pl (the
/// 2021-2024 version, whose tab1 carries a named NOT NULL constraint and which checks COMMENT ON
/// CONSTRAINT, time zones, GUCs and COPY's DEFAULT option), in its order, as a table: the keys
/// its `check_completion` sends, the pattern it waits for in the output of those keys, its
/// annotation, and beside each the .pl's own comment. `clear_query` and `clear_line` are checks
/// there too (each an `ok`), so they are rows here.
///
/// The patterns are the text of the .pl's Perl `qr//`, kept as text (a Regex is not Sendable, and
/// the text is what a failure should show), with two changes: clear_query's `/s` flag is written
/// `(?s)`, and `postgres=# `, the superuser's prompt, becomes `postgres=[#>] `, so that the same
/// row holds for pgentra, which signs in as its Entra role (the prompt of a role that is not a
/// superuser).
enum PsqlCompletionScript {
    /// One `check_completion($send, $pattern, $annotation)`.
    struct Check: Sendable, CustomStringConvertible {
        /// `$send`, byte for byte (`\n` for Enter, as the .pl types it).
        let keys: String
        /// `$pattern`, as Regex syntax (which reads these patterns as Perl does).
        let pattern: String
        /// `$annotation`, the name the .pl's `ok` reports.
        let annotation: String
        /// The annotation, made unique where the .pl repeats it: `clear_query` and `clear_line`
        /// are named for the check they follow. knownFailures lists checks by this name.
        let name: String

        var description: String { name }
    }

    /// The .pl's checks in order, each named (see `Check.name`).
    static let checks: [Check] = {
        var named: [Check] = []
        for step in steps {
            switch step {
            case let .check(keys, pattern, annotation):
                named.append(Check(keys: keys, pattern: pattern, annotation: annotation, name: annotation))
            case let .clear(keys, pattern, annotation):
                let previous = named.last.map { " (after \($0.annotation))" } ?? ""
                named.append(Check(keys: keys, pattern: pattern, annotation: annotation, name: annotation + previous))
            }
        }
        return named
    }()

    private enum Step {
        case check(String, String, String)
        /// `clear_query` or `clear_line`, whose annotation the .pl repeats.
        case clear(String, String, String)
    }

    // Clear query buffer to start over
    // (won't work if we are inside a string literal!)
    private static let clearQuery = Step.clear("\\r\n", #"(?s)Query buffer reset.*postgres=[#>] "#, "\\r works")

    // Clear current line to start over
    // (this will work in an incomplete string literal, but it's less desirable
    // than clear_query because we lose evidence in the history file)
    private static let clearLine = Step.clear("\u{15}\n", #"postgres=[#>] "#, "control-U works")

    // check completion of a keyword offered in addition to object names;
    // such a keyword should obey COMP_KEYWORD_CASE
    private static let keywordCases: [Step] = [
        ("lower", "CO", "column"),
        ("upper", "co", "COLUMN"),
        ("preserve-lower", "co", "column"),
        ("preserve-upper", "CO", "COLUMN"),
    ].flatMap { (keywordCase: String, input: String, output: String) -> [Step] in
        [
            .check("\\set COMP_KEYWORD_CASE \(keywordCase)\n", #"postgres=[#>]"#, "set completion case to '\(keywordCase)'"),
            .check("alter table tab1 rename \(input)\t\t\t", output,
                   "offer keyword \(output) for input \(input)<TAB>, COMP_KEYWORD_CASE = \(keywordCase)"),
            clearQuery,
        ]
    }

    private static let steps: [Step] = [
        // check basic command completion: SEL<tab> produces SELECT<space>
        .check("SEL\t", #"SELECT "#, "complete SEL<tab> to SELECT"),

        clearQuery,

        // check case variation is honored
        .check("sel\t", #"select "#, "complete sel<tab> to select"),

        // check basic table name completion
        .check("* from t\t", #"\* from tab1 "#, "complete t<tab> to tab1"),

        clearQuery,

        // check table name completion with multiple alternatives
        // note: readline might print a bell before the completion
        .check("select * from my\t", #"select \* from my\a?tab"#,
               "complete my<tab> to mytab when there are multiple choices"),

        // some versions of readline/libedit require two tabs here, some only need one
        .check("\t\t", #"mytab123 +mytab246"#, "offer multiple table choices"),

        .check("2\t", #"246 "#, "finish completion of one of multiple table choices"),

        clearQuery,

        // check handling of quoted names
        .check("select * from \"my\t", #"select \* from "my\a?tab"#,
               "complete \"my<tab> to \"mytab when there are multiple choices"),

        .check("\t\t", #""mytab123" +"mytab246""#, "offer multiple quoted table choices"),

        .check("2\t", #"246" "#, "finish completion of one of multiple quoted table choices"),

        clearQuery,

        // check handling of mixed-case names
        .check("select * from \"mi\t", #""mixedName" "#, "complete a mixed-case name"),

        clearQuery,

        // check case folding
        .check("select * from TAB\t", #"tab1 "#, "automatically fold case"),

        clearQuery,

        // check case-sensitive keyword replacement
        // note: various versions of readline/libedit handle backspacing
        // differently, so just check that the replacement comes out correctly
        .check("\\DRD\t", #"drds "#, "complete \\DRD<tab> to \\drds"),

        clearQuery,

        // check completion of a schema-qualified name
        .check("select * from pub\t", #"public\."#, "complete schema when relevant"),

        .check("tab\t", #"tab1 "#, "complete schema-qualified name"),

        clearQuery,

        .check("select * from PUBLIC.t\t", #"public\.tab1 "#, "automatically fold case in schema-qualified name"),

        clearQuery,

        // check interpretation of referenced names
        .check("alter table tab1 drop constraint t\t", #"tab1_pkey "#, "complete index name for referenced table"),

        clearQuery,

        .check("alter table TAB1 drop constraint t\t", #"tab1_pkey "#,
               "complete index name for referenced table, with downcasing"),

        clearQuery,

        .check("alter table public.\"tab1\" drop constraint t\t", #"tab1_pkey "#,
               "complete index name for referenced table, with schema and quoting"),

        clearQuery,

        // check variant where we're completing a qualified name from a refname
        // (this one also checks successful completion in a multiline command)
        .check("comment on constraint tab1_pkey \n on public.\t", #"public\.tab1"#,
               "complete qualified name from object reference"),

        clearQuery,

        // check filename completion
        .check("\\lo_import tab_comp_dir/some\t", #"tab_comp_dir/somefile "#,
               "filename completion with one possibility"),

        clearQuery,

        // note: readline might print a bell before the completion
        .check("\\lo_import tab_comp_dir/af\t", #"tab_comp_dir/af\a?ile"#,
               "filename completion with multiple possibilities"),

        // here we are inside a string literal 'afile*', so must use clear_line().
        clearLine,

        // COPY requires quoting
        .check("COPY foo FROM tab_comp_dir/some\t", #"'tab_comp_dir/somefile' "#,
               "quoted filename completion with one possibility"),

        clearQuery,

        .check("COPY foo FROM tab_comp_dir/af\t", #"'tab_comp_dir/afile"#,
               "quoted filename completion with multiple possibilities"),

        // some versions of readline/libedit require two tabs here, some only need one
        // also, some will offer the whole path name and some just the file name
        // the quotes might appear, too
        .check("\t\t", #"afile123'? +'?(tab_comp_dir/)?afile456"#, "offer multiple file choices"),

        clearLine,

        // check enum label completion
        // some versions of readline/libedit require two tabs here, some only need one
        // also, some versions will offer quotes, some will not
        .check("ALTER TYPE enum1 RENAME VALUE 'ba\t\t", #"'?bar'? +'?baz'?"#, "offer multiple enum choices"),

        clearLine,

        // enum labels are case sensitive, so this should complete BLACK immediately
        .check("ALTER TYPE enum1 RENAME VALUE 'B\t", #"BLACK"#, "enum labels are case sensitive"),

        clearLine,

        // check timezone name completion
        .check("SET timezone TO am\t", #"'America/"#, "offer partial timezone name"),

        .check("new_\t", #"New_York"#, "complete partial timezone name"),

        clearLine,
    ] + keywordCases + [
        // alternate path where keyword comes from SchemaQuery
        .check("DROP TYPE big\t", #"DROP TYPE bigint "#, "offer keyword from SchemaQuery"),

        clearQuery,

        // check create_command_generator
        .check("CREATE TY\t", #"CREATE TYPE "#, "check create_command_generator"),

        clearQuery,

        // check words_after_create infrastructure
        .check("CREATE TABLE mytab\t\t", #"mytab123 +mytab246"#, "check words_after_create"),

        clearQuery,

        // check VersionedQuery infrastructure
        .check("DROP PUBLIC\t \t\t", #"DROP PUBLICATION\s+some_publication "#, "check VersionedQuery"),

        clearQuery,

        // hits ends_with() and logic for completing in multi-line queries
        .check("analyze (\n\t\t", #"VERBOSE"#, "check ANALYZE (VERBOSE ..."),

        clearQuery,

        // check completions for GUCs
        .check("set interval\t\t", #"intervalstyle TO"#, "complete a GUC name"),
        .check(" iso\t", #"iso_8601 "#, "complete a GUC enum value"),

        clearQuery,

        // same, for qualified GUC names
        .check("DO $$begin end$$ LANGUAGE plpgsql;\n", #"postgres=[#>] "#, "load plpgsql extension"),

        .check("set plpg\t", #"plpg\a?sql\."#, "complete prefix of a GUC name"),
        .check("var\t\t", #"variable_conflict TO"#, "complete a qualified GUC name"),
        .check(" USE_C\t", #"use_column"#, "complete a qualified GUC enum value"),

        clearQuery,

        // check completions for psql variables
        .check("\\set VERB\t", #"VERBOSITY "#, "complete a psql variable name"),
        .check("def\t", #"default "#, "complete a psql variable value"),

        clearQuery,

        .check("\\echo :VERB\t", #":VERBOSITY "#, "complete an interpolated psql variable name"),

        clearQuery,

        // check completion for psql variable test
        .check("\\echo :{?VERB\t", #":\{\?VERBOSITY} "#, "complete a psql variable test"),

        clearQuery,

        // check no-completions code path
        .check("blarg \t\t", "", "check completion failure path"),

        clearQuery,

        // check COPY FROM with DEFAULT option
        .check("COPY foo FROM stdin WITH ( DEF\t)", #"DEFAULT "#, "COPY FROM with DEFAULT completion"),

        clearLine,
    ]
}
