import CLibpq

/// libpq's client-side large-object calls (lo_import, lo_export, lo_unlink), which `\lo_import`,
/// `\lo_export` and `\lo_unlink` use: the file is read or written by the client, the object lives
/// on the server. Each must run inside a transaction; on failure the reason is in `errorMessage`.
extension Connection {
    /// The new object's oid; nil when libpq could not import the file.
    package func importLargeObject(fromFile path: String) -> UInt32? {
        let oid = lo_import(handle, path)
        return oid == 0 ? nil : oid
    }

    /// Whether the object was written to `path` (lo_export answers 1 on success).
    package func exportLargeObject(_ oid: UInt32, toFile path: String) -> Bool {
        lo_export(handle, oid, path) == 1
    }

    /// Whether the object was removed (lo_unlink answers -1 on failure).
    package func unlinkLargeObject(_ oid: UInt32) -> Bool {
        lo_unlink(handle, oid) != -1
    }

    /// psql's PQescapeStringConn for a literal's body: quotes (and backslashes, when the server
    /// does not take standard-conforming strings) doubled by the rules of the connection's
    /// encoding, so no multibyte character can hide a quote; nil on bytes invalid in it.
    package func escapeString(_ text: String) -> String? {
        let length = text.utf8.count
        var error: Int32 = 0
        var buffer = [CChar](repeating: 0, count: length * 2 + 1)
        let written = PQescapeStringConn(handle, &buffer, text, length, &error)
        guard error == 0 else { return nil }
        return String(decoding: buffer.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
