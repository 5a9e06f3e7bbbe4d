/// How the printers read the bytes of the client encoding, which results arrive in: psql's
/// `printTableOpt.encoding`, set from the connection's client encoding (SyncVariables,
/// `\encoding`, and after a query that ran `SET client_encoding`) and passed to
/// `pg_wcswidth`, `pg_wcssize`, `pg_wcsformat` and `mbvalidate` (mbprint.c).
public enum OutputEncoding: Sendable, Equatable {
    /// UTF8: widths from PQdsplen's Unicode tables, and invalid sequences dropped (mbvalidate).
    case utf8
    /// Every byte is a character (PQmblen is 1): SQL_ASCII and the single-byte encodings,
    /// whose PQdsplen is pg_ascii_dsplen (1 for any byte from 0x20 except 0x7F). psql validates
    /// none of them, so bytes pass through as the server sent them.
    case singleByte

    /// The encoding for the client_encoding name the server reports. The encodings with
    /// multibyte characters other than UTF8 (EUC_JP, SJIS, BIG5, GBK, ...) are measured byte by
    /// byte too, which psql does not do (its PQmblen steps over their characters): pgentra does
    /// not carry their tables yet, so their widths can differ from psql's.
    public init(clientEncoding name: String?) {
        switch name?.uppercased() {
        case "UTF8", "UNICODE", nil: self = .utf8
        default: self = .singleByte
        }
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
