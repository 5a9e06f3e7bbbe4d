import PGEntraSystem

/// How the printers read the bytes of the client encoding, which results arrive in: psql's
/// `printTableOpt.encoding`, set from the connection's client encoding (SyncVariables,
/// `\encoding`, and after a query that ran `SET client_encoding`) and passed to
/// `pg_wcswidth`, `pg_wcssize`, `pg_wcsformat` and `mbvalidate` (mbprint.c).
package enum OutputEncoding: Sendable, Equatable {
    /// UTF8: widths from PQdsplen's Unicode tables, and invalid sequences dropped (mbvalidate).
    case utf8
    /// Every byte is a character (PQmblen is 1): SQL_ASCII and the single-byte encodings,
    /// whose PQdsplen is pg_ascii_dsplen (1 for any byte from 0x20 except 0x7F). psql validates
    /// none of them, so bytes pass through as the server sent them.
    case singleByte
    /// The other encodings with multibyte characters, measured with libpq's rules for them.
    case multibyte(CharacterRules)

    /// The client encodings other than UTF8 whose characters can take more than one byte
    /// (pg_wchar.h's pg_enc2name_tbl, those whose maximum length is over 1).
    static let multibyteNames: Set<String> = [
        "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004", "MULE_INTERNAL",
        "SJIS", "SHIFT_JIS_2004", "BIG5", "GBK", "UHC", "GB18030", "JOHAB",
    ]

    /// The encoding for the client_encoding name the server reports; `rules` are libpq's for
    /// it, used when it has multibyte characters. Without them (no connection to ask) such an
    /// encoding is measured byte by byte.
    package init(clientEncoding name: String?, rules: CharacterRules? = nil) {
        switch name?.uppercased() {
        case "UTF8", "UNICODE", nil: self = .utf8
        case let name? where Self.multibyteNames.contains(name) && rules != nil: self = .multibyte(rules!)
        default: self = .singleByte
        }
    }

    /// The rules psql's lexers step with when the encoding is client-only (psql_scan_setup's
    /// `encoding` with `safe_encoding` false), else nil: the scanners then need no copy.
    package var clientOnlyRules: CharacterRules? {
        if case .multibyte(let rules) = self, rules.isClientOnly { return rules }
        return nil
    }

    /// `text` (which may hold LosslessText escapes) as the bytes a printer shows: psql's
    /// mbvalidate, which only repairs UTF-8.
    func printable(_ text: String) -> [UInt8] {
        printable(LosslessText.bytes(of: text))
    }

    func printable(_ bytes: [UInt8]) -> [UInt8] {
        self == .utf8 ? UTF8Repair.repaired(bytes) : bytes
    }
}
