import CLibpq
import PGEntraOutput
import PGEntraSystem

extension Connection {
    /// The client encoding as the printers need it: psql's `pset.encoding`, from
    /// PQclientEncoding, with libpq's PQmblen and PQdsplen for an encoding with multibyte
    /// characters other than UTF8.
    package var outputEncoding: OutputEncoding {
        OutputEncoding(clientEncoding: parameterStatus("client_encoding"), rules: Self.characterRules(encodingID: PQclientEncoding(handle)))
    }

    /// libpq's rules for an encoding by name (`SJIS`), as a connection in it would give them;
    /// nil for a name libpq does not know. The scanner's fuzz target reads client-only
    /// encodings through it without a server.
    package static func characterRules(encoding name: String) -> CharacterRules? {
        let id = pg_char_to_encoding(name)
        return id >= 0 ? characterRules(encodingID: id) : nil
    }

    private static func characterRules(encodingID id: Int32) -> CharacterRules {
        CharacterRules(encodingID: id, isClientOnly: pg_valid_server_encoding_id(id) == 0) { bytes in
            // libpq reads the NUL-terminated string a character at a time (GB18030's length
            // depends on its second byte), so it gets a terminated copy of the few bytes a
            // character can have.
            var character: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
            return withUnsafeMutableBytes(of: &character) { copy in
                for index in 0..<min(bytes.count, 4) { copy[index] = bytes[index] }
                let text = copy.baseAddress!.assumingMemoryBound(to: CChar.self)
                return (Int(PQmblenBounded(text, id)), Int(PQdsplen(text, id)))
            }
        }
    }
}
