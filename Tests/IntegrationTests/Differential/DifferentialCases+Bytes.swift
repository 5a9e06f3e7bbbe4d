import PGEntraSystem

/// Differential cases for bytes that are not UTF-8 (issue 10, item 4): psql sends a script's
/// bytes as they are, whatever the client encoding, and prints results in the client encoding,
/// measuring widths in it (print.c and mbprint.c: pg_wcswidth, PQmblen, PQdsplen). A raw 0xE9
/// under client_encoding UTF8 must reach the server and be refused, not become U+FFFD and be
/// stored. Inputs are written byte for byte and the output compared byte for byte.
extension DifferentialCase {
    static let bytes: [DifferentialCase] = bytesInvalidUTF8 + bytesClientEncodings + bytesHiddenTrailingBytes

    /// `text` with `\xNN` standing for the byte NN, for scripts that are not UTF-8.
    static func raw(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "\\"), utf8.count >= 4, utf8.dropFirst().first == UInt8(ascii: "x"),
               let value = UInt8(String(decoding: utf8.dropFirst(2).prefix(2), as: UTF8.self), radix: 16) {
                out.append(value)
                utf8 = utf8.dropFirst(4)
            } else {
                out.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return out
    }

    static let invalidUTF8Script = raw(#"""
        select 'caf\xE9' as v;
        select 'ok \xC3\xA9' as fine;
        select '\xF0\x28' as truncated;
        select 1 as after;

        """#)

    static let bytesInvalidUTF8: [DifferentialCase] = [
        .init("bytes invalid UTF-8 in a file", ["-f", "{dir}/bad.sql"], rawFiles: ["bad.sql": invalidUTF8Script]),
        .init("bytes invalid UTF-8 on stdin", [], rawStdin: invalidUTF8Script),
        .init("bytes invalid UTF-8 in -c", ["-c", LosslessText.string(decoding: raw(#"select 'caf\xE9' as v"#)), "-c", "select 2 as b"]),
        .init("bytes invalid UTF-8 echoed and logged", ["-a", "-L", "{out}", "-f", "{dir}/echo.sql"], rawFiles: ["echo.sql": raw(#"""
            select 'caf\xE9' as v;
            \qecho caf\xE9 \xFF\xFE
            select 'x\xE9' \p \r
            \echo :'LAST_ERROR_MESSAGE'
            select 3 as three;

            """#)], writesOutputFile: true),
        .init("bytes invalid UTF-8 in exec", ["-f", "{dir}/bad.sql"], mode: .exec, rawFiles: ["bad.sql": invalidUTF8Script]),
    ]

    static let bytesClientEncodings: [DifferentialCase] = [
        .init("bytes Latin-1 text with encoding LATIN1", ["-f", "{dir}/latin1.sql"], rawFiles: ["latin1.sql": raw(#"""
            \encoding LATIN1
            \encoding
            create temp table latin (id int, v text);
            insert into latin values (1, 'caf\xE9'), (2, 'na\xEFve \xC0 la carte'), (3, '\xA3\xB5\xFF'), (4, 'x\x85y');
            select id, v, length(v) as chars, octet_length(convert_to(v, 'UTF8')) as utf8_bytes from latin order by id;
            select v as "caf\xE9 \xE0 vous", id from latin order by id;
            \x
            select * from latin where id < 3 order by id;
            \x
            \pset border 2
            select 'line1
            l\xEFne2' as "m\xFBlti", 'tab	\xE9' as t;
            \encoding UTF8
            select v from latin order by id;

            """#)]),
        .init("bytes Latin-1 text unaligned and csv", ["-f", "{dir}/latin1.sql"], rawFiles: ["latin1.sql": raw(#"""
            \encoding LATIN1
            \pset format unaligned
            select 'caf\xE9' as "\xE9t\xE9", 2 as n;
            \pset format csv
            select 'caf\xE9, "cr\xE8me"' as "\xE9t\xE9", 2 as n;

            """#)]),
        .init("bytes SET client_encoding is followed after the query", ["-f", "{dir}/set.sql"], rawFiles: ["set.sql": raw(#"""
            set client_encoding to 'LATIN1' \; select 'caf\xC3\xA9' as same_query;
            \echo :ENCODING
            reset client_encoding;
            set client_encoding to 'LATIN1'; select 'caf\xE9' as "\xE9t\xE9";
            \echo :ENCODING
            select 'caf\xE9' as "\xE9t\xE9", 'na\xEFve' as n;
            reset client_encoding;
            \echo :ENCODING
            select 'caf\xC3\xA9' as utf8;

            """#)]),
        // The values are made on the server (chr of a code point), so the script stays ASCII;
        // 表 is 0x95 0x5C in SJIS, a second byte that is a backslash.
        .init("bytes multibyte client encodings", ["-f", "{dir}/multibyte.sql"], files: ["multibyte.sql": """
            \\encoding EUC_JP
            select chr(26085) || chr(26412) || 'x' as jp, 1 as n, chr(26085) as "h";
            \\x
            select chr(26085) || chr(26412) || 'x' as jp, 1 as n;
            \\x
            \\encoding SJIS
            select chr(34920) || 'x' as sjis, chr(65393) || chr(65394) as kana, 2 as n;
            \\pset format wrapped
            \\pset columns 20
            select repeat(chr(34920), 12) as long, repeat(chr(65393), 9) || 'end' as half;
            \\encoding BIG5
            select chr(20013) || chr(25991) as big5;

            """]),
        .init("bytes SQL_ASCII database", ["-f", "{dir}/ascii.sql"], rawFiles: ["ascii.sql": raw(#"""
            \encoding
            select current_setting('server_encoding') as server;
            create temp table stored (id int, v text);
            insert into stored values (1, 'caf\xE9'), (2, 'ok \xC3\xA9t\xC3\xA9'), (3, '\xE6\x97\xA5\xE6\x9C\xAC'), (4, '\xFF\x80');
            select id, v, length(v) as len from stored order by id;
            select v as "h\xE9ader", id from stored order by id;
            \x
            select * from stored order by id;

            """#)], overrides: ["-d", DifferentialServer.sqlASCIIDatabase]),
    ]

    /// A script for a client-only encoding whose characters `backslash`, `backquote` and
    /// `letter` end in 0x5C (`\`), 0x60 (`` ` ``) and an upper-case ASCII letter: psql's lexers
    /// hide those trailing bytes (psqlscan.l, psqlscan_prepare_buffer), so no string, argument
    /// or variable value is cut at them. Each is given as `\xNN\xNN` for `raw`.
    static func hiddenTrailingBytesScript(encoding: String, backslash b: String, backquote q: String, letter a: String) -> [UInt8] {
        raw("""
            \\encoding \(encoding)
            select E'\(b)' as e, '\(b)' as s, length(E'\(b)') as n, E'x\\\\\(b)\(b)y' as esc, U&'\(b)' as u;
            select $t\(b)$\(b)$t\(b)$ as dollar, "\(b)\(a)" from (select 1 as "\(b)\(a)") as f;
            select 'a\(b)
            b\(b)' as two_lines;
            \\echo \(b) '\(b)' "\(b)" x\(q)y '\(b)\\n' \(b)\(a)
            \\set v '\(b)'
            \\set w \(b)\(a)x
            \\echo :v :'v' :"v" :w
            select :'v' as quoted, :'w' as w, :"w" as ident;
            \\set q 'select ''\(b)'' as via_variable;'
            :q
            \\set \(b) 1
            \\set \(a) 2
            \\echo :\(a)
            set standard_conforming_strings = off;
            select '\(b)' as nonstandard, '\(b)\\'' as quote;
            reset standard_conforming_strings;
            \\echo\(b) x
            \\echo after \(b)\\\\ select 'tail \(b)' as tail;
            \\encoding UTF8
            select 'back in UTF8' as u;

            """)
    }

    static let bytesHiddenTrailingBytes: [DifferentialCase] = [
        // 表 (0x95 0x5C), 描 (0x95 0x60), ア (0x83 0x41).
        .init("bytes SJIS trailing bytes hidden from the lexer", ["-f", "{dir}/sjis.sql"], rawFiles: [
            "sjis.sql": hiddenTrailingBytesScript(encoding: "SJIS", backslash: #"\x95\x5C"#, backquote: #"\x95\x60"#, letter: #"\x83\x41"#),
        ]),
        // 功 (0xA5 0x5C), 匝 (0xA5 0x60), 乙 (0xA4 0x41).
        .init("bytes BIG5 trailing bytes hidden from the lexer", ["-f", "{dir}/big5.sql"], rawFiles: [
            "big5.sql": hiddenTrailingBytesScript(encoding: "BIG5", backslash: #"\xA5\x5C"#, backquote: #"\xA5\x60"#, letter: #"\xA4\x41"#),
        ]),
        // 昞 (0x95 0x5C), 昤 (0x95 0x60), 丄 (0x81 0x41).
        .init("bytes GBK trailing bytes hidden from the lexer", ["-f", "{dir}/gbk.sql"], rawFiles: [
            "gbk.sql": hiddenTrailingBytesScript(encoding: "GBK", backslash: #"\x95\x5C"#, backquote: #"\x95\x60"#, letter: #"\x81\x41"#),
        ]),
        // Patterns step over 表 and ア too (patternToSQLRegex, appendStringLiteralConn): ア's
        // 0x41 is not lower-cased into 表a, and 表's 0x5C is neither escaped nor doubled.
        .init("bytes SJIS trailing bytes in describe patterns", ["-f", "{dir}/patterns.sql"], rawFiles: ["patterns.sql": raw(#"""
            \encoding SJIS
            begin;
            create schema hidden_bytes;
            create table hidden_bytes."\x95\x5C\x83\x41" (id int);
            create table hidden_bytes."\x95\x5Ca" (id int);
            \dt hidden_bytes.\x95\x5C\x83\x41
            \dt hidden_bytes.\x95\x5C*
            \dt hidden_bytes."\x95\x5C\x83\x41"
            \d hidden_bytes.\x95\x5C\x83\x41
            rollback;

            """#)]),
        // The same script read from standard input.
        .init("bytes SJIS trailing bytes hidden on stdin", [], rawStdin: hiddenTrailingBytesScript(
            encoding: "SJIS", backslash: #"\x95\x5C"#, backquote: #"\x95\x60"#, letter: #"\x83\x41"#)),
    ]
}
