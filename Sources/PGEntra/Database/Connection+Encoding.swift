import CLibpq

extension Connection {
    /// The client encoding as the printers need it: psql's `pset.encoding`, from
    /// PQclientEncoding, with libpq's PQmblen and PQdsplen for an encoding with multibyte
    /// characters other than UTF8.
    public var outputEncoding: OutputEncoding {
        let id = PQclientEncoding(handle)
        return OutputEncoding(
            clientEncoding: parameterStatus("client_encoding"),
            rules: CharacterRules(encodingID: id, isClientOnly: pg_valid_server_encoding_id(id) == 0) { bytes in
                // libpq reads the NUL-terminated string a character at a time (GB18030's
                // length depends on its second byte), so it gets a terminated copy of the
                // few bytes a character can have.
                var character: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
                return withUnsafeMutableBytes(of: &character) { copy in
                    for index in 0..<min(bytes.count, 4) { copy[index] = bytes[index] }
                    let text = copy.baseAddress!.assumingMemoryBound(to: CChar.self)
                    return (Int(PQmblenBounded(text, id)), Int(PQdsplen(text, id)))
                }
            })
    }
}
