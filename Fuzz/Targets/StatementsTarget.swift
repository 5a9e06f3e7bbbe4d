@testable import PGEntraDatabase
@testable import PGEntraScanner
@testable import PGEntraShell
@testable import PGEntraSystem

extension FuzzTarget {
    /// psql's lexers as pgentra's main loop drives them (mainloop.c over psqlscan.l and
    /// psqlscanslash.l): SQL split into statements, meta-commands with every argument mode,
    /// variables interpolated and quoted, backquotes, `\e`'s restart. The choice byte sets
    /// standard_conforming_strings (bit 0), a client-only encoding whose trailing bytes the
    /// lexers must hide (bits 1-2: none, SJIS, BIG5, GBK, with libpq's own character rules),
    /// SINGLELINE (bit 3) and whether the text is rescanned as an edited buffer (bit 4).
    static let statements = FuzzTarget(
        name: "statements", summary: "the statement and meta-command scanners, with variables and encodings",
        seeds: [
            // StatementScannerTests, MetaCommandLexerTests, HiddenTrailingBytesTests.
            FuzzInput.seed([0], "select 1; select 'a;b' as \"x;y\" -- c;\n/* /* nested */ ; */ select $$;$$, $t$ $$ $t$;\n"),
            FuzzInput.seed([1], "select 'it\\'s', E'\\\\', U&'d\\0061t\\+000061' UESCAPE '!';\n"),
            FuzzInput.seed([0], "\\set x 'va''lue' \\\\ select :x, :'x', :\"x\", :{?x}, :'nope';\n\\echo `echo :x` :'x' \"q\"\n"),
            FuzzInput.seed([0], "\\if :x\n\\echo yes\n\\elif false\n\\else\n\\endif\nselect 1 \\g |cat\n\\copy t from 'f.csv' with csv;\n"),
            FuzzInput.seed([8], "select 1\nselect 2 \\; select 3\n\\r\ncreate function f() returns int as $$ select 1; $$ language sql;\n"),
            FuzzInput.seed([16], "select 1;\nselect 'unterminated\n"),
            FuzzInput.seed([2], "select '\u{95}\\';\n\\echo \u{95}\\ x\n"),
            FuzzInput.seed([4], "select '\u{A5}\\'; select 2;\n"),
            FuzzInput.seed([0], "copy t from stdin;\n1\t2\n\\.\n\\! echo hi\n\\sf+ f(int);\n\\h select\n"),
        ],
        prepare: { _ in
            let encodings: [CharacterRules?] = [nil, libpqRules("SJIS"), libpqRules("BIG5"), libpqRules("GBK")]
            return { bytes in
                var input = FuzzInput(bytes)
                let flags = input.choice()
                var run = ScriptScan(
                    standardConformingStrings: flags & 1 == 0, encoding: encodings[Int(flags >> 1) & 3],
                    singleLine: flags & 8 != 0)
                let text = input.rest
                if flags & 16 != 0 {
                    run.rescan(text)
                } else {
                    for line in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                        run.feed(Array(line))
                    }
                }
                _ = run.scanner.takeDiagnostics()
            }
        })

    /// libpq's rules for a client-only encoding, as a connection in it gives them to the scanner.
    private static func libpqRules(_ name: String) -> CharacterRules {
        guard let rules = Connection.characterRules(encoding: name), rules.isClientOnly else {
            preconditionFailure("\(name) is not a client-only encoding")
        }
        return rules
    }
}

/// A cut-down main loop (MainLoop's order of calls) over the scanner: statements are dropped
/// once complete, and every meta-command reads its arguments in its own mode, then the rest
/// as surplus, as psql does.
private struct ScriptScan {
    var scanner: StatementScanner
    let singleLine: Bool
    var buffer = ""

    struct Variables: VariableResolver {
        func value(of name: String) -> String? {
            ["x": "va'lue", "y": "\\", "empty": "", "bytes": "\u{95}\\\"'"][name]
        }
    }

    init(standardConformingStrings: Bool, encoding: CharacterRules?, singleLine: Bool) {
        scanner = StatementScanner(standardConformingStrings: standardConformingStrings)
        scanner.clientOnlyEncoding = encoding
        self.singleLine = singleLine
    }

    mutating func feed(_ line: [UInt8]) {
        guard scanner.setLine(LosslessText.string(decoding: line)) else { return }
        drain()
    }

    /// What `\e` does with the edited buffer.
    mutating func rescan(_ text: [UInt8]) {
        buffer = ""
        scanner.restart(with: LosslessText.string(decoding: text))
        drain()
    }

    private mutating func drain() {
        while true {
            switch scanner.scan(into: &buffer, variables: Variables()) {
            case .semicolon:
                _ = scanner.countCopyFromStdin()
                buffer = ""
            case .backslash:
                metaCommand()
            case .endOfLine:
                if singleLine { buffer = "" }
                return
            case .incomplete:
                return
            }
        }
    }

    private mutating func metaCommand() {
        let name = scanner.metaCommandName()
        let mode = MetaCommandTable.argumentMode(for: name)
        while scanner.metaCommandArgument(
            mode, stripTrailingSemicolons: name == "c", variables: Variables(), shell: { "<\($0)>\n" }) != nil {}
        while scanner.metaCommandArgument(variables: nil) != nil {}
        scanner.endMetaCommand()
        if name == "r" || name == "g" {
            buffer = ""
            scanner.reset()
        }
    }
}
